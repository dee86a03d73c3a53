/**
 * The dispatch console's state and rules, without React or Leaflet so they are tested on their own (model.test.ts):
 * which orders are open and how they are coloured, which drivers are idle, busy or offline, which orders need a
 * person, and how stream events change the picture (applied in batches, one per animation frame).
 */

export const OPEN_STATUSES = ['scheduled', 'assigned', 'en_route', 'picked_up'] as const;
/** Statuses in which an order has a driver driving it: the driver is busy. */
export const DRIVEN = new Set(['assigned', 'en_route', 'picked_up']);
/** After this long without a position a driver is drawn stale, and counted offline (the service's freshness limit). */
export const STALE_AFTER_SECONDS = 120;
/** An order whose window starts within this long and still has no driver is listed as at risk. */
export const AT_RISK_MINUTES = 60;

export interface ConsoleOrder {
  id: string;
  status: string;
  driverId: string | null;
  lat: number;
  lng: number;
  address: string;
  windowStart: string;
  windowEnd: string;
  customerName: string;
  items: number;
}

export interface ConsoleDriver {
  id: string;
  lat: number;
  lng: number;
  /** When the position was recorded (ms since the epoch). */
  at: number;
  /** Degrees, from the last two positions when they moved; null when unknown. */
  heading: number | null;
}

export type DriverState = 'idle' | 'busy' | 'offline';

/** Status colours on the map; each passes 3:1 against the light map background (WCAG 1.4.11 for graphics). */
export const STATUS_COLOURS: Record<string, string> = {
  scheduled: '#a4161a',
  assigned: '#114a8b',
  en_route: '#6a3d9a',
  picked_up: '#0b5d4b',
};

export function isStale(driver: Pick<ConsoleDriver, 'at'>, now: number, staleAfterSeconds = STALE_AFTER_SECONDS): boolean {
  return now - driver.at > staleAfterSeconds * 1000;
}

/** Each driver's open jobs (the orders they drive now). */
export function jobsByDriver(orders: Iterable<ConsoleOrder>): Map<string, ConsoleOrder[]> {
  const jobs = new Map<string, ConsoleOrder[]>();
  for (const order of orders) {
    if (!order.driverId || !DRIVEN.has(order.status)) continue;
    const list = jobs.get(order.driverId) ?? [];
    list.push(order);
    jobs.set(order.driverId, list);
  }
  return jobs;
}

/** Offline: no position within the freshness limit (whatever their jobs); busy: has a job; else idle. */
export function driverState(driver: ConsoleDriver, jobs: number, now: number): DriverState {
  if (isStale(driver, now)) return 'offline';
  return jobs > 0 ? 'busy' : 'idle';
}

export function classifyDrivers(drivers: Iterable<ConsoleDriver>, orders: Iterable<ConsoleOrder>, now: number) {
  const jobs = jobsByDriver(orders);
  const groups: Record<DriverState, { driver: ConsoleDriver; jobs: ConsoleOrder[] }[]> = { idle: [], busy: [], offline: [] };
  for (const driver of drivers) {
    const own = jobs.get(driver.id) ?? [];
    groups[driverState(driver, own.length, now)].push({ driver, jobs: own });
  }
  for (const list of Object.values(groups)) list.sort((a, b) => a.driver.id.localeCompare(b.driver.id));
  return groups;
}

/** Scheduled orders with no driver whose window starts within {@link AT_RISK_MINUTES} (or has started), soonest first. */
export function atRisk(orders: Iterable<ConsoleOrder>, now: number, minutes = AT_RISK_MINUTES): ConsoleOrder[] {
  const limit = now + minutes * 60_000;
  return [...orders]
    .filter(o => o.status === 'scheduled' && !o.driverId && Date.parse(o.windowStart) <= limit && Date.parse(o.windowEnd) > now)
    .sort((a, b) => Date.parse(a.windowStart) - Date.parse(b.windowStart));
}

/** Why dispatch gave up on an order, in words. */
export function whyUnassigned(misses: number): string {
  if (misses <= 0) return 'No driver could be offered it yet';
  return `${misses} offer${misses === 1 ? '' : 's'} declined or expired`;
}

export interface StreamLike {
  type: string;
  orderId?: string;
  data?: Record<string, unknown>;
}

export interface Changes {
  orders: Map<string, ConsoleOrder>;
  drivers: Map<string, ConsoleDriver>;
  /** An event named an order the console does not know (booked since it loaded): the list should be refetched. */
  unknownOrder: boolean;
}

/**
 * Applies a batch of stream events to the console's state, copying only the maps that change (so React and the map
 * layers redraw only what moved). Positions arrive for the whole fleet (`fleet.positions`, once a second, each naming
 * its driver) or per followed order (`driver.position`: the order says whose position it is).
 */
export function applyEvents(orders: Map<string, ConsoleOrder>, drivers: Map<string, ConsoleDriver>, events: StreamLike[]): Changes {
  let nextOrders = orders;
  let nextDrivers = drivers;
  let unknownOrder = false;
  const order = (id: string) => nextOrders.get(id);
  const setOrder = (value: ConsoleOrder) => {
    if (nextOrders === orders) nextOrders = new Map(orders);
    if (OPEN_STATUSES.includes(value.status as (typeof OPEN_STATUSES)[number])) nextOrders.set(value.id, value);
    else nextOrders.delete(value.id);
  };
  const moveDriver = (driverId: string, lat: number, lng: number, at: number) => {
    const before = nextDrivers.get(driverId);
    if (before && before.at > at) return;
    if (nextDrivers === drivers) nextDrivers = new Map(drivers);
    nextDrivers.set(driverId, { id: driverId, lat, lng, at, heading: before ? heading(before, { lat, lng }) ?? before.heading : null });
  };
  for (const event of events) {
    if (event.type === 'fleet.positions') {
      const positions = Array.isArray(event.data?.positions) ? (event.data.positions as Record<string, unknown>[]) : [];
      for (const p of positions) {
        const lat = Number(p.lat);
        const lng = Number(p.lng);
        if (typeof p.driverId !== 'string' || !Number.isFinite(lat) || !Number.isFinite(lng)) continue;
        moveDriver(p.driverId, lat, lng, Date.parse(String(p.at ?? '')) || Date.now());
      }
      continue;
    }
    if (!event.orderId) continue;
    const known = order(event.orderId);
    if (event.type === 'order.status') {
      const status = String(event.data?.status ?? '');
      if (!known) {
        if (OPEN_STATUSES.includes(status as (typeof OPEN_STATUSES)[number])) unknownOrder = true;
        continue;
      }
      setOrder({ ...known, status });
    } else if (event.type === 'order.driver') {
      if (!known) {
        unknownOrder = true;
        continue;
      }
      const driverId = event.data?.driverId;
      setOrder({ ...known, driverId: typeof driverId === 'string' ? driverId : null });
    } else if (event.type === 'driver.position') {
      const driverId = known?.driverId;
      const lat = Number(event.data?.lat);
      const lng = Number(event.data?.lng);
      if (!driverId || !Number.isFinite(lat) || !Number.isFinite(lng)) continue;
      moveDriver(driverId, lat, lng, Date.parse(String(event.data?.at ?? '')) || Date.now());
    }
  }
  return { orders: nextOrders, drivers: nextDrivers, unknownOrder };
}

/** Compass bearing from one point to the next, or null when it did not move (a few metres). */
export function heading(from: { lat: number; lng: number }, to: { lat: number; lng: number }): number | null {
  const dLat = to.lat - from.lat;
  const dLng = (to.lng - from.lng) * Math.cos(((from.lat + to.lat) / 2) * (Math.PI / 180));
  if (Math.abs(dLat) < 2e-5 && Math.abs(dLng) < 2e-5) return null;
  return (Math.atan2(dLng, dLat) * (180 / Math.PI) + 360) % 360;
}

/**
 * Collects items and hands them over at most once per frame: hundreds of positions a second become one state update
 * and one map redraw per frame. `schedule` is requestAnimationFrame in the browser.
 */
export class FrameBatcher<T> {
  private pending: T[] = [];
  private scheduled = false;

  constructor(
    private readonly flush: (items: T[]) => void,
    private readonly schedule: (run: () => void) => unknown,
  ) {}

  push(item: T): void {
    this.pending.push(item);
    if (this.scheduled) return;
    this.scheduled = true;
    this.schedule(() => {
      this.scheduled = false;
      const items = this.pending;
      this.pending = [];
      if (items.length > 0) this.flush(items);
    });
  }
}

/** The sample of a route replay at a moment: the last ping at or before it (pings sorted by time). */
export function pingAt<P extends { recordedAt: string }>(pings: P[], at: number): P | undefined {
  let low = 0;
  let high = pings.length - 1;
  let found: P | undefined;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const ping = pings[middle]!;
    if (Date.parse(ping.recordedAt) <= at) {
      found = ping;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}

/**
 * A short, readable id (operators read and say them): the last 8 characters, because ids are UUIDv7 and their first
 * characters are the time they were made (drivers created the same hour would all look alike).
 */
export const shortId = (id: string) => id.slice(-8);
