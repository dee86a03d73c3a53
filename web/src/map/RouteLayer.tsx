import L from 'leaflet';
import { useEffect } from 'react';
import { useMap } from './MapView';

/**
 * The way from the driver to the pickup: the road route when there is one (`path`, drawn solid), else the straight
 * line the arrival estimate is computed on, drawn dashed so nobody takes it for streets.
 */
export function RouteLayer({ from, to, path }: { from: [number, number]; to: [number, number]; path?: [number, number][] }) {
  const map = useMap();
  const points = path && path.length >= 2 ? path : [from, to];
  const road = !!path && path.length >= 2;
  const key = JSON.stringify(points);
  useEffect(() => {
    const line = L.polyline(points, { color: '#114a8b', weight: 4, opacity: 0.8, dashArray: road ? undefined : '6 8', interactive: false }).addTo(map);
    line.getElement()?.setAttribute('data-testid', 'route');
    line.getElement()?.setAttribute('data-road', String(road));
    line.getElement()?.setAttribute('data-points', String(points.length));
    return () => {
      line.remove();
    };
  }, [map, key, road]);
  return null;
}
