/** The event types an endpoint may subscribe to (the service's catalogue), with what each means. */
export const EVENT_TYPES: Record<string, string> = {
  'order.scheduled': 'A return was booked',
  'order.assigned': 'A driver took the pickup',
  'order.en_route': 'The driver is on the way',
  'order.picked_up': 'The items were picked up',
  'order.delivered': 'The parcels reached your hub',
  'order.cancelled': 'A return was cancelled',
  'order.failed': 'A pickup failed',
  'order.unassigned': 'A driver gave a pickup back',
  'payment.captured': 'A payment was captured',
  'payment.failed': 'A payment failed',
  'refund.created': 'A refund was made',
};

/** The events to send: "*" when all are chosen (new types then arrive too), else the chosen ones in catalogue order. */
export function subscription(chosen: Set<string>, all: boolean): string[] {
  if (all) return ['*'];
  return Object.keys(EVENT_TYPES).filter(type => chosen.has(type));
}

/** A JSON body pretty-printed when it is JSON, as it came otherwise. */
export function pretty(body: string | null | undefined): string {
  if (!body) return '';
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}

/** A time as a datetime-local input holds it: the viewer's local time, to the minute (yyyy-mm-ddThh:mm). */
export function localDateTime(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
