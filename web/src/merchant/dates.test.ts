import { describe, expect, it } from 'vitest';
import { lastDays, monthRange, rangeError, recentMonths } from './dates';

describe('date ranges', () => {
  const today = new Date('2026-12-07T10:00:00Z');

  it('the last 30 days end today and start 29 days before', () => {
    expect(lastDays(30, today)).toEqual({ from: '2026-11-08', to: '2026-12-07' });
  });

  it('a month runs from its first to its last day, February of a leap year too', () => {
    expect(monthRange('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(monthRange('2026-12')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
  });

  it('recent months go back across the year, newest first', () => {
    expect(recentMonths(3, new Date('2027-01-15T00:00:00Z'))).toEqual(['2027-01', '2026-12', '2026-11']);
  });

  it('a range ending before it starts or longer than 366 days is refused before asking', () => {
    expect(rangeError({ from: '2026-12-07', to: '2026-12-01' })).toBe('The end is before the start.');
    expect(rangeError({ from: '2025-01-01', to: '2026-01-02' })).toBe('Choose at most 366 days.');
    expect(rangeError({ from: '2025-01-01', to: '2026-01-01' })).toBeUndefined();
    expect(rangeError({ from: '', to: '2026-01-01' })).toBe('Choose both dates.');
  });
});
