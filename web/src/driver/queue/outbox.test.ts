import { describe, expect, it } from 'vitest';
import { classify, Outbox, type Answer } from './outbox';
import { memoryStore } from './store';

/** A service that stores what it gets once per Idempotency-Key, and can be "offline" or lose its answers. */
function service() {
  const stored: number[] = [];
  const keys = new Map<string, number[]>();
  const requests: { values: number[]; key: string }[] = [];
  let mode: 'up' | 'offline' | 'lose-answer' | 'busy' = 'up';
  return {
    stored,
    requests,
    set(next: typeof mode) {
      mode = next;
    },
    async send(values: number[], key: string): Promise<Answer> {
      requests.push({ values: [...values], key });
      if (mode === 'offline') return { status: 0 };
      if (mode === 'busy') return { status: 503 };
      const before = keys.get(key);
      if (before) expect(before).toEqual(values); // a retry under the same key is the very same request
      else {
        keys.set(key, [...values]);
        stored.push(...values);
      }
      if (mode === 'lose-answer') {
        mode = 'up';
        return { status: 0 };
      }
      return { status: 202 };
    },
  };
}

let counter = 0;
const newKey = () => `key-${++counter}`;

describe('the outbox', () => {
  it('sends pings in batches of at most 100, oldest first, each batch under its own key', async () => {
    const server = service();
    const outbox = new Outbox({ store: memoryStore<number>(), send: server.send, batch: 100, newKey });
    await outbox.add(Array.from({ length: 250 }, (_, i) => i));
    const report = await outbox.flush();
    expect(report).toEqual({ sent: 250, dropped: 0, left: 0 });
    expect(server.requests.map(r => r.values.length)).toEqual([100, 100, 50]);
    expect(new Set(server.requests.map(r => r.key)).size).toBe(3);
    expect(server.stored).toEqual(Array.from({ length: 250 }, (_, i) => i));
  });

  it('keeps pings queued while offline and sends them in order once back, each stored once', async () => {
    const server = service();
    const store = memoryStore<number>();
    const outbox = new Outbox({ store, send: server.send, batch: 100, newKey });
    await outbox.add([1, 2]);
    await outbox.flush();
    server.set('offline');
    await outbox.add([3, 4]);
    expect(await outbox.flush()).toMatchObject({ sent: 0, stoppedBy: 'retry', left: 2 });
    await outbox.add([5, 6, 7]);
    expect(await outbox.flush()).toMatchObject({ stoppedBy: 'retry', left: 5 });
    server.set('up');
    expect(await outbox.flush()).toEqual({ sent: 5, dropped: 0, left: 0 });
    expect(server.stored).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('resends a batch whose answer was lost as the same batch under the same key, so it is stored once', async () => {
    const server = service();
    const outbox = new Outbox({ store: memoryStore<number>(), send: server.send, batch: 100, newKey });
    await outbox.add([1, 2, 3]);
    server.set('lose-answer');
    expect(await outbox.flush()).toMatchObject({ stoppedBy: 'retry', left: 3 });
    // pings recorded meanwhile do not join the batch that was already tried
    await outbox.add([4]);
    expect(await outbox.flush()).toEqual({ sent: 4, dropped: 0, left: 0 });
    expect(server.requests.map(r => r.values)).toEqual([[1, 2, 3], [1, 2, 3], [4]]);
    expect(server.requests[0]!.key).toBe(server.requests[1]!.key);
    expect(server.stored).toEqual([1, 2, 3, 4]);
  });

  it('drops a batch the service refuses for good and reports it, then goes on with the next', async () => {
    const store = memoryStore<number>();
    const sent: number[][] = [];
    const outbox = new Outbox({
      store, batch: 1, newKey,
      send: async values => {
        sent.push(values);
        return values[0] === 2 ? { status: 422, detail: 'lat must be between -90 and 90' } : { status: 200 };
      },
    });
    const settled: string[] = [];
    outbox.onSettled(s => settled.push(`${s.values[0]}:${s.outcome}${s.answer.detail ? ` (${s.answer.detail})` : ''}`));
    await outbox.add([1, 2, 3], true);
    expect(await outbox.flush()).toEqual({ sent: 2, dropped: 1, left: 0 });
    expect(settled).toEqual(['1:sent', '2:drop (lat must be between -90 and 90)', '3:sent']);
  });

  it('gives each action its own key when it is queued and keeps it across retries', async () => {
    const server = service();
    const store = memoryStore<number>();
    const outbox = new Outbox({ store, send: server.send, batch: 1, newKey });
    await outbox.add([10, 20], true);
    const keys = store.entries.map(entry => entry.key);
    expect(new Set(keys).size).toBe(2);
    server.set('busy');
    await outbox.flush();
    server.set('up');
    await outbox.flush();
    expect(server.requests.map(r => `${r.values[0]}@${r.key}`)).toEqual([`10@${keys[0]}`, `10@${keys[0]}`, `20@${keys[1]}`]);
  });

  it('stops at an answer the interpreter says must wait, and keeps the order behind it', async () => {
    const server = service();
    const outbox = new Outbox({
      store: memoryStore<number>(), send: server.send, batch: 1, newKey,
      interpret: async values => (values[0] === 1 ? 'pause' : 'sent'),
    });
    await outbox.add([1, 2], true);
    expect(await outbox.flush()).toMatchObject({ sent: 0, stoppedBy: 'pause', left: 2 });
    expect(server.requests).toHaveLength(1);
  });

  it('runs one flush at a time', async () => {
    let calls = 0;
    let release: () => void = () => undefined;
    const outbox = new Outbox<number>({
      store: memoryStore<number>(), batch: 100, newKey,
      send: () => {
        calls += 1;
        return new Promise(resolve => {
          release = () => resolve({ status: 202 });
        });
      },
    });
    await outbox.add([1]);
    const first = outbox.flush();
    const second = outbox.flush();
    expect(second).toBe(first);
    await Promise.resolve();
    await new Promise(resolve => setTimeout(resolve, 0));
    release();
    await first;
    expect(calls).toBe(1);
  });

  it('treats a thrown send as no connection', async () => {
    const outbox = new Outbox<number>({ store: memoryStore<number>(), batch: 100, newKey, send: () => Promise.reject(new TypeError('Failed to fetch')) });
    await outbox.add([1]);
    expect(await outbox.flush()).toMatchObject({ stoppedBy: 'retry', left: 1 });
  });
});

describe('what an answer means', () => {
  it.each([
    [202, 'sent'], [200, 'sent'], [0, 'retry'], [429, 'retry'], [503, 'retry'], [409, 'retry'],
    [401, 'pause'], [403, 'pause'], [400, 'drop'], [422, 'drop'], [404, 'drop'],
  ] as const)('status %i is %s', (status, outcome) => {
    expect(classify(status)).toBe(outcome);
  });
});
