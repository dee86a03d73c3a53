import { describe, expect, it } from 'vitest';
import { bodyOf, diffLines, draftOf, itemBody, policyLines, previewErrors, type Policy } from './policy';

const policy: Policy = {
  version: 3, createdAt: '2026-12-01T10:00:00Z', windowDays: 30, excludedCategories: ['swimwear', 'gift_cards'], maxItems: 5,
  maxItemValueCents: 50_000, lateCancellationFeeCents: 500,
  rules: [{ name: 'tags_on', expression: 'item.tagsAttached', message: 'Tags must be attached' }],
};

describe('the return rules form', () => {
  it('a saved policy becomes a draft and back into the same body', () => {
    const { body, errors } = bodyOf(draftOf(policy));
    expect(errors).toEqual({});
    expect(body).toEqual({ windowDays: 30, excludedCategories: ['swimwear', 'gift_cards'], maxItems: 5, maxItemValueCents: 50_000,
      lateCancellationFeeCents: 500, rules: [{ name: 'tags_on', expression: 'item.tagsAttached', message: 'Tags must be attached' }] });
  });

  it('values outside the service\'s limits are named by the service\'s field names', () => {
    const draft = { ...draftOf(policy), windowDays: '0', maxItems: '101', maxItemValue: 'lots', lateCancellationFee: '2000',
      rules: [{ name: 'Bad Name', expression: ' ', message: '' }, { name: 'ok', expression: 'true', message: 'x' }, { name: 'ok', expression: 'true', message: 'y' }] };
    const { body, errors } = bodyOf(draft);
    expect(body).toBeUndefined();
    expect(Object.keys(errors).sort()).toEqual(['lateCancellationFeeCents', 'maxItemValueCents', 'maxItems', 'rules[0].expression',
      'rules[0].message', 'rules[0].name', 'rules[2].name', 'windowDays']);
    expect(errors['rules[2].name']).toBe('Another rule has this name.');
  });

  it('categories are split on commas, trimmed and not repeated; an empty fee is no fee', () => {
    const { body } = bodyOf({ ...draftOf(policy), excludedCategories: ' swimwear ,, underwear, swimwear', lateCancellationFee: '' });
    expect(body?.excludedCategories).toEqual(['swimwear', 'underwear']);
    expect(body?.lateCancellationFeeCents).toBe(0);
  });

  it('the preview\'s errors are shown by field with where in the expression', () => {
    expect(previewErrors([{ field: 'rules[1].expression', message: "undeclared reference to 'itm'", line: 1, column: 5 }, { field: 'windowDays', message: 'must be at least 1' }]))
      .toEqual({ 'rules[1].expression': "undeclared reference to 'itm' (line 1, column 5)", windowDays: 'must be at least 1' });
  });

  it('a try-it item is bought the given days ago (from the start of that day, so the request stays the same); an unreadable value is no item yet', () => {
    const now = new Date('2026-12-07T12:00:00Z');
    expect(itemBody({ description: 'Shirt', category: 'apparel', value: '19,90', daysAgo: '3', tagsAttached: false, sku: 'S-1' }, now))
      .toEqual({ description: 'Shirt', category: 'apparel', valueCents: 1990, tagsAttached: false, purchasedAt: '2026-12-04T00:00:00.000Z', sku: 'S-1' });
    expect(itemBody({ description: 'Shirt', category: 'apparel', value: 'x', daysAgo: '3', tagsAttached: false, sku: '' }, now)).toBeUndefined();
  });
});

describe('the diff between two versions', () => {
  it('shows what was kept, removed and added, in order', () => {
    const after: Policy = { ...policy, version: 4, windowDays: 14,
      rules: [...policy.rules, { name: 'no_final_sale', expression: '!item.sku.startsWith("FS-")', message: 'Final sale items cannot be returned' }] };
    const diff = diffLines(policyLines(policy), policyLines(after));
    expect(diff.filter(d => d.kind !== 'same')).toEqual([
      { kind: 'removed', text: 'Return window: 30 days' },
      { kind: 'added', text: 'Return window: 14 days' },
      { kind: 'added', text: 'Rule no_final_sale: !item.sku.startsWith("FS-")' },
      { kind: 'added', text: 'Rule no_final_sale message: Final sale items cannot be returned' },
    ]);
    expect(diff.filter(d => d.kind === 'same')).toHaveLength(6);
  });

  it('equal versions have no changes; from nothing everything is added', () => {
    expect(diffLines(['a', 'b'], ['a', 'b']).every(d => d.kind === 'same')).toBe(true);
    expect(diffLines([], ['a'])).toEqual([{ kind: 'added', text: 'a' }]);
    expect(diffLines(['a'], [])).toEqual([{ kind: 'removed', text: 'a' }]);
  });
});
