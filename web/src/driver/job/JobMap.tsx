import { DriverLayer } from '../../map/DriverLayer';
import { FitBounds } from '../../map/FitBounds';
import { MapView } from '../../map/MapView';
import { PickupLayer } from '../../map/PickupLayer';
import { RouteLayer } from '../../map/RouteLayer';
import { useRoute } from '../data';
import type { Ping } from '../queue/pings';
import { routeSummary } from './route';

/**
 * The stop, the driver, and the way between them: by road when the service has a router, else the straight line,
 * said to be one (Navigate opens the phone's maps app for turn-by-turn either way).
 */
export default function JobMap({ stop, position }: { stop: [number, number]; position: Ping | null }) {
  const here: [number, number] | null = position ? [position.lat, position.lng] : null;
  const route = useRoute(here, stop).data;
  const path = route?.road ? route.path.map(p => [p[0], p[1]] as [number, number]) : undefined;
  return (
    <div className="stack">
      <MapView center={stop} zoom={14} height={260} label="The pickup and your position">
        <PickupLayer lat={stop[0]} lng={stop[1]} />
        {here && <DriverLayer lat={here[0]} lng={here[1]} label="You" />}
        {here && <RouteLayer from={here} to={stop} path={path} />}
        <FitBounds points={here ? [stop, here, ...(path ?? [])] : [stop]} />
      </MapView>
      {route && <p className="small muted" data-testid="route-summary">{routeSummary(route)}</p>}
    </div>
  );
}
