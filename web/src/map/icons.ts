import L from 'leaflet';

/**
 * The map's two markers as inline SVG (no image requests, nothing inline that the page's CSP would refuse). The
 * element gets a test id so a browser test can find it where it is drawn.
 */
function icon(svg: string, testId: string, size: number, extraClass = ''): L.DivIcon {
  return L.divIcon({
    className: `marker ${extraClass}`.trim(),
    html: `<span data-testid="${testId}">${svg}</span>`,
    iconSize: [size, size],
    iconAnchor: [size / 2, size / 2],
  });
}

const HOME = '<svg width="30" height="30" viewBox="0 0 30 30" aria-hidden="true"><rect x="2" y="2" width="26" height="26" rx="6" fill="#0b5d4b" stroke="#fff" stroke-width="2"/><path d="M8 16l7-6 7 6v6h-4.5v-4h-5v4H8z" fill="#fff"/></svg>';
const VAN = '<svg width="30" height="30" viewBox="0 0 30 30" aria-hidden="true"><circle cx="15" cy="15" r="13" fill="#114a8b" stroke="#fff" stroke-width="2"/><path d="M7 18v-7h10v3h3l3 3v1h-2a2 2 0 0 1-4 0h-4a2 2 0 0 1-4 0z" fill="#fff"/></svg>';

export const pickupIcon = icon(HOME, 'pickup', 30);
export const driverIcon = (stale: boolean) => icon(VAN, 'driver', 30, stale ? 'marker--stale' : '');
