import { describe, expect, it } from 'vitest';
import { exportPath, filterQuery, filtersFrom } from './filters';

describe('the returns filters', () => {
  it('only the filters that are set go to the service, trimmed', () => {
    expect(filterQuery({ status: 'delivered', customer: '  ada@example.com ', merchantOrderRef: '' })).toBe('status=delivered&customer=ada%40example.com');
  });

  it('the CSV link carries exactly the filters of the list', () => {
    expect(exportPath({ from: '2026-11-01', to: '2026-11-30', merchantOrderRef: 'SO-1#2' }))
      .toBe('/v1/orders/export.csv?from=2026-11-01&to=2026-11-30&merchantOrderRef=SO-1%232');
    expect(exportPath({})).toBe('/v1/orders/export.csv');
  });

  it('the page URL and the query agree in both directions', () => {
    const search = new URLSearchParams('customer=Ada%20Lovelace&status=cancelled&unknown=x');
    expect(filtersFrom(search)).toEqual({ status: 'cancelled', customer: 'Ada Lovelace' });
    expect(filterQuery(filtersFrom(search))).toBe('status=cancelled&customer=Ada+Lovelace');
  });
});
