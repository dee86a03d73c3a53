import { AreasLayer } from '../../map/AreasLayer';
import { FitBounds } from '../../map/FitBounds';
import { MapView } from '../../map/MapView';
import { AddAtCentre, OutlineEditLayer } from '../../map/OutlineEditLayer';
import type { Schemas } from '../../api/types';
import type { Vertex } from './polygon';

const BERLIN: Vertex = [52.52, 13.405];

/** The editor's map (loaded on its own, with Leaflet): the outline being edited over the other areas. */
export default function OutlineMap({ outline, others, selected, onAdd, onMove, onSelect }: {
  outline: Vertex[];
  others: Schemas['ServiceAreaView'][];
  selected: number | null;
  onAdd: (point: Vertex) => void;
  onMove: (index: number, to: Vertex) => void;
  onSelect: (index: number) => void;
}) {
  const framed = outline.length > 0 ? outline : others.flatMap(o => o.polygon.map(p => [p[0] ?? 0, p[1] ?? 0] as Vertex));
  return (
    <MapView center={framed[0] ?? BERLIN} zoom={11} label="Service area outline" height={380}>
      <AreasLayer areas={others.map(o => ({ name: o.name, polygon: o.polygon, muted: true }))} />
      <OutlineEditLayer outline={outline} selected={selected} onAdd={onAdd} onMove={onMove} onSelect={onSelect} />
      <FitBounds points={framed} maxZoom={14} />
      <div className="map-actions"><AddAtCentre onAdd={onAdd} /></div>
    </MapView>
  );
}
