import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { describe } from '../../api/problem';
import { Button } from '../../ui/Button';
import { SelectField, TextField } from '../../ui/Field';
import { dateTime, money, statusLabel } from '../../ui/format';
import { Empty, ErrorState, Loading, Notice } from '../../ui/States';
import { useOrders } from '../data';
import { download } from '../download';
import { exportFileName, exportPath, filterQuery, filtersFrom, type ReturnFilters } from './filters';

export const ORDER_STATUSES = ['scheduled', 'assigned', 'en_route', 'picked_up', 'delivered', 'cancelled', 'failed'];

/** Every return of the merchant, newest first, filtered (the filters live in the address, so a view can be shared). */
export default function ReturnsList() {
  const [search, setSearch] = useSearchParams();
  const filters = filtersFrom(search);
  const [draft, setDraft] = useState<ReturnFilters>(filters);
  const orders = useOrders(filters);
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<unknown>(null);

  function apply(event: FormEvent) {
    event.preventDefault();
    setSearch(new URLSearchParams(filterQuery(draft)));
  }

  async function exportCsv() {
    setExporting(true);
    setExportError(null);
    try {
      await download(exportPath(filters), 'text/csv', exportFileName(filters));
    } catch (error) {
      setExportError(error);
    } finally {
      setExporting(false);
    }
  }

  const set = (name: keyof ReturnFilters) => (e: { target: { value: string } }) => setDraft({ ...draft, [name]: e.target.value });
  const rows = orders.data?.pages.flatMap(page => page.data) ?? [];
  return (
    <div className="page stack">
      <div className="row row--between">
        <h1>Returns</h1>
        <Button variant="secondary" busy={exporting} onClick={() => void exportCsv()} data-testid="export-csv">Export CSV</Button>
      </div>
      {exportError !== null && <Notice tone="error">The export failed. {describe(exportError)}</Notice>}
      <form className="card filters" onSubmit={apply} aria-label="Filter returns" data-testid="filters">
        <SelectField id="filter-status" label="Status" value={draft.status ?? ''} onChange={set('status')}>
          <option value="">Any status</option>
          {ORDER_STATUSES.map(s => <option key={s} value={s}>{statusLabel(s)}</option>)}
        </SelectField>
        <TextField id="filter-from" label="Booked from" type="date" value={draft.from ?? ''} onChange={set('from')} />
        <TextField id="filter-to" label="Booked until" type="date" value={draft.to ?? ''} onChange={set('to')} />
        <TextField id="filter-customer" label="Customer" hint="Email, or part of the name" value={draft.customer ?? ''} onChange={set('customer')} />
        <TextField id="filter-ref" label="Your order reference" value={draft.merchantOrderRef ?? ''} onChange={set('merchantOrderRef')} />
        <div className="row">
          <Button type="submit" data-testid="apply-filters">Show</Button>
          <Button variant="link" onClick={() => { setDraft({}); setSearch(new URLSearchParams()); }}>Clear</Button>
        </div>
      </form>
      {orders.isPending && <Loading>Loading returns…</Loading>}
      {orders.error && <ErrorState error={orders.error} retry={() => void orders.refetch()} />}
      {orders.data && rows.length === 0 && (
        <Empty title={filterQuery(filters) ? 'No return matches these filters.' : 'No returns yet.'}>
          {!filterQuery(filters) && <p>Create a <Link to="/merchant/links">return link</Link> for a customer to start one.</p>}
        </Empty>
      )}
      {rows.length > 0 && (
        <ul className="list card" data-testid="returns">
          {rows.map(order => (
            <li key={order.id} data-testid="return-row">
              <div className="row row--between">
                <Link to={`/merchant/returns/${order.id}`}><strong>{order.customer?.name ?? 'Customer'}</strong>{order.merchantOrderRef ? ` · ${order.merchantOrderRef}` : ''}</Link>
                <span className={`badge ${order.status === 'delivered' ? 'badge--good' : order.status === 'cancelled' || order.status === 'failed' ? 'badge--bad' : ''}`}>{statusLabel(order.status)}</span>
              </div>
              <div className="small muted">
                Booked {dateTime(order.createdAt)} · {order.items.length} {order.items.length === 1 ? 'item' : 'items'} · <span className="money">{money(order.price.amountCents, order.price.currency)}</span>
                {order.customer?.email ? ` · ${order.customer.email}` : ''}
              </div>
            </li>
          ))}
        </ul>
      )}
      {orders.hasNextPage && (
        <Button variant="secondary" busy={orders.isFetchingNextPage} onClick={() => void orders.fetchNextPage()} data-testid="more">Show more</Button>
      )}
    </div>
  );
}
