// The driver's app in a real Chromium on a phone-sized screen against a running demo service (./run.sh, which sets
// RETURNIT_DISPATCH_LEADTIME=48h so bookings are offered at once), with the browser's position and connection set by
// the test, while the customer follows the order on a phone of their own and a dispatcher watches the console: a new
// driver signs in, turns on offers as notifications, starts a shift and drives; the connection drops for 30 s of
// driving and comes back (every position is stored once, in order); the driver leaves the app (its tab closed: headless
// Chromium cannot put a page in the background) and an order is booked near the driver: the offer reaches the browser
// as a Web Push (through a push service on 127.0.0.1 that checks and decrypts it, into the app's service worker, which
// shows it as a notification); back in the app the offer fills the screen and is accepted; dispatch gives the driver a second job,
// which the app lists next, and the dispatcher drags it onto another driver: the app drops it at once; on the way, at
// the door with no connection the items are checked (one typed, one ticked, one refused with a reason), a photo is
// taken and the customer signs, and once back online the steps reach the service in order; the parcels are handed
// over at the hub and the pickup shows in the day's earnings. The customer's page and the console show each step live.
//
// Run: RETURNIT_BASE_URL=http://localhost:8080 node --test browser-tests/driver-app.test.mjs (after ./run.sh with
// RETURNIT_PUSH_ALLOW_LOCAL_HTTP=true, so that the service pushes to the push service on 127.0.0.1).
//   RETURNIT_BASE_URL                                   the running service (orders dispatched at once after booking)
//   RETURNIT_OPERATOR_EMAIL, _PASSWORD, _TOTP_SECRET    an operator, to create drivers, read the hub and watch the console
//                                                       (default: the demo's)
//   RETURNIT_CUSTOMER_EMAIL, _PASSWORD                  a customer who books (default: the demo's)
//   RETURNIT_MERCHANT_QUERY                             finds the shop that pays for its pickups (default: Alpine, the demo's)
//   RETURNIT_PICKUP_LAT, _LNG, _ADDRESS                 a pickup inside a scheduled service area, away from other drivers
//                                                       (default: Friedrichshain, in the demo's Berlin area)
//   RETURNIT_ROAD_ROUTES                                true: the service has a road router (returnit.routing), so the
//                                                       job's map shows the way by road; else the straight line
//   RETURNIT_SCREENSHOT_OFFER, _PROOF                   where to save screenshots (PNG), optional
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { headlessChromium } from './browser.mjs';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { apiLogin, baseUrl, call, done, driverOnShift, eventually, giveTo, logIn, openPage, screenshot, totp, unique } from './app.mjs';
import { startPushService } from './push-service.mjs';

const phone = headlessChromium({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, timeout: 20_000 });
// the customer's phone and the dispatcher's screen: browsers of their own (their own sessions)
const customerPhone = headlessChromium({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, timeout: 20_000 });
const desk = headlessChromium({ viewport: { width: 1400, height: 1000 }, deviceScaleFactor: 1, timeout: 20_000 });
const setting = (name, demo) => process.env[name] || demo;
const DEMO_PASSWORD = 'demo-password-123';
const OPERATOR = {
  email: setting('RETURNIT_OPERATOR_EMAIL', 'operator@demo.returnit.local'),
  password: setting('RETURNIT_OPERATOR_PASSWORD', DEMO_PASSWORD),
  secret: setting('RETURNIT_OPERATOR_TOTP_SECRET', 'DEMOOPERATORTOTPSECRETRETURNIT23'),
};
const CUSTOMER = { email: setting('RETURNIT_CUSTOMER_EMAIL', 'customer@demo.returnit.local'), password: setting('RETURNIT_CUSTOMER_PASSWORD', DEMO_PASSWORD) };
// a street in Friedrichshain, inside the demo's Berlin area and far from the simulated drivers around the hub
const PICKUP = {
  lat: Number(setting('RETURNIT_PICKUP_LAT', '52.5079')),
  lng: Number(setting('RETURNIT_PICKUP_LNG', '13.4531')),
  address: setting('RETURNIT_PICKUP_ADDRESS', 'Simon-Dach-Strasse 20, 10245 Berlin'),
};
const DEAD_SPOT_MS = 30_000;

/** What the driver sees on the phone's screen (not the whole page), saved where the variable says. */
async function screenOnly(page, variable) {
  const path = process.env[variable];
  if (!path) return;
  mkdirSync(dirname(path), { recursive: true });
  await page.screenshot({ path });
}

// an 8x8 PNG: what the phone's camera would give, in small
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAJklEQVR4nGM4UaFxoknjRI/GiWkaJxZonFilcWKLxol9GgxDSwIAlqJiwX7n9O4AAAAASUVORK5CYII=';

let operator = null;
let lastCode = null;

/** The operator's token, logged in once per file; a TOTP code counts once, so a spent one waits for the next step. */
async function operatorToken() {
  for (let attempt = 0; !operator; attempt++) {
    lastCode = totp(OPERATOR.secret);
    const answer = await call('POST', '/v1/auth/token', null, { email: OPERATOR.email, password: OPERATOR.password, code: lastCode });
    if (answer.status === 200) operator = answer.body.accessToken;
    else if (attempt === 1) assert.fail(`operator login: ${JSON.stringify(answer.body)}`);
    else await new Promise(resolve => setTimeout(resolve, 30_000 - (Date.now() % 30_000) + 200));
  }
  return operator;
}

/** The dispatcher signs in to the console (with the next one-time code: the API login spent this step's). */
async function openConsole() {
  const page = await openPage(desk, '/ops/dispatch');
  await page.locator('#email').fill(OPERATOR.email);
  await page.locator('#password').fill(OPERATOR.password);
  await eventually(() => totp(OPERATOR.secret) !== lastCode, 35_000, 'a new one-time code');
  lastCode = totp(OPERATOR.secret);
  await page.locator('#code').fill(lastCode);
  await page.getByTestId('login').click();
  await page.getByRole('heading', { name: 'Dispatch', level: 1 }).waitFor();
  await page.getByTestId('live').filter({ hasText: 'Live' }).waitFor();
  return page;
}

async function pingsOf(driverToken, since) {
  const answer = await call('GET', `/v1/drivers/me/locations?from=${encodeURIComponent(since)}&limit=1000`, driverToken);
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  return answer.body.data;
}

/** Moves the browser's position one step (~110 m north) at a time and waits long enough for the app to record it. */
async function drive(context, from, steps, { forMs = 0 } = {}) {
  let at = from;
  const started = Date.now();
  let driven = 0;
  while (driven < steps || Date.now() - started < forMs) {
    at = { latitude: at.latitude + 0.001, longitude: at.longitude };
    await context.setGeolocation({ ...at, accuracy: 8 });
    await new Promise(resolve => setTimeout(resolve, 1_300));
    driven++;
  }
  return { at, driven };
}

/** Books a pickup at the test's street as the customer, in the first window with room. */
async function book(customer, merchant, items, accessNotes) {
  const slots = (await call('GET', `/v1/slots?merchantId=${merchant.id}&lat=${PICKUP.lat}&lng=${PICKUP.lng}`, customer)).body.data;
  const slot = slots.find(s => s.remaining === undefined || s.remaining > 0);
  assert.ok(slot, 'a pickup window with room');
  const booked = await call('POST', '/v1/orders', customer, {
    merchantId: merchant.id,
    pickup: { ...PICKUP, ...(accessNotes ? { accessNotes } : {}) },
    window: { start: slot.start, end: slot.end },
    items,
  }, { 'Idempotency-Key': unique('booking') });
  assert.equal(booked.status, 201, JSON.stringify(booked.body));
  return booked.body.id;
}

test('a driver works a shift while the customer and a dispatcher watch: a dead spot, a pushed offer, a job taken away, the pickup proof offline, the hub', async t => {
  const operator = await operatorToken();
  const email = `${unique('driver')}@test.returnit.local`;
  const password = 'driver-password-12';
  const created = await call('POST', '/v1/drivers', operator, { email, password, name: 'Dee Driver', vehicle: { type: 'van', capacityParcels: 20 } });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const driverId = created.body.id;
  const driverApi = await apiLogin(email, password);
  const pushService = await startPushService((await call('GET', '/v1/push/vapid-public-key')).body.publicKey);
  t.after(() => pushService.close());

  const context = phone.context;
  await context.grantPermissions(['geolocation', 'notifications'], { origin: baseUrl() });
  // headless Chromium reaches no vendor push service: subscribing gives the local one's subscription instead, which
  // the app stores at the service as it would any browser's
  await context.addInitScript(subscription => {
    if (!('PushManager' in self)) return;
    let current = null;
    const made = { endpoint: subscription.endpoint, expirationTime: null, toJSON: () => subscription, unsubscribe: async () => { current = null; return true; } };
    PushManager.prototype.subscribe = async function subscribe() { current = made; return made; };
    PushManager.prototype.getSubscription = async function getSubscription() { return current; };
  }, pushService.subscription());
  let position = { latitude: PICKUP.lat - 0.012, longitude: PICKUP.lng };
  await context.setGeolocation({ ...position, accuracy: 8 });

  // 1. sign in, start the shift, offers as notifications
  let page = await openPage(phone, '/driver');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByTestId('login').click();
  await page.getByTestId('start-shift').click();
  await page.getByTestId('shift-status').filter({ hasText: 'On shift' }).waitFor();
  await page.getByTestId('geo-status').filter({ hasText: 'Sharing your position' }).waitFor();
  await page.getByTestId('keep-open').filter({ hasText: 'Keep ReturnIt open while driving' }).waitFor();
  const since = new Date(Date.now() - 60_000).toISOString();
  await page.getByTestId('push-on').click();
  await page.getByTestId('push').filter({ hasText: 'Offers also come as notifications' }).waitFor();
  const subscriptions = (await call('GET', '/v1/drivers/me/push-subscriptions', driverApi)).body;
  assert.deepEqual((subscriptions.data ?? subscriptions).map(s => s.endpoint), [pushService.subscription().endpoint], 'the app stored its subscription');
  // what the push service receives goes to the app's service worker, as Chrome hands it a message from its vendor's;
  // the DevTools connection for that is a tab of the phone's browser that stays open (the app's tab does not)
  const devtoolsTab = await openPage(phone, '/robots.txt');
  const devtools = await context.newCDPSession(devtoolsTab);
  const registrations = [];
  devtools.on('ServiceWorker.workerRegistrationUpdated', event => registrations.push(...event.registrations));
  await devtools.send('ServiceWorker.enable');
  const registration = await eventually(() => registrations.find(r => !r.isDeleted && r.scopeURL.endsWith('/driver')), 10_000, 'the app\'s service worker');
  pushService.onMessage(payload => devtools.send('ServiceWorker.deliverPushMessage',
    { origin: new URL(baseUrl()).origin, registrationId: registration.registrationId, data: JSON.stringify(payload) }));
  const notifications = () => devtoolsTab.evaluate(() => navigator.serviceWorker.getRegistration('/driver')
    .then(reg => reg.getNotifications()).then(shown => shown.map(n => ({ title: n.title, body: n.body, tag: n.tag }))));

  // 2. driving: positions reach the service
  ({ at: position } = await drive(context, position, 3));
  await eventually(async () => (await pingsOf(driverApi, since)).length >= 3, 20_000, 'the first positions');

  // 3. a dead spot of 30 s while driving: positions wait on the phone (meanwhile the customer and the dispatcher sign in)
  await context.setOffline(true);
  const [deadSpot, customerSignedIn, dispatcher] = await Promise.all([
    drive(context, position, 0, { forMs: DEAD_SPOT_MS }),
    openPage(customerPhone).then(async customerPage => {
      await logIn(customerPage, CUSTOMER.email, CUSTOMER.password);
      await customerPage.waitForURL(/\/account$/);
      return customerPage;
    }),
    openConsole(),
    page.getByTestId('pings-waiting').waitFor(),
  ]);
  position = deadSpot.at;
  assert.match(await page.getByTestId('sync').textContent(), /Offline/);
  await context.setOffline(false);
  // the first position, 3 steps, the steps in the dead spot
  const expected = 1 + 3 + deadSpot.driven;
  await eventually(async () => (await pingsOf(driverApi, since)).length >= expected, 30_000, 'the queued positions to be stored');
  await eventually(async () => (await page.getByTestId('sync').count()) === 0, 10_000, 'nothing left waiting');
  const pings = await pingsOf(driverApi, since);
  const lats = pings.map(p => p.lat);
  assert.equal(pings.length, expected, `every recorded position is stored once (${lats.join(' ')})`);
  assert.deepEqual([...lats].sort((a, b) => a - b), lats, 'oldest first, as driven (north each step)');
  assert.equal(new Set(pings.map(p => p.recordedAt)).size, pings.length, 'none stored twice');
  for (let i = 1; i < pings.length; i++) assert.ok(pings[i].recordedAt > pings[i - 1].recordedAt);
  assert.ok(Date.parse(pings[expected - 1].recordedAt) - Date.parse(pings[4].recordedAt) >= DEAD_SPOT_MS - 2_000, 'the dead spot lasted 30 s');

  // 4. at the pickup street the driver leaves the app (a phone gives a page in the background no position, and may
  // close it): an order is booked, and its offer comes as a push
  position = { latitude: PICKUP.lat + 0.0005, longitude: PICKUP.lng };
  await context.setGeolocation({ ...position, accuracy: 8 });
  await eventually(async () => (await pingsOf(driverApi, since)).at(-1).lat - position.latitude < 1e-6, 10_000, 'the position at the pickup street');
  await done(page);
  const merchant = (await call('GET', `/v1/merchants?query=${encodeURIComponent(setting('RETURNIT_MERCHANT_QUERY', 'Alpine'))}`)).body.data[0];
  const hub = (await call('GET', `/v1/merchants/${merchant.id}`, operator)).body.hubs[0];
  const customer = await apiLogin(CUSTOMER.email, CUSTOMER.password);
  const bought = new Date(Date.now() - 5 * 86_400_000).toISOString();
  const orderId = await book(customer, merchant, [
    { sku: 'JKT-7', description: 'Rain jacket', category: 'outerwear', purchasedAt: bought, valueCents: 12_990 },
    { sku: 'FLC-8', description: 'Fleece pullover', category: 'tops', purchasedAt: bought, valueCents: 5_990 },
    { sku: 'CAP-9', description: 'Wool cap', category: 'accessories', purchasedAt: bought, valueCents: 1_990 },
  ], 'Ring Weber, 3rd floor, code 4512');
  // the customer follows the order on their phone
  const customerPage = customerSignedIn;
  await customerPage.goto(`${baseUrl()}/orders/${orderId}`);
  await customerPage.getByTestId('live').filter({ hasText: 'Live' }).waitFor();
  const customerSees = async words => customerPage.getByTestId('timeline').getByText(words, { exact: true }).waitFor({ timeout: 15_000 });

  const pushed = await eventually(() => pushService.received.find(m => m.payload.type === 'offer' && m.payload.orderId === orderId), 45_000, 'the offer pushed to the phone');
  assert.deepEqual(pushService.failures, [], 'every push was signed by the service and decrypted by the browser\'s keys');
  assert.equal(pushed.payload.itemsCount, 3);
  assert.equal(pushed.payload.pickup, undefined, 'no address on a lock screen');
  const shown = await eventually(async () => (await notifications()).find(n => n.tag === `offer-${pushed.payload.offerId}`), 10_000, 'the offer\'s notification');
  assert.equal(shown.title, 'New pickup offer');
  assert.match(shown.body, /3 items.*Open ReturnIt to answer within 30 seconds\.$/);

  // 5. the notification opens the app (as its click would: sw.js): the offer fills the screen, its notification
  // goes, and it is accepted
  page = await openPage(phone, '/driver');
  const offer = page.getByTestId('offer');
  await offer.waitFor({ timeout: 25_000 });
  assert.equal(await page.getByTestId('offer-items').textContent(), '3 items');
  assert.match(await page.getByTestId('offer-distance').textContent(), /^\d+\.\d km away$/);
  assert.match(await page.getByTestId('offer-countdown').textContent(), /^\d+ s$/);
  assert.equal(await page.getByTestId('offer-area').textContent(), PICKUP.address.split(',').slice(1).join(',').trim() || PICKUP.address);
  await eventually(async () => (await notifications()).length === 0, 5_000, 'the notification closed once the offer is on screen');
  await screenshot(page, 'RETURNIT_SCREENSHOT_OFFER');
  await page.getByTestId('accept-offer').click();
  await page.getByTestId('job').waitFor();
  await offer.waitFor({ state: 'detached' });
  assert.equal(await page.getByTestId('job-address').textContent(), PICKUP.address);
  assert.equal(await page.getByTestId('job-access').textContent(), 'Ring Weber, 3rd floor, code 4512', 'the customer\'s access notes');
  assert.match(await page.getByTestId('job-customer').textContent(), /^\S+$/, 'the customer\'s first name, and no more');
  assert.ok((await page.getByTestId('navigate').getAttribute('href')).includes(`destination=${PICKUP.lat.toFixed(6)},${PICKUP.lng.toFixed(6)}`));
  // the way there: by road where the service has a router (RETURNIT_ROAD_ROUTES=true), else the straight line, said so
  const summary = await page.getByTestId('route-summary').textContent();
  if (process.env.RETURNIT_ROAD_ROUTES === 'true') {
    assert.match(summary, /^\d+\.\d km by road, about \d+ min$/);
    assert.equal(await page.getByTestId('route').getAttribute('data-road'), 'true');
    assert.ok(Number(await page.getByTestId('route').getAttribute('data-points')) > 2, 'along the streets, not one line');
  } else {
    assert.match(summary, /in a straight line \(no road route/);
  }
  await customerSees('A driver took the pickup');
  const row = id => dispatcher.locator(`[data-testid=driver-row][data-driver-id="${id}"]`);
  const chip = (driver, order) => row(driver).locator(`[data-testid=order-chip][data-order-id="${order}"]`);
  await chip(driverId, orderId).filter({ hasText: 'Driver assigned' }).waitFor({ timeout: 40_000 });

  // 6. dispatch gives the driver a second job (pushed; the app on screen lists it next at once), then the dispatcher
  // drags it onto another driver: the app drops it at once
  const other = await driverOnShift(operator, PICKUP.lat + 0.004, PICKUP.lng + 0.006);
  const secondId = await book(customer, merchant, [{ sku: 'SCF-2', description: 'Scarf', category: 'accessories', purchasedAt: bought, valueCents: 2_490 }]);
  await giveTo(operator, secondId, driverId, 35_000);
  const next = page.locator(`[data-testid=next-job][data-order-id="${secondId}"]`);
  await next.waitFor();
  await eventually(() => pushService.delivered.some(m => m.type === 'job' && m.orderId === secondId), 10_000, 'the job pushed to the phone');
  await new Promise(resolve => setTimeout(resolve, 1_000)); // the service worker's push event has run by now
  assert.equal((await notifications()).filter(n => n.tag === `job-${secondId}`).length, 0, 'no notification for a job the app on screen shows');
  assert.equal(await page.getByTestId('job-address').textContent(), PICKUP.address, 'the job under way stays the current one');
  await row(other.id).waitFor({ timeout: 15_000 });
  await chip(driverId, secondId).dragTo(row(other.id));
  await next.waitFor({ state: 'detached', timeout: 3_000 });
  await dispatcher.getByTestId('action-result').filter({ hasText: `is now with driver ${other.id.slice(-8)}` }).waitFor();
  assert.equal((await call('GET', `/v1/orders/${secondId}`, operator)).body.driverId, other.id, 'the service gave it to the driver it was dropped on');
  assert.equal(await page.getByTestId('next-jobs').count(), 0);

  // 7. on the way (online), then at the door without a connection
  await page.getByTestId('en-route').click();
  await page.getByTestId('job-status').filter({ hasText: 'Driver on the way' }).waitFor();
  await eventually(async () => (await call('GET', `/v1/orders/${orderId}`, driverApi)).body.status === 'en_route', 15_000, 'en route on the service');
  await customerSees('Driver on the way');
  await chip(driverId, orderId).filter({ hasText: 'Driver on the way' }).waitFor();
  await context.setOffline(true);
  await page.getByTestId('arrived').click();
  const item = sku => page.locator(`[data-testid="proof-item"][data-sku="${sku}"]`);
  await item('JKT-7').getByLabel('Type the code').fill('jkt-7');
  await item('JKT-7').getByRole('button', { name: 'Check' }).click();
  await item('JKT-7').getByTestId('item-state').filter({ hasText: 'Checked (typed)' }).waitFor();
  await page.getByRole('heading', { name: 'Check the items' }).evaluate(node => {
    node.scrollIntoView({ block: 'start' });
    window.scrollBy(0, -110); // below the "Offline" bar
  });
  await screenOnly(page, 'RETURNIT_SCREENSHOT_PROOF');
  await item('FLC-8').getByTestId('tick').click();
  await item('FLC-8').getByTestId('item-state').filter({ hasText: 'Checked (ticked)' }).waitFor();
  await item('CAP-9').getByTestId('refuse').click();
  await page.getByTestId('confirm-pickup').click();
  await item('CAP-9').getByText('Say why the item is refused.').waitFor();
  await item('CAP-9').getByLabel('Why is it refused?').fill('Moth holes');
  await item('CAP-9').getByLabel('Condition').selectOption('damaged');
  // a photo of the parcels and the customer's signature, drawn on the pad
  await page.getByLabel('Photo of the parcels').setInputFiles({ name: 'parcels.png', mimeType: 'image/png', buffer: Buffer.from(PNG, 'base64') });
  await page.getByTestId('photo-preview').waitFor();
  const pad = await page.getByTestId('signature').boundingBox();
  await page.mouse.move(pad.x + 20, pad.y + pad.height / 2);
  await page.mouse.down();
  for (let x = 20; x < pad.width - 20; x += 15) await page.mouse.move(pad.x + x, pad.y + pad.height / 2 + Math.sin(x / 20) * 30);
  await page.mouse.up();
  await page.getByText('Signed.').waitFor();
  await page.getByTestId('confirm-pickup').click();
  await page.getByTestId('job-status').filter({ hasText: 'Picked up' }).waitFor();
  await page.getByTestId('actions-waiting').waitFor();
  assert.equal((await call('GET', `/v1/orders/${orderId}`, driverApi)).body.status, 'en_route', 'nothing reached the service offline');

  // 8. back online: the pickup proof arrives as it was made; the customer sees the refused item
  await context.setOffline(false);
  const picked = await eventually(async () => {
    const order = (await call('GET', `/v1/orders/${orderId}`, driverApi)).body;
    return order.status === 'picked_up' && order;
  }, 30_000, 'the pickup on the service');
  const outcomes = Object.fromEntries(picked.itemOutcomes.map(outcome => [outcome.sku, outcome]));
  assert.equal(outcomes['JKT-7'].outcome, 'collected');
  assert.equal(outcomes['FLC-8'].outcome, 'collected');
  assert.equal(outcomes['CAP-9'].outcome, 'refused');
  assert.equal(outcomes['CAP-9'].note, 'Moth holes');
  const proof = (await call('GET', `/v1/orders/${orderId}/proof`, driverApi)).body;
  assert.deepEqual(proof.files.map(file => file.kind).sort(), ['photo', 'signature'], JSON.stringify(proof.files));
  assert.equal(proof.files.find(file => file.kind === 'photo').contentType, 'image/jpeg', 'scaled on the phone');
  await customerSees('Picked up at your door');
  await customerPage.getByTestId('order-status').filter({ hasText: 'Picked up' }).waitFor();
  await customerPage.getByTestId('item-refused').waitFor();
  await chip(driverId, orderId).filter({ hasText: 'Picked up' }).waitFor();

  // 9. at the hub: its code, typed; the order leaves the console
  await page.getByTestId('hub-step').waitFor();
  await page.getByLabel('Hub code').fill(hub.id);
  await page.getByRole('button', { name: 'Handed over at the hub' }).click();
  await eventually(async () => (await call('GET', `/v1/orders/${orderId}`, driverApi)).body.status === 'delivered', 20_000, 'the delivery');
  await page.getByTestId('job').waitFor({ state: 'detached' });
  await customerSees('Delivered to the shop');
  await customerPage.getByTestId('order-status').filter({ hasText: 'Delivered to the merchant' }).waitFor();
  await chip(driverId, orderId).waitFor({ state: 'detached' });

  // 10. the shift ends
  await page.getByTestId('end-shift').click();
  await page.getByTestId('confirm-end-shift').click();
  await page.getByTestId('shift-status').filter({ hasText: 'Off shift' }).waitFor();
  // 11. the pickup is in today's earnings, as the ledger has it
  const day = new Date().toISOString().slice(0, 10);
  const earned = await eventually(async () => {
    const earnings = (await call('GET', `/v1/drivers/me/earnings?from=${day}&to=${day}`, driverApi)).body;
    return earnings.pickups.length === 1 && earnings;
  }, 20_000, 'the earning of the pickup');
  await page.getByRole('link', { name: 'Earnings' }).click();
  await page.getByTestId('earnings-today').filter({ hasText: '1 pickup' }).waitFor();
  const amount = new Intl.NumberFormat('en-GB', { style: 'currency', currency: earned.currency }).format(earned.totalCents / 100);
  assert.match(await page.getByTestId('earnings-today').textContent(), new RegExp(amount.replace(/[.$]/g, '\\$&')));
  assert.equal(await page.getByTestId('earnings-list').locator('li').count(), 1);

  await call('POST', `/v1/orders/${secondId}/cancel`, operator, { reason: 'journey over' });
  await call('POST', '/v1/drivers/me/shift/end', other.token);
  await done(customerPage);
  await done(dispatcher);
  await done(devtoolsTab);
  await done(page);
});

test('a driver with two-factor authentication is asked for the code, and a wrong one is refused', async () => {
  const operator = await operatorToken();
  const email = `${unique('driver-2fa')}@test.returnit.local`;
  const password = 'driver-password-12';
  assert.equal((await call('POST', '/v1/drivers', operator, { email, password, name: 'Tess Totp', vehicle: { type: 'bike', capacityParcels: 3 } })).status, 201);
  const token = await apiLogin(email, password);
  const enrolment = await call('POST', '/v1/auth/mfa/totp', token);
  assert.equal(enrolment.status, 201, JSON.stringify(enrolment.body));
  const secret = enrolment.body.secret;
  assert.equal((await call('POST', '/v1/auth/mfa/totp/confirm', token, { code: totp(secret) })).status, 200);

  await phone.context.clearCookies(); // the driver of the other journey is not signed in here
  const page = await openPage(phone, '/driver');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByTestId('login').click();
  await page.getByLabel('One-time code').waitFor();
  await page.getByLabel('One-time code').fill('000000');
  await page.getByTestId('login').click();
  await page.getByTestId('login-error').waitFor();
  // a code counts once: the one spent enrolling may be this step's, so the next step's is used (or waited for)
  for (let attempt = 0; ; attempt++) {
    await page.getByLabel('One-time code').fill(totp(secret, Date.now() + (attempt === 0 ? 30_000 : 0)));
    await page.getByTestId('login').click();
    try {
      await page.getByTestId('start-shift').waitFor({ timeout: 8_000 });
      break;
    } catch (error) {
      if (attempt === 2) throw error;
      await new Promise(resolve => setTimeout(resolve, 30_000 - (Date.now() % 30_000) + 200));
    }
  }
  await page.getByTestId('logout').click();
  await page.getByLabel('Email').waitFor();
  await done(page);
});
