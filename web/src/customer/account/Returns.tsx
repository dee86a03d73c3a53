import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, call } from '../../api/client';
import { keys } from '../../api/query';
import { Button } from '../../ui/Button';
import { SelectField } from '../../ui/Field';
import { money, pickupWindow, statusLabel } from '../../ui/format';
import { Empty, ErrorState, Loading, Notice } from '../../ui/States';

const FILTERS = ['', 'scheduled', 'assigned', 'en_route', 'picked_up', 'delivered', 'cancelled', 'failed'];

/** My returns, newest first, a page at a time (the service's cursor), filtered by status. */
export default function Returns() {
  const [status, setStatus] = useState('');
  const [params] = useSearchParams();
  const orders = useInfiniteQuery({
    queryKey: keys.orders(status),
    queryFn: ({ pageParam }) => call(api.GET('/v1/orders', { params: { query: {
      limit: 10, ...(status ? { status } : {}), ...(pageParam ? { startingAfter: pageParam } : {}),
    } } })),
    initialPageParam: '',
    getNextPageParam: last => (last.hasMore ? last.data.at(-1)?.id : undefined),
  });
  const rows = orders.data?.pages.flatMap(page => page.data) ?? [];
  return (
    <section className="stack" aria-labelledby="returns-title">
      <div className="row row--between">
        <h2 id="returns-title">My returns</h2>
        <Link className="button" to="/book">Book a pickup</Link>
      </div>
      {params.get('booked') === '1' && <Notice tone="success">Your return is booked: it is at the top of the list.</Notice>}
      <div style={{ maxWidth: 280 }}>
        <SelectField id="status-filter" label="Show" value={status} onChange={event => setStatus(event.target.value)}>
          {FILTERS.map(f => <option key={f} value={f}>{f ? statusLabel(f) : 'All returns'}</option>)}
        </SelectField>
      </div>
      {orders.isPending && <Loading>Loading your returns…</Loading>}
      {orders.error && <ErrorState error={orders.error} retry={() => void orders.refetch()} />}
      {orders.data && rows.length === 0 && (
        <Empty title={status ? `No returns with the status “${statusLabel(status)}”.` : 'No returns yet.'}>
          {!status && <Link to="/book">Book your first pickup</Link>}
        </Empty>
      )}
      {rows.length > 0 && (
        <ul className="list card" data-testid="returns">
          {rows.map(order => (
            <li key={order.id} data-testid="return">
              <div className="row row--between">
                <Link to={`/orders/${order.id}`}><strong>{order.items.length} item{order.items.length === 1 ? '' : 's'}</strong>: {order.items.map(i => i.description).join(', ')}</Link>
                <span className="badge">{statusLabel(order.status)}</span>
              </div>
              <div className="small muted">{pickupWindow(order.window.start, order.window.end)} · {money(order.price.amountCents, order.price.currency)}</div>
            </li>
          ))}
        </ul>
      )}
      {orders.hasNextPage && <div><Button variant="secondary" busy={orders.isFetchingNextPage} onClick={() => void orders.fetchNextPage()}>Show older returns</Button></div>}
    </section>
  );
}
