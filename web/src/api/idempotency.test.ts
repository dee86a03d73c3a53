import { describe, expect, test } from 'vitest';
import { idempotencyKeys } from './idempotency';

function memory() {
  const items = new Map<string, string>();
  return {
    getItem: (name: string) => items.get(name) ?? null,
    setItem: (name: string, value: string) => void items.set(name, value),
    removeItem: (name: string) => void items.delete(name),
  };
}

describe('idempotency keys of a booking', () => {
  test('a retried booking sends the same key, so it can never book twice', () => {
    const storage = memory();
    const first = idempotencyKeys(storage).for('book:quote-1:tok_visa');
    // the answer was lost; the page is reloaded and the customer presses "Book" again
    const retried = idempotencyKeys(storage).for('book:quote-1:tok_visa');
    expect(retried).toBe(first);
  });

  test('another card is another attempt with a key of its own', () => {
    const keys = idempotencyKeys(memory());
    expect(keys.for('book:quote-1:tok_chargeDeclined')).not.toBe(keys.for('book:quote-1:tok_visa'));
  });

  test('once answered, trying again is a new attempt', () => {
    const keys = idempotencyKeys(memory());
    const first = keys.for('book:quote-1:tok_visa');
    keys.done('book:quote-1:tok_visa');
    expect(keys.for('book:quote-1:tok_visa')).not.toBe(first);
  });
});
