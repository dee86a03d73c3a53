import { describe, expect, test } from 'vitest';
import { routeSummary } from './route';

describe('the line under the job map', () => {
  test('a road route says its length and driving time, never under a minute', () => {
    expect(routeSummary({ road: true, distanceM: 2_345, durationS: 412 })).toBe('2.3 km by road, about 7 min');
    expect(routeSummary({ road: true, distanceM: 80, durationS: 10 })).toBe('0.1 km by road, about 1 min');
  });

  test('the straight line is said to be one, and points to Navigate for the roads', () => {
    expect(routeSummary({ road: false, distanceM: 1_111, durationS: null })).toBe('1.1 km in a straight line (no road route: Navigate has the roads)');
  });
});
