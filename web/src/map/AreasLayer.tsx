import L from 'leaflet';
import { useEffect } from 'react';
import { useMap } from './MapView';

export interface Area {
  name: string;
  polygon: number[][];
  /** Pickups due and no driver on shift: drawn in red. */
  uncovered?: boolean;
  /** Context only (another area than the one being edited): grey. */
  muted?: boolean;
  label?: string;
}

/** Service areas as outlined polygons with their name (and coverage) on hover and focus. */
export function AreasLayer({ areas }: { areas: Area[] }) {
  const map = useMap();
  const key = JSON.stringify(areas);
  useEffect(() => {
    const shapes = areas.map(area => {
      const color = area.uncovered ? '#a4161a' : area.muted ? '#5f6b66' : '#114a8b';
      const shape = L.polygon(area.polygon.map(p => [p[0] ?? 0, p[1] ?? 0] as [number, number]), {
        color, weight: 2, fillColor: color, fillOpacity: 0.08,
      }).addTo(map);
      // as text: area names are typed by operators, and a tooltip's string is HTML to Leaflet
      const tooltip = document.createElement('span');
      tooltip.textContent = area.label ?? area.name;
      shape.bindTooltip(tooltip);
      shape.getElement()?.setAttribute('data-testid', 'area');
      shape.getElement()?.setAttribute('data-area', area.name);
      return shape;
    });
    return () => shapes.forEach(shape => shape.remove());
  }, [map, key]);
  return null;
}
