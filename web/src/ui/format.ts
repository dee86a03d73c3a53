/** How money, times and statuses read in the app (en-GB, the viewer's time zone). */
const LOCALE = 'en-GB';

/**
 * Formatters are made once per kind, currency and time zone: making one costs far more than using it, and a page such
 * as the dispatch console formats thousands of windows on every render.
 */
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function cached<F extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => F): F {
  let formatter = formatters.get(key) as F | undefined;
  if (!formatter) {
    formatter = make();
    formatters.set(key, formatter);
  }
  return formatter;
}
const dates = (kind: string, options: Intl.DateTimeFormatOptions, timeZone?: string) =>
  cached(`${kind}|${timeZone ?? ''}`, () => new Intl.DateTimeFormat(LOCALE, { ...options, ...(timeZone ? { timeZone } : {}) }));

export function money(amountCents: number, currency: string): string {
  return cached(`money|${currency}`, () => new Intl.NumberFormat(LOCALE, { style: 'currency', currency })).format(amountCents / 100);
}

export function dateTime(iso: string, timeZone?: string): string {
  return dates('dateTime', { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }, timeZone).format(new Date(iso));
}

export function time(iso: string, timeZone?: string): string {
  return dates('time', { hour: '2-digit', minute: '2-digit' }, timeZone).format(new Date(iso));
}

export function day(iso: string, timeZone?: string): string {
  return dates('day', { weekday: 'long', day: 'numeric', month: 'long' }, timeZone).format(new Date(iso));
}

/** "Tue 8 Dec, 10:00–12:00": a pickup window on one line. */
export function pickupWindow(startIso: string, endIso: string, timeZone?: string): string {
  return `${dateTime(startIso, timeZone)}–${time(endIso, timeZone)}`;
}

const STATUS: Record<string, string> = {
  scheduled: 'Scheduled',
  assigned: 'Driver assigned',
  en_route: 'Driver on the way',
  picked_up: 'Picked up',
  delivered: 'Delivered to the merchant',
  cancelled: 'Cancelled',
  failed: 'Pickup failed',
};

export function statusLabel(status: string): string {
  return STATUS[status] ?? status;
}

/** "in about 4 min" from seconds. */
export function eta(seconds: number): string {
  const minutes = Math.max(1, Math.round(seconds / 60));
  return `about ${minutes} min`;
}
