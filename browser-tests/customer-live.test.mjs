// Following a pickup in a real Chromium: an order whose driver's GPS went quiet still says "Driver on the way"
// (with how long ago the driver was seen) rather than a made-up arrival time; and a shop's return link, opened by a
// customer without an account, books a pickup from the shop's items and offers to claim the account.
//
// Started by CustomerAppBrowserTests, which passes:
//   RETURNIT_BASE_URL
//   RETURNIT_STALE_EMAIL, _PASSWORD, RETURNIT_STALE_ORDER   a customer whose order's driver stopped sending positions
//   RETURNIT_LINK_TOKEN, RETURNIT_LINK_MERCHANT, RETURNIT_LINK_EMAIL   a shop's return link, its shop, its customer
//   RETURNIT_TOTP_EMAIL, _PASSWORD, _SECRET              a customer who uses two-factor authentication
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { env, headlessChromium } from './browser.mjs';
import { baseUrl, call, done, logIn, openPage, totp } from './app.mjs';

const browser = headlessChromium({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, timeout: 15_000 });

test('an order whose driver went quiet says the driver is on the way, without an arrival time', async () => {
  const page = await openPage(browser);
  await logIn(page, env('RETURNIT_STALE_EMAIL'), env('RETURNIT_STALE_PASSWORD'));
  await page.waitForURL(/\/account$/);
  await page.goto(`${baseUrl()}/orders/${env('RETURNIT_STALE_ORDER')}`);
  await page.getByTestId('order-status').filter({ hasText: /^Driver on the way \(last seen (under a minute|\d+ min) ago\)$/ }).waitFor();
  assert.equal(await page.getByTestId('order-eta').count(), 0, 'no arrival estimate from an old position');
  await page.getByTestId('driver').waitFor();
  assert.match(await page.getByTestId('driver').evaluate(node => node.closest('.marker').className), /marker--stale/,
    'the last known position is drawn greyed');
  await page.getByTestId('live').filter({ hasText: 'Live' }).waitFor();
  await done(page);
});

test('a customer without an account books from the shop\'s return link and is offered the account', async () => {
  const page = await openPage(browser, `/r/${env('RETURNIT_LINK_TOKEN')}`);
  await page.getByRole('heading', { name: `Return to ${env('RETURNIT_LINK_MERCHANT')}` }).waitFor();
  assert.equal(await page.getByTestId('link-items').locator('li').count(), 2);
  await page.getByTestId('start-link').click();
  await page.waitForURL(/\/book$/);

  // only the jacket goes back, for a reason of the customer's
  const jacket = page.getByTestId('link-item').filter({ hasText: 'Rain jacket' });
  await page.getByTestId('next').click();
  await page.getByText('Add at least one item, or tick one.').waitFor();
  await jacket.getByRole('checkbox').check();
  await jacket.getByLabel('Why does it go back?').selectOption('not_as_described');
  await page.getByTestId('next').click();

  await page.getByLabel('Address line the driver reads').fill('Invalidenstrasse 50, 10115 Berlin');
  await page.getByRole('button', { name: "Place the pin at the map's centre" }).click();
  await page.getByTestId('next').click();
  await page.getByTestId('slot').first().click();
  await page.getByTestId('next').click();
  await page.getByTestId('item-eligible').waitFor();
  assert.equal(await page.getByTestId('verdicts').locator('li').count(), 1, 'only the chosen item');
  await page.getByTestId('book').click();
  await page.getByTestId('booked').waitFor();
  const orderId = page.url().match(/\/orders\/([0-9a-f-]{36})/)[1];

  // the link now shows the booked pickup; the order carries the link's session
  const link = await call('GET', `/v1/public/return-sessions/${env('RETURNIT_LINK_TOKEN')}`);
  assert.equal(link.body.status, 'used');
  assert.equal(link.body.orderId, orderId);

  // a reload keeps the guest in the return (the link renews the guest's token)
  await page.reload();
  await page.getByTestId('order-status').waitFor();
  await page.getByLabel('Your email').fill(env('RETURNIT_LINK_EMAIL'));
  await page.getByRole('button', { name: 'Email me a link' }).click();
  await page.getByTestId('claim-sent').waitFor();
  await done(page);
});

test('a customer with two-factor authentication is asked for the code, and a wrong one is refused', async () => {
  const page = await openPage(browser);
  await logIn(page, env('RETURNIT_TOTP_EMAIL'), env('RETURNIT_TOTP_PASSWORD'));
  await page.getByLabel('One-time code').waitFor();
  assert.match(page.url(), /\/login/, 'not signed in on the password alone');
  await page.getByLabel('One-time code').fill('000000');
  await page.getByTestId('login').click();
  await page.getByTestId('login-error').waitFor();
  // a code is accepted once: should this 30-second step's code have been spent enrolling, the next step's is fresh
  for (let attempt = 0; ; attempt++) {
    await page.getByLabel('One-time code').fill(totp(env('RETURNIT_TOTP_SECRET')));
    await page.getByTestId('login').click();
    try {
      await page.waitForURL(/\/account$/, { timeout: 8_000 });
      break;
    } catch (error) {
      if (attempt === 2) throw error;
      await new Promise(resolve => setTimeout(resolve, 30_000 - (Date.now() % 30_000) + 200));
    }
  }
  await page.getByRole('heading', { name: 'My account' }).waitFor();
  await done(page);
});
