/** Pickup windows grouped by the day they start on, in the service area's time zone. */
export interface Slot {
  start: string;
  end: string;
  capacity?: number | null;
  remaining?: number | null;
}

export function byDay(slots: Slot[], timeZone: string): { day: string; slots: Slot[] }[] {
  const format = new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', timeZone });
  const days: { day: string; slots: Slot[] }[] = [];
  for (const slot of slots) {
    const day = format.format(new Date(slot.start));
    const last = days.at(-1);
    if (last && last.day === day) last.slots.push(slot);
    else days.push({ day, slots: [slot] });
  }
  return days;
}

/** "3 left", "Full", or nothing when the area sets no limit. */
export function seatsLeft(slot: Slot): string {
  if (slot.remaining == null) return '';
  if (slot.remaining <= 0) return 'Full';
  return slot.remaining <= 5 ? `${slot.remaining} left` : 'Available';
}
