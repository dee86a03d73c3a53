import { describe, expect, it } from 'vitest';
import { today, weekStart } from './dates';

describe('earning periods', () => {
  it('start the week on Monday (UTC)', () => {
    expect(weekStart(new Date('2026-12-07T12:00:00Z'))).toBe('2026-12-07'); // a Monday
    expect(weekStart(new Date('2026-12-13T23:30:00Z'))).toBe('2026-12-07'); // the Sunday after
    expect(weekStart(new Date('2026-12-06T10:00:00Z'))).toBe('2026-11-30');
    expect(today(new Date('2026-12-06T10:00:00Z'))).toBe('2026-12-06');
  });
});
