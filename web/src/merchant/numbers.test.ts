import { describe, expect, it } from 'vitest';
import { centsOf, duration, percent } from './numbers';

describe('numbers as the portal writes them', () => {
  it('a rate is a percentage with one decimal, a dash when nothing was attempted', () => {
    expect(percent(0.889)).toBe('88.9 %');
    expect(percent(1)).toBe('100 %');
    expect(percent(null)).toBe('–');
  });

  it('a duration reads in minutes, hours or days', () => {
    expect(duration(12_345)).toBe('3 h 26 min');
    expect(duration(600)).toBe('10 min');
    expect(duration(7_200)).toBe('2 h');
    expect(duration(3 * 86_400 + 3_600)).toBe('3 d 1 h');
    expect(duration(null)).toBe('–');
  });

  it('amounts typed with a point or a comma become cents; anything else is no amount', () => {
    expect(centsOf('12')).toBe(1200);
    expect(centsOf('12,5')).toBe(1250);
    expect(centsOf(' 0.99 ')).toBe(99);
    expect(centsOf('-1')).toBeUndefined();
    expect(centsOf('1.999')).toBeUndefined();
    expect(centsOf('')).toBeUndefined();
  });
});
