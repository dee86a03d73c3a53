/** "10997 Berlin" from "Oranienstr. 5, 10997 Berlin": an offer shows the area, not the door (that comes with the job). */
export function area(address: string | undefined): string {
  if (!address) return 'Near you';
  const parts = address.split(',').map(part => part.trim()).filter(Boolean);
  return parts.length > 1 ? parts.slice(1).join(', ') : address;
}
