/**
 * A creating call that must never happen twice (a booking) is an *attempt*: its request and Idempotency-Key are kept
 * in sessionStorage until the service answers it for good. A retry after a lost answer, also after a reload, sends the
 * very same request with the same key, and the service replays its first answer instead of acting again. Only a final
 * answer (success, or a refusal such as a declined card) ends the attempt; the next try is then a new one.
 */
type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export interface Attempt<T> {
  request: T;
  key: string;
}

export function attempts<T>(name: string, storage: Store = sessionStorage) {
  const slot = `returnit.attempt.${name}`;
  return {
    /** The attempt still waiting for a final answer, if any. */
    pending(): Attempt<T> | null {
      try {
        const stored = storage.getItem(slot);
        return stored ? (JSON.parse(stored) as Attempt<T>) : null;
      } catch {
        return null;
      }
    },
    /** The pending attempt when `same` says it is this request's; otherwise a new attempt with a new key. */
    start(request: T, same: (pending: T) => boolean): Attempt<T> {
      const pending = this.pending();
      const attempt = pending && same(pending.request) ? pending : { request, key: crypto.randomUUID() };
      storage.setItem(slot, JSON.stringify(attempt));
      return attempt;
    },
    /** The attempt got its final answer. */
    done(): void {
      storage.removeItem(slot);
    },
  };
}
