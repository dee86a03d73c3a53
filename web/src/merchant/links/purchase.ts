const pad = (n: number) => String(n).padStart(2, '0');

/** Today in the browser's own calendar, as a date field shows it (YYYY-MM-DD). */
export function localDay(now: Date = new Date()): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * The instant sent for the day an item was bought: noon UTC of that day, except that a purchase made today is never
 * later than now (before noon UTC, today's noon still lies ahead, and the return would be refused as bought in the
 * future). A day after today stays in the future, for the service to refuse.
 */
export function purchasedAt(day: string, now: Date = new Date()): string {
  const noon = new Date(`${day}T12:00:00Z`);
  return day === localDay(now) && noon > now ? now.toISOString() : noon.toISOString();
}
