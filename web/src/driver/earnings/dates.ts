/** The service counts earnings by UTC date: today, and this week from Monday. */
export function today(now: Date): string {
  return now.toISOString().slice(0, 10);
}

export function weekStart(now: Date): string {
  const monday = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7));
  return monday.toISOString().slice(0, 10);
}
