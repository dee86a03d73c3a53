import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LiveSource } from './liveSource';
import type { ConsoleDriver } from './model';

const driver = (lat: number): ConsoleDriver => ({ id: 'd', lat, lng: 13, at: lat, heading: null });

describe('the live picture', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('tells the map of moved drivers at most four times a second, and the panels at most once', () => {
    const source = new LiveSource(1_000, 250);
    const commits: number[] = [];
    let drawn = 0;
    source.subscribe(() => drawn++);
    source.onCommit(picture => commits.push(picture.drivers.get('d')?.lat ?? 0));
    for (let i = 1; i <= 60; i++) source.update(p => ({ ...p, drivers: new Map([['d', driver(i)]]) }));
    expect(drawn).toBe(0);
    expect(commits).toEqual([0]);
    vi.advanceTimersByTime(250);
    expect(drawn).toBe(1);
    expect(source.get().drivers.get('d')?.lat).toBe(60);
    vi.advanceTimersByTime(750);
    expect(commits).toEqual([0, 60]);
  });

  it('commits at once when orders change (the panels list them)', () => {
    const source = new LiveSource(1_000);
    const commits: number[] = [];
    source.onCommit(picture => commits.push(picture.orders.size));
    source.update(p => ({ ...p, orders: new Map([['o', {} as never]]) }));
    expect(commits).toEqual([0, 1]);
  });
});
