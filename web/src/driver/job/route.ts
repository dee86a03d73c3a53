/** The line under the job's map: how far, by road (and how long) or in a straight line, said to be one. */
export function routeSummary(route: { road: boolean; distanceM: number; durationS?: number | null }): string {
  const km = `${(route.distanceM / 1000).toFixed(1)} km`;
  if (!route.road) return `${km} in a straight line (no road route: Navigate has the roads)`;
  return route.durationS == null ? `${km} by road` : `${km} by road, about ${Math.max(1, Math.round(route.durationS / 60))} min`;
}
