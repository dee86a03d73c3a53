import L from 'leaflet';
import { useEffect, useRef } from 'react';
import { useMap } from './MapView';

/**
 * Frames these points (pickup and driver, or every area) whenever the set changes enough to leave the view; a person
 * who has panned the map is not pulled back by every position update.
 */
export function FitBounds({ points, maxZoom = 15 }: { points: [number, number][]; maxZoom?: number }) {
  const map = useMap();
  const framed = useRef(false);
  const key = points.map(p => `${p[0].toFixed(4)},${p[1].toFixed(4)}`).join(';');
  useEffect(() => {
    if (points.length === 0) return;
    const bounds = L.latLngBounds(points);
    if (framed.current && map.getBounds().contains(bounds)) return;
    map.fitBounds(bounds.pad(0.25), { maxZoom, animate: framed.current });
    framed.current = true;
  }, [map, key]);
  return null;
}
