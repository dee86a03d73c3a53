import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useLiveStatus } from '../../api/live';
import { ErrorState, Loading } from '../../ui/States';
import { cancel, giveTo, problemText, takeBack } from './actions';
import { DriverDay } from './DriverDay';
import { DriversPanel } from './DriversPanel';
import { atRisk, classifyDrivers, shortId, STATUS_COLOURS, type DriverState } from './model';
import { OrderPanel, type ActionResult } from './OrderPanel';
import { OrdersPanel } from './OrdersPanel';
import { useConsole } from './useConsole';
import type { Replay } from './ConsoleMap';
import { statusLabel } from '../../ui/format';
import './console.css';

const ConsoleMap = lazy(() => import('./ConsoleMap'));

/** The ticking clock of staleness: drivers go stale without any event, so the page looks again every 5 s. */
function useNow(everyMs = 5_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), everyMs);
    return () => window.clearInterval(timer);
  }, [everyMs]);
  return now;
}

/**
 * The dispatch console (/ops/dispatch): the live map and the panels an operator steers dispatch with. Selecting an
 * order (chip, map) opens its panel with the offer trail and the manual actions; dropping an order chip onto a driver
 * gives it to them.
 */
export function ConsolePage() {
  const { orders, overview, unassigned, state, source, applyLocally } = useConsole();
  const live = useLiveStatus();
  const now = useNow();
  const [selectedOrder, setSelectedOrder] = useState<string | null>(null);
  const [selectedDriver, setSelectedDriver] = useState<string | null>(null);
  const [replay, setReplay] = useState<Replay | null>(null);
  const [result, setResult] = useState<ActionResult | null>(null);
  const [busy, setBusy] = useState(false);

  const groups = useMemo(() => classifyDrivers(state.drivers.values(), state.orders.values(), now), [state, now]);
  const states = useMemo(() => {
    const map = new Map<string, DriverState>();
    for (const s of ['idle', 'busy', 'offline'] as const) for (const g of groups[s]) map.set(g.driver.id, s);
    return map;
  }, [groups]);
  const risky = useMemo(() => atRisk(state.orders.values(), now), [state.orders, now]);
  const areas = useMemo(() => (overview.data?.areas ?? []).map(area => ({
    name: area.name, polygon: area.polygon, uncovered: area.pickupsDue > 0 && area.driversOnShift === 0,
    label: `${area.name}: ${area.driversOnShift} on shift, ${area.pickupsDue} due`,
  })), [overview.data?.areas]);
  const order = selectedOrder ? state.orders.get(selectedOrder) : undefined;

  async function run(orderId: string, action: () => Promise<{ status: string; driverId?: string | null }>, done: (answer: { status: string; driverId?: string | null }) => string) {
    setBusy(true);
    setSelectedOrder(orderId);
    try {
      const answer = await action();
      applyLocally(orderId, { status: answer.status, driverId: answer.driverId ?? null });
      setResult({ orderId, tone: 'success', text: done(answer) });
    } catch (error) {
      setResult({ orderId, tone: 'error', text: problemText(error) });
    } finally {
      setBusy(false);
    }
  }
  const give = (orderId: string, driverId: string) => {
    const target = state.orders.get(orderId);
    if (!target) return;
    if (target.driverId === driverId) {
      setSelectedOrder(orderId);
      setResult({ orderId, tone: 'error', text: `Order ${shortId(orderId)} is already with driver ${shortId(driverId)}.` });
      return;
    }
    void run(orderId, () => giveTo(target, driverId), () => `Order ${shortId(orderId)} is now with driver ${shortId(driverId)}.`);
  };

  if (orders.isPending || overview.isPending) return <Loading>Loading the dispatch console…</Loading>;
  if (orders.error || overview.error) {
    return <div className="page"><ErrorState error={orders.error ?? overview.error} retry={() => { void orders.refetch(); void overview.refetch(); }} /></div>;
  }

  return (
    <div className="page console" id="console">
      <div className="row row--between">
        <h1>Dispatch</h1>
        <p className="row small">
          <span className={`badge ${live === 'live' ? 'badge--live' : ''}`} data-testid="live">{live === 'live' ? 'Live' : live === 'idle' ? 'Offline' : 'Reconnecting…'}</span>
          <span className="muted" data-testid="console-counts">{state.orders.size} open orders · {state.drivers.size} drivers on shift</span>
          <Link to="/ops">Operations board</Link>
          <Link to="/ops/areas">Service areas</Link>
        </p>
      </div>
      <div className="console-grid">
        <div className="console-main">
          <section className="card" aria-labelledby="map-heading">
            <h2 id="map-heading" className="visually-hidden">Live map</h2>
            <Suspense fallback={<div className="map-placeholder" style={{ height: 520 }} aria-hidden="true" />}>
              <ConsoleMap areas={areas} source={source} states={states} replay={replay} now={now}
                onSelectOrder={id => setSelectedOrder(id)} onSelectDriver={id => setSelectedDriver(id)} />
            </Suspense>
            <ul className="legend small" aria-label="Map legend">
              {Object.entries(STATUS_COLOURS).map(([status, colour]) => (
                <li key={status}><span className="legend__dot" style={{ background: colour }} aria-hidden="true" />Order: {statusLabel(status)}</li>
              ))}
              <li><span className="legend__ring legend__ring--idle" aria-hidden="true" />Driver idle</li>
              <li><span className="legend__ring legend__ring--busy" aria-hidden="true" />Driver busy</li>
              <li><span className="legend__ring legend__ring--offline" aria-hidden="true" />Position stale</li>
            </ul>
          </section>
          {selectedDriver && <DriverDay key={selectedDriver} driverId={selectedDriver} onReplay={setReplay} onClose={() => setSelectedDriver(null)} />}
          <OrdersPanel orders={state.orders} unassigned={unassigned} atRisk={risky} selectedOrder={selectedOrder} onSelect={setSelectedOrder} />
        </div>
        <div className="console-side">
          {selectedOrder && !order && (
            <section className="card console-panel"><p>Order {shortId(selectedOrder)} is not open any more.</p>
              {result?.orderId === selectedOrder && <p role="status" data-testid="action-result" className={result.tone === 'error' ? 'stale' : ''}>{result.text}</p>}
            </section>
          )}
          {order && (
            <OrderPanel key={order.id} order={order} drivers={[...state.drivers.values()]} states={states} result={result} busy={busy}
              onGive={driverId => give(order.id, driverId)}
              onUnassign={redispatch => void run(order.id, () => takeBack(order, redispatch),
                () => `Order ${shortId(order.id)} has no driver now${redispatch ? ' and is offered again' : ''}.`)}
              onCancel={reason => void run(order.id, () => cancel(order, reason).then(a => ({ status: a.status, driverId: null })),
                () => `Order ${shortId(order.id)} is cancelled.`)}
              onClose={() => setSelectedOrder(null)} />
          )}
          <DriversPanel groups={groups} now={now} selectedOrder={selectedOrder} selectedDriver={selectedDriver}
            onSelectOrder={setSelectedOrder} onSelectDriver={setSelectedDriver} onDrop={give} />
        </div>
      </div>
    </div>
  );
}
