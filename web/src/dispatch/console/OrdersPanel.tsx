import { useState } from 'react';
import type { Schemas } from '../../api/types';
import { pickupWindow, statusLabel } from '../../ui/format';
import { Empty, ErrorState, Loading } from '../../ui/States';
import { OrderChip } from './DriversPanel';
import { OPEN_STATUSES, shortId, whyUnassigned, type ConsoleOrder } from './model';

const SHOWN = 100;

/** Orders dispatch gave up on (with why), orders near their window without a driver, and every open order. */
export function OrdersPanel({ orders, unassigned, atRisk, selectedOrder, onSelect }: {
  orders: Map<string, ConsoleOrder>;
  unassigned: { data?: Schemas['PageUnassignedView']; error: unknown; isPending: boolean; refetch: () => unknown };
  atRisk: ConsoleOrder[];
  selectedOrder: string | null;
  onSelect: (id: string) => void;
}) {
  const [status, setStatus] = useState('');
  const all = [...orders.values()].filter(o => !status || o.status === status)
    .sort((a, b) => Date.parse(a.windowStart) - Date.parse(b.windowStart));
  return (
    <>
      <section className="card console-panel" aria-labelledby="unassigned-heading" data-testid="unassigned-panel">
        <h2 id="unassigned-heading">Dispatch gave up</h2>
        {unassigned.isPending && <Loading>Loading…</Loading>}
        {unassigned.error != null && <ErrorState error={unassigned.error} retry={() => void unassigned.refetch()} />}
        {unassigned.data && unassigned.data.data.length === 0 && <Empty title="Every order found a driver" />}
        <ul className="order-list">
          {unassigned.data?.data.map(item => {
            const order = orders.get(item.orderId);
            return (
              <li key={item.orderId} data-testid="unassigned-order">
                {order ? <OrderChip order={order} onSelect={onSelect} selected={selectedOrder === item.orderId} />
                  : <button type="button" className="button button--link" onClick={() => onSelect(item.orderId)}>{shortId(item.orderId)}</button>}
                <span className="small">{whyUnassigned(item.misses)}; window from {new Date(item.windowStart).toLocaleString('en-GB', { dateStyle: 'short', timeStyle: 'short' })}</span>
              </li>
            );
          })}
        </ul>
      </section>
      <section className="card console-panel" aria-labelledby="risk-heading" data-testid="at-risk-panel">
        <h2 id="risk-heading">Window soon, no driver</h2>
        {atRisk.length === 0 && <p className="muted small">No order starts within the hour without a driver.</p>}
        <ul className="order-list">
          {atRisk.map(order => (
            <li key={order.id} data-testid="at-risk-order">
              <OrderChip order={order} onSelect={onSelect} selected={selectedOrder === order.id} />
              <span className="small">{pickupWindow(order.windowStart, order.windowEnd)} · {order.address}</span>
            </li>
          ))}
        </ul>
      </section>
      <section className="card console-panel" aria-labelledby="open-heading" data-testid="open-orders-panel">
        <div className="row row--between">
          <h2 id="open-heading">Open orders <span className="muted">({orders.size})</span></h2>
          <label className="small inline-field">Status{' '}
            <select value={status} onChange={event => setStatus(event.target.value)}>
              <option value="">All</option>
              {OPEN_STATUSES.map(s => <option key={s} value={s}>{statusLabel(s)}</option>)}
            </select>
          </label>
        </div>
        {all.length === 0 && <Empty title="No open orders" />}
        <ul className="order-list order-list--scroll">
          {all.slice(0, SHOWN).map(order => (
            <li key={order.id}>
              <OrderChip order={order} onSelect={onSelect} selected={selectedOrder === order.id} />
              <span className="small">{order.driverId ? `driver ${shortId(order.driverId)}` : 'no driver'} · {order.address}</span>
            </li>
          ))}
        </ul>
        {all.length > SHOWN && <p className="small muted">Showing the first {SHOWN} of {all.length}, soonest window first; filter by status to narrow.</p>}
      </section>
    </>
  );
}
