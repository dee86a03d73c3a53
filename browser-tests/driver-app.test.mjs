// The driver's app in a real Chromium on a phone-sized screen against a running demo service (./run.sh, which sets
// RETURNIT_DISPATCH_LEADTIME=48h so bookings are offered at once), with the browser's position and connection set by
// the test: a new driver signs in, starts a shift and drives; the connection drops for a while and comes back (every
// position is stored once, in order); an order is booked near the driver, the offer appears full screen and is
// accepted; on the way, at the door with no connection the items are checked (one typed, one ticked, one refused with a
// reason), a photo is taken and the customer signs, and once back online the steps reach the service in order; then
// the parcels are handed over at the hub and the pickup shows in the day's earnings.
//
// Run: RETURNIT_BASE_URL=http://localhost:8080 node --test browser-tests/driver-app.test.mjs (after ./run.sh).
//   RETURNIT_BASE_URL                                   the running service (orders dispatched at once after booking)
//   RETURNIT_OPERATOR_EMAIL, _PASSWORD, _TOTP_SECRET    an operator, to create the driver and read the hub (default: the demo's)
//   RETURNIT_CUSTOMER_EMAIL, _PASSWORD                  a customer who books (default: the demo's)
//   RETURNIT_MERCHANT_QUERY                             finds the shop that pays for its pickups (default: Alpine, the demo's)
//   RETURNIT_PICKUP_LAT, _LNG, _ADDRESS                 a pickup inside a scheduled service area, away from other drivers
//                                                       (default: Friedrichshain, in the demo's Berlin area)
//   RETURNIT_SCREENSHOT_OFFER, _PROOF                   where to save screenshots (PNG), optional
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { headlessChromium } from './browser.mjs';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { apiLogin, baseUrl, call, done, eventually, openPage, screenshot, totp, unique } from './app.mjs';

const browser = headlessChromium({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, timeout: 20_000 });
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

/** The operator's token, logged in once per file; a TOTP code counts once, so a spent one waits for the next step. */
async function operatorToken() {
  for (let attempt = 0; !operator; attempt++) {
    const answer = await call('POST', '/v1/auth/token', null, { email: OPERATOR.email, password: OPERATOR.password, code: totp(OPERATOR.secret) });
    if (answer.status === 200) operator = answer.body.accessToken;
    else if (attempt === 1) assert.fail(`operator login: ${JSON.stringify(answer.body)}`);
    else await new Promise(resolve => setTimeout(resolve, 30_000 - (Date.now() % 30_000) + 200));
  }
  return operator;
}

async function pingsOf(driverToken, since) {
  const answer = await call('GET', `/v1/drivers/me/locations?from=${encodeURIComponent(since)}&limit=1000`, driverToken);
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  return answer.body.data;
}

/** Moves the browser's position one step (~110 m north) and waits long enough for the app to record it. */
async function drive(context, from, steps) {
  let at = from;
  for (let i = 0; i < steps; i++) {
    at = { latitude: at.latitude + 0.001, longitude: at.longitude };
    await context.setGeolocation({ ...at, accuracy: 8 });
    await new Promise(resolve => setTimeout(resolve, 1_300));
  }
  return at;
}

test('a driver works a shift: positions through a dead spot, an offer, the pickup proof offline, the hub', async () => {
  const operator = await operatorToken();
  const email = `${unique('driver')}@test.returnit.local`;
  const password = 'driver-password-12';
  const created = await call('POST', '/v1/drivers', operator, { email, password, name: 'Dee Driver', vehicle: { type: 'van', capacityParcels: 20 } });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const driverApi = await apiLogin(email, password);

  const context = browser.context;
  await context.grantPermissions(['geolocation'], { origin: baseUrl() });
  let position = { latitude: PICKUP.lat - 0.012, longitude: PICKUP.lng };
  await context.setGeolocation({ ...position, accuracy: 8 });

  // 1. sign in and start the shift
  const page = await openPage(browser, '/driver');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByTestId('login').click();
  await page.getByTestId('start-shift').click();
  await page.getByTestId('shift-status').filter({ hasText: 'On shift' }).waitFor();
  await page.getByTestId('geo-status').filter({ hasText: 'Sharing your position' }).waitFor();
  await page.getByTestId('keep-open').filter({ hasText: 'Keep ReturnIt open while driving' }).waitFor();
  const since = new Date(Date.now() - 60_000).toISOString();

  // 2. driving: positions reach the service
  position = await drive(context, position, 3);
  await eventually(async () => (await pingsOf(driverApi, since)).length >= 3, 20_000, 'the first positions');

  // 3. a dead spot: positions wait on the phone, then all arrive once, in order
  await context.setOffline(true);
  position = await drive(context, position, 5);
  await page.getByTestId('pings-waiting').waitFor();
  assert.match(await page.getByTestId('sync').textContent(), /Offline/);
  await context.setOffline(false);
  // the first position, 3 steps, 5 steps in the dead spot
  await eventually(async () => (await pingsOf(driverApi, since)).length >= 9, 30_000, 'the queued positions to be stored');
  await eventually(async () => (await page.getByTestId('sync').count()) === 0, 10_000, 'nothing left waiting');
  const pings = await pingsOf(driverApi, since);
  const lats = pings.map(p => p.lat);
  assert.equal(pings.length, 9, `every recorded position is stored once (${lats.join(' ')})`);
  assert.deepEqual([...lats].sort((a, b) => a - b), lats, 'oldest first, as driven (north each step)');
  assert.equal(new Set(pings.map(p => p.recordedAt)).size, pings.length, 'none stored twice');
  for (let i = 1; i < pings.length; i++) assert.ok(pings[i].recordedAt > pings[i - 1].recordedAt);

  // 4. at the pickup street, an order is booked; its offer fills the screen
  position = { latitude: PICKUP.lat + 0.0005, longitude: PICKUP.lng };
  await context.setGeolocation({ ...position, accuracy: 8 });
  await new Promise(resolve => setTimeout(resolve, 1_500));
  const merchant = (await call('GET', `/v1/merchants?query=${encodeURIComponent(setting('RETURNIT_MERCHANT_QUERY', 'Alpine'))}`)).body.data[0];
  const hub = (await call('GET', `/v1/merchants/${merchant.id}`, operator)).body.hubs[0];
  const customer = await apiLogin(CUSTOMER.email, CUSTOMER.password);
  const slots = (await call('GET', `/v1/slots?merchantId=${merchant.id}&lat=${PICKUP.lat}&lng=${PICKUP.lng}`, customer)).body.data;
  const slot = slots.find(s => s.remaining === undefined || s.remaining > 0);
  assert.ok(slot, 'a pickup window with room');
  const bought = new Date(Date.now() - 5 * 86_400_000).toISOString();
  const booked = await call('POST', '/v1/orders', customer, {
    merchantId: merchant.id,
    pickup: { ...PICKUP, accessNotes: 'Ring Weber, 3rd floor, code 4512' },
    window: { start: slot.start, end: slot.end },
    items: [
      { sku: 'JKT-7', description: 'Rain jacket', category: 'outerwear', purchasedAt: bought, valueCents: 12_990 },
      { sku: 'FLC-8', description: 'Fleece pullover', category: 'tops', purchasedAt: bought, valueCents: 5_990 },
      { sku: 'CAP-9', description: 'Wool cap', category: 'accessories', purchasedAt: bought, valueCents: 1_990 },
    ],
  }, { 'Idempotency-Key': unique('booking') });
  assert.equal(booked.status, 201, JSON.stringify(booked.body));
  const orderId = booked.body.id;

  const offer = page.getByTestId('offer');
  await offer.waitFor({ timeout: 45_000 });
  assert.equal(await page.getByTestId('offer-items').textContent(), '3 items');
  assert.match(await page.getByTestId('offer-distance').textContent(), /^\d+\.\d km away$/);
  assert.match(await page.getByTestId('offer-countdown').textContent(), /^\d+ s$/);
  assert.equal(await page.getByTestId('offer-area').textContent(), PICKUP.address.split(',').slice(1).join(',').trim() || PICKUP.address);
  await screenshot(page, 'RETURNIT_SCREENSHOT_OFFER');
  await page.getByTestId('accept-offer').click();
  await page.getByTestId('job').waitFor();
  await offer.waitFor({ state: 'detached' });
  assert.equal(await page.getByTestId('job-address').textContent(), PICKUP.address);
  assert.equal(await page.getByTestId('job-access').textContent(), 'Ring Weber, 3rd floor, code 4512', 'the customer\'s access notes');
  assert.match(await page.getByTestId('job-customer').textContent(), /^\S+$/, 'the customer\'s first name, and no more');
  assert.ok((await page.getByTestId('navigate').getAttribute('href')).includes(`destination=${PICKUP.lat.toFixed(6)},${PICKUP.lng.toFixed(6)}`));

  // 5. on the way (online), then at the door without a connection
  await page.getByTestId('en-route').click();
  await page.getByTestId('job-status').filter({ hasText: 'Driver on the way' }).waitFor();
  await eventually(async () => (await call('GET', `/v1/orders/${orderId}`, driverApi)).body.status === 'en_route', 15_000, 'en route on the service');
  await context.setOffline(true);
  await page.getByTestId('arrived').click();
  const row = sku => page.locator(`[data-testid="proof-item"][data-sku="${sku}"]`);
  await row('JKT-7').getByLabel('Type the code').fill('jkt-7');
  await row('JKT-7').getByRole('button', { name: 'Check' }).click();
  await row('JKT-7').getByTestId('item-state').filter({ hasText: 'Checked (typed)' }).waitFor();
  await page.getByRole('heading', { name: 'Check the items' }).evaluate(node => {
    node.scrollIntoView({ block: 'start' });
    window.scrollBy(0, -110); // below the "Offline" bar
  });
  await screenOnly(page, 'RETURNIT_SCREENSHOT_PROOF');
  await row('FLC-8').getByTestId('tick').click();
  await row('FLC-8').getByTestId('item-state').filter({ hasText: 'Checked (ticked)' }).waitFor();
  await row('CAP-9').getByTestId('refuse').click();
  await page.getByTestId('confirm-pickup').click();
  await row('CAP-9').getByText('Say why the item is refused.').waitFor();
  await row('CAP-9').getByLabel('Why is it refused?').fill('Moth holes');
  await row('CAP-9').getByLabel('Condition').selectOption('damaged');
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

  // 6. back online: the pickup proof arrives as it was made
  await context.setOffline(false);
  const picked = await eventually(async () => {
    const order = (await call('GET', `/v1/orders/${orderId}`, driverApi)).body;
    return order.status === 'picked_up' && order;
  }, 30_000, 'the pickup on the service');
  const outcomes = Object.fromEntries(picked.itemOutcomes.map(item => [item.sku, item]));
  assert.equal(outcomes['JKT-7'].outcome, 'collected');
  assert.equal(outcomes['FLC-8'].outcome, 'collected');
  assert.equal(outcomes['CAP-9'].outcome, 'refused');
  assert.equal(outcomes['CAP-9'].note, 'Moth holes');
  const proof = (await call('GET', `/v1/orders/${orderId}/proof`, driverApi)).body;
  assert.deepEqual(proof.files.map(file => file.kind).sort(), ['photo', 'signature'], JSON.stringify(proof.files));
  assert.equal(proof.files.find(file => file.kind === 'photo').contentType, 'image/jpeg', 'scaled on the phone');

  // 7. at the hub: its code, typed
  await page.getByTestId('hub-step').waitFor();
  await page.getByLabel('Hub code').fill(hub.id);
  await page.getByRole('button', { name: 'Handed over at the hub' }).click();
  await eventually(async () => (await call('GET', `/v1/orders/${orderId}`, driverApi)).body.status === 'delivered', 20_000, 'the delivery');
  await page.getByTestId('job').waitFor({ state: 'detached' });

  // 8. the shift ends
  await page.getByTestId('end-shift').click();
  await page.getByTestId('confirm-end-shift').click();
  await page.getByTestId('shift-status').filter({ hasText: 'Off shift' }).waitFor();
  // 9. the pickup is in today's earnings, as the ledger has it
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

  await browser.context.clearCookies(); // the driver of the other journey is not signed in here
  const page = await openPage(browser, '/driver');
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
