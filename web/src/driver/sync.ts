import { useSyncExternalStore } from 'react';
import { api, call } from '../api/client';
import { keys, queryClient } from '../api/query';
import { driverKeys, type Order } from './data';
import { interpretAction, TARGET, type JobAction } from './queue/actions';
import { idbStore, persistentQueuesAvailable } from './queue/idb';
import { Outbox, type Answer, type FlushReport } from './queue/outbox';
import type { Ping } from './queue/pings';

/**
 * The driver's two outboxes (pings, job actions) for the signed-in driver, and when they are flushed: at once after
 * an action, every few seconds while there is something to send, at once when the browser is back online, with a
 * growing pause (up to a minute) after failed tries. Its state (what waits, whether it is online, what was refused)
 * is read by the pages through {@link useSync}.
 */
export interface SyncState {
  owner: string | null;
  online: boolean;
  pings: number;
  actions: JobAction[];
  /** Pings stored by the service in this session of the page. */
  pingsSent: number;
  lastSentAt: number | null;
  /** Actions the service refused for good, with its reason, until the driver dismisses them. */
  refused: { action: JobAction; detail: string }[];
  /** The queues are in memory only (no IndexedDB): a reload loses them. */
  volatile: boolean;
}

let state: SyncState = {
  owner: null, online: typeof navigator === 'undefined' ? true : navigator.onLine, pings: 0, actions: [], pingsSent: 0,
  lastSentAt: null, refused: [], volatile: false,
};
const listeners = new Set<() => void>();

function set(patch: Partial<SyncState>): void {
  state = { ...state, ...patch };
  listeners.forEach(listener => listener());
}

export function useSync(): SyncState {
  return useSyncExternalStore(
    listener => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => state,
    () => state,
  );
}

/** Turns a call's outcome into the outbox's answer: status, or 0 when nothing came back. */
async function answerOf(pending: Promise<{ response: Response; error?: unknown }>): Promise<Answer> {
  try {
    const { response, error } = await pending;
    const detail = error && typeof error === 'object' && 'detail' in error ? String((error as { detail: unknown }).detail) : undefined;
    return { status: response.status, ...(detail ? { detail } : {}) };
  } catch {
    return { status: 0 };
  }
}

function sendPings(pings: Ping[], key: string): Promise<Answer> {
  return answerOf(api.POST('/v1/drivers/me/locations', { body: { pings }, headers: { 'Idempotency-Key': key } }));
}

function sendAction(action: JobAction, key: string): Promise<Answer> {
  const headers = { 'Idempotency-Key': key };
  const path = { id: action.orderId };
  switch (action.kind) {
    case 'en-route':
      return answerOf(api.POST('/v1/orders/{id}/en-route', { params: { path }, headers }));
    case 'pickup':
      return answerOf(api.POST('/v1/orders/{id}/pickup', { params: { path }, headers, body: action.body }));
    case 'fail':
      return answerOf(api.POST('/v1/orders/{id}/fail', { params: { path }, headers, body: action.body }));
    case 'deliver':
      return answerOf(api.POST('/v1/orders/{id}/deliver', { params: { path }, headers, body: action.body }));
    case 'photo':
    case 'signature': {
      // the image's bytes as the body, typed by the image itself
      const upload = { headers: { ...headers, 'Content-Type': action.image.type || 'image/jpeg' }, body: action.image as unknown as string, bodySerializer: (body: unknown) => body as Blob };
      return action.kind === 'photo'
        ? answerOf(api.POST('/v1/orders/{id}/proof/photos', { params: { path, query: action.sku ? { sku: action.sku } : {} }, ...upload }))
        : answerOf(api.POST('/v1/orders/{id}/proof/signature', { params: { path }, ...upload }));
    }
  }
}

async function orderStatus(orderId: string): Promise<string | null> {
  const order = await call(api.GET('/v1/orders/{id}', { params: { path: { id: orderId } } }));
  return order.status;
}

let pings: Outbox<Ping> | null = null;
let actions: Outbox<JobAction> | null = null;
let timer: number | null = null;
let failures = 0;
let nextTryAt = 0;
const BASE_MS = 5_000;
const MAX_MS = 60_000;

async function refreshCounts(): Promise<void> {
  if (!pings || !actions) return;
  const [pingCount, waiting] = await Promise.all([pings.count(), actions.pending(100)]);
  set({ pings: pingCount, actions: waiting.map(entry => entry.value) });
}

/** Starts the outboxes of driver `owner` (again after a reload: what was queued is sent). */
export function startSync(owner: string): void {
  if (state.owner === owner) return;
  stopSync();
  pings = new Outbox<Ping>({ store: idbStore<Ping>('pings', owner), batch: 100, send: sendPings });
  actions = new Outbox<JobAction>({
    store: idbStore<JobAction>('actions', owner),
    batch: 1,
    send: (values, key) => sendAction(values[0]!, key),
    interpret: (values, answer) => interpretAction(values[0]!, answer, () => orderStatus(values[0]!.orderId)),
  });
  pings.onSettled(settled => {
    if (settled.outcome === 'sent') set({ pingsSent: state.pingsSent + settled.values.length, lastSentAt: Date.now() });
  });
  actions.onSettled(settled => {
    const action = settled.values[0]!;
    if (settled.outcome === 'drop') {
      set({ refused: [...state.refused, { action, detail: settled.answer.detail ?? `The service answered ${settled.answer.status}.` }] });
    }
    const reached = settled.outcome === 'sent' ? TARGET[action.kind] : null;
    // the service confirmed the step: show its status at once, even if the refetch below never completes (the
    // connection may drop right after), rather than the status from before the step
    if (reached) {
      const moved = (order: Order): Order => (order.id === action.orderId ? { ...order, status: reached as Order['status'] } : order);
      queryClient.setQueryData<Order[]>(driverKeys.jobs, jobs => jobs?.map(moved));
      queryClient.setQueryData<Order>(keys.order(action.orderId), order => (order ? moved(order) : order));
    }
    void queryClient.invalidateQueries({ queryKey: keys.order(action.orderId) });
    void queryClient.invalidateQueries({ queryKey: keys.orders() });
  });
  set({ owner, pingsSent: 0, lastSentAt: null, refused: [] });
  void persistentQueuesAvailable().then(ok => set({ volatile: !ok }));
  window.addEventListener('online', wentOnline);
  window.addEventListener('offline', wentOffline);
  timer = window.setInterval(tick, 1_000);
  void refreshCounts().then(flushNow);
}

export function stopSync(): void {
  if (timer !== null) window.clearInterval(timer);
  timer = null;
  window.removeEventListener('online', wentOnline);
  window.removeEventListener('offline', wentOffline);
  pings = null;
  actions = null;
  set({ owner: null, pings: 0, actions: [] });
}

function wentOnline(): void {
  set({ online: true });
  failures = 0;
  void flushNow();
}

function wentOffline(): void {
  set({ online: false });
}

function tick(): void {
  if (Date.now() < nextTryAt) return;
  if (state.pings === 0 && state.actions.length === 0) return;
  void flushNow();
}

let flushing: Promise<void> | null = null;

/** Sends what waits: actions first (a driver waits on them), then pings. */
export function flushNow(): Promise<void> {
  flushing ??= (async () => {
    if (!pings || !actions) return;
    const reports: FlushReport[] = [];
    reports.push(await actions.flush());
    reports.push(await pings.flush());
    const stopped = reports.some(report => report.stoppedBy);
    failures = stopped ? failures + 1 : 0;
    nextTryAt = Date.now() + (stopped ? Math.min(MAX_MS, BASE_MS * 2 ** Math.max(0, failures - 1)) : BASE_MS);
    await refreshCounts();
  })().finally(() => {
    flushing = null;
  });
  return flushing;
}

/** Queues a position (sent within a few seconds, or when back online). */
export async function queuePing(ping: Ping): Promise<void> {
  if (!pings) return;
  await pings.add([ping]);
  await refreshCounts();
}

/** Queues a job action with its own Idempotency-Key and tries to send it at once. */
export async function queueAction(action: JobAction): Promise<void> {
  if (!actions) throw new Error('Not signed in as a driver');
  await actions.add([action], true);
  await refreshCounts();
  failures = 0;
  // after a flush that may be running now (it might not have seen this action)
  void (flushing ?? Promise.resolve()).then(flushNow);
}

export function dismissRefused(): void {
  set({ refused: [] });
}
