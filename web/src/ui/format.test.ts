import { describe, expect, test } from 'vitest';
import { eta, money, pickupWindow, statusLabel } from './format';

describe('how the app writes things', () => {
  test('money in the order\'s currency', () => {
    expect(money(1299, 'EUR')).toBe('€12.99');
    expect(money(0, 'GBP')).toBe('£0.00');
  });

  test('a pickup window on one line, in the given time zone', () => {
    expect(pickupWindow('2030-01-07T09:00:00Z', '2030-01-07T11:00:00Z', 'Europe/Berlin')).toBe('Mon 7 Jan, 10:00–12:00');
  });

  test('statuses in words a customer understands', () => {
    expect(statusLabel('en_route')).toBe('Driver on the way');
    expect(statusLabel('something_new')).toBe('something_new');
  });

  test('an arrival estimate is never below a minute', () => {
    expect(eta(20)).toBe('about 1 min');
    expect(eta(600)).toBe('about 10 min');
  });
});
