import L from 'leaflet';
import { useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import type { LiveSource } from './liveSource';
import { AreasLayer, type Area } from '../../map/AreasLayer';
import { FitBounds } from '../../map/FitBounds';
import { MapView, useMap } from '../../map/MapView';
import { statusLabel } from '../../ui/format';
import { isStale, shortId, STATUS_COLOURS, type ConsoleDriver, type ConsoleOrder, type DriverState } from './model';

export interface Replay {
  path: [number, number][];
  at: [number, number] | null;
}

const DRIVER_COLOURS: Record<DriverState, string> = { idle: '#0b5d4b', busy: '#114a8b', offline: '#6b7378' };

/**
 * The console's map: service areas, every open order (a square-ish dot coloured by status) and every driver on shift
 * (a ring coloured by state, grey when stale), all on one canvas and updated in place: only markers whose data changed
 * are touched, so thousands stay smooth. A click selects the order or driver in the panels.
 */
export default function ConsoleMap({ areas, source, states, replay, onSelectOrder, onSelectDriver, now }: {
  areas: Area[];
  /** The live picture, read every frame it changes (only this component re-renders then, not the panels). */
  source: LiveSource;
  states: Map<string, DriverState>;
  replay: Replay | null;
  onSelectOrder: (id: string) => void;
  onSelectDriver: (id: string) => void;
  now: number;
}) {
  const { orders, drivers } = useSyncExternalStore(source.subscribe, source.get);
  const points = useMemo(() => {
    const all = areas.flatMap(a => a.polygon.map(p => [p[0] ?? 0, p[1] ?? 0] as [number, number]));
    if (all.length === 0) for (const d of drivers.values()) all.push([d.lat, d.lng]);
    return all;
    // framed on the areas (or, without any, the drivers first seen); later moves do not re-frame
  }, [areas.length, drivers.size === 0]);
  const center: [number, number] = points[0] ?? [52.52, 13.4];
  return (
    <MapView center={center} zoom={11} height={520} label="Live map: service areas, open orders and drivers on shift">
      <AreasLayer areas={areas} />
      <OrdersLayer orders={orders} onSelect={onSelectOrder} />
      <DriversLayer drivers={drivers} states={states} onSelect={onSelectDriver} now={now} />
      {replay && <ReplayLayer replay={replay} />}
      <FitBounds points={points} maxZoom={13} />
    </MapView>
  );
}

function tooltip(text: string): HTMLElement {
  const node = document.createElement('span');
  node.textContent = text;
  return node;
}

/** Keeps one canvas marker per key, adding, updating and removing only what changed since the last render. */
function useCanvasMarkers<T>(items: Map<string, T>, make: (item: T) => { latLng: [number, number]; style: L.CircleMarkerOptions; label: string; look: string },
  onClick: (id: string) => void) {
  const map = useMap();
  const renderer = useMemo(() => L.canvas({ padding: 0.3 }), []);
  const markers = useRef(new Map<string, { marker: L.CircleMarker; item: T; look: string }>());
  const click = useRef(onClick);
  click.current = onClick;

  useEffect(() => {
    const all = markers.current;
    for (const [id, entry] of all) {
      if (!items.has(id)) {
        entry.marker.remove();
        all.delete(id);
      }
    }
    for (const [id, item] of items) {
      const entry = all.get(id);
      if (entry && entry.item === item) continue;
      const drawn = make(item);
      if (!entry) {
        const marker = L.circleMarker(drawn.latLng, { ...drawn.style, renderer }).bindTooltip(tooltip(drawn.label)).addTo(map);
        marker.on('click', () => click.current(id));
        all.set(id, { marker, item, look: drawn.look });
        continue;
      }
      entry.marker.setLatLng(drawn.latLng);
      if (entry.look !== drawn.look) {
        entry.marker.setStyle(drawn.style);
        entry.marker.setTooltipContent(tooltip(drawn.label));
      }
      entry.item = item;
      entry.look = drawn.look;
    }
  });
  useEffect(() => () => {
    markers.current.forEach(entry => entry.marker.remove());
    markers.current.clear();
  }, []);
}

function OrdersLayer({ orders, onSelect }: { orders: Map<string, ConsoleOrder>; onSelect: (id: string) => void }) {
  useCanvasMarkers(orders, order => ({
    latLng: [order.lat, order.lng],
    style: { radius: 6, weight: 2, color: '#ffffff', fillColor: STATUS_COLOURS[order.status] ?? '#4f5559', fillOpacity: 1 },
    label: `Order ${shortId(order.id)}: ${statusLabel(order.status)}, ${order.address}`,
    look: `${order.status}`,
  }), onSelect);
  return null;
}

type Decorated = ConsoleDriver & { driver: ConsoleDriver; state: DriverState; stale: boolean };

function DriversLayer({ drivers, states, onSelect, now }: {
  drivers: Map<string, ConsoleDriver>; states: Map<string, DriverState>; onSelect: (id: string) => void; now: number;
}) {
  // a driver's look depends on its state and staleness too, which change without the position changing; a driver
  // whose data and look are the same keeps its object, so its marker is not touched
  const previous = useRef(new Map<string, Decorated>());
  const decorated = useMemo(() => {
    const out = new Map<string, Decorated>();
    for (const [id, d] of drivers) {
      const state = states.get(id) ?? 'idle';
      const stale = isStale(d, now);
      const before = previous.current.get(id);
      out.set(id, before && before.driver === d && before.state === state && before.stale === stale ? before : { ...d, driver: d, state, stale });
    }
    previous.current = out;
    return out;
  }, [drivers, states, now]);
  useCanvasMarkers(decorated, d => ({
    latLng: [d.lat, d.lng],
    style: { radius: 9, weight: 3, color: DRIVER_COLOURS[d.stale ? 'offline' : d.state], fillColor: '#ffffff', fillOpacity: d.stale ? 0.4 : 1, dashArray: d.stale ? '3 3' : undefined },
    label: `Driver ${shortId(d.id)}: ${d.stale ? 'position stale' : d.state}${d.heading == null ? '' : `, heading ${Math.round(d.heading)}°`}`,
    look: `${d.state}-${d.stale}-${d.heading == null ? '' : Math.round(d.heading / 10)}`,
  }), onSelect);
  return null;
}

function ReplayLayer({ replay }: { replay: Replay }) {
  const map = useMap();
  const line = useRef<L.Polyline | null>(null);
  const dot = useRef<L.CircleMarker | null>(null);
  const key = replay.path.length + (replay.path[0]?.join(',') ?? '');
  useEffect(() => {
    const created = L.polyline(replay.path, { color: '#6a3d9a', weight: 4, opacity: 0.85, interactive: false }).addTo(map);
    created.getElement()?.setAttribute('data-testid', 'replay-route');
    line.current = created;
    if (replay.path.length > 1) map.fitBounds(created.getBounds().pad(0.2), { maxZoom: 15 });
    return () => {
      created.remove();
    };
  }, [map, key]);
  useEffect(() => {
    if (!replay.at) return;
    const created = L.circleMarker(replay.at, { radius: 10, weight: 3, color: '#ffffff', fillColor: '#6a3d9a', fillOpacity: 1, interactive: false }).addTo(map);
    dot.current = created;
    return () => {
      created.remove();
    };
  }, [map, replay.at?.[0], replay.at?.[1]]);
  return null;
}
