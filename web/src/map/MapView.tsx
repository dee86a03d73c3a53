import 'leaflet/dist/leaflet.css';
import './map.css';
import L from 'leaflet';
import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { useWebConfig } from '../api/config';

const MapContext = createContext<L.Map | null>(null);
const NO_TILES = '<span data-testid="map-offline">no background</span>';

/** The Leaflet map the layers draw on; only used inside {@link MapView}. */
export function useMap(): L.Map {
  const map = useContext(MapContext);
  if (!map) throw new Error('useMap outside MapView');
  return map;
}

/**
 * One map, layers as components (STYLE 17): this creates the map and its tiles; every layer (pickup, driver, route,
 * areas, fleet) is a child that renders no DOM and only adds, updates and removes its own Leaflet layers. Tiles come
 * from `returnit.web.map.tile-url`; with none configured, or none reachable (offline, tests), the layers still show on
 * a plain background and the map says so.
 */
export function MapView({ center, zoom = 13, label, children, height = 320 }: {
  center: [number, number];
  zoom?: number;
  /** What the map shows, for screen readers (the layers also list their content as text). */
  label: string;
  children?: ReactNode;
  height?: number;
}) {
  const container = useRef<HTMLDivElement>(null);
  const [map, setMap] = useState<L.Map | null>(null);
  const [tilesMissing, setTilesMissing] = useState(false);
  const config = useWebConfig();

  useEffect(() => {
    if (!container.current) return;
    const created = L.map(container.current, { center, zoom, zoomControl: true, scrollWheelZoom: false });
    created.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
    setMap(created);
    return () => {
      created.remove();
      setMap(null);
    };
    // the map is made once; layers and FitBounds move it afterwards
  }, []);

  // no background: said in the attribution line (small print, not a paragraph competing with the page's content)
  useEffect(() => {
    if (!map || !tilesMissing) return;
    map.attributionControl.addAttribution(NO_TILES);
    return () => {
      map.attributionControl.removeAttribution(NO_TILES);
    };
  }, [map, tilesMissing]);

  const tiles = config.data?.map;
  useEffect(() => {
    if (!map || !tiles) return;
    if (!tiles.tileUrl) {
      setTilesMissing(true);
      return;
    }
    const layer = L.tileLayer(tiles.tileUrl, {
      maxZoom: tiles.maxZoom,
      attribution: escapeHtml(tiles.attribution),
      // tile servers (OpenStreetMap's usage policy) want to know which site asks; the pages send no referrer otherwise
      referrerPolicy: 'strict-origin-when-cross-origin',
    });
    let failures = 0;
    layer.on('tileerror', () => {
      failures += 1;
      if (failures === 3) setTilesMissing(true);
    });
    layer.on('tileload', () => setTilesMissing(false));
    layer.addTo(map);
    return () => {
      layer.remove();
    };
  }, [map, tiles]);

  return (
    <div className="map-frame">
      <div ref={container} className="map" style={{ height }} role="region" aria-label={label} data-testid="map" />
      {map && <MapContext.Provider value={map}>{children}</MapContext.Provider>}
    </div>
  );
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, c => `&#${c.charCodeAt(0)};`);
}
