import { Page } from '../../ui/Layout';
import { Empty, ErrorState, Loading } from '../../ui/States';
import { dateTime, money } from '../../ui/format';
import { useEarnings } from '../data';
import { today, weekStart } from './dates';

/** Today's and this week's pickups and earnings, and what the ledger owes the driver (paid by the weekly run). */
export default function Earnings() {
  const now = new Date();
  const day = today(now);
  const week = useEarnings(weekStart(now), day);
  if (week.isPending) return <Page title="Earnings"><Loading>Loading your earnings…</Loading></Page>;
  if (week.isError) return <Page title="Earnings"><ErrorState error={week.error} retry={() => void week.refetch()} /></Page>;
  const { currency, pickups, totalCents, payableBalanceCents } = week.data;
  const todays = pickups.filter(pickup => pickup.earnedAt.slice(0, 10) === day);
  const todayCents = todays.reduce((sum, pickup) => sum + pickup.amountCents, 0);
  return (
    <Page title="Earnings">
      <div className="stack">
        <div className="grid-2">
          <section className="card" aria-labelledby="today-title" data-testid="earnings-today">
            <h2 id="today-title">Today</h2>
            <p className="driver-big money">{money(todayCents, currency)}</p>
            <p className="muted">{todays.length} {todays.length === 1 ? 'pickup' : 'pickups'}</p>
          </section>
          <section className="card" aria-labelledby="week-title" data-testid="earnings-week">
            <h2 id="week-title">This week</h2>
            <p className="driver-big money">{money(totalCents, currency)}</p>
            <p className="muted">{pickups.length} {pickups.length === 1 ? 'pickup' : 'pickups'} since Monday</p>
          </section>
        </div>
        <section className="card" aria-labelledby="payout-title" data-testid="payable">
          <h2 id="payout-title">Payouts</h2>
          <p>Owed to you now: <strong className="money">{money(payableBalanceCents, currency)}</strong></p>
          <p className="small muted">Paid out every Monday for the week before, to your payout account.</p>
        </section>
        <section aria-labelledby="list-title">
          <h2 id="list-title">This week's pickups</h2>
          {pickups.length === 0 ? <Empty title="No pickups yet this week" /> : (
            <ul className="list card" data-testid="earnings-list">
              {[...pickups].reverse().map(pickup => (
                <li key={`${pickup.orderId}-${pickup.earnedAt}`} className="row row--between">
                  <span>{dateTime(pickup.earnedAt)}</span>
                  <span className="money">{money(pickup.amountCents, currency)}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </Page>
  );
}
