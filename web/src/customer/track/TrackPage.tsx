import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { anonymous, call } from '../../api/client';
import { ApiError } from '../../api/problem';
import { keys } from '../../api/query';
import type { Schemas } from '../../api/types';
import { pickupWindow, statusLabel } from '../../ui/format';
import { Layout } from '../../ui/Layout';
import { ErrorState, Loading } from '../../ui/States';
import { LazyDeliveryMap as DeliveryMap } from '../order/LazyDeliveryMap';

/**
 * The public tracking page behind a shared link (`/track/{token}`): status, arrival estimate and a map with the
 * pickup and the driver, refreshed every 5 s. No login, and no names or address: the link may be forwarded.
 */
export default function TrackPage() {
  const { token = '' } = useParams();
  const tracking = useQuery({
    queryKey: keys.publicTracking(token),
    queryFn: () => call(anonymous.GET('/v1/public/tracking/{token}', { params: { path: { token } } })),
    refetchInterval: query => (query.state.error ? false : 5_000),
  });

  return (
    <Layout>
      <div className="page page--narrow stack">
        {tracking.isPending && <Loading>Finding your pickup…</Loading>}
        {tracking.error instanceof ApiError && tracking.error.status === 404 && (
          <div className="card">
            <h1 data-testid="status">This tracking link is not valid.</h1>
            <p>Ask whoever sent it for a new one, or log in to see your returns.</p>
          </div>
        )}
        {tracking.error && !(tracking.error instanceof ApiError && tracking.error.status === 404) && (
          <ErrorState error={tracking.error} retry={() => void tracking.refetch()} />
        )}
        {tracking.data && <TrackingCard view={tracking.data} />}
      </div>
    </Layout>
  );
}

function TrackingCard({ view }: { view: Schemas['PublicTracking'] }) {
  const driver = view.driver ?? null;
  const headline = view.status === 'en_route' || (view.status === 'assigned' && driver) ? 'Driver on the way' : statusLabel(view.status);
  return (
    <section className="card stack">
      <h1 data-testid="status" className="headline" aria-live="polite">{headline}</h1>
      {view.message !== headline && <p data-testid="message">{view.message}</p>}
      <p data-testid="eta" className="muted" aria-live="polite">{view.etaSeconds != null ? `Arrives in about ${Math.max(1, Math.round(view.etaSeconds / 60))} min` : ''}</p>
      <p className="small muted">Pickup window: {pickupWindow(view.windowStart, view.windowEnd)}</p>
      <DeliveryMap pickup={[view.pickupLat, view.pickupLng]} driver={driver ? { lat: driver.lat, lng: driver.lng, stale: driver.stale } : null}
        label="Map of the pickup and the driver" />
    </section>
  );
}
