import { useState } from 'react';
import { Link } from 'react-router';
import { describe } from '../../api/problem';
import { Button } from '../../ui/Button';
import { SelectField } from '../../ui/Field';
import { dateTime, money } from '../../ui/format';
import { Empty, ErrorState, Loading, Notice } from '../../ui/States';
import { useStatement } from '../data';
import { recentMonths } from '../dates';
import { download } from '../download';
import { useMember } from '../session';

const KIND: Record<string, string> = {
  merchant_pickup: 'Pickup', pickup_fee: 'Pickup', late_cancellation: 'Late cancellation fee', late_cancellation_fee: 'Late cancellation fee',
  refund: 'Refund', fee: 'Fee',
};

/** What ReturnIt charged the merchant in a month, from the ledger, line by line with the total; as CSV and PDF too. */
export default function BillingPage() {
  const { merchantId } = useMember();
  const months = recentMonths(13);
  const [month, setMonth] = useState(months[0]!);
  const statement = useStatement(month);
  const [busy, setBusy] = useState<string>();
  const [failed, setFailed] = useState<unknown>(null);

  async function get(accept: string, extension: string) {
    setBusy(extension);
    setFailed(null);
    try {
      await download(`/v1/merchants/${merchantId}/statements/${month}`, accept, `statement-${month}.${extension}`);
    } catch (error) {
      setFailed(error);
    } finally {
      setBusy(undefined);
    }
  }

  const monthName = (m: string) => new Date(`${m}-01T00:00:00Z`).toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
  return (
    <div className="page stack">
      <h1>Billing</h1>
      <div className="row row--between">
        <SelectField id="statement-month" label="Month" value={month} onChange={e => setMonth(e.target.value)}>
          {months.map(m => <option key={m} value={m}>{monthName(m)}</option>)}
        </SelectField>
        <div className="row">
          <Button variant="secondary" busy={busy === 'csv'} onClick={() => void get('text/csv', 'csv')} data-testid="statement-csv">Download CSV</Button>
          <Button variant="secondary" busy={busy === 'pdf'} onClick={() => void get('application/pdf', 'pdf')} data-testid="statement-pdf">Download PDF</Button>
        </div>
      </div>
      {failed !== null && <Notice tone="error">The download failed. {describe(failed)}</Notice>}
      {statement.isPending && <Loading>Loading the statement…</Loading>}
      {statement.error && <ErrorState error={statement.error} retry={() => void statement.refetch()} />}
      {statement.data && (
        <section className="card stack" aria-labelledby="statement-title" data-testid="statement">
          <h2 id="statement-title">Statement for {monthName(month)}</h2>
          <p className="small muted">{statement.data.billing === 'merchant_pays'
            ? 'You pay for your customers\' pickups: each pickup and late cancellation fee is charged to you.'
            : 'Your customers pay for their pickups; only fees and adjustments are charged to you.'}</p>
          {statement.data.lines.length === 0
            ? <Empty title="Nothing was charged this month." />
            : (
              <div className="table-scroll">
                <table>
                  <thead><tr><th scope="col">When</th><th scope="col">What</th><th scope="col">Return</th><th scope="col" className="num">Amount</th></tr></thead>
                  <tbody>
                    {statement.data.lines.map((line, i) => (
                      <tr key={i} data-testid="statement-line">
                        <td>{dateTime(line.occurredAt)}</td>
                        <td>{KIND[line.kind] ?? line.kind.replace(/_/g, ' ')}</td>
                        <td>{line.orderId ? <Link to={`/merchant/returns/${line.orderId}`} className="code">{line.orderId.slice(0, 8)}</Link> : '–'}</td>
                        <td className="money num">{money(line.amountCents, statement.data.currency)}</td>
                      </tr>
                    ))}
                  </tbody>
                  <tfoot>
                    <tr><th scope="row" colSpan={3}>Total</th><td className="money num" data-testid="statement-total"><strong>{money(statement.data.totalCents, statement.data.currency)}</strong></td></tr>
                  </tfoot>
                </table>
              </div>
            )}
        </section>
      )}
    </div>
  );
}
