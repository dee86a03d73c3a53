import { api, call } from '../../api/client';
import { ApiError, describe } from '../../api/problem';
import type { ConsoleOrder } from './model';

/** What manual dispatch answers: the order's status and driver after the action. */
export interface Outcome {
  orderId: string;
  status: string;
  driverId?: string | null;
  previousDriverId?: string | null;
}

/** Gives the order to a driver: assign when it has none, else reassign from the driver it has (as the console saw it). */
export async function giveTo(order: ConsoleOrder, driverId: string): Promise<Outcome> {
  const id = { path: { id: order.id } };
  if (!order.driverId) return call(api.POST('/v1/dispatch/orders/{id}/assign', { params: id, body: { driverId } })) as Promise<Outcome>;
  return call(api.POST('/v1/dispatch/orders/{id}/reassign', { params: id, body: { driverId, fromDriverId: order.driverId } })) as Promise<Outcome>;
}

export async function takeBack(order: ConsoleOrder, redispatch: boolean): Promise<Outcome> {
  return call(api.POST('/v1/dispatch/orders/{id}/unassign', {
    params: { path: { id: order.id } },
    body: { ...(order.driverId ? { fromDriverId: order.driverId } : {}), redispatch },
  })) as Promise<Outcome>;
}

export async function cancel(order: ConsoleOrder, reason: string): Promise<{ status: string }> {
  return call(api.POST('/v1/orders/{id}/cancel', { params: { path: { id: order.id } }, body: { reason } }));
}

const CONFLICTS: Record<string, string> = {
  driver_off_shift: 'That driver is not on shift.',
  driver_over_capacity: 'That driver has no room for another job.',
  vehicle_unfit: "That driver's vehicle cannot carry these items.",
  order_not_assignable: 'This order can no longer be given to a driver (it was picked up, ended or cancelled).',
  driver_changed: "Someone changed this order's driver meanwhile. Look at it again and retry.",
};

/** The service's refusal in one sentence an operator can act on. */
export function problemText(error: unknown): string {
  if (error instanceof ApiError && typeof error.problem.code === 'string' && CONFLICTS[error.problem.code]) {
    return CONFLICTS[error.problem.code]!;
  }
  return describe(error);
}
