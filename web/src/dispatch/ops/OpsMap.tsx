import { AreasLayer } from '../../map/AreasLayer';
import { FitBounds } from '../../map/FitBounds';
import { FleetLayer } from '../../map/FleetLayer';
import { MapView } from '../../map/MapView';
import type { Schemas } from '../../api/types';

/** Service areas (red where pickups are due and nobody is on shift) and every driver on shift. */
export default function OpsMap({ areas, drivers }: { areas: Schemas['AreaView'][]; drivers: Schemas['DriverDot'][] }) {
  const points = areas.flatMap(area => area.polygon.map(p => [p[0] ?? 0, p[1] ?? 0] as [number, number]))
    .concat(drivers.map(d => [d.lat, d.lng] as [number, number]));
  const center: [number, number] = points[0] ?? [52.52, 13.4];
  return (
    <MapView center={center} zoom={11} height={300} label="Service areas and drivers on shift">
      <AreasLayer areas={areas.map(area => ({
        name: area.name,
        polygon: area.polygon,
        uncovered: area.pickupsDue > 0 && area.driversOnShift === 0,
        label: `${area.name}: ${area.driversOnShift} on shift, ${area.pickupsDue} due`,
      }))} />
      <FleetLayer drivers={drivers.map(d => ({ id: d.id, lat: d.lat, lng: d.lng, ageSeconds: d.ageSeconds }))} />
      <FitBounds points={points} maxZoom={13} />
      <p className="small muted">{areas.map(a => `${a.name}: ${a.driversOnShift} on shift, ${a.pickupsDue} due`).join(' · ') || 'No service areas yet'}</p>
    </MapView>
  );
}
