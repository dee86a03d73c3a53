import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { LiveSource, type Picture } from './liveSource';
import { api, call } from '../../api/client';
import { liveStream, useLiveAll } from '../../api/live';
import { keys, queryClient } from '../../api/query';
import type { StreamEvent } from '../../api/stream';
import type { Schemas } from '../../api/types';
import { applyEvents, FrameBatcher, OPEN_STATUSES, type ConsoleDriver, type ConsoleOrder } from './model';

export const consoleKeys = {
  orders: ['console', 'orders'] as const,
  unassigned: ['console', 'unassigned'] as const,
  offers: (orderId: string) => ['console', 'offers', orderId] as const,
  pings: (driverId: string, from: string) => ['console', 'pings', driverId, from] as const,
};

/** A driver heard over the stream but not in an overview is kept this long after its last position (then: shift over). */
const UNLISTED_GRACE_MS = 60_000;

/** At most this many open orders are loaded (2,000 is what the console is measured with). */
const MAX_ORDERS = 2_000;

/** Every open order, status by status, in pages of 100 (cursor paging). */
async function openOrders(): Promise<ConsoleOrder[]> {
  const all: ConsoleOrder[] = [];
  for (const status of OPEN_STATUSES) {
    let after: string | undefined;
    for (;;) {
      const page = await call(api.GET('/v1/orders', { params: { query: { status, limit: 100, ...(after ? { startingAfter: after } : {}) } } }));
      all.push(...page.data.map(toConsoleOrder));
      const last = page.data[page.data.length - 1];
      if (!page.hasMore || !last || all.length >= MAX_ORDERS) break;
      after = last.id;
    }
    if (all.length >= MAX_ORDERS) break;
  }
  return all;
}

function toConsoleOrder(order: Schemas['OrderView']): ConsoleOrder {
  return {
    id: order.id,
    status: order.status,
    driverId: order.driverId ?? null,
    lat: order.pickup.lat,
    lng: order.pickup.lng,
    address: order.pickup.address,
    windowStart: order.window.start,
    windowEnd: order.window.end,
    customerName: order.customer?.name ?? '',
    items: order.items.length,
  };
}

/**
 * The console's live picture: open orders and drivers on shift loaded over REST (one overview call for all drivers and
 * the areas' coverage, refreshed every 30 s for shifts that start or end), then kept current by the one WebSocket:
 * every order's events and the whole fleet's positions (`fleet.positions`, once a second). Events are applied once per
 * animation frame, however many arrive.
 */
export function useConsole() {
  const orders = useQuery({ queryKey: consoleKeys.orders, queryFn: openOrders, refetchInterval: 60_000 });
  const overview = useQuery({ queryKey: keys.opsOverview, queryFn: () => call(api.GET('/v1/ops/overview')), refetchInterval: 30_000 });
  const unassigned = useQuery({
    queryKey: consoleKeys.unassigned,
    queryFn: () => call(api.GET('/v1/dispatch/unassigned')),
    refetchInterval: 30_000,
  });

  // the picture: the map reads it every frame (liveSource); React renders the panels from `state`, committed at once
  // when an order changed and at most once a second when only positions moved (500 drivers a second stay cheap)
  const source = useMemo(() => new LiveSource(), []);
  const [state, setState] = useState<Picture>(() => source.get());
  useEffect(() => source.onCommit(setState), [source]);

  // a fresh list replaces the orders; the drivers keep whichever position is newer, and a driver the overview does not
  // list yet (its shift began as the overview was read) stays while its position is recent
  useEffect(() => {
    if (!orders.data) return;
    source.update(current => ({ ...current, orders: new Map(orders.data.map(o => [o.id, o])) }), true);
  }, [orders.data, source]);
  useEffect(() => {
    if (!overview.data) return;
    const at = Date.parse(overview.data.at);
    source.update(current => {
      const drivers = new Map<string, ConsoleDriver>();
      for (const dot of overview.data.drivers) {
        const seen = at - dot.ageSeconds * 1000;
        const before = current.drivers.get(dot.id);
        drivers.set(dot.id, before && before.at >= seen ? before : { id: dot.id, lat: dot.lat, lng: dot.lng, at: seen, heading: before?.heading ?? null });
      }
      for (const [id, driver] of current.drivers) if (!drivers.has(id) && at - driver.at < UNLISTED_GRACE_MS) drivers.set(id, driver);
      return { ...current, drivers };
    }, true);
  }, [overview.data, source]);

  const refetchSoon = useRef<number | null>(null);
  const batcher = useMemo(() => new FrameBatcher<StreamEvent>(events => {
    source.update(current => {
      const next = applyEvents(current.orders, current.drivers, events);
      if (next.unknownOrder) {
        refetchSoon.current ??= window.setTimeout(() => {
          refetchSoon.current = null;
          void queryClient.invalidateQueries({ queryKey: consoleKeys.orders });
          void queryClient.invalidateQueries({ queryKey: consoleKeys.unassigned });
        }, 500);
      }
      return next.orders === current.orders && next.drivers === current.drivers ? current : { orders: next.orders, drivers: next.drivers };
    });
  }, run => requestAnimationFrame(run)), [source]);
  const onEvent = useCallback((event: StreamEvent) => {
    if (event.type === 'order.status' || event.type === 'order.driver' || event.type === 'fleet.positions') batcher.push(event);
  }, [batcher]);
  useLiveAll(onEvent);
  // every on-shift driver's position, idle or driving, in one message a second (no polling per driver)
  useEffect(() => liveStream.followFleet(), []);

  /** After an action: the answer is applied at once (the stream confirms it), and the lists are refetched. */
  const applyLocally = useCallback((orderId: string, change: Partial<ConsoleOrder>) => {
    source.update(current => {
      const order = current.orders.get(orderId);
      if (!order) return current;
      const nextOrders = new Map(current.orders);
      const updated = { ...order, ...change };
      if (OPEN_STATUSES.includes(updated.status as (typeof OPEN_STATUSES)[number])) nextOrders.set(orderId, updated);
      else nextOrders.delete(orderId);
      return { ...current, orders: nextOrders };
    }, true);
    void queryClient.invalidateQueries({ queryKey: consoleKeys.unassigned });
    void queryClient.invalidateQueries({ queryKey: consoleKeys.offers(orderId) });
  }, [source]);

  return { orders, overview, unassigned, state, source, applyLocally };
}

export type ConsoleData = ReturnType<typeof useConsole>;
