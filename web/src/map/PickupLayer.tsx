import L from 'leaflet';
import { useEffect } from 'react';
import { useMap } from './MapView';
import { pickupIcon } from './icons';

/** Where the parcels are collected: one marker. */
export function PickupLayer({ lat, lng, label = 'Pickup address' }: { lat: number; lng: number; label?: string }) {
  const map = useMap();
  useEffect(() => {
    const marker = L.marker([lat, lng], { icon: pickupIcon, title: label, alt: label, keyboard: false, zIndexOffset: 0 }).addTo(map);
    return () => {
      marker.remove();
    };
  }, [map, lat, lng, label]);
  return null;
}
