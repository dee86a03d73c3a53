import L from 'leaflet';
import { useEffect, useMemo, useState } from 'react';
import { useMap } from './MapView';

export interface FleetDriver {
  id: string;
  lat: number;
  lng: number;
  ageSeconds: number;
}

/**
 * Every driver on shift, drawn on one canvas (not one DOM element per driver: hundreds stay smooth) and updated in
 * place. The same drivers are listed as text for screen readers, each with where it was drawn on the map.
 */
export function FleetLayer({ drivers, staleAfterSeconds = 120 }: { drivers: FleetDriver[]; staleAfterSeconds?: number }) {
  const map = useMap();
  const renderer = useMemo(() => L.canvas({ padding: 0.2 }), []);
  const [group] = useState(() => L.layerGroup());
  const [, redrawn] = useState(0);

  useEffect(() => {
    group.addTo(map);
    const moved = () => redrawn(n => n + 1);
    map.on('moveend zoomend resize', moved);
    return () => {
      map.off('moveend zoomend resize', moved);
      group.remove();
    };
  }, [map, group]);

  useEffect(() => {
    group.clearLayers();
    for (const driver of drivers) {
      const stale = driver.ageSeconds > staleAfterSeconds;
      L.circleMarker([driver.lat, driver.lng], {
        renderer, radius: 7, weight: 2, color: '#ffffff', fillColor: stale ? '#6b7378' : '#0b5d4b', fillOpacity: 1,
      }).bindTooltip(textNode(`Driver ${driver.id.slice(0, 8)}, position ${driver.ageSeconds} s old`)).addTo(group);
    }
  }, [group, renderer, drivers, staleAfterSeconds]);

  return (
    <ul className="visually-hidden" aria-label="Drivers on shift" data-testid="fleet">
      {drivers.map(driver => {
        const point = map.latLngToContainerPoint([driver.lat, driver.lng]);
        return (
          <li key={driver.id} data-testid="driver-dot" data-x={Math.round(point.x)} data-y={Math.round(point.y)}>
            Driver {driver.id.slice(0, 8)} at {driver.lat.toFixed(4)}, {driver.lng.toFixed(4)}, {driver.ageSeconds} s ago
          </li>
        );
      })}
    </ul>
  );
}

function textNode(text: string): HTMLElement {
  const node = document.createElement('span');
  node.textContent = text;
  return node;
}
