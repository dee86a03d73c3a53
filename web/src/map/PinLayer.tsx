import L from 'leaflet';
import { useEffect, useRef } from 'react';
import { useMap } from './MapView';
import { pickupIcon } from './icons';

/**
 * A pin the person places: a click (or tap) on the map puts it there, dragging moves it. For keyboard users the page
 * offers "place the pin at the map's centre" (the map pans with the arrow keys).
 */
export function PinLayer({ at, onPlace }: { at: [number, number] | null; onPlace: (lat: number, lng: number) => void }) {
  const map = useMap();
  const marker = useRef<L.Marker | null>(null);
  const place = useRef(onPlace);
  place.current = onPlace;

  useEffect(() => {
    const clicked = (event: L.LeafletMouseEvent) => place.current(event.latlng.lat, event.latlng.lng);
    map.on('click', clicked);
    return () => {
      map.off('click', clicked);
    };
  }, [map]);

  useEffect(() => {
    if (!at) {
      marker.current?.remove();
      marker.current = null;
      return;
    }
    if (!marker.current) {
      marker.current = L.marker(at, { icon: pickupIcon, draggable: true, title: 'Pickup pin', alt: 'Pickup pin', keyboard: false }).addTo(map);
      marker.current.on('dragend', () => {
        const position = marker.current?.getLatLng();
        if (position) place.current(position.lat, position.lng);
      });
    } else {
      marker.current.setLatLng(at);
    }
  }, [map, at]);

  useEffect(() => () => {
    marker.current?.remove();
    marker.current = null;
  }, []);
  return null;
}

/** A button that puts the pin where the map is centred (for keyboard and screen-reader users). */
export function PinAtCentre({ onPlace }: { onPlace: (lat: number, lng: number) => void }) {
  const map = useMap();
  return (
    <button type="button" className="button button--secondary" onClick={() => {
      const centre = map.getCenter();
      onPlace(centre.lat, centre.lng);
    }}>Place the pin at the map's centre</button>
  );
}
