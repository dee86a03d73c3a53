import { describe, expect, it } from 'vitest';
import { matchCode, missing, proofBody, startProof } from './proof';

const items = [{ sku: 'JKT-1', description: 'Rain jacket' }, { sku: 'FLC-2', description: 'Fleece' }, { sku: 'CAP-3', description: 'Cap' }];

describe('the pickup proof', () => {
  it('verifies the item whose code is scanned or typed, whatever the case and spaces', () => {
    const { proof, sku } = matchCode(startProof(items), ' flc-2 ', 'typed');
    expect(sku).toBe('FLC-2');
    expect(proof[1]).toMatchObject({ state: 'verified', how: 'typed' });
    expect(matchCode(proof, 'NOPE', 'scanned').sku).toBeNull();
  });

  it('asks for every item and for the reason of each refused one', () => {
    let proof = startProof(items);
    proof = matchCode(proof, 'JKT-1', 'scanned').proof;
    proof = proof.map(item => (item.sku === 'FLC-2' ? { ...item, state: 'verified', how: 'ticked' } : item));
    proof = proof.map(item => (item.sku === 'CAP-3' ? { ...item, state: 'refused', condition: 'damaged' } : item));
    expect(missing(proof)).toEqual({ 'CAP-3': 'Say why the item is refused.' });
    proof = proof.map(item => (item.sku === 'CAP-3' ? { ...item, reason: 'Torn brim' } : item));
    expect(missing(proof)).toEqual({});
    expect(proofBody(proof, ' SEAL-9 ')).toEqual({
      bagSeal: 'SEAL-9',
      items: [
        { sku: 'JKT-1', verified: true, condition: 'new' },
        { sku: 'FLC-2', verified: true, condition: 'new' },
        { sku: 'CAP-3', verified: false, condition: 'damaged', note: 'Torn brim' },
      ],
    });
  });
});
