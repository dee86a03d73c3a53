/**
 * Where the driver app keeps what it still has to send (pings, job actions), oldest first. In the browser this is
 * IndexedDB (idb.ts), so nothing is lost when the connection drops or the page reloads; the tests use the in-memory
 * one below. Entries belong to one driver account: another driver signing in on the same phone never sends them.
 */
export interface Entry<T> {
  /** Position in the queue, growing: the order things happened in. */
  seq: number;
  value: T;
  /**
   * The Idempotency-Key the entry was (or is about to be) sent with. A ping batch gets one key for all its entries,
   * written here before the first try, so a retry after a lost answer resends the same batch under the same key.
   */
  key?: string;
}

export interface QueueStore<T> {
  /** Adds values at the end, in this order. */
  append(values: T[], key?: string): Promise<void>;
  /** The oldest `limit` entries. */
  head(limit: number): Promise<Entry<T>[]>;
  /** Gives these entries a key (the batch they go out in). */
  mark(seqs: number[], key: string): Promise<void>;
  remove(seqs: number[]): Promise<void>;
  count(): Promise<number>;
}

/** A queue in memory: for tests, and the fallback where IndexedDB is unavailable (private windows of some browsers). */
export function memoryStore<T>(): QueueStore<T> & { entries: Entry<T>[] } {
  let next = 1;
  const entries: Entry<T>[] = [];
  return {
    entries,
    async append(values, key) {
      for (const value of values) entries.push({ seq: next++, value, ...(key ? { key } : {}) });
    },
    async head(limit) {
      return entries.slice(0, limit).map(entry => ({ ...entry }));
    },
    async mark(seqs, key) {
      for (const entry of entries) if (seqs.includes(entry.seq)) entry.key = key;
    },
    async remove(seqs) {
      for (let i = entries.length - 1; i >= 0; i--) if (seqs.includes(entries[i]!.seq)) entries.splice(i, 1);
    },
    async count() {
      return entries.length;
    },
  };
}
