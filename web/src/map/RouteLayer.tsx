import L from 'leaflet';
import { useEffect } from 'react';
import { useMap } from './MapView';

/**
 * The way from the driver to the pickup. The service has no road router, so this is the straight line the arrival
 * estimate is computed on, drawn dashed so nobody takes it for streets.
 */
export function RouteLayer({ from, to }: { from: [number, number]; to: [number, number] }) {
  const map = useMap();
  useEffect(() => {
    const line = L.polyline([from, to], { color: '#114a8b', weight: 4, opacity: 0.8, dashArray: '6 8', interactive: false }).addTo(map);
    line.getElement()?.setAttribute('data-testid', 'route');
    return () => {
      line.remove();
    };
  }, [map, from[0], from[1], to[0], to[1]]);
  return null;
}
