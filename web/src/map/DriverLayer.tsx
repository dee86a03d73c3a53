import L from 'leaflet';
import { useEffect, useRef } from 'react';
import { useMap } from './MapView';
import { driverIcon } from './icons';

/** The driver's last known position; greyed when it is stale. Moves the same marker as positions arrive. */
export function DriverLayer({ lat, lng, stale = false, label = 'Driver' }: { lat: number; lng: number; stale?: boolean; label?: string }) {
  const map = useMap();
  const marker = useRef<L.Marker | null>(null);
  useEffect(() => {
    const created = L.marker([lat, lng], { icon: driverIcon(stale), title: label, alt: label, keyboard: false, zIndexOffset: 1000 }).addTo(map);
    marker.current = created;
    return () => {
      created.remove();
      marker.current = null;
    };
    // position changes move the marker below; the marker is remade only when it changes look
  }, [map, stale, label]);
  useEffect(() => {
    marker.current?.setLatLng([lat, lng]);
  }, [lat, lng]);
  return null;
}
