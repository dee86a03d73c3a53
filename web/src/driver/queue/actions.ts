import { classify, type Answer, type Outcome } from './outbox';

/** What the driver does on a job, queued offline-first and sent in order (each with its own Idempotency-Key). */
export interface ItemCheck {
  sku: string;
  verified: boolean;
  condition: 'new' | 'used' | 'damaged';
  note?: string;
}

export type JobAction =
  | { kind: 'en-route'; orderId: string; at: string }
  | { kind: 'pickup'; orderId: string; at: string; body: { items: ItemCheck[]; bagSeal?: string } }
  | { kind: 'fail'; orderId: string; at: string; body: { reason: 'customer_absent' | 'items_not_ready' | 'unsafe' | 'other'; note?: string } }
  | { kind: 'deliver'; orderId: string; at: string; body: { hubId: string } }
  /** A photo (of the whole pickup, or of one item by its sku) or the customer's signature, as an image. */
  | { kind: 'photo' | 'signature'; orderId: string; at: string; image: Blob; sku?: string };

/** The order status each action leads to (proof files change none). */
export const TARGET: Record<JobAction['kind'], string | null> = {
  'en-route': 'en_route',
  pickup: 'picked_up',
  fail: 'failed',
  deliver: 'delivered',
  photo: null,
  signature: null,
};

const PROGRESS = ['assigned', 'en_route', 'picked_up', 'delivered'];

/** Whether an order in `status` has already had the effect of an action leading to `target`. */
export function reached(status: string, target: string): boolean {
  if (status === target) return true;
  const have = PROGRESS.indexOf(status);
  const want = PROGRESS.indexOf(target);
  return have >= 0 && want >= 0 && have >= want;
}

/** The status the driver sees: the service's, moved on by the actions still waiting to be sent. */
export function shownStatus(serverStatus: string, pending: JobAction[]): string {
  let status = serverStatus;
  for (const action of pending) {
    const target = TARGET[action.kind];
    if (target && !reached(status, target)) status = target;
  }
  return status;
}

/**
 * What an action's answer means. A 409 is looked into: when the order already is where the action leads (the first
 * try went through and only its answer was lost, or the same key is still running) it counts as sent; an order that
 * was cancelled or ended otherwise drops the action (and the driver is told); else it is tried again later. A 404 (the
 * order is no longer this driver's) drops it.
 */
export async function interpretAction(action: JobAction, answer: Answer, orderStatus: () => Promise<string | null>): Promise<Outcome> {
  if (answer.status !== 409) return classify(answer.status);
  const target = TARGET[action.kind];
  const status = await orderStatus().catch(() => null);
  if (status === null) return 'retry';
  // a proof file the order no longer takes (delivered, cancelled) cannot be sent later either
  if (!target) return ['assigned', 'en_route', 'picked_up'].includes(status) ? 'retry' : 'drop';
  if (reached(status, target)) return 'sent';
  if (['cancelled', 'failed', 'delivered'].includes(status)) return 'drop';
  return 'retry';
}

const LABEL: Record<JobAction['kind'], string> = {
  'en-route': 'On my way',
  pickup: 'Pickup proof',
  fail: 'Failed pickup',
  deliver: 'Delivery to the hub',
  photo: 'Photo',
  signature: 'Signature',
};

export function actionLabel(action: JobAction): string {
  return LABEL[action.kind];
}
