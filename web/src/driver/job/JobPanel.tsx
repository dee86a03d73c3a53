import { lazy, Suspense, useState } from 'react';
import { Button } from '../../ui/Button';
import { Notice } from '../../ui/States';
import { pickupWindow, statusLabel } from '../../ui/format';
import type { Order } from '../data';
import { shownStatus } from '../queue/actions';
import type { Ping } from '../queue/pings';
import { queueAction, useSync } from '../sync';
import { FailForm } from './FailForm';
import { HubStep } from './HubStep';
import { navigationLinks } from './navigate';
import { ProofForm } from './ProofForm';

const JobMap = lazy(() => import('./JobMap'));

/**
 * The job: the stop on the map with the way from the driver, a button that opens the phone's maps app, who and what
 * to collect, and the next step (on my way, arrived, the item-level proof, the hub). Each step is queued on the phone
 * and sent in order, so it works without a connection; the status shown already counts the steps still waiting.
 */
export function JobPanel({ order, position }: { order: Order; position: Ping | null }) {
  const sync = useSync();
  const pending = sync.actions.filter(action => action.orderId === order.id);
  const status = shownStatus(order.status, pending);
  const [arrived, setArrived] = useArrived(order.id);
  const [failing, setFailing] = useState(false);
  const links = navigationLinks(order.pickup.lat, order.pickup.lng, order.pickup.address);
  const toPickup = status === 'assigned' || status === 'en_route';
  // the first name only: enough to greet at the door
  const customer = order.customerFirstName ?? order.customer?.name.trim().split(/\s+/)[0];

  return (
    <section className="stack" aria-labelledby="job-title" data-testid="job">
      <div className="row row--between">
        <h2 id="job-title">{toPickup ? 'Pickup' : 'To the hub'}</h2>
        <span className="badge badge--live" data-testid="job-status">{statusLabel(status)}</span>
      </div>
      {pending.length > 0 && <p className="small" data-testid="job-waiting">{pending.length === 1 ? 'This step is' : 'These steps are'} saved on the phone and will be sent when there is a connection.</p>}
      {toPickup && !(status === 'en_route' && arrived) && (
        <Suspense fallback={<div className="map-placeholder" />}>
          <JobMap stop={[order.pickup.lat, order.pickup.lng]} position={position} />
        </Suspense>
      )}
      <div className="card stack">
        <dl className="driver-facts">
          <dt>Address</dt><dd data-testid="job-address">{order.pickup.address}</dd>
          <dt>Window</dt><dd>{pickupWindow(order.window.start, order.window.end)}</dd>
          {customer && <><dt>Customer</dt><dd data-testid="job-customer">{customer}</dd></>}
          {order.pickup.accessNotes && <><dt>Access</dt><dd data-testid="job-access">{order.pickup.accessNotes}</dd></>}
          <dt>Items</dt><dd>{order.items.length}</dd>
        </dl>
        {toPickup && (
          <div className="proof-row__actions">
            <a className="button" href={links.maps} target="_blank" rel="noopener noreferrer" data-testid="navigate">Navigate</a>
            <a className="button button--secondary" href={links.geo}>Other maps app</a>
          </div>
        )}
        {order.contact?.callUrl && (
          <div className="proof-row__actions">
            <a className="button button--secondary" href={order.contact.callUrl}>Call</a>
            {order.contact.smsUrl && <a className="button button--secondary" href={order.contact.smsUrl}>Text</a>}
          </div>
        )}
      </div>

      {failing ? <FailForm orderId={order.id} onCancel={() => setFailing(false)} />
        : status === 'assigned' ? (
          <Button block onClick={() => void queueAction({ kind: 'en-route', orderId: order.id, at: new Date().toISOString() })} data-testid="en-route">I'm on my way</Button>
        ) : status === 'en_route' && !arrived ? (
          <Button block onClick={() => setArrived(true)} data-testid="arrived">I've arrived</Button>
        ) : status === 'en_route' ? (
          <ProofForm order={order} />
        ) : status === 'picked_up' ? (
          <HubStep order={order} />
        ) : <Notice tone="info">{statusLabel(status)}</Notice>}

      {toPickup && !failing && (
        <Button variant="link" onClick={() => setFailing(true)} data-testid="fail">The pickup cannot happen</Button>
      )}
    </section>
  );
}

/** "I've arrived" has no call of its own on the service: it is kept on this phone for the job (surviving a reload). */
function useArrived(orderId: string): [boolean, (value: boolean) => void] {
  const slot = `returnit.driver.arrived.${orderId}`;
  const [arrived, set] = useState(() => sessionStorage.getItem(slot) === '1');
  return [arrived, value => {
    if (value) sessionStorage.setItem(slot, '1');
    else sessionStorage.removeItem(slot);
    set(value);
  }];
}
