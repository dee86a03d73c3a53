import { describe, expect, it } from 'vitest';
import { metresBetween, pingOf, worthRecording, type Ping } from './pings';

const at = (seconds: number, lat = 52.52, lng = 13.4): Ping => ({ lat, lng, recordedAt: new Date(Date.UTC(2026, 11, 7, 12, 0, seconds)).toISOString() });

describe('pings', () => {
  it('records the first position, then one every 5 seconds', () => {
    expect(worthRecording(null, at(0))).toBe(true);
    expect(worthRecording(at(0), at(3))).toBe(false);
    expect(worthRecording(at(0), at(5))).toBe(true);
  });

  it('records sooner after 30 m, but never twice within a second or for the same time', () => {
    expect(worthRecording(at(0), at(2, 52.5205))).toBe(true);
    expect(worthRecording(at(0), at(0, 52.53))).toBe(false);
  });

  it('measures distance in metres', () => {
    expect(Math.round(metresBetween({ lat: 52.52, lng: 13.4 }, { lat: 52.53, lng: 13.4 }))).toBe(1112);
  });

  it('leaves out what the browser does not know', () => {
    const ping = pingOf({ coords: { latitude: 52.5, longitude: 13.4, accuracy: 12.345, speed: null, heading: Number.NaN }, timestamp: Date.UTC(2026, 0, 1) });
    expect(ping).toEqual({ lat: 52.5, lng: 13.4, recordedAt: '2026-01-01T00:00:00.000Z', accuracyM: 12.3 });
  });
});
