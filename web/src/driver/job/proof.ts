import type { ItemCheck } from '../queue/actions';

/**
 * The item-level pickup proof as the driver fills it in: each item is verified (its code scanned or typed, or ticked
 * by eye) or refused with a reason, in a condition. What goes to the service is one check per item.
 */
export type Condition = ItemCheck['condition'];

export interface ItemProof {
  sku: string;
  description: string;
  state: 'open' | 'verified' | 'refused';
  how?: 'scanned' | 'typed' | 'ticked';
  condition: Condition;
  reason: string;
}

export function startProof(items: { sku: string; description: string }[]): ItemProof[] {
  return items.map(item => ({ sku: item.sku, description: item.description, state: 'open', condition: 'new', reason: '' }));
}

const normal = (code: string) => code.trim().toUpperCase();

/** Verifies the open item whose code this is; which one it was, or null when the code is on no open item. */
export function matchCode(proof: ItemProof[], code: string, how: 'scanned' | 'typed'): { proof: ItemProof[]; sku: string | null } {
  const index = proof.findIndex(item => item.state !== 'refused' && normal(item.sku) === normal(code));
  if (index < 0) return { proof, sku: null };
  return { proof: proof.map((item, i) => (i === index ? { ...item, state: 'verified', how } : item)), sku: proof[index]!.sku };
}

/** What is still missing before the proof can be sent, by item (empty: ready). */
export function missing(proof: ItemProof[]): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const item of proof) {
    if (item.state === 'open') problems[item.sku] = 'Scan, type or tick this item, or refuse it.';
    else if (item.state === 'refused' && !item.reason.trim()) problems[item.sku] = 'Say why the item is refused.';
  }
  return problems;
}

export function proofBody(proof: ItemProof[], bagSeal: string): { items: ItemCheck[]; bagSeal?: string } {
  const items = proof.map(item => ({
    sku: item.sku,
    verified: item.state === 'verified',
    condition: item.condition,
    ...(item.state === 'refused' ? { note: item.reason.trim().slice(0, 500) } : {}),
  }));
  return { items, ...(bagSeal.trim() ? { bagSeal: bagSeal.trim().slice(0, 100) } : {}) };
}
