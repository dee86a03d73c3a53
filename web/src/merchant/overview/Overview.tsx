import { useState } from 'react';
import { Link } from 'react-router';
import { TextField } from '../../ui/Field';
import { statusLabel } from '../../ui/format';
import { Empty, ErrorState, Loading } from '../../ui/States';
import { Button } from '../../ui/Button';
import { useOverview } from '../data';
import { lastDays, rangeError, type DateRange } from '../dates';
import { duration, percent } from '../numbers';
import { DayChart } from './DayChart';

const STATUSES = ['scheduled', 'assigned', 'en_route', 'picked_up', 'delivered', 'cancelled', 'failed'];

/** How the returns went in a date range: per day, by status, pickups made, items refused at the door and why. */
export default function Overview() {
  const [draft, setDraft] = useState<DateRange>(() => lastDays(30));
  const [range, setRange] = useState<DateRange>(draft);
  const invalid = rangeError(draft);
  const overview = useOverview(range);

  function choose(next: DateRange) {
    setDraft(next);
    if (!rangeError(next)) setRange(next);
  }

  return (
    <div className="page stack">
      <h1>Overview</h1>
      <form className="card filters" aria-label="Date range" onSubmit={event => event.preventDefault()}>
        <TextField id="overview-from" label="From" type="date" value={draft.from} max={draft.to}
          onChange={e => choose({ ...draft, from: e.target.value })} error={invalid} />
        <TextField id="overview-to" label="To" type="date" value={draft.to} min={draft.from}
          onChange={e => choose({ ...draft, to: e.target.value })} />
        <div className="row">
          {[7, 30, 90].map(days => (
            <Button key={days} variant="secondary" onClick={() => choose(lastDays(days))}>Last {days} days</Button>
          ))}
        </div>
      </form>
      {overview.isPending && <Loading>Counting your returns…</Loading>}
      {overview.error && <ErrorState error={overview.error} retry={() => void overview.refetch()} />}
      {overview.data && (overview.data.orders === 0 && overview.data.perDay.every(d => d.booked === 0)
        ? <Empty title="No returns in these days.">Share a <Link to="/merchant/links">return link</Link> with a customer to start one.</Empty>
        : <Figures data={overview.data} />)}
    </div>
  );
}

function Figures({ data }: { data: NonNullable<ReturnType<typeof useOverview>['data']> }) {
  const refusedMax = Math.max(1, ...data.refusedItems.byReason.map(r => r.count));
  return (
    <>
      <div className="metrics" data-testid="metrics">
        <div className="metric"><span className="small muted">Returns booked</span><strong data-testid="metric-orders">{data.orders}</strong></div>
        <div className="metric"><span className="small muted">Pickup success</span><strong data-testid="metric-rate">{percent(data.pickup.rate)}</strong>
          <span className="small muted">{data.pickup.succeeded} of {data.pickup.attempted} attempts</span></div>
        <div className="metric"><span className="small muted">Items refused at the door</span><strong data-testid="metric-refused">{data.refusedItems.total}</strong></div>
        <div className="metric"><span className="small muted">Booking to hub, on average</span><strong data-testid="metric-to-hub">{duration(data.averageBookingToHubSeconds)}</strong></div>
      </div>
      <section className="card stack" aria-labelledby="per-day-title">
        <h2 id="per-day-title">Returns per day</h2>
        <DayChart days={data.perDay} />
      </section>
      <div className="grid-2">
        <section className="card stack" aria-labelledby="by-status-title">
          <h2 id="by-status-title">By status</h2>
          <p className="small muted">Returns booked in these days, by where they are now.</p>
          <ul className="bars" data-testid="by-status">
            {STATUSES.filter(s => s in data.byStatus).concat(Object.keys(data.byStatus).filter(s => !STATUSES.includes(s))).map(status => (
              <li key={status}>
                <Link to={`/merchant/returns?status=${status}&from=${data.from}&to=${data.to}`}>{statusLabel(status)}</Link>
                <meter min={0} max={Math.max(1, data.orders)} value={data.byStatus[status] ?? 0} aria-label={statusLabel(status)} />
                <span className="money">{data.byStatus[status] ?? 0}</span>
              </li>
            ))}
          </ul>
        </section>
        <section className="card stack" aria-labelledby="refused-title">
          <h2 id="refused-title">Refused at the door, and why</h2>
          {data.refusedItems.byReason.length === 0
            ? <p className="muted">No item was refused in these days.</p>
            : (
              <ul className="bars" data-testid="refused-reasons">
                {data.refusedItems.byReason.map(r => (
                  <li key={r.reason}><span>{r.reason}</span><meter min={0} max={refusedMax} value={r.count} aria-label={r.reason} /><span className="money">{r.count}</span></li>
                ))}
              </ul>
            )}
        </section>
      </div>
    </>
  );
}
