import { useParams, useSearchParams } from 'react-router';
import { useAuth } from '../../api/auth';
import { useLiveOrder, useLiveStatus } from '../../api/live';
import { ApiError } from '../../api/problem';
import { pickupWindow, statusLabel, eta } from '../../ui/format';
import { Page } from '../../ui/Layout';
import { ErrorState, Loading, Notice } from '../../ui/States';
import { useOrder, useTracking } from '../data';
import { BookedBanner } from './BookedBanner';
import { CancelOrder } from './CancelOrder';
import { ClaimPrompt } from './ClaimPrompt';
import { LazyDeliveryMap as DeliveryMap } from './LazyDeliveryMap';
import { ItemOutcomes } from './ItemOutcomes';
import { Timeline } from './Timeline';

const HEADING_THERE = new Set(['assigned', 'en_route']);
const OPEN = new Set(['scheduled', 'assigned', 'en_route']);

/**
 * The live order page: status, driver on the map with the arrival estimate (over the live stream), the timeline, what
 * happened to each item at the door, and cancelling with its fee stated first.
 */
export default function OrderPage() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const auth = useAuth();
  const order = useOrder(id);
  useLiveOrder(order.data ? id : undefined);
  const live = useLiveStatus();
  const status = order.data?.status ?? '';
  const tracking = useTracking(id, HEADING_THERE.has(status));

  if (order.isPending) return <Loading>Loading your pickup…</Loading>;
  if (order.error) {
    if (order.error instanceof ApiError && order.error.status === 404) {
      return <Page title="Pickup not found" narrow><p>There is no pickup of yours at this address.</p></Page>;
    }
    return <Page title="Your pickup" narrow><ErrorState error={order.error} retry={() => void order.refetch()} /></Page>;
  }

  const o = order.data;
  const driver = tracking.data?.driver ?? null;
  const message = HEADING_THERE.has(status) ? tracking.data?.message : undefined;
  const stale = driver?.stale ?? false;
  const guest = auth.status === 'signed-in' ? auth.session.guest : undefined;
  return (
    <Page title="Your pickup" actions={<span className={`badge ${live === 'live' ? 'badge--live' : ''}`} data-testid="live">{live === 'live' ? 'Live' : live === 'reconnecting' ? 'Reconnecting…' : 'Updates paused'}</span>}>
      <div className="stack">
        {params.get('booked') === '1' && <BookedBanner order={o} />}
        <section className="card stack">
          <h2 data-testid="order-status" aria-live="polite">{message ?? statusLabel(status)}</h2>
          <p className="muted">{pickupWindow(o.window.start, o.window.end)} · {o.pickup.address}</p>
          <p aria-live="polite" aria-atomic="true">{tracking.data?.etaSeconds != null && <strong data-testid="order-eta">Arrives in {eta(tracking.data.etaSeconds)}</strong>}</p>
          {stale && <p className="small muted">The driver's position was last updated {Math.round(driver!.ageSeconds / 60)} min ago.</p>}
          {status === 'cancelled' && o.cancelReason && <Notice tone="info">Cancelled: {o.cancelReason}</Notice>}
          <DeliveryMap pickup={[o.pickup.lat, o.pickup.lng]} label="Map of your pickup and the driver"
            driver={driver && HEADING_THERE.has(status) ? { lat: driver.lat, lng: driver.lng, stale } : null} />
        </section>
        <div className="grid-2">
          <ItemOutcomes order={o} />
          <Timeline orderId={o.id} />
        </div>
        {OPEN.has(status) && <CancelOrder orderId={o.id} />}
        {guest && <ClaimPrompt />}
      </div>
    </Page>
  );
}
