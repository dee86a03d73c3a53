import type { Entry, QueueStore } from './store';

/**
 * An outbox: values queued in order and sent in that order, each request with an Idempotency-Key, so that a request
 * whose answer was lost is sent again with the same key and the service stores it once. Pings go out in batches of up
 * to 100 under one key; a job action goes alone under the key it got when the driver tapped (the order of actions
 * matters: en route, then pickup, then delivery). Written without the browser so its rules are tested on their own.
 */
export type Outcome = 'sent' | 'retry' | 'drop' | 'pause';

export interface Answer {
  /** HTTP status; 0 when no answer came (offline, dropped connection). */
  status: number;
  detail?: string;
}

export interface Settled<T> {
  values: T[];
  key: string;
  outcome: 'sent' | 'drop';
  answer: Answer;
}

export interface FlushReport {
  sent: number;
  dropped: number;
  /** Why the flush stopped before the queue was empty: `retry` later (no connection, busy service), or `pause` (signed out). */
  stoppedBy?: 'retry' | 'pause';
  left: number;
}

/**
 * What an answer means for the queued request: stored (2xx); worth another try later with the same key (no answer,
 * timeouts, 429, 5xx, and 409 "the same key is still running"); waiting for the driver (401/403: signed out); or
 * refused for good (any other 4xx: sending it again would be refused again, so it leaves the queue and is reported).
 */
export function classify(status: number): Outcome {
  if (status >= 200 && status < 300) return 'sent';
  if (status === 0 || status === 408 || status === 409 || status === 425 || status === 429 || status >= 500) return 'retry';
  if (status === 401 || status === 403) return 'pause';
  return 'drop';
}

export interface OutboxOptions<T> {
  store: QueueStore<T>;
  /** Sends one batch with its key. Must not throw: a failed connection is `{status: 0}`. */
  send(values: T[], key: string): Promise<Answer>;
  /** Largest batch (1 for actions, 100 for pings). */
  batch: number;
  /** Refines what an answer means (actions: a 409 for a step already done is `sent`). */
  interpret?(values: T[], answer: Answer): Promise<Outcome>;
  newKey?: () => string;
}

export class Outbox<T> {
  private running: Promise<FlushReport> | null = null;
  private readonly listeners = new Set<(settled: Settled<T>) => void>();

  constructor(private readonly options: OutboxOptions<T>) {}

  /** Queues values at the end; `withKey` gives each its own key now (actions), else a batch gets one when sent. */
  async add(values: T[], withKey = false): Promise<void> {
    if (withKey) {
      for (const value of values) await this.options.store.append([value], this.newKey());
    } else {
      await this.options.store.append(values);
    }
  }

  count(): Promise<number> {
    return this.options.store.count();
  }

  pending(limit = 100): Promise<Entry<T>[]> {
    return this.options.store.head(limit);
  }

  /** Hears each batch that left the queue (sent, or refused for good). */
  onSettled(listener: (settled: Settled<T>) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Sends what is queued, oldest first, until it is empty or a batch must wait; one flush at a time. */
  flush(): Promise<FlushReport> {
    this.running ??= this.drain().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async drain(): Promise<FlushReport> {
    const report: FlushReport = { sent: 0, dropped: 0, left: 0 };
    for (;;) {
      const batch = await this.nextBatch();
      if (!batch) break;
      const { entries, key } = batch;
      const values = entries.map(entry => entry.value);
      const answer = await this.options.send(values, key).catch((): Answer => ({ status: 0 }));
      const outcome = this.options.interpret ? await this.options.interpret(values, answer) : classify(answer.status);
      if (outcome === 'retry' || outcome === 'pause') {
        report.stoppedBy = outcome;
        break;
      }
      await this.options.store.remove(entries.map(entry => entry.seq));
      if (outcome === 'sent') report.sent += values.length;
      else report.dropped += values.length;
      this.listeners.forEach(listener => listener({ values, key, outcome, answer }));
    }
    report.left = await this.options.store.count();
    return report;
  }

  /**
   * The batch to send next: the oldest entries that already share a key (a batch tried before, resent as it was),
   * else up to `batch` of the oldest entries without one, given a new key first so a retry is the same request.
   */
  private async nextBatch(): Promise<{ entries: Entry<T>[]; key: string } | null> {
    const head = await this.options.store.head(this.options.batch);
    const first = head[0];
    if (!first) return null;
    if (first.key) {
      const key = first.key;
      const entries: Entry<T>[] = [];
      for (const entry of head) {
        if (entry.key !== key) break;
        entries.push(entry);
      }
      return { entries, key };
    }
    const entries: Entry<T>[] = [];
    for (const entry of head) {
      if (entry.key) break;
      entries.push(entry);
    }
    const key = this.newKey();
    await this.options.store.mark(entries.map(entry => entry.seq), key);
    return { entries, key };
  }

  private newKey(): string {
    return this.options.newKey ? this.options.newKey() : crypto.randomUUID();
  }
}
