import { DriverLayer } from '../../map/DriverLayer';
import { FitBounds } from '../../map/FitBounds';
import { MapView } from '../../map/MapView';
import { PickupLayer } from '../../map/PickupLayer';
import { RouteLayer } from '../../map/RouteLayer';
import type { Ping } from '../queue/pings';

/** The stop, the driver, and the way between them (straight: the service has no road router; Navigate has roads). */
export default function JobMap({ stop, position }: { stop: [number, number]; position: Ping | null }) {
  const here: [number, number] | null = position ? [position.lat, position.lng] : null;
  return (
    <MapView center={stop} zoom={14} height={260} label="The pickup and your position">
      <PickupLayer lat={stop[0]} lng={stop[1]} />
      {here && <DriverLayer lat={here[0]} lng={here[1]} label="You" />}
      {here && <RouteLayer from={here} to={stop} />}
      <FitBounds points={here ? [stop, here] : [stop]} />
    </MapView>
  );
}
