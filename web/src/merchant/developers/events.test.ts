import { describe, expect, it } from 'vitest';
import { localDateTime, pretty, subscription } from './events';

describe('webhook subscriptions', () => {
  it('all events is "*"; a choice keeps the catalogue order and drops unknown types', () => {
    expect(subscription(new Set(['order.delivered']), true)).toEqual(['*']);
    expect(subscription(new Set(['refund.created', 'order.scheduled', 'nonsense']), false)).toEqual(['order.scheduled', 'refund.created']);
  });

  it('bodies are indented when they are JSON and shown as they came when not', () => {
    expect(pretty('{"a":1}')).toBe('{\n  "a": 1\n}');
    expect(pretty('<html>oops</html>')).toBe('<html>oops</html>');
    expect(pretty(null)).toBe('');
  });
});

describe('recovering since a time', () => {
  it('the input holds local time, which the browser reads back as the same instant', () => {
    const at = new Date(2026, 11, 6, 9, 5);
    expect(localDateTime(at)).toBe('2026-12-06T09:05');
    expect(new Date(localDateTime(at)).getTime()).toBe(at.getTime());
  });
});
