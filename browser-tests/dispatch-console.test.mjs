// The dispatch console (/ops/dispatch) as an operator uses it in a real, headless Chromium, against a running service
// with the demo data (./run.sh, or the jar with --returnit.demo.enabled=true): two drivers the test creates go on
// shift in Berlin, an open order is given to the first through the API, and the operator drags it onto the second, is
// told when dropping it where it is, gives it back with the keyboard picker, opens a driver's day and cancels it with a
// reason; a driver who starts a shift meanwhile appears within seconds. (The first driver's app dropping a job dragged
// away is proved by the driver journey, driver-app.test.mjs, with the driver's app, the customer's page and this console.)
//
//   RETURNIT_BASE_URL                                   the running service
//   RETURNIT_OPERATOR_EMAIL, RETURNIT_OPERATOR_PASSWORD, RETURNIT_OPERATOR_TOTP   an operator (default: the demo's)
//   RETURNIT_CUSTOMER_EMAIL, RETURNIT_CUSTOMER_PASSWORD  a customer who books (default: the demo's)
//   RETURNIT_MERCHANT_QUERY                             finds the shop to book with (default: Alpine, the demo's)
//   RETURNIT_PICKUP_LAT, RETURNIT_PICKUP_LNG            a pickup inside a scheduled service area (default: Torstrasse, Berlin)
//   RETURNIT_AREA_ID                                    the area of the pickup, whose outline and hours the last test edits
//   RETURNIT_SCREENSHOT_CONSOLE                         where to save a screenshot of the console (PNG), if set
//   RETURNIT_SCREENSHOT_AREAS                           where to save a screenshot of the service areas page (PNG), if set
//   CHROMIUM                                            the browser binary (default /usr/bin/chromium)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { headlessChromium } from './browser.mjs';
import { apiLogin, call, done, driverOnShift, eventually, giveTo, openPage, screenshot, totp, unique } from './app.mjs';

const OPERATOR = process.env.RETURNIT_OPERATOR_EMAIL ?? 'operator@demo.returnit.local';
const PASSWORD = process.env.RETURNIT_OPERATOR_PASSWORD ?? 'demo-password-123';
const SECRET = process.env.RETURNIT_OPERATOR_TOTP ?? 'DEMOOPERATORTOTPSECRETRETURNIT23';

const PICKUP = { lat: Number(process.env.RETURNIT_PICKUP_LAT ?? '52.529'), lng: Number(process.env.RETURNIT_PICKUP_LNG ?? '13.401') };

const browser = headlessChromium({ viewport: { width: 1400, height: 1000 }, deviceScaleFactor: 1, timeout: 20_000 });

// a one-time code is accepted once: the page's login waits for the next one after the API's
let lastCode = '';
async function nextCode() {
  await eventually(() => totp(SECRET) !== lastCode, 35_000, 'a new one-time code');
  lastCode = totp(SECRET);
  return lastCode;
}

let operatorApiToken = null;
async function operatorToken() {
  // one API login for the whole file: each login spends a one-time code, and a second would wait for the next one
  if (operatorApiToken) return operatorApiToken;
  lastCode = totp(SECRET);
  let answer = await call('POST', '/v1/auth/token', null, { email: OPERATOR, password: PASSWORD, code: lastCode });
  // this code may have been used a moment ago (a previous run): the next one is not
  if (answer.status === 401) answer = await call('POST', '/v1/auth/token', null, { email: OPERATOR, password: PASSWORD, code: await nextCode() });
  assert.equal(answer.status, 200, 'operator login');
  operatorApiToken = answer.body.accessToken;
  return operatorApiToken;
}

/** A pickup the demo customer books in Berlin for the next window with seats (dispatch offers it at once). */
async function aBookedOrder() {
  const customer = await apiLogin(process.env.RETURNIT_CUSTOMER_EMAIL ?? 'customer@demo.returnit.local',
    process.env.RETURNIT_CUSTOMER_PASSWORD ?? 'demo-password-123');
  const shops = await call('GET', `/v1/merchants?query=${encodeURIComponent(process.env.RETURNIT_MERCHANT_QUERY ?? 'Alpine')}`, null);
  const merchantId = shops.body.data[0].id;
  const slots = await call('GET', `/v1/slots?merchantId=${merchantId}&lat=${PICKUP.lat}&lng=${PICKUP.lng}`, null);
  const slot = slots.body.data.find(s => s.remaining === undefined || s.remaining > 0);
  assert.ok(slot, 'a pickup window with room');
  const quote = await call('POST', '/v1/quotes', customer, {
    merchantId,
    pickup: { address: 'Torstrasse 1, Berlin', lat: PICKUP.lat, lng: PICKUP.lng },
    window: { start: slot.start, end: slot.end },
    items: [{ sku: 'JKT-1', description: 'Rain jacket', category: 'outerwear', purchasedAt: new Date(Date.now() - 7 * 86_400_000).toISOString(),
      valueCents: 12_900, reason: 'wrong_size', tagsAttached: true }],
  });
  assert.equal(quote.status, 200, JSON.stringify(quote.body));
  const order = await call('POST', '/v1/orders', customer, { quoteId: quote.body.quoteId }, { 'Idempotency-Key': unique('console') });
  assert.equal(order.status, 201, JSON.stringify(order.body));
  return order.body.id;
}

test('an operator reassigns an order by dragging it onto another driver, and the service has the new driver', async () => {
  const operator = await operatorToken();
  const first = await driverOnShift(operator, PICKUP.lat + 0.0001, PICKUP.lng + 0.0002);
  const second = await driverOnShift(operator, PICKUP.lat + 0.0011, PICKUP.lng + 0.009);
  const orderId = await aBookedOrder();
  await giveTo(operator, orderId, first.id);

  const page = await openPage(browser, '/ops/dispatch');
  await page.locator('#email').fill(OPERATOR);
  await page.locator('#password').fill(PASSWORD);
  await page.locator('#code').fill(await nextCode());
  await page.getByTestId('login').click();
  await page.getByRole('heading', { name: 'Dispatch', level: 1 }).waitFor();
  await page.getByTestId('live').filter({ hasText: 'Live' }).waitFor();

  // both drivers listed, the order as a job of the first
  const row = id => page.locator(`[data-testid=driver-row][data-driver-id="${id}"]`);
  await row(second.id).waitFor({ timeout: 40_000 });

  // a driver who starts a shift now appears within seconds: the whole fleet's positions come over the stream once a
  // second (fleet.positions), not with the overview the console refetches every 30 s
  const third = await driverOnShift(operator, PICKUP.lat - 0.002, PICKUP.lng - 0.004);
  const started = Date.now();
  await row(third.id).waitFor({ timeout: 10_000 });
  assert.ok(Date.now() - started < 10_000, 'the new driver came over the stream');
  assert.equal(await row(third.id).getAttribute('data-state'), 'idle');
  await call('POST', '/v1/drivers/me/shift/end', third.token);

  const chip = row(first.id).locator(`[data-testid=order-chip][data-order-id="${orderId}"]`);
  await chip.waitFor({ timeout: 40_000 });
  assert.equal(await row(first.id).getAttribute('data-state'), 'busy');

  await chip.dragTo(row(second.id));

  await page.getByTestId('action-result').filter({ hasText: `is now with driver ${second.id.slice(-8)}` }).waitFor();
  await row(second.id).locator(`[data-testid=order-chip][data-order-id="${orderId}"]`).waitFor();
  assert.equal(await page.getByTestId('order-driver').textContent(), second.id.slice(-8), 'the order panel shows the new driver');
  const order = await call('GET', `/v1/orders/${orderId}`, operator);
  assert.equal(order.body.driverId, second.id, 'the service gave the order to the driver it was dropped on');

  // the same order dropped back on the driver who has it now: said next to the action, nothing sent
  await row(second.id).locator(`[data-testid=order-chip][data-order-id="${orderId}"]`).dragTo(row(second.id));
  await page.getByTestId('action-result').filter({ hasText: 'is already with driver' }).waitFor();

  // the keyboard way: the picker in the order's panel gives it back to the first driver
  await page.getByLabel('Reassign to').selectOption(first.id);
  await page.getByRole('button', { name: 'Reassign', exact: true }).click();
  await page.getByTestId('action-result').filter({ hasText: `is now with driver ${first.id.slice(-8)}` }).waitFor();
  await eventually(async () => (await call('GET', `/v1/orders/${orderId}`, operator)).body.driverId === first.id, 10_000, 'the picker reassignment');

  // a driver's day: today's pings on the map with a time slider
  await row(second.id).getByRole('button', { name: `Driver ${second.id.slice(-8)}` }).click();
  await page.getByTestId('driver-day').getByTestId('replay-time').waitFor();

  await screenshot(page, 'RETURNIT_SCREENSHOT_CONSOLE');

  // cancelled on the customer's behalf: a reason is asked for, then the order leaves the console
  await page.getByRole('button', { name: 'Cancel order' }).click();
  await page.locator('.field__error').filter({ hasText: 'Say why' }).waitFor();
  await page.getByLabel("Cancel on the customer's behalf: reason").fill('Customer called: item already sent by post');
  await page.getByRole('button', { name: 'Cancel order' }).click();
  await page.getByTestId('action-result').filter({ hasText: 'is cancelled' }).waitFor();
  await eventually(async () => (await call('GET', `/v1/orders/${orderId}`, operator)).body.status === 'cancelled', 10_000, 'the cancellation');
  assert.equal(await row(first.id).locator(`[data-order-id="${orderId}"]`).count(), 0, 'the job left the driver');
  for (const driver of [first, second]) await call('POST', '/v1/drivers/me/shift/end', driver.token);
  await done(page);
});

test('the console is linked from the operations board and back', async () => {
  const page = await openPage(browser, '/ops');
  // the session of the first test is kept in the browser profile (an HttpOnly refresh cookie)
  await page.getByRole('link', { name: 'Dispatch' }).click();
  await page.getByRole('heading', { name: 'Dispatch', level: 1 }).waitFor();
  await page.getByRole('link', { name: 'Operations board' }).click();
  await page.getByRole('heading', { name: 'Operations', level: 1 }).waitFor();
  assert.match(page.url(), /\/ops$/);
  await done(page);
});


test('an operator reshapes a service area on the map and changes its opening hours, and the service has both', async (context) => {
  const areaId = process.env.RETURNIT_AREA_ID;
  if (!areaId) return context.skip('RETURNIT_AREA_ID not set');
  const operator = await operatorToken();
  const areaOf = async () => (await call('GET', '/v1/service-areas', operator)).body.find(a => a.id === areaId);
  const before = await areaOf();

  const page = await openPage(browser, '/ops/dispatch');
  await page.getByRole('link', { name: 'Service areas' }).click();
  await page.getByRole('heading', { name: 'Service areas', level: 1 }).waitFor();
  const row = page.getByTestId('area-row').filter({ hasText: before.name });
  await row.getByTestId('area-coverage').filter({ hasText: 'on shift' }).waitFor();

  // the outline: a click above the area's northern edge adds a point into that edge
  await page.getByRole('button', { name: `Edit the outline of ${before.name}` }).click();
  const points = page.getByTestId('area-point');
  await eventually(async () => (await points.count()) === before.polygon.length, 5_000, 'the outline\'s points listed');
  await page.locator('[data-testid=vertex]').first().waitFor();
  const map = await page.getByTestId('map').boundingBox();
  await page.mouse.click(map.x + map.width / 2, map.y + 24);
  await eventually(async () => (await points.count()) === before.polygon.length + 1, 5_000, 'a point added by a click');
  // and the keyboard way: a typed coordinate moves a point
  await page.getByLabel('Point 1 longitude').fill(String(before.polygon[0][1] - 0.01));
  await screenshot(page, 'RETURNIT_SCREENSHOT_AREAS');
  await page.getByRole('button', { name: 'Save outline' }).click();
  await page.getByTestId('area-saved').waitFor();
  const after = await areaOf();
  assert.equal(after.polygon.length, before.polygon.length + 1, 'the service has the new point');
  assert.ok(after.polygon.some(p => p[0] > Math.max(...before.polygon.map(v => v[0]))), 'the new point is north of the old outline');
  assert.ok(Math.abs(after.polygon[0][1] - (before.polygon[0][1] - 0.01)) < 1e-6, 'the typed longitude');

  // opening hours: a day that closes before it opens is refused next to that day; fixed, the schedule is saved
  await page.getByRole('button', { name: `Opening hours of ${before.name}` }).click();
  await page.getByLabel('Pickups per window').fill('12');
  const closes = page.getByLabel('Monday closes');
  const closing = await closes.inputValue();
  await closes.fill('00:30');
  await page.getByRole('button', { name: 'Save opening hours' }).click();
  await page.locator('.field__error').filter({ hasText: 'must be after opens' }).waitFor();
  assert.equal(await closes.getAttribute('aria-invalid'), 'true', 'the refused field is marked');
  await closes.fill(closing);
  await page.getByRole('button', { name: 'Save opening hours' }).click();
  await page.getByTestId('schedule-saved').waitFor();
  const schedule = await call('GET', `/v1/service-areas/${areaId}/schedule`, operator);
  assert.equal(schedule.body.capacityPerWindow, 12);
  await done(page);
});
