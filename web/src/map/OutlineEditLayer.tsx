import L from 'leaflet';
import { useEffect, useRef } from 'react';
import { useMap } from './MapView';

type Vertex = [number, number];

const vertexIcon = (index: number, selected: boolean) => L.divIcon({
  className: `vertex${selected ? ' vertex--selected' : ''}`,
  html: `<span data-testid="vertex">${index + 1}</span>`,
  iconSize: [22, 22],
  iconAnchor: [11, 11],
});

/**
 * An outline being edited: the polygon, a numbered handle per vertex that is dragged to move it, and a click on the
 * map that adds a point (`onAdd`, which decides where it goes). Everything it does is also on the page as the vertex
 * list, for keyboard and screen-reader users; this layer is the pointer's way.
 */
export function OutlineEditLayer({ outline, selected, onAdd, onMove, onSelect }: {
  outline: Vertex[];
  selected: number | null;
  onAdd: (point: Vertex) => void;
  onMove: (index: number, to: Vertex) => void;
  onSelect: (index: number) => void;
}) {
  const map = useMap();
  const handlers = useRef({ onAdd, onMove, onSelect });
  handlers.current = { onAdd, onMove, onSelect };

  useEffect(() => {
    const clicked = (event: L.LeafletMouseEvent) => handlers.current.onAdd([event.latlng.lat, event.latlng.lng]);
    map.on('click', clicked);
    return () => {
      map.off('click', clicked);
    };
  }, [map]);

  const key = JSON.stringify(outline);
  useEffect(() => {
    const shape = outline.length >= 2
      ? L.polygon(outline, { color: '#114a8b', weight: 2, dashArray: '6 4', fillColor: '#114a8b', fillOpacity: 0.1, interactive: false }).addTo(map)
      : null;
    shape?.getElement()?.setAttribute('data-testid', 'outline');
    const handles = outline.map((vertex, index) => {
      const handle = L.marker(vertex, { icon: vertexIcon(index, index === selected), draggable: true, keyboard: false, title: `Vertex ${index + 1}` }).addTo(map);
      handle.on('click', event => {
        L.DomEvent.stopPropagation(event);
        handlers.current.onSelect(index);
      });
      handle.on('dragend', () => {
        const at = handle.getLatLng();
        handlers.current.onMove(index, [at.lat, at.lng]);
      });
      return handle;
    });
    return () => {
      shape?.remove();
      handles.forEach(handle => handle.remove());
    };
  }, [map, key, selected]);
  return null;
}

/** Adds a point at the map's centre (the map pans with the arrow keys): drawing without a pointer. */
export function AddAtCentre({ onAdd }: { onAdd: (point: Vertex) => void }) {
  const map = useMap();
  return (
    <button type="button" className="button button--secondary" onClick={() => {
      const centre = map.getCenter();
      onAdd([centre.lat, centre.lng]);
    }}>Add a point at the map's centre</button>
  );
}
