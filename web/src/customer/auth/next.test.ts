import { describe, expect, test } from 'vitest';
import { safeNext } from './next';

describe('where a login leads', () => {
  test('to a page of the app', () => {
    expect(safeNext('/book')).toBe('/book');
    expect(safeNext('/orders/0190?booked=1')).toBe('/orders/0190?booked=1');
  });

  test('never to another site, however the address is dressed up', () => {
    for (const next of ['//evil.example', '/\\evil.example', '/\t/evil.example', 'https://evil.example', 'evil', ' /book', '']) {
      expect(safeNext(next)).toBe('/account');
    }
    expect(safeNext(null)).toBe('/account');
  });
});
