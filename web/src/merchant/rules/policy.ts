import type { Schemas } from '../../api/types';
import { centsOf } from '../numbers';

/** The return rules as the form holds them: what the admin typed, checked here before asking the service. */
export interface PolicyDraft {
  windowDays: string;
  excludedCategories: string;
  maxItems: string;
  maxItemValue: string;
  lateCancellationFee: string;
  rules: Schemas['RuleBody'][];
}

export type Policy = Schemas['PolicyView'];

const amount = (cents: number | undefined): string => (cents === undefined ? '' : (cents / 100).toFixed(2));

export function draftOf(policy: Policy): PolicyDraft {
  return {
    windowDays: String(policy.windowDays),
    excludedCategories: policy.excludedCategories.join(', '),
    maxItems: String(policy.maxItems),
    maxItemValue: amount(policy.maxItemValueCents),
    lateCancellationFee: amount(policy.lateCancellationFeeCents ?? 0),
    rules: policy.rules.map(r => ({ name: r.name, expression: r.expression, message: r.message })),
  };
}

function whole(text: string, min: number, max: number): number | string {
  const value = Number(text.trim());
  if (!/^\d+$/.test(text.trim()) || value < min || value > max) return `Enter a whole number from ${min} to ${max}.`;
  return value;
}

function cents(text: string, maxCents: number): number | string {
  const value = centsOf(text);
  if (value === undefined) return 'Enter an amount, like 150 or 4.50.';
  if (value > maxCents) return `At most ${(maxCents / 100).toFixed(2)}.`;
  return value;
}

export const RULE_NAME = /^[a-z][a-z0-9_]{0,63}$/;

/**
 * The service's body for a draft, or what is wrong with it by the service's field names (windowDays, rules[0].name):
 * the same limits the service checks, so the admin sees them while typing. CEL syntax is for the service to check.
 */
export function bodyOf(draft: PolicyDraft): { body?: Schemas['PolicyBody']; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const windowDays = whole(draft.windowDays, 1, 365);
  const maxItems = whole(draft.maxItems, 1, 100);
  const maxItemValueCents = cents(draft.maxItemValue, 100_000_000);
  const lateCancellationFeeCents = draft.lateCancellationFee.trim() === '' ? 0 : cents(draft.lateCancellationFee, 100_000);
  if (typeof windowDays === 'string') errors.windowDays = windowDays;
  if (typeof maxItems === 'string') errors.maxItems = maxItems;
  if (typeof maxItemValueCents === 'string') errors.maxItemValueCents = maxItemValueCents;
  if (typeof lateCancellationFeeCents === 'string') errors.lateCancellationFeeCents = lateCancellationFeeCents;
  const excludedCategories = [...new Set(draft.excludedCategories.split(',').map(c => c.trim()).filter(Boolean))];
  if (excludedCategories.some(c => c.length > 100)) errors.excludedCategories = 'Each category has at most 100 characters.';
  const names = new Set<string>();
  draft.rules.forEach((rule, i) => {
    if (!RULE_NAME.test(rule.name)) errors[`rules[${i}].name`] = 'Lower-case letters, digits and _, starting with a letter.';
    else if (names.has(rule.name)) errors[`rules[${i}].name`] = 'Another rule has this name.';
    names.add(rule.name);
    if (!rule.expression.trim()) errors[`rules[${i}].expression`] = 'Write the condition an item must meet.';
    if (!rule.message.trim()) errors[`rules[${i}].message`] = 'Write what the customer is told when an item is refused.';
  });
  if (Object.keys(errors).length) return { errors };
  return {
    errors,
    body: {
      windowDays: windowDays as number, maxItems: maxItems as number, maxItemValueCents: maxItemValueCents as number,
      lateCancellationFeeCents: lateCancellationFeeCents as number, excludedCategories,
      rules: draft.rules.map(r => ({ name: r.name, expression: r.expression.trim(), message: r.message.trim() })),
    },
  };
}

/** A policy as lines a person reads, one fact per line, for comparing versions. */
export function policyLines(policy: Policy): string[] {
  return [
    `Return window: ${policy.windowDays} days`,
    `Excluded categories: ${policy.excludedCategories.length ? [...policy.excludedCategories].sort().join(', ') : 'none'}`,
    `At most ${policy.maxItems} items per return`,
    `Item value at most ${amount(policy.maxItemValueCents)}`,
    `Late cancellation fee: ${amount(policy.lateCancellationFeeCents ?? 0)}`,
    ...policy.rules.flatMap(r => [`Rule ${r.name}: ${r.expression}`, `Rule ${r.name} message: ${r.message}`]),
  ];
}

export interface DiffLine { kind: 'same' | 'added' | 'removed'; text: string }

/** The lines of `after` against `before`: kept, added and removed, in order (a longest common subsequence). */
export function diffLines(before: string[], after: string[]): DiffLine[] {
  const n = before.length;
  const m = after.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i]![j] = before[i] === after[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && before[i] === after[j]) {
      out.push({ kind: 'same', text: before[i]! });
      i++;
      j++;
    } else if (i < n && (j === m || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) {
      out.push({ kind: 'removed', text: before[i]! });
      i++;
    } else {
      out.push({ kind: 'added', text: after[j]! });
      j++;
    }
  }
  return out;
}

/** The preview's errors by field (rules[1].expression → its message, with the line and column when given). */
export function previewErrors(errors: { field: string; message: string; line?: number | null; column?: number | null }[]): Record<string, string> {
  const byField: Record<string, string> = {};
  for (const e of errors) {
    const where = e.line ? ` (line ${e.line}${e.column ? `, column ${e.column}` : ''})` : '';
    byField[e.field] ??= `${e.message}${where}`;
  }
  return byField;
}

/** A try-it item as the admin enters it. */
export interface TryItem { description: string; category: string; value: string; daysAgo: string; tagsAttached: boolean; sku: string }

export const blankItem = (): TryItem => ({ description: 'Sample item', category: 'apparel', value: '49.90', daysAgo: '10', tagsAttached: true, sku: '' });

/** The quote's item shape for a try-it item; undefined while a field is not a valid number. */
export function itemBody(item: TryItem, now: Date = new Date()): Schemas['ItemBody'] | undefined {
  const valueCents = centsOf(item.value);
  const days = Number(item.daysAgo);
  if (valueCents === undefined || !/^\d+$/.test(item.daysAgo.trim()) || !item.category.trim() || !item.description.trim()) return undefined;
  return {
    description: item.description.trim(), category: item.category.trim(), valueCents, tagsAttached: item.tagsAttached,
    // from the start of the day (UTC), so that the same entry is the same request all day long
    purchasedAt: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - days)).toISOString(),
    ...(item.sku.trim() ? { sku: item.sku.trim() } : {}),
  };
}
