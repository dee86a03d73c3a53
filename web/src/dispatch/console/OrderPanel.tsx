import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { api, call } from '../../api/client';
import { Button } from '../../ui/Button';
import { SelectField, TextField } from '../../ui/Field';
import { pickupWindow, statusLabel } from '../../ui/format';
import { ErrorState, Loading, Notice } from '../../ui/States';
import { consoleKeys } from './useConsole';
import { DRIVEN, shortId, type ConsoleDriver, type ConsoleOrder, type DriverState } from './model';

export interface ActionResult {
  orderId: string;
  tone: 'success' | 'error';
  text: string;
}

/**
 * One order: where and when, its driver, the offer trail, and the manual actions (a driver picker, unassign, cancel
 * with a reason). The service's answer to the last action is shown right here.
 */
export function OrderPanel({ order, drivers, states, result, busy, onGive, onUnassign, onCancel, onClose }: {
  order: ConsoleOrder;
  drivers: ConsoleDriver[];
  states: Map<string, DriverState>;
  result: ActionResult | null;
  busy: boolean;
  onGive: (driverId: string) => void;
  onUnassign: (redispatch: boolean) => void;
  onCancel: (reason: string) => void;
  onClose: () => void;
}) {
  const [driverId, setDriverId] = useState('');
  const [redispatch, setRedispatch] = useState(true);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();
  const offers = useQuery({ queryKey: consoleKeys.offers(order.id), queryFn: () => call(api.GET('/v1/orders/{id}/offers', { params: { path: { id: order.id } } })) });
  const candidates = drivers.filter(d => d.id !== order.driverId);
  // opened: focus moves here (on a phone the panel is below the lists; with a keyboard the picker is next)
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const canDrive = order.status === 'scheduled' || DRIVEN.has(order.status);

  return (
    <section className="card console-panel" aria-labelledby="order-heading" data-testid="order-panel">
      <div className="row row--between">
        <h2 id="order-heading" ref={heading} tabIndex={-1}>Order {shortId(order.id)}</h2>
        <Button variant="link" onClick={onClose}>Close</Button>
      </div>
      <dl className="facts">
        <div><dt>Status</dt><dd data-testid="order-status">{statusLabel(order.status)}</dd></div>
        <div><dt>Driver</dt><dd data-testid="order-driver">{order.driverId ? shortId(order.driverId) : 'None'}</dd></div>
        <div><dt>Window</dt><dd>{pickupWindow(order.windowStart, order.windowEnd)}</dd></div>
        <div><dt>Pickup</dt><dd>{order.address}</dd></div>
        <div><dt>Customer</dt><dd>{order.customerName || '—'}, {order.items} item{order.items === 1 ? '' : 's'}</dd></div>
      </dl>

      {result && result.orderId === order.id && (
        <Notice tone={result.tone} testId="action-result">{result.text}</Notice>
      )}

      {canDrive && (
        <form className="stack console-form" onSubmit={event => {
          event.preventDefault();
          if (driverId) onGive(driverId);
        }}>
          <SelectField label={order.driverId ? 'Reassign to' : 'Assign to'} value={driverId} onChange={event => setDriverId(event.target.value)}>
            <option value="">Choose a driver…</option>
            {candidates.map(d => <option key={d.id} value={d.id}>Driver {shortId(d.id)} ({states.get(d.id) ?? 'idle'})</option>)}
          </SelectField>
          <Button type="submit" busy={busy} disabled={!driverId}>{order.driverId ? 'Reassign' : 'Assign'}</Button>
        </form>
      )}

      {order.driverId && DRIVEN.has(order.status) && (
        <div className="stack console-form">
          <label className="checkbox"><input type="checkbox" checked={redispatch} onChange={event => setRedispatch(event.target.checked)} /> Offer it to drivers again</label>
          <Button variant="secondary" busy={busy} onClick={() => onUnassign(redispatch)}>Unassign</Button>
        </div>
      )}

      {order.status !== 'picked_up' && (
        <form className="stack console-form" onSubmit={event => {
          event.preventDefault();
          if (!reason.trim()) {
            setReasonError('Say why the order is cancelled.');
            return;
          }
          setReasonError(undefined);
          onCancel(reason.trim());
        }}>
          <TextField label="Cancel on the customer's behalf: reason" value={reason} maxLength={500} error={reasonError}
            onChange={event => setReason(event.target.value)} />
          <Button type="submit" variant="danger" busy={busy}>Cancel order</Button>
        </form>
      )}

      <h3>Offer trail</h3>
      {offers.isPending && <Loading>Loading offers…</Loading>}
      {offers.error && <ErrorState error={offers.error} retry={() => void offers.refetch()} />}
      {offers.data && offers.data.data.length === 0 && <p className="small muted">No offers yet.</p>}
      {offers.data && offers.data.data.length > 0 && (
        <ol className="offer-trail" data-testid="offer-trail">
          {offers.data.data.map(offer => (
            <li key={offer.id}>
              <strong>{offer.status}</strong>{' '}
              <span className="small muted">{offer.distanceKm.toFixed(1)} km away, expires {new Date(offer.expiresAt).toLocaleTimeString('en-GB')}
                {offer.respondedAt ? `, answered ${new Date(offer.respondedAt).toLocaleTimeString('en-GB')}` : ''}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
