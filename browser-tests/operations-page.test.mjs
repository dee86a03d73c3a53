// The operations page (/ops) as an operator sees it in a real, headless Chromium.
//
// Started by OperationsPageBrowserTests, which books an order and puts a driver on shift in Berlin, and passes:
//   RETURNIT_BASE_URL            the running service
//   RETURNIT_OPERATOR_EMAIL, RETURNIT_OPERATOR_PASSWORD   an operator's login
//   RETURNIT_CUSTOMER_TOKEN, RETURNIT_BOOKING   a customer's token and an order request, to book one while watching
//   RETURNIT_SCREENSHOT          where to save the screenshot of the board (PNG)
//   RETURNIT_FLAGS_SCREENSHOT    where to save the screenshot of the feature flags page (PNG)
//   CHROMIUM                     the browser binary (default /usr/bin/chromium)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { env, headlessChromium } from './browser.mjs';

const baseUrl = env('RETURNIT_BASE_URL');

const browser = headlessChromium({ viewport: { width: 1280, height: 820 }, deviceScaleFactor: 1, timeout: 15_000 });

async function open() {
  const page = await browser.context.newPage();
  page.errors = [];
  page.on('pageerror', error => page.errors.push(error.message));
  // a Content-Security-Policy violation is only a console error: count it as a script error
  page.on('console', message => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) page.errors.push(message.text());
  });
  const response = await page.goto(`${baseUrl}/ops`);
  assert.equal(response.status(), 200);
  const policy = response.headers()['content-security-policy'];
  assert.match(policy, /script-src 'self';/, 'only the app\'s own script files may run');
  assert.doesNotMatch(policy, /unsafe-inline|unsafe-eval/, 'no inline script or style, no eval');
  return page;
}

async function logIn(page, password, code = '000000') {
  await page.locator('#email').fill(env('RETURNIT_OPERATOR_EMAIL'));
  await page.locator('#password').fill(password);
  await page.locator('#code').fill(code);
  await page.getByTestId('login').click();
}

async function close(page) {
  await page.close();
  assert.deepEqual(page.errors, [], 'no script errors on the page');
}

const count = async (page, testId) => Number(await page.getByTestId(testId).textContent());

test('a wrong password is refused and shows nothing of the service', async () => {
  const page = await open();
  await logIn(page, 'not-the-password-123');
  await page.getByTestId('login-error').filter({ hasText: 'Wrong e-mail, password or code.' }).waitFor();
  assert.equal(await page.locator('#board').isVisible(), false);
  await close(page);
});

test('an operator sees orders, drivers on the map, the last hour, alerts and backlogs, a booking arriving live, and rolls out a flag', async () => {
  const page = await open();
  await logIn(page, env('RETURNIT_OPERATOR_PASSWORD'), env('RETURNIT_OPERATOR_CODE'));
  await page.getByTestId('live').filter({ hasText: 'Live' }).waitFor();

  await page.waitForFunction(() => Number(document.querySelector('[data-testid=orders-scheduled]')?.textContent) >= 1);
  assert.ok(await count(page, 'driver-count') >= 1, 'the driver on shift is counted');
  // the map's code loads after the board's figures: wait for it to draw
  await page.getByTestId('driver-dot').first().waitFor({ state: 'attached' });
  assert.ok(await page.getByTestId('driver-dot').count() >= 1, 'and drawn on the map');
  await page.getByTestId('area').first().waitFor({ state: 'attached' });
  assert.ok(await page.getByTestId('area').count() >= 1, 'the Berlin service area is drawn');
  // drivers are drawn on a canvas; each is also listed with where it was drawn (x, y in the map)
  const map = await page.getByTestId('map').boundingBox();
  const dot = page.getByTestId('driver-dot').first();
  const x = map.x + Number(await dot.getAttribute('data-x'));
  const y = map.y + Number(await dot.getAttribute('data-y'));
  // (tests elsewhere in the same service may have drawn other areas first)
  const area = await page.locator('[data-testid=area][data-area="Berlin"]').first().boundingBox();
  assert.ok(x >= area.x && x <= area.x + area.width && y >= area.y && y <= area.y + area.height,
    'a driver in Berlin is drawn inside Berlin');
  const series = await page.getByTestId('chart-requests').getByTestId('series').getAttribute('d');
  assert.equal(series.split(/[ML]/).filter(Boolean).length, 60, 'one point per minute of the last hour');
  assert.match(await page.getByTestId('backlog-webhooks').textContent(), /^\d+$/, 'pending webhook deliveries');
  assert.notEqual(await page.getByTestId('backlog-payments').textContent(), '', 'payment failures and ledger');
  assert.equal(await page.getByTestId('backlog-events').textContent(), '0');
  await page.getByTestId('alerts').locator('li').first().waitFor();

  const before = await count(page, 'orders-scheduled');
  const booked = await fetch(`${baseUrl}/v1/orders`, { method: 'POST', body: env('RETURNIT_BOOKING'),
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${env('RETURNIT_CUSTOMER_TOKEN')}` } });
  assert.equal(booked.status, 201);
  const orderId = (await booked.json()).id;

  // the board refreshes itself every 30 s; within 10 s only the live stream can have told it
  await page.getByTestId('event').filter({ hasText: orderId.slice(0, 8) }).waitFor({ timeout: 10_000 });
  await page.waitForFunction(n => Number(document.querySelector('[data-testid=orders-scheduled]').textContent) > n,
    before, { timeout: 10_000 });

  const screenshot = env('RETURNIT_SCREENSHOT');
  mkdirSync(dirname(screenshot), { recursive: true });
  await page.screenshot({ path: screenshot, fullPage: true });

  await rollOutAFlag(page);
  await close(page);
});

/** From the board to the flags page: create a flag at 1%, see a wrong value refused, raise it to 50%, kill it. */
async function rollOutAFlag(page) {
  const key = `web.journey.${Date.now().toString(36)}`;
  const customer = env('RETURNIT_CUSTOMER_TOKEN');
  const evaluated = async () => (await (await fetch(`${baseUrl}/v1/flags/evaluated`,
    { headers: { Authorization: `Bearer ${customer}` } })).json()).flags[key];

  await page.getByRole('link', { name: 'Flags' }).click();
  await page.getByRole('heading', { name: 'Feature flags' }).waitFor();
  await page.getByRole('button', { name: 'New flag' }).click();
  await page.getByLabel('Key').fill(key);
  await page.getByLabel('Description').fill('Shown to a few first');
  await page.getByLabel('Rollout, % of users').fill('150');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.locator('.field__error').filter({ hasText: /100/ }).waitFor();

  await page.getByLabel('Rollout, % of users').fill('1');
  await page.getByRole('checkbox', { name: 'customer' }).check();
  await page.getByRole('button', { name: 'Save' }).click();
  const row = page.getByTestId('flag').filter({ hasText: key });
  await row.getByTestId('flag-rollout').filter({ hasText: /^1%$/ }).waitFor();
  assert.match(await row.getByTestId('flag-rules').textContent(), /roles customer/);
  assert.equal(await evaluated(), true, 'the customer role is targeted: the flag is on for a customer');

  await row.getByRole('button', { name: 'Edit' }).click();
  await page.getByRole('checkbox', { name: 'customer' }).uncheck();
  await page.getByLabel('Rollout, % of users').fill('50');
  await page.getByRole('button', { name: 'Save' }).click();
  await row.getByTestId('flag-rollout').filter({ hasText: /^50%$/ }).waitFor();

  await row.getByRole('button', { name: 'Kill' }).click();
  await row.getByTestId('flag-state').filter({ hasText: 'killed' }).waitFor();
  assert.equal(await evaluated(), false, 'killed: off for everyone');

  const screenshot = env('RETURNIT_FLAGS_SCREENSHOT');
  mkdirSync(dirname(screenshot), { recursive: true });
  await page.screenshot({ path: screenshot, fullPage: true });
}
