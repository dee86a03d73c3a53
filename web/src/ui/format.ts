/** How money, times and statuses read in the app (en-GB, the viewer's time zone). */
const LOCALE = 'en-GB';

export function money(amountCents: number, currency: string): string {
  return new Intl.NumberFormat(LOCALE, { style: 'currency', currency }).format(amountCents / 100);
}

export function dateTime(iso: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(LOCALE, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', ...(timeZone ? { timeZone } : {}) }).format(new Date(iso));
}

export function time(iso: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(LOCALE, { hour: '2-digit', minute: '2-digit', ...(timeZone ? { timeZone } : {}) }).format(new Date(iso));
}

export function day(iso: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(LOCALE, { weekday: 'long', day: 'numeric', month: 'long', ...(timeZone ? { timeZone } : {}) }).format(new Date(iso));
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
