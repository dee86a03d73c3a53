/**
 * Editing a service area's outline: [lat, lng] vertices in order. Pure functions (polygon.test.ts); the map layer and
 * the vertex list both edit through them, so a click on the map and a typed coordinate do the same thing.
 */
export type Vertex = [number, number];

/** Squared distance from p to the segment a-b, in degrees with longitude scaled by the latitude (good enough to pick an edge). */
function distanceToSegment(p: Vertex, a: Vertex, b: Vertex): number {
  const scale = Math.cos((p[0] * Math.PI) / 180);
  const [px, py, ax, ay, bx, by] = [p[1] * scale, p[0], a[1] * scale, a[0], b[1] * scale, b[0]];
  const dx = bx - ax;
  const dy = by - ay;
  const length = dx * dx + dy * dy;
  const t = length === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / length));
  const cx = ax + t * dx - px;
  const cy = ay + t * dy - py;
  return cx * cx + cy * cy;
}

/**
 * Adds a point where a person means it: with fewer than three vertices at the end (drawing), otherwise into the edge
 * nearest to it (reshaping), so the outline never crosses itself because of where a vertex was added.
 */
export function insertVertex(polygon: Vertex[], point: Vertex): Vertex[] {
  if (polygon.length < 3) return [...polygon, point];
  let best = 0;
  let bestDistance = Infinity;
  for (let i = 0; i < polygon.length; i++) {
    const d = distanceToSegment(point, polygon[i]!, polygon[(i + 1) % polygon.length]!);
    if (d < bestDistance) {
      bestDistance = d;
      best = i;
    }
  }
  return [...polygon.slice(0, best + 1), point, ...polygon.slice(best + 1)];
}

export function moveVertex(polygon: Vertex[], index: number, to: Vertex): Vertex[] {
  return polygon.map((v, i) => (i === index ? to : v));
}

export function removeVertex(polygon: Vertex[], index: number): Vertex[] {
  return polygon.filter((_, i) => i !== index);
}

/** Rounded to about a metre, as the service stores what it is sent and people read these numbers. */
export function rounded([lat, lng]: Vertex): Vertex {
  return [Math.round(lat * 1e5) / 1e5, Math.round(lng * 1e5) / 1e5];
}

/** A rectangle around a point, a starting outline for a new area (about 4 by 4 km). */
export function squareAround([lat, lng]: Vertex, halfDegrees = 0.02): Vertex[] {
  const dLng = halfDegrees / Math.max(0.1, Math.cos((lat * Math.PI) / 180));
  return [[lat + halfDegrees, lng - dLng], [lat + halfDegrees, lng + dLng], [lat - halfDegrees, lng + dLng], [lat - halfDegrees, lng - dLng]].map(v => rounded(v as Vertex));
}
