import { DriverLayer } from '../../map/DriverLayer';
import { FitBounds } from '../../map/FitBounds';
import { MapView } from '../../map/MapView';
import { PickupLayer } from '../../map/PickupLayer';
import { RouteLayer } from '../../map/RouteLayer';

/** The pickup, and the driver with the way to it while one is on the way. */
export function DeliveryMap({ pickup, driver, label }: {
  pickup: [number, number];
  driver: { lat: number; lng: number; stale: boolean } | null;
  label: string;
}) {
  const points: [number, number][] = driver ? [pickup, [driver.lat, driver.lng]] : [pickup];
  return (
    <MapView center={pickup} zoom={14} label={label}>
      <PickupLayer lat={pickup[0]} lng={pickup[1]} />
      {driver && <RouteLayer from={[driver.lat, driver.lng]} to={pickup} />}
      {driver && <DriverLayer lat={driver.lat} lng={driver.lng} stale={driver.stale} label={driver.stale ? 'Driver (last known position)' : 'Driver'} />}
      <FitBounds points={points} />
    </MapView>
  );
}
