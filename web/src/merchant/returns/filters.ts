/** The returns list's filters, as the page's URL keeps them and as the service's query parameters. */
export interface ReturnFilters {
  status?: string;
  from?: string;
  to?: string;
  customer?: string;
  merchantOrderRef?: string;
}

const NAMES = ['status', 'from', 'to', 'customer', 'merchantOrderRef'] as const;

/** The filters that are set, trimmed (an empty field is no filter). */
export function activeFilters(filters: ReturnFilters): ReturnFilters {
  const active: ReturnFilters = {};
  for (const name of NAMES) {
    const value = filters[name]?.trim();
    if (value) active[name] = value;
  }
  return active;
}

/** Filters from the page's search parameters. */
export function filtersFrom(search: URLSearchParams): ReturnFilters {
  return activeFilters(Object.fromEntries(NAMES.map(name => [name, search.get(name) ?? ''])));
}

/** The query string of the filters (no leading '?'), stable in its order so it can be a cache key. */
export function filterQuery(filters: ReturnFilters): string {
  const params = new URLSearchParams();
  const active = activeFilters(filters);
  for (const name of NAMES) if (active[name]) params.set(name, active[name]);
  return params.toString();
}

/** The CSV export of exactly the filtered list. */
export function exportPath(filters: ReturnFilters): string {
  const query = filterQuery(filters);
  return `/v1/orders/export.csv${query ? `?${query}` : ''}`;
}

/** The file name the service gives the export (returns-<from>-<to>.csv), for the browser's download. */
export function exportFileName(filters: ReturnFilters): string {
  return `returns-${filters.from?.trim() || 'start'}-${filters.to?.trim() || 'today'}.csv`;
}
