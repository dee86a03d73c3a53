import { describe, expect, it } from 'vitest';
import { claimsOf } from '../api/auth';
import { fileName } from './download';

const jwt = (claims: object) => `e30.${btoa(JSON.stringify(claims)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_')}.sig`;

describe('a member\'s token as the portal reads it', () => {
  it('carries the merchant and the member\'s role', () => {
    expect(claimsOf(jwt({ sub: 'a1', role: 'merchant', exp: 1, merchant_id: 'm1', member_role: 'support' })))
      .toEqual({ sub: 'a1', role: 'merchant', exp: 1, merchantId: 'm1', memberRole: 'support', enrolOnly: false });
  });

  it('a token that may only enrol two-factor authentication says so; a customer\'s has no merchant', () => {
    expect(claimsOf(jwt({ sub: 'a2', role: 'merchant', exp: 1, merchant_id: 'm1', member_role: 'admin', mfa_enrol_only: true })).enrolOnly).toBe(true);
    expect(claimsOf(jwt({ sub: 'c1', role: 'customer', exp: 1 }))).toEqual({ sub: 'c1', role: 'customer', exp: 1, enrolOnly: false });
  });
});

describe('downloads', () => {
  it('keep the file name the service gives', () => {
    expect(fileName('attachment; filename="returns-2026-11-01-2026-11-30.csv"')).toBe('returns-2026-11-01-2026-11-30.csv');
    expect(fileName('attachment; filename=statement-2026-11.pdf')).toBe('statement-2026-11.pdf');
    expect(fileName(null)).toBeUndefined();
  });
});
