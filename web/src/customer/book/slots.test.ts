import { describe, expect, test } from 'vitest';
import { byDay, seatsLeft } from './slots';

describe('pickup windows', () => {
  test('are grouped by the day they start on in the area\'s time zone, not the viewer\'s', () => {
    const days = byDay([
      { start: '2030-01-07T23:30:00Z', end: '2030-01-08T01:30:00Z' },
      { start: '2030-01-08T07:00:00Z', end: '2030-01-08T09:00:00Z' },
      { start: '2030-01-08T09:00:00Z', end: '2030-01-08T11:00:00Z' },
    ], 'Europe/Berlin');
    expect(days.map(d => [d.day, d.slots.length])).toEqual([['Tuesday 8 January', 3]]);
  });

  test('say how many seats are left when few are, and when a window is full', () => {
    expect(seatsLeft({ start: '', end: '', capacity: 8, remaining: 0 })).toBe('Full');
    expect(seatsLeft({ start: '', end: '', capacity: 8, remaining: 2 })).toBe('2 left');
    expect(seatsLeft({ start: '', end: '', capacity: 40, remaining: 30 })).toBe('Available');
    expect(seatsLeft({ start: '', end: '', capacity: null, remaining: null })).toBe('');
  });
});
