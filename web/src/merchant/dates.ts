/** Date ranges as the portal's filters and the overview use them: ISO days (yyyy-mm-dd, UTC), both ends inclusive. */
export interface DateRange { from: string; to: string }

export const isoDay = (date: Date): string => date.toISOString().slice(0, 10);

/** The last `days` days ending today (today included). */
export function lastDays(days: number, today: Date = new Date()): DateRange {
  const start = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - (days - 1)));
  return { from: isoDay(start), to: isoDay(today) };
}

/** A calendar month (yyyy-mm) as a range. */
export function monthRange(month: string): DateRange {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return { from: `${month}-01`, to: isoDay(new Date(Date.UTC(year, m, 0))) };
}

/** This month and the `count - 1` before it, newest first (yyyy-mm). */
export function recentMonths(count: number, today: Date = new Date()): string[] {
  return Array.from({ length: count }, (_, i) => isoDay(new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - i, 1))).slice(0, 7));
}

/** What is wrong with a range before asking the service (it checks the same, and says so in its words). */
export function rangeError(range: DateRange): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(range.from) || !/^\d{4}-\d{2}-\d{2}$/.test(range.to)) return 'Choose both dates.';
  if (range.to < range.from) return 'The end is before the start.';
  const days = (Date.parse(range.to) - Date.parse(range.from)) / 86_400_000 + 1;
  if (days > 366) return 'Choose at most 366 days.';
  return undefined;
}
