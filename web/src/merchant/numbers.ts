/** How the portal writes rates and durations ("88.9 %", "3 h 25 min"); a dash when there is nothing to show. */
export function percent(rate: number | null | undefined): string {
  if (rate === null || rate === undefined) return '–';
  return `${(Math.round(rate * 1000) / 10).toLocaleString('en-GB')} %`;
}

export function duration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return '–';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  const days = Math.floor(hours / 24);
  return hours % 24 ? `${days} d ${hours % 24} h` : `${days} d`;
}

/** Cents from what a person typed ("12", "12.5", "12,50"); undefined when it is no amount. */
export function centsOf(text: string): number | undefined {
  const normal = text.trim().replace(',', '.');
  if (!/^\d+(\.\d{1,2})?$/.test(normal)) return undefined;
  return Math.round(Number(normal) * 100);
}
