import { useParams, Link } from 'react-router';
import { dateTime, money, pickupWindow, statusLabel } from '../../ui/format';
import { OrderTimeline } from '../../ui/OrderTimeline';
import { ErrorState, Loading } from '../../ui/States';
import { useOrder, useOrderEvents, usePayment } from '../data';
import { useMember } from '../session';
import { CancelPanel } from './CancelPanel';
import { ProofFiles } from './ProofFiles';
import { RefundPanel } from './RefundPanel';

const OUTCOME: Record<string, [string, string]> = {
  collected: ['Picked up', 'badge--good'],
  refused: ['Refused at the door', 'badge--bad'],
  pending: ['To be picked up', ''],
};

/** One return: who, what and when, its timeline, each item and what the driver found, the payment and refunds. */
export default function OrderDetail() {
  const { id = '' } = useParams();
  const order = useOrder(id);
  const { isAdmin } = useMember();
  if (order.isPending) return <Loading>Loading the return…</Loading>;
  if (order.error) return <div className="page"><ErrorState error={order.error} retry={() => void order.refetch()} /></div>;
  const o = order.data;
  return (
    <div className="page stack">
      <p className="small"><Link to="/merchant/returns">← All returns</Link></p>
      <div className="row row--between">
        <h1>Return {o.merchantOrderRef ?? o.id.slice(0, 8)}</h1>
        <span className="badge" data-testid="order-status">{statusLabel(o.status)}</span>
      </div>
      <section className="card stack" aria-labelledby="who-title">
        <h2 id="who-title">Customer and pickup</h2>
        <dl className="facts">
          <dt>Customer</dt><dd>{o.customer ? `${o.customer.name} (${o.customer.email})` : 'Erased at their request'}</dd>
          <dt>Pickup</dt><dd>{o.pickup.address}</dd>
          <dt>Window</dt><dd>{pickupWindow(o.window.start, o.window.end)}</dd>
          <dt>Booked</dt><dd>{dateTime(o.createdAt)} under return rules version {o.policyVersion}</dd>
          <dt>Price</dt><dd className="money">{money(o.price.amountCents, o.price.currency)}</dd>
          {o.cancelReason && <><dt>Cancelled because</dt><dd>{o.cancelReason}</dd></>}
        </dl>
      </section>
      <section className="card stack" aria-labelledby="items-title">
        <h2 id="items-title">Items</h2>
        <ul className="list" data-testid="order-items">
          {o.items.map((item, index) => {
            const outcome = o.itemOutcomes.find(x => x.sku === item.sku) ?? o.itemOutcomes[index];
            const [label, tone] = OUTCOME[outcome?.outcome ?? 'pending'] ?? ['', ''];
            return (
              <li key={`${item.sku}-${index}`}>
                <div className="row row--between"><span>{item.description} <span className="small muted">{item.sku} · {item.category}</span></span><span className={`badge ${tone}`}>{label}</span></div>
                <div className="small muted">
                  <span className="money">{money(item.valueCents, o.price.currency)}</span> · bought {new Date(item.purchasedAt).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' })}
                  {item.reason ? ` · reason: ${item.reason.replace(/_/g, ' ')}` : ''}{item.reasonNote ? ` (${item.reasonNote})` : ''}
                  {' · '}{item.tagsAttached ? 'tags attached' : 'tags removed'}
                </div>
                {outcome && outcome.outcome !== 'pending' && (outcome.condition || outcome.note) && (
                  <p className="small" data-testid="proof">Driver's check: {[outcome.condition && `condition ${outcome.condition}`, outcome.note].filter(Boolean).join(' · ')}</p>
                )}
              </li>
            );
          })}
        </ul>
      </section>
      {['picked_up', 'delivered', 'failed'].includes(o.status) && <ProofFiles orderId={o.id} />}
      <div className="grid-2">
        <Timeline id={o.id} />
        <Payment id={o.id} />
      </div>
      {['scheduled', 'assigned', 'en_route'].includes(o.status) && <CancelPanel orderId={o.id} />}
      {isAdmin && <RefundPanel orderId={o.id} />}
    </div>
  );
}

function Timeline({ id }: { id: string }) {
  return <OrderTimeline events={useOrderEvents(id)} label={type => statusLabel(type.replace(/^order\./, ''))} />;
}

function Payment({ id }: { id: string }) {
  const payment = usePayment(id);
  return (
    <section className="card stack" aria-labelledby="payment-title">
      <h2 id="payment-title">Payment and refunds</h2>
      {payment.isPending && <Loading />}
      {payment.error && <ErrorState error={payment.error} retry={() => void payment.refetch()} />}
      {payment.data && (
        <>
          <dl className="facts" data-testid="payment">
            <dt>Paid by</dt><dd>{payment.data.billing === 'merchant_pays' ? 'You (merchant pays)' : 'The customer'}</dd>
            <dt>Status</dt><dd>{payment.data.status.replace(/_/g, ' ')}</dd>
            <dt>Captured</dt><dd className="money">{money(payment.data.capturedCents, payment.data.currency)}</dd>
            <dt>Refunded</dt><dd className="money" data-testid="refunded">{money(payment.data.refundedCents, payment.data.currency)}</dd>
          </dl>
          {payment.data.operations.length > 0 && (
            <ul className="list small">
              {payment.data.operations.map(op => (
                <li key={`${op.kind}-${op.createdAt}`}>{op.kind} <span className="money">{money(op.amountCents, payment.data.currency)}</span> · {op.status} · {dateTime(op.createdAt)}{op.reason ? ` · ${op.reason}` : ''}</li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
