/** A location ping as the service takes it (`POST /v1/drivers/me/locations`). */
export interface Ping {
  lat: number;
  lng: number;
  recordedAt: string;
  accuracyM?: number;
  speedMps?: number;
  headingDeg?: number;
}

/** The browser's position as a ping; missing or impossible values are left out rather than sent as null. */
export function pingOf(position: { coords: { latitude: number; longitude: number; accuracy?: number | null; speed?: number | null; heading?: number | null }; timestamp: number }): Ping {
  const { latitude, longitude, accuracy, speed, heading } = position.coords;
  const ping: Ping = { lat: latitude, lng: longitude, recordedAt: new Date(position.timestamp).toISOString() };
  if (typeof accuracy === 'number' && Number.isFinite(accuracy) && accuracy >= 0) ping.accuracyM = round(accuracy, 1);
  if (typeof speed === 'number' && Number.isFinite(speed) && speed >= 0) ping.speedMps = round(speed, 2);
  if (typeof heading === 'number' && Number.isFinite(heading) && heading >= 0 && heading < 360) ping.headingDeg = round(heading, 1);
  return ping;
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

/** Metres between two points (haversine). */
export function metresBetween(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(h));
}

export const EVERY_MS = 5_000;
export const MOVED_M = 30;

/**
 * Whether a new position is worth a ping: one every 5 s while it changes, sooner after 30 m (a fast turn), never two
 * within a second, and none for the same time twice (browsers repeat a cached position).
 */
export function worthRecording(last: Ping | null, next: Ping): boolean {
  if (!last) return true;
  const elapsed = Date.parse(next.recordedAt) - Date.parse(last.recordedAt);
  if (elapsed < 1_000) return false;
  if (elapsed >= EVERY_MS) return true;
  return metresBetween(last, next) >= MOVED_M;
}
