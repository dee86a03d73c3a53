// Frames per second and JS heap of the dispatch console (/ops/dispatch) with 500 drivers and 2,000 open orders on
// screen, 500 drivers moving every second over the stream
// (fleet.positions, as the service sends them). The operator logs in to the running service for real;
// the console's data (orders, overview, unassigned) and its WebSocket are then played by this script (Playwright's
// route and routeWebSocket), so the load is exact and nothing is written to the service.
//
//   RETURNIT_BASE_URL=http://localhost:8080 node bench/web/dispatch-console.mjs   (a service started by ./run.sh)
//
// Uses browser-tests' playwright-core and Debian's Chromium (CHROMIUM to override).
import { createRequire } from 'node:module';
import { totp } from '../../browser-tests/app.mjs';

const require = createRequire(new URL('../../browser-tests/package.json', import.meta.url));
const { chromium } = require('playwright-core');
const base = process.env.RETURNIT_BASE_URL ?? 'http://localhost:8080';
const DRIVERS = Number(process.env.DRIVERS ?? 500);
const ORDERS = Number(process.env.ORDERS ?? 2000);
const SECONDS = Number(process.env.SECONDS ?? 10);

const uuid = (kind, i) => `01a25099-0000-7000-8${kind}00-${String(i).padStart(12, '0')}`;
const start = new Date(Date.now() + 30 * 60_000).toISOString();
const end = new Date(Date.now() + 150 * 60_000).toISOString();
const spot = i => [52.45 + ((i * 7919) % 1000) / 5000, 13.25 + ((i * 104729) % 1000) / 3300];
const orders = Array.from({ length: ORDERS }, (_, i) => {
  const [lat, lng] = spot(i);
  const driven = i < DRIVERS;
  return {
    id: uuid('1', i), status: driven ? 'en_route' : 'scheduled', driverId: driven ? uuid('2', i) : null,
    pickup: { address: `Bench street ${i}, Berlin`, lat, lng }, window: { start, end }, customer: { name: 'Bench', email: 'b@x' },
    items: [{}],
  };
});
const position = new Map(orders.slice(0, DRIVERS).map(o => [o.id, [o.pickup.lat + 0.01, o.pickup.lng]]));

function ordersPage(url) {
  const query = new URL(url).searchParams;
  const all = orders.filter(o => o.status === query.get('status'));
  const after = query.get('startingAfter');
  const from = after ? all.findIndex(o => o.id === after) + 1 : 0;
  const data = all.slice(from, from + Number(query.get('limit') ?? 20));
  return { data, hasMore: from + data.length < all.length };
}

const overview = () => ({
  at: new Date().toISOString(), ordersByStatus: {}, minutes: [], alerts: [], backlogs: {},
  areas: [{ name: 'Berlin (bench)', polygon: [[52.44, 13.24], [52.44, 13.56], [52.66, 13.56], [52.66, 13.24]], driversOnShift: DRIVERS, pickupsDue: ORDERS }],
  drivers: orders.slice(0, DRIVERS).map(o => ({ id: o.driverId, lat: position.get(o.id)[0], lng: position.get(o.id)[1], ageSeconds: 1 })),
});

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--enable-precise-memory-info'] });
const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
const errors = [];
page.on('pageerror', error => errors.push(error.message));
await page.route(url => /\/v1\/orders\?/.test(url.href), route => route.fulfill({ json: ordersPage(route.request().url()) }));
await page.route('**/v1/ops/overview', route => route.fulfill({ json: overview() }));
await page.route('**/v1/dispatch/unassigned', route => route.fulfill({ json: { data: [] } }));
let sent = 0;
await page.routeWebSocket(/\/v1\/stream/, ws => {
  ws.onMessage(message => {
    const request = JSON.parse(String(message));
    if (request.all) ws.send(JSON.stringify({ type: 'subscribed', all: true }));
    if (request.fleet) ws.send(JSON.stringify({ type: 'subscribed', fleet: true }));
  });
  // every driver moves once a second: as the service sends it, one fleet.positions message a second per 500 drivers
  const driven = orders.slice(0, DRIVERS);
  const timer = setInterval(() => {
    const positions = driven.map(order => {
      const [lat, lng] = position.get(order.id);
      const next = [lat + 0.0002, lng + 0.0003];
      position.set(order.id, next);
      return { driverId: order.driverId, lat: next[0], lng: next[1], at: new Date().toISOString() };
    });
    for (let from = 0; from < positions.length; from += 500) {
      ws.send(JSON.stringify({ type: 'fleet.positions', data: { positions: positions.slice(from, from + 500) } }));
    }
    sent += positions.length;
  }, 1000);
  ws.onClose(() => clearInterval(timer));
});

await page.goto(`${base}/ops/dispatch`);
await page.locator('#email').fill(process.env.RETURNIT_OPERATOR_EMAIL ?? 'operator@demo.returnit.local');
await page.locator('#password').fill(process.env.RETURNIT_OPERATOR_PASSWORD ?? 'demo-password-123');
await page.locator('#code').fill(totp(process.env.RETURNIT_OPERATOR_TOTP ?? 'DEMOOPERATORTOTPSECRETRETURNIT23'));
await page.getByTestId('login').click();
await page.getByTestId('console-counts').filter({ hasText: `${ORDERS} open orders · ${DRIVERS} drivers` }).waitFor({ timeout: 60_000 });
await page.waitForTimeout(3_000);

const before = sent;
const frames = await page.evaluate(seconds => new Promise(resolve => {
  const times = [];
  const until = performance.now() + seconds * 1000;
  const step = now => {
    times.push(now);
    if (now < until) requestAnimationFrame(step);
    else resolve(times);
  };
  requestAnimationFrame(step);
}), SECONDS);
if (process.env.PROFILE) {
  // PROFILE=1: where the main thread's time goes over 5 s, by function (self time), to stderr
  const profiler = await page.context().newCDPSession(page);
  await profiler.send('Profiler.enable');
  await profiler.send('Profiler.start');
  await page.waitForTimeout(5_000);
  const { profile } = await profiler.send('Profiler.stop');
  const self = new Map();
  const dt = profile.timeDeltas ?? [];
  const byId = new Map(profile.nodes.map(n => [n.id, n]));
  (profile.samples ?? []).forEach((id, i) => {
    const { functionName, url, lineNumber } = byId.get(id).callFrame;
    const key = `${functionName || '(anonymous)'} ${url.split('/').pop()}:${lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0) / 1000);
  });
  [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25)
    .forEach(([key, ms]) => console.error(`${Math.round(ms).toString().padStart(6)} ms  ${key}`));
}
const gaps = frames.slice(1).map((t, i) => t - frames[i]).sort((a, b) => a - b);
const cdp = await page.context().newCDPSession(page);
await cdp.send('HeapProfiler.collectGarbage');
await cdp.send('Performance.enable');
const { metrics } = await cdp.send('Performance.getMetrics');
const heap = metrics.find(m => m.name === 'JSHeapUsedSize')?.value ?? NaN;
const result = {
  drivers: DRIVERS, orders: ORDERS, seconds: SECONDS, positionEvents: sent - before,
  fps: Math.round((frames.length - 1) / SECONDS * 10) / 10,
  frameP95Ms: Math.round(gaps[Math.floor(gaps.length * 0.95)] * 10) / 10,
  frameP99Ms: Math.round(gaps[Math.floor(gaps.length * 0.99)] * 10) / 10,
  frameMaxMs: Math.round(gaps[gaps.length - 1] * 10) / 10,
  longFrames: gaps.filter(gap => gap > 50).length,
  heapMB: Math.round(heap / 1e6 * 10) / 10,
  errors,
};
console.log(JSON.stringify(result));
await browser.close();
// the played socket's timer would keep node alive
process.exit(0);
