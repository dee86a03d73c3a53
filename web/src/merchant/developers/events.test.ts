import { describe, expect, it } from 'vitest';
import { pretty, subscription } from './events';

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
