import { describe, expect, it } from 'vitest';
import { applyEvents, atRisk, classifyDrivers, FrameBatcher, heading, isStale, pingAt, whyUnassigned, type ConsoleDriver, type ConsoleOrder } from './model';

const NOW = Date.parse('2026-12-07T12:00:00Z');

const order = (id: string, over: Partial<ConsoleOrder> = {}): ConsoleOrder => ({
  id, status: 'scheduled', driverId: null, lat: 52.5, lng: 13.4, address: 'Somewhere 1', customerName: 'Ada', items: 1,
  windowStart: '2026-12-07T12:30:00Z', windowEnd: '2026-12-07T13:30:00Z', ...over,
});
const driver = (id: string, secondsAgo = 5, over: Partial<ConsoleDriver> = {}): ConsoleDriver => ({
  id, lat: 52.5, lng: 13.4, at: NOW - secondsAgo * 1000, heading: null, ...over,
});

describe('drivers', () => {
  it('a driver is stale only after the freshness limit', () => {
    expect(isStale(driver('a', 120), NOW)).toBe(false);
    expect(isStale(driver('a', 121), NOW)).toBe(true);
  });

  it('drivers are idle without a job, busy with one, and offline when their position is stale', () => {
    const orders = [order('o1', { status: 'assigned', driverId: 'busy' }), order('o2', { status: 'en_route', driverId: 'gone' }),
      order('o3', { status: 'scheduled', driverId: null })];
    const groups = classifyDrivers([driver('idle'), driver('busy'), driver('gone', 600)], orders, NOW);
    expect(groups.idle.map(g => g.driver.id)).toEqual(['idle']);
    expect(groups.busy.map(g => [g.driver.id, g.jobs.map(j => j.id)])).toEqual([['busy', ['o1']]]);
    expect(groups.offline.map(g => g.driver.id)).toEqual(['gone']);
  });
});

describe('orders needing a person', () => {
  it('lists scheduled orders without a driver whose window starts within the hour, soonest first', () => {
    const list = atRisk([
      order('later', { windowStart: '2026-12-07T14:00:00Z', windowEnd: '2026-12-07T15:00:00Z' }),
      order('soon', { windowStart: '2026-12-07T12:40:00Z' }),
      order('started', { windowStart: '2026-12-07T11:50:00Z', windowEnd: '2026-12-07T12:50:00Z' }),
      order('over', { windowStart: '2026-12-07T10:00:00Z', windowEnd: '2026-12-07T11:00:00Z' }),
      order('taken', { status: 'assigned', driverId: 'd' }),
    ], NOW);
    expect(list.map(o => o.id)).toEqual(['started', 'soon']);
  });

  it('says why dispatch gave up', () => {
    expect(whyUnassigned(0)).toBe('No driver could be offered it yet');
    expect(whyUnassigned(1)).toBe('1 offer declined or expired');
    expect(whyUnassigned(3)).toBe('3 offers declined or expired');
  });
});

describe('stream events', () => {
  const orders = new Map([['o1', order('o1', { status: 'assigned', driverId: 'd1' })]]);
  const drivers = new Map([['d1', driver('d1', 30)]]);

  it('a position moves the driver of the order it came for, with a heading', () => {
    const next = applyEvents(orders, drivers, [
      { type: 'driver.position', orderId: 'o1', data: { lat: 52.51, lng: 13.4, at: new Date(NOW).toISOString() } },
    ]);
    expect(next.drivers.get('d1')).toMatchObject({ lat: 52.51, lng: 13.4, at: NOW });
    expect(Math.round(next.drivers.get('d1')!.heading!)).toBe(0);
    expect(next.orders).toBe(orders);
    expect(drivers.get('d1')!.lat).toBe(52.5);
  });

  it('an older position does not overtake a newer one', () => {
    const next = applyEvents(orders, drivers, [
      { type: 'driver.position', orderId: 'o1', data: { lat: 1, lng: 1, at: new Date(NOW - 60_000).toISOString() } },
    ]);
    expect(next.drivers).toBe(drivers);
  });

  it('a fleet message moves every driver it names, idle ones and ones new to the console too', () => {
    const next = applyEvents(orders, drivers, [{
      type: 'fleet.positions', data: { positions: [
        { driverId: 'd1', lat: 52.5, lng: 13.41, at: new Date(NOW).toISOString() },
        { driverId: 'd9', lat: 52.6, lng: 13.2, at: new Date(NOW).toISOString() },
        { driverId: 'bad', lat: 'x', lng: 13, at: new Date(NOW).toISOString() },
      ] },
    }]);
    expect(next.drivers.get('d1')).toMatchObject({ lat: 52.5, lng: 13.41, at: NOW });
    expect(Math.round(next.drivers.get('d1')!.heading!)).toBe(90);
    expect(next.drivers.get('d9')).toMatchObject({ lat: 52.6, lng: 13.2, heading: null });
    expect(next.drivers.has('bad')).toBe(false);
    expect(next.orders).toBe(orders);
  });

  it('a status and a driver change update the order; an ended order leaves the map', () => {
    let next = applyEvents(orders, drivers, [
      { type: 'order.driver', orderId: 'o1', data: { driverId: 'd2', previousDriverId: 'd1' } },
      { type: 'order.status', orderId: 'o1', data: { status: 'en_route' } },
    ]);
    expect(next.orders.get('o1')).toMatchObject({ driverId: 'd2', status: 'en_route' });
    next = applyEvents(next.orders, next.drivers, [{ type: 'order.status', orderId: 'o1', data: { status: 'delivered' } }]);
    expect(next.orders.has('o1')).toBe(false);
  });

  it('a new open order it does not know asks for a refetch', () => {
    const next = applyEvents(orders, drivers, [{ type: 'order.status', orderId: 'new', data: { status: 'scheduled' } }]);
    expect(next.unknownOrder).toBe(true);
    expect(applyEvents(orders, drivers, [{ type: 'order.status', orderId: 'x', data: { status: 'delivered' } }]).unknownOrder).toBe(false);
  });
});

describe('batching', () => {
  it('hands over everything pushed before the frame in one flush, and schedules one frame at a time', () => {
    const frames: (() => void)[] = [];
    const flushed: number[][] = [];
    const batcher = new FrameBatcher<number>(items => flushed.push(items), run => frames.push(run));
    for (let i = 0; i < 500; i++) batcher.push(i);
    expect(frames).toHaveLength(1);
    expect(flushed).toHaveLength(0);
    frames.shift()!();
    expect(flushed).toHaveLength(1);
    expect(flushed[0]).toHaveLength(500);
    batcher.push(500);
    expect(frames).toHaveLength(1);
    frames.shift()!();
    expect(flushed[1]).toEqual([500]);
  });

  it('500 drivers moving at once are applied in one pass', () => {
    const many = new Map<string, ConsoleOrder>();
    const events = [];
    for (let i = 0; i < 500; i++) {
      many.set(`o${i}`, order(`o${i}`, { status: 'en_route', driverId: `d${i}` }));
      events.push({ type: 'driver.position', orderId: `o${i}`, data: { lat: 52 + i / 1000, lng: 13, at: new Date(NOW).toISOString() } });
    }
    const next = applyEvents(many, new Map(), events);
    expect(next.drivers.size).toBe(500);
  });
});

describe('route replay', () => {
  const pings = ['12:00:00', '12:00:10', '12:00:20'].map(t => ({ recordedAt: `2026-12-07T${t}Z` }));
  it('shows the last ping at or before the slider time', () => {
    expect(pingAt(pings, Date.parse('2026-12-07T11:59:59Z'))).toBeUndefined();
    expect(pingAt(pings, Date.parse('2026-12-07T12:00:15Z'))).toBe(pings[1]);
    expect(pingAt(pings, Date.parse('2026-12-07T13:00:00Z'))).toBe(pings[2]);
  });

  it('a heading is east when moving east', () => {
    expect(Math.round(heading({ lat: 52, lng: 13 }, { lat: 52, lng: 13.01 })!)).toBe(90);
  });
});

describe('short ids', () => {
  it('are the end of the id, which tells UUIDv7s made in the same hour apart', async () => {
    const { shortId } = await import('./model');
    expect(shortId('01a25099-e385-78e4-a0a1-0e7d13a5e3c1')).toBe('13a5e3c1');
  });
});
