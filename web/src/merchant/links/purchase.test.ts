import { describe, expect, it } from 'vitest';
import { localDay, purchasedAt } from './purchase';

describe('the day an item was bought', () => {
  const earlyMorning = new Date(2026, 11, 8, 1, 20); // 01:20 in the browser's calendar

  it('is noon UTC of a past day', () => {
    expect(purchasedAt('2026-12-01', earlyMorning)).toBe('2026-12-01T12:00:00.000Z');
  });

  it('is never later than now when it is today', () => {
    const sent = new Date(purchasedAt(localDay(earlyMorning), earlyMorning));
    expect(sent.getTime()).toBeLessThanOrEqual(earlyMorning.getTime());
    expect(localDay(sent)).toBe(localDay(earlyMorning));
  });

  it('stays in the future when it is after today, for the service to refuse', () => {
    expect(new Date(purchasedAt('2026-12-20', earlyMorning)).getTime()).toBeGreaterThan(earlyMorning.getTime());
  });

  it('defaults to today in the browser\'s own calendar', () => {
    expect(localDay(earlyMorning)).toBe('2026-12-08');
  });
});
