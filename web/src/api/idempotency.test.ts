import { describe, expect, test } from 'vitest';
import { attempts } from './idempotency';

function memory() {
  const items = new Map<string, string>();
  return {
    getItem: (name: string) => items.get(name) ?? null,
    setItem: (name: string, value: string) => void items.set(name, value),
    removeItem: (name: string) => void items.delete(name),
  };
}

type Booking = { quoteId: string; paymentMethod: string };
const sameQuote = (a: Booking) => (b: Booking) => a.quoteId === b.quoteId;

describe('a booking attempt', () => {
  test('a retry after a lost answer sends the same request with the same key, even after a reload', () => {
    const storage = memory();
    const first = attempts<Booking>('book', storage).start({ quoteId: 'q1', paymentMethod: 'pm_1' }, () => true);
    // the answer was lost; the page is reloaded (a new module instance) and the customer tries again with another card
    const again = { quoteId: 'q1', paymentMethod: 'pm_2' };
    const retried = attempts<Booking>('book', storage).start(again, sameQuote(again));
    expect(retried.key).toBe(first.key);
    expect(retried.request.paymentMethod).toBe('pm_1');
  });

  test('a reloaded page finds the attempt still waiting for its answer', () => {
    const storage = memory();
    attempts<Booking>('book', storage).start({ quoteId: 'q1', paymentMethod: 'tok_visa' }, () => true);
    expect(attempts<Booking>('book', storage).pending()?.request.quoteId).toBe('q1');
  });

  test('once answered for good, the next try is a new attempt with a new key', () => {
    const store = attempts<Booking>('book', memory());
    const first = store.start({ quoteId: 'q1', paymentMethod: 'tok_chargeDeclined' }, () => true);
    store.done();
    expect(store.pending()).toBeNull();
    const next = { quoteId: 'q1', paymentMethod: 'tok_visa' };
    expect(store.start(next, sameQuote(next)).key).not.toBe(first.key);
  });

  test('another quote is another attempt', () => {
    const store = attempts<Booking>('book', memory());
    const first = store.start({ quoteId: 'q1', paymentMethod: 'tok_visa' }, () => true);
    const other = { quoteId: 'q2', paymentMethod: 'tok_visa' };
    expect(store.start(other, sameQuote(other)).key).not.toBe(first.key);
  });
});
