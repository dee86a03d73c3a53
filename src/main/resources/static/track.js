// The tracking page (track.html): kept out of the page so that its Content-Security-Policy allows no inline script.
const token = location.pathname.split('/').pop();
const label = s => ({scheduled: 'Scheduled', assigned: 'Driver assigned', en_route: 'Driver on the way',
  picked_up: 'Picked up', delivered: 'Delivered', cancelled: 'Cancelled', failed: 'Not completed'}[s] || s);
function place(t) {
  const time = {hour: '2-digit', minute: '2-digit'};
  document.getElementById('window').textContent = 'Pickup window ' + new Date(t.windowStart).toLocaleString([],
    {weekday: 'short', day: 'numeric', month: 'short', ...time}) + ' - ' + new Date(t.windowEnd).toLocaleTimeString([], time);
  document.getElementById('status').textContent = label(t.status);
  document.getElementById('message').textContent = t.message === label(t.status) ? '' : t.message;
  document.getElementById('eta').textContent = t.etaSeconds != null ? 'Arrives in about ' + Math.max(1, Math.round(t.etaSeconds / 60)) + ' min' : '';
  const driver = document.getElementById('driver'), route = document.getElementById('route');
  if (!t.driver) {
    driver.setAttribute('visibility', 'hidden'); route.setAttribute('visibility', 'hidden');
    document.getElementById('seen').textContent = ''; document.getElementById('scale').textContent = '';
    return;
  }
  const kmPerLat = 111.32, kmPerLng = 111.32 * Math.cos(t.pickupLat * Math.PI / 180);
  const dx = (t.driver.lng - t.pickupLng) * kmPerLng, dy = (t.driver.lat - t.pickupLat) * kmPerLat;
  const km = Math.hypot(dx, dy), radiusKm = Math.max(1, Math.ceil(km));
  const scale = 110 / radiusKm;
  const x = 200 + dx * scale, y = 150 - dy * scale;
  driver.setAttribute('transform', 'translate(' + x + ',' + y + ')');
  driver.setAttribute('visibility', 'visible');
  route.setAttribute('x2', x); route.setAttribute('y2', y); route.setAttribute('visibility', 'visible');
  document.getElementById('scale').textContent = 'Dashed circle: ' + radiusKm + ' km around the pickup. Driver ' + km.toFixed(1) + ' km away.';
  document.getElementById('seen').textContent = 'Position from ' + t.driver.ageSeconds + ' s ago';
}
async function refresh() {
  try {
    const response = await fetch('/v1/public/tracking/' + encodeURIComponent(token));
    if (response.status === 404) { document.getElementById('status').textContent = 'This tracking link is not valid.'; return; }
    if (response.ok) place(await response.json());
  } catch (e) { document.getElementById('message').textContent = 'Reconnecting...'; }
  setTimeout(refresh, 5000);
}
refresh();
