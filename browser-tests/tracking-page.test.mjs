// The public tracking page as a person sees it in a real, headless Chromium.
//
// Started by TrackingPageBrowserTests, which books the orders through the API and passes:
//   RETURNIT_BASE_URL          the running service, e.g. http://localhost:41234
//   RETURNIT_SCHEDULED_TOKEN   tracking token of an order that has no driver yet
//   RETURNIT_EN_ROUTE_TOKEN    tracking token of an order whose driver is on the way and pinging
//   RETURNIT_SCREENSHOT        where to save the screenshot of the en-route page (PNG)
//   CHROMIUM                   the browser binary (default /usr/bin/chromium)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { env, headlessChromium } from './browser.mjs';

const baseUrl = env('RETURNIT_BASE_URL');
const screenshot = env('RETURNIT_SCREENSHOT');

const browser = headlessChromium({ viewport: { width: 420, height: 560 }, deviceScaleFactor: 2, timeout: 10_000 });

/** Opens the tracking page of this token; the caller ends with close(page), which fails on script errors. */
async function open(token) {
  const page = await browser.context.newPage();
  page.errors = [];
  page.on('pageerror', error => page.errors.push(error.message));
  const response = await page.goto(`${baseUrl}/track/${token}`);
  assert.equal(response.status(), 200);
  return page;
}

async function close(page) {
  await page.close();
  assert.deepEqual(page.errors, [], 'no script errors on the page');
}

test('a fresh order shows that it is scheduled and that a driver is being looked for', async () => {
  const page = await open(env('RETURNIT_SCHEDULED_TOKEN'));
  await page.getByTestId('status').filter({ hasText: 'Scheduled' }).waitFor();
  assert.equal(await page.getByTestId('message').textContent(), 'Looking for a driver');
  assert.equal(await page.getByTestId('eta').textContent(), '');
  // the map draws once the page's text is on screen
  await page.getByTestId('pickup').waitFor();
  assert.equal(await page.getByTestId('driver').isVisible(), false, 'no driver yet');
  await close(page);
});

test('a driver on the way shows with an arrival estimate and as a dot on the map', async () => {
  const page = await open(env('RETURNIT_EN_ROUTE_TOKEN'));
  await page.getByTestId('status').filter({ hasText: 'Driver on the way' }).waitFor();
  await page.getByTestId('eta').filter({ hasText: /^Arrives in about \d+ min$/ }).waitFor();
  const minutes = Number((await page.getByTestId('eta').textContent()).match(/\d+/)[0]);
  assert.ok(minutes >= 1 && minutes <= 10, `a driver about 1 km away arrives in minutes, not ${minutes}`);
  await page.getByTestId('driver').waitFor({ state: 'visible' });
  assert.equal(await page.getByTestId('pickup').isVisible(), true);
  const pickup = await page.getByTestId('pickup').boundingBox();
  const driver = await page.getByTestId('driver').boundingBox();
  assert.ok(driver.y < pickup.y, 'the driver, north of the pickup, is drawn above it');
  mkdirSync(dirname(screenshot), { recursive: true });
  await page.screenshot({ path: screenshot, fullPage: true });
  await close(page);
});

test('a token that belongs to no order says the link is not valid', async () => {
  const page = await open('AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
  await page.getByTestId('status').filter({ hasText: 'This tracking link is not valid.' }).waitFor();
  assert.equal(await page.getByTestId('driver').isVisible(), false);
  await close(page);
});
