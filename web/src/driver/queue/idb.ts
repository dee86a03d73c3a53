import { memoryStore, type Entry, type QueueStore } from './store';

/**
 * The queues in IndexedDB (database `returnit-driver`, one object store per queue), so pings and job actions survive
 * a lost connection, a reload and a closed tab. Records carry the driver's account id: each driver's queue is only
 * theirs. Where IndexedDB cannot be opened (some private windows) the queue lives in memory and the page says so.
 */
const DB = 'returnit-driver';
const STORES = ['pings', 'actions'] as const;
export type QueueName = (typeof STORES)[number];

interface Row<T> {
  seq?: number;
  owner: string;
  value: T;
  key?: string;
}

let opening: Promise<IDBDatabase> | null = null;

function open(): Promise<IDBDatabase> {
  opening ??= new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(DB, 1);
    request.onupgradeneeded = () => {
      for (const name of STORES) {
        const store = request.result.createObjectStore(name, { keyPath: 'seq', autoIncrement: true });
        store.createIndex('owner', 'owner');
      }
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB unavailable'));
    request.onblocked = () => reject(new Error('IndexedDB blocked'));
  }).catch(error => {
    opening = null;
    throw error;
  });
  return opening;
}

function done(transaction: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB write failed'));
    transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB write aborted'));
  });
}

function result<R>(request: IDBRequest<R>): Promise<R> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB read failed'));
  });
}

/** Whether this browser can keep the queues on disk. */
export async function persistentQueuesAvailable(): Promise<boolean> {
  if (typeof indexedDB === 'undefined') return false;
  try {
    await open();
    return true;
  } catch {
    return false;
  }
}

/** The queue `name` of driver `owner`, on disk where possible. */
export function idbStore<T>(name: QueueName, owner: string): QueueStore<T> {
  if (typeof indexedDB === 'undefined') return memoryStore<T>();
  const only = IDBKeyRange.only(owner);
  return {
    async append(values, key) {
      const tx = (await open()).transaction(name, 'readwrite');
      const store = tx.objectStore(name);
      for (const value of values) store.add({ owner, value, ...(key ? { key } : {}) } satisfies Row<T>);
      await done(tx);
    },
    async head(limit) {
      const tx = (await open()).transaction(name, 'readonly');
      const rows = await result(tx.objectStore(name).index('owner').getAll(only, limit) as IDBRequest<Row<T>[]>);
      return rows.map(row => ({ seq: row.seq!, value: row.value, ...(row.key ? { key: row.key } : {}) }) satisfies Entry<T>);
    },
    async mark(seqs, key) {
      const tx = (await open()).transaction(name, 'readwrite');
      const store = tx.objectStore(name);
      for (const seq of seqs) {
        const row = await result(store.get(seq) as IDBRequest<Row<T> | undefined>);
        if (row && row.owner === owner) store.put({ ...row, key });
      }
      await done(tx);
    },
    async remove(seqs) {
      const tx = (await open()).transaction(name, 'readwrite');
      const store = tx.objectStore(name);
      for (const seq of seqs) store.delete(seq);
      await done(tx);
    },
    async count() {
      const tx = (await open()).transaction(name, 'readonly');
      return result(tx.objectStore(name).index('owner').count(only));
    },
  };
}
