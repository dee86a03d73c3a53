/**
 * Links that open the phone's maps app with directions to a stop: a maps URL (opens Google Maps, or the browser, on
 * any phone) and a `geo:` URI (Android offers every installed maps app for it).
 */
export function navigationLinks(lat: number, lng: number, label: string): { maps: string; geo: string } {
  const at = `${lat.toFixed(6)},${lng.toFixed(6)}`;
  return {
    maps: `https://www.google.com/maps/dir/?api=1&destination=${at}&travelmode=driving`,
    geo: `geo:${at}?q=${at}(${encodeURIComponent(label)})`,
  };
}
