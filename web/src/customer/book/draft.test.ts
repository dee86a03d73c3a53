import { describe, expect, test } from 'vitest';
import { cents, itemBody, itemProblems, itemsToReturn, newItem, quoteBody, type Draft, type DraftItem } from './draft';

const jacket = (changes: Partial<DraftItem> = {}): DraftItem => ({
  ...newItem(), description: 'Rain jacket', category: 'outerwear', purchasedOn: '2026-11-20', value: '129.90',
  reason: 'wrong_size', ...changes,
});

describe('the booking form', () => {
  test('amounts are read as typed, with a point or a comma', () => {
    expect(cents('129.90')).toBe(12990);
    expect(cents('12,5')).toBe(1250);
    expect(cents('7')).toBe(700);
    expect(cents('-3')).toBeNull();
    expect(cents('twelve')).toBeNull();
    expect(cents('1.999')).toBeNull();
  });

  test('a complete item has nothing to complain about', () => {
    expect(itemProblems([jacket()], '2026-12-07')).toEqual({});
  });

  test('what is missing is named at its field, as the service names it', () => {
    const problems = itemProblems([jacket({ description: ' ', value: 'abc', purchasedOn: '2026-12-08', reason: '' })], '2026-12-07');
    expect(problems).toEqual({
      'items[0].description': 'Say what the item is.',
      'items[0].valueCents': 'Enter what you paid, like 49.90.',
      'items[0].purchasedAt': 'The purchase date cannot be in the future.',
      'items[0].reason': 'Tell the shop why it goes back.',
    });
  });

  test('"other" needs a few words of why', () => {
    expect(itemProblems([jacket({ reason: 'other' })], '2026-12-07')).toEqual({ 'items[0].reasonNote': 'Say a few words about why.' });
  });

  test('an empty return is refused before asking the service', () => {
    expect(itemProblems([], '2026-12-07').items).toBeDefined();
  });

  test('the sku is left out when the customer has none, so the service numbers the items', () => {
    expect(itemBody(jacket())).not.toHaveProperty('sku');
    expect(itemBody(jacket({ sku: ' JKT-1 ' })).sku).toBe('JKT-1');
    expect(itemBody(jacket()).valueCents).toBe(12990);
  });

  test('from a return link only the ticked items go back, with the merchant\'s data', () => {
    const draft: Draft = {
      items: [jacket({ fromLink: true, chosen: true, sku: 'A' }), jacket({ fromLink: true, chosen: false, sku: 'B' })],
    };
    expect(itemsToReturn(draft).map(item => item.sku)).toEqual(['A']);
  });

  test('no quote is asked for until merchant, address and window are chosen', () => {
    const draft: Draft = { items: [jacket()], merchant: { id: 'm', name: 'Shop', customerPays: false } };
    expect(quoteBody(draft)).toBeNull();
    const complete = quoteBody({ ...draft, address: { address: 'Torstrasse 1, Berlin', lat: 52.5, lng: 13.4 },
      window: { start: '2030-01-07T09:00:00Z', end: '2030-01-07T11:00:00Z' } });
    expect(complete?.pickup).toEqual({ address: 'Torstrasse 1, Berlin', lat: 52.5, lng: 13.4 });
    expect(complete?.items).toHaveLength(1);
  });

  test('access notes go with the pickup, trimmed, and only when there are some', () => {
    const draft: Draft = { items: [jacket()], merchant: { id: 'm', name: 'Shop', customerPays: false },
      address: { address: 'Torstrasse 1, Berlin', lat: 52.5, lng: 13.4 }, window: { start: '2030-01-07T09:00:00Z', end: '2030-01-07T11:00:00Z' } };
    expect(quoteBody({ ...draft, accessNotes: '  Ring Weber, code 4512 ' })?.pickup.accessNotes).toBe('Ring Weber, code 4512');
    expect(quoteBody({ ...draft, accessNotes: '   ' })?.pickup).not.toHaveProperty('accessNotes');
  });
});
