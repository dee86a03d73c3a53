import { useQuery } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import { api, call } from '../../api/client';
import { useLiveAll, useLiveStatus } from '../../api/live';
import { keys, queryClient } from '../../api/query';
import type { StreamEvent } from '../../api/stream';
import { statusLabel } from '../../ui/format';
import { ErrorState, Loading } from '../../ui/States';
import { Sparkline } from '../../ui/Sparkline';
import { lazy, Suspense } from 'react';

const OpsMap = lazy(() => import('./OpsMap'));
import './ops.css';

const STATUSES = ['scheduled', 'assigned', 'en_route', 'picked_up', 'delivered', 'cancelled', 'failed'] as const;

interface FeedItem {
  key: string;
  at: string;
  orderId: string;
  status: string;
}

/** The board's data comes from one overview call, refetched every 30 s and shortly after every live event. */
export function Board() {
  const overview = useQuery({
    queryKey: keys.opsOverview,
    queryFn: () => call(api.GET('/v1/ops/overview')),
    refetchInterval: 30_000,
  });
  const live = useLiveStatus();
  const [feed, setFeed] = useState<FeedItem[]>([]);
  const soon = useRef<number | null>(null);

  const onEvent = useCallback((event: StreamEvent) => {
    if (event.type !== 'order.status' || !event.orderId) return;
    const status = String(event.data?.status ?? '');
    setFeed(items => [{ key: `${event.id}-${event.orderId}`, at: new Date().toLocaleTimeString('en-GB'), orderId: event.orderId!, status }, ...items].slice(0, 12));
    soon.current ??= window.setTimeout(() => {
      soon.current = null;
      void queryClient.invalidateQueries({ queryKey: keys.opsOverview });
    }, 300);
  }, []);
  useLiveAll(onEvent);

  if (overview.isPending) return <Loading>Loading the board…</Loading>;
  if (overview.error) return <div className="page"><ErrorState error={overview.error} retry={() => void overview.refetch()} /></div>;
  const o = overview.data;
  const na = (value: number | null | undefined) => (value == null ? 'n/a' : String(Math.round(value)));

  return (
    <div className="page ops" id="board">
      <div className="row row--between">
        <h1>Operations</h1>
        <p className="row small">
          <span className={`badge ${live === 'live' ? 'badge--live' : ''}`} data-testid="live">{live === 'live' ? 'Live' : live === 'idle' ? 'Offline' : 'Reconnecting…'}</span>
          <span className="muted">Updated {new Date(o.at).toLocaleTimeString('en-GB')}</span>
        </p>
      </div>
      <div className="ops-grid">
        <section className="card ops-orders" aria-labelledby="orders-title">
          <h2 id="orders-title">Orders</h2>
          <dl className="figures" data-testid="orders">
            {STATUSES.map(status => (
              <div key={status}><dt>{statusLabel(status)}</dt><dd data-testid={`orders-${status}`}>{o.ordersByStatus[status] ?? 0}</dd></div>
            ))}
          </dl>
          <p className="small muted">Open, and ended in the last 24 h.</p>
        </section>
        <section className="card ops-map" aria-labelledby="drivers-title">
          <h2 id="drivers-title">Drivers on shift: <span data-testid="driver-count">{o.drivers.length}</span></h2>
          <Suspense fallback={<div className="map-placeholder" style={{ height: 300 }} aria-hidden="true" />}>
            <OpsMap areas={o.areas} drivers={o.drivers} />
          </Suspense>
        </section>
        <section className="card" aria-labelledby="alerts-title">
          <h2 id="alerts-title">Active alerts</h2>
          <ul className="list" data-testid="alerts">
            {o.alerts.length === 0 && <li className="muted">No active alerts</li>}
            {o.alerts.map(alert => (
              <li key={`${alert.rule}-${alert.scope}`} data-testid="alert">
                <span className={`badge ${alert.severity === 'critical' ? 'badge--bad' : ''}`}>{alert.severity}{alert.state === 'pending' ? ' (pending)' : ''}</span>{' '}
                <strong>{alert.rule}</strong> <span className="muted">{alert.scope}</span>
                <div>{alert.summary} since {new Date(alert.since).toLocaleTimeString('en-GB')}</div>
              </li>
            ))}
          </ul>
        </section>
        <section className="card"><h2>Requests / min</h2><Sparkline values={o.minutes.map(m => m.requests)} color="#114a8b" label="Requests per minute" testId="chart-requests" /></section>
        <section className="card"><h2>p95 latency, ms</h2><Sparkline values={o.minutes.map(m => m.p95Ms ?? 0)} color="#7a4a00" label="p95 latency in ms" testId="chart-latency" /></section>
        <section className="card"><h2>Server errors / min</h2><Sparkline values={o.minutes.map(m => m.errors)} color="#a4161a" label="Server errors per minute" testId="chart-errors" /></section>
        <section className="card" aria-labelledby="backlogs-title">
          <h2 id="backlogs-title">Backlogs</h2>
          <dl className="figures">
            <div><dt>Event publications stuck</dt><dd data-testid="backlog-events">{o.backlogs.events}</dd></div>
            <div><dt>Webhooks waiting</dt><dd data-testid="backlog-webhooks">{na(o.backlogs.webhooks)}</dd></div>
            <div><dt>Webhook failures</dt><dd data-testid="backlog-webhook-failures">{na(o.backlogs.webhookFailures)}</dd></div>
            <div><dt>Payment failures</dt><dd data-testid="backlog-payments">{na(o.backlogs.paymentFailures)}</dd></div>
            <div><dt>Ledger imbalance</dt><dd data-testid="backlog-ledger">{na(o.backlogs.ledgerImbalance)}</dd></div>
          </dl>
        </section>
        <section className="card ops-events" aria-labelledby="events-title">
          <h2 id="events-title">Live events</h2>
          <ul className="list small" data-testid="events" aria-live="polite">
            {feed.length === 0 && <li className="muted">Waiting for order updates…</li>}
            {feed.map(item => (
              <li key={item.key} data-testid="event">{item.at} · order {item.orderId.slice(0, 8)}… · {statusLabel(item.status)}</li>
            ))}
          </ul>
        </section>
      </div>
    </div>
  );
}
