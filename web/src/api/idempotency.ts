/**
 * Idempotency keys for creating calls that must never happen twice (a booking). One key per attempt, kept in
 * sessionStorage under a name for what is being attempted, so a retry after a lost answer, even after a reload,
 * sends the same key and the service replays its first answer instead of booking again. A new attempt (another card,
 * changed items) gets a new key.
 */
const PREFIX = 'returnit.idempotency.';

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem' | 'removeItem'>;

export function idempotencyKeys(storage: Storage = sessionStorage) {
  return {
    /** The key of this attempt: the same for the same `attempt` until {@link done}. */
    for(attempt: string): string {
      const name = PREFIX + attempt;
      const existing = storage.getItem(name);
      if (existing) return existing;
      const key = crypto.randomUUID();
      storage.setItem(name, key);
      return key;
    },
    /** The attempt got a final answer (success or refusal): its next try is a new attempt. */
    done(attempt: string): void {
      storage.removeItem(PREFIX + attempt);
    },
  };
}
