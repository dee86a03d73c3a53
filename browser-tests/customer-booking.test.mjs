// Booking when something goes wrong, in a real Chromium: an item the shop's rules refuse (shown with the rule's
// reason), a declined card and then a good one (without typing anything again), and a pickup window that fills up
// between choosing it and booking it.
//
// Started by CustomerAppBrowserTests, which passes:
//   RETURNIT_BASE_URL
//   RETURNIT_MERCHANT, RETURNIT_PAYING_MERCHANT   a shop that pays for pickups, one whose customers pay (names)
//   RETURNIT_CUSTOMER_EMAIL, _PASSWORD             a customer with no saved address
//   RETURNIT_FULL_EMAIL, _PASSWORD                 a customer whose saved address is in an area with one seat a window
//   RETURNIT_RIVAL_TOKEN                           another customer, who takes the last seat meanwhile
//   RETURNIT_MERCHANT_ID                           the first shop's id (for the rival's booking)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { env, headlessChromium } from './browser.mjs';
import { apiLogin, call, done, logIn, openPage } from './app.mjs';

const browser = headlessChromium({ viewport: { width: 1024, height: 900 }, deviceScaleFactor: 1, timeout: 15_000 });

async function startBooking(page, email, password, merchant) {
  await logIn(page, email, password);
  await page.waitForURL(/\/account$/);
  await page.goto(`${page.url().replace(/\/account$/, '')}/book`);
  await page.evaluate(() => sessionStorage.clear());
  await page.reload();
  await page.getByLabel('Which shop are you returning to?').fill(merchant.slice(0, 12));
  await page.getByTestId('merchant').filter({ hasText: merchant }).click();
}

async function item(page, index, { description, category, price, reason = 'changed_mind', tags = true }) {
  if (index > 0) await page.getByRole('button', { name: 'Add another item' }).click();
  const row = page.getByTestId('item').nth(index);
  await row.getByLabel('What is it?').fill(description);
  await row.getByLabel('Category').selectOption(category);
  await row.getByLabel('Bought on').fill(new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10));
  await row.getByLabel('Price paid').fill(price);
  await row.getByLabel('Why does it go back?').selectOption(reason);
  if (!tags) await row.getByLabel('The original tags are still attached').uncheck();
}

/** No geocoder is needed: the customer places the pin (the map opens on a city the shops serve). */
async function pinAndFirstSlot(page) {
  await page.getByLabel('Address line the driver reads').fill('Torstrasse 1, 10119 Berlin');
  await page.getByRole('button', { name: "Place the pin at the map's centre" }).click();
  await page.getByTestId('pin').waitFor();
  await page.getByTestId('next').click();
  await page.getByTestId('slot').first().click();
  await page.getByTestId('next').click();
}

test('an item the shop\'s rules refuse is shown with the reason, and the rest can still go back', async () => {
  const page = await openPage(browser);
  await startBooking(page, env('RETURNIT_CUSTOMER_EMAIL'), env('RETURNIT_CUSTOMER_PASSWORD'), env('RETURNIT_MERCHANT'));
  await item(page, 0, { description: 'Cotton briefs', category: 'underwear', price: '19.90' });
  await item(page, 1, { description: 'Linen shirt', category: 'tops', price: '49.90' });
  await page.getByTestId('next').click();
  await pinAndFirstSlot(page);

  await page.getByTestId('item-refused').waitFor();
  assert.match(await page.getByTestId('item-refused').textContent(), /Cotton briefs[\s\S]*Cannot be returned[\s\S]*underwear/i);
  assert.equal(await page.getByTestId('item-eligible').count(), 1);
  await page.getByTestId('not-eligible').waitFor();
  assert.equal(await page.getByTestId('book').count(), 0, 'no way to book a return the rules refuse');

  await page.getByTestId('drop-refused').click();
  await page.getByTestId('book').waitFor();
  assert.equal(await page.getByTestId('item-refused').count(), 0);
  await done(page);
});

test('a declined card shows the provider\'s reason, and another card books without typing anything again', async () => {
  const page = await openPage(browser);
  await startBooking(page, env('RETURNIT_CUSTOMER_EMAIL'), env('RETURNIT_CUSTOMER_PASSWORD'), env('RETURNIT_PAYING_MERCHANT'));
  await item(page, 0, { description: 'Wool scarf', category: 'accessories', price: '39.00' });
  await page.getByTestId('next').click();
  await pinAndFirstSlot(page);

  await page.getByTestId('to-payment').click();
  await page.getByLabel('A card that is declined').check();
  await page.getByTestId('book').click();
  await page.getByTestId('payment-declined').filter({ hasText: 'Your card was declined.' }).waitFor();
  assert.match(page.url(), /\/book$/, 'still booking, nothing lost');

  await page.getByLabel('A card without enough funds').check();
  await page.getByTestId('book').click();
  await page.getByTestId('payment-declined').filter({ hasText: 'insufficient funds' }).waitFor();

  await page.getByLabel('Visa, succeeds').check();
  assert.match(await page.getByTestId('book').textContent(), /^Pay €\d+\.\d\d and book$/);
  await page.getByTestId('book').click();
  await page.getByTestId('booked').waitFor();
  await done(page);
});

test('a window that fills up while the customer decides is refused, and the customer picks another', async () => {
  const page = await openPage(browser);
  await logIn(page, env('RETURNIT_FULL_EMAIL'), env('RETURNIT_FULL_PASSWORD'));
  await page.waitForURL(/\/account$/);
  await page.getByRole('link', { name: 'Book a pickup' }).first().click();
  await page.evaluate(() => sessionStorage.clear());
  await page.reload();
  await page.getByLabel('Which shop are you returning to?').fill(env('RETURNIT_MERCHANT').slice(0, 12));
  await page.getByTestId('merchant').filter({ hasText: env('RETURNIT_MERCHANT') }).click();
  await item(page, 0, { description: 'Hiking boots', category: 'footwear', price: '149.00' });
  await page.getByTestId('next').click();
  await page.getByRole('radio', { name: /Home/ }).check();
  await page.getByTestId('next').click();

  const chosen = page.getByTestId('slot').first();
  const start = await chosen.locator('input').getAttribute('value');
  await chosen.click();
  await page.getByTestId('next').click();
  await page.getByTestId('book').waitFor();

  // meanwhile another customer takes the window's last seat
  const slots = await call('GET', `/v1/slots?merchantId=${env('RETURNIT_MERCHANT_ID')}&lat=${env('RETURNIT_FULL_LAT')}&lng=${env('RETURNIT_FULL_LNG')}`, null);
  const slot = slots.body.data.find(s => s.start === start);
  const rival = await call('POST', '/v1/orders', env('RETURNIT_RIVAL_TOKEN'), {
    merchantId: env('RETURNIT_MERCHANT_ID'),
    pickup: { address: 'Next door', lat: Number(env('RETURNIT_FULL_LAT')), lng: Number(env('RETURNIT_FULL_LNG')) },
    window: { start: slot.start, end: slot.end },
    items: [{ sku: 'R-1', description: 'Sandals', category: 'footwear', purchasedAt: new Date(Date.now() - 86_400_000).toISOString(), valueCents: 3_000 }],
  });
  assert.equal(rival.status, 201, JSON.stringify(rival.body));

  await page.getByTestId('book').click();
  await page.getByTestId('slot-notice').filter({ hasText: 'just filled up' }).waitFor();
  const full = page.getByTestId('slot-full').filter({ has: page.locator(`input[value="${start}"]`) });
  await full.waitFor();
  assert.equal(await full.locator('input').isDisabled(), true, 'the full window cannot be chosen');
  await page.getByTestId('slot').first().click();
  await page.getByTestId('next').click();
  await page.getByTestId('book').click();
  await page.getByTestId('booked').waitFor();
  await done(page);
});

test('a booking whose answer is lost is tried again with the same key and books exactly once', async () => {
  const token = await apiLogin(env('RETURNIT_CUSTOMER_EMAIL'), env('RETURNIT_CUSTOMER_PASSWORD'));
  const ordersBefore = await countOrders(token);
  const page = await openPage(browser);
  await startBooking(page, env('RETURNIT_CUSTOMER_EMAIL'), env('RETURNIT_CUSTOMER_PASSWORD'), env('RETURNIT_MERCHANT'));
  await item(page, 0, { description: 'Camping stove', category: 'camping', price: '79.00' });
  await page.getByTestId('next').click();
  await pinAndFirstSlot(page);

  // the first booking reaches the service, but its answer never comes back (the connection drops)
  const keys = [];
  await page.route('**/v1/orders', async route => {
    if (route.request().method() !== 'POST') return route.continue();
    keys.push(route.request().headers()['idempotency-key']);
    if (keys.length === 1) {
      await route.fetch();
      return route.abort('connectionreset');
    }
    return route.continue();
  });
  await page.getByTestId('book').click();
  await page.getByTestId('booking-retry').filter({ hasText: 'you will not be booked twice' }).waitFor();
  await page.getByTestId('book').filter({ hasText: 'Try again' }).click();
  await page.getByTestId('booked').waitFor();

  assert.equal(keys.length, 2);
  assert.match(keys[0], /^[0-9a-f-]{36}$/);
  assert.equal(keys[1], keys[0], 'the retry sends the same Idempotency-Key');
  assert.equal(await countOrders(token), ordersBefore + 1, 'one booking, not two');
  await done(page);
});

async function countOrders(token) {
  let count = 0;
  let after = '';
  for (;;) {
    const page = await call('GET', `/v1/orders?limit=100${after ? `&startingAfter=${after}` : ''}`, token);
    count += page.body.data.length;
    if (!page.body.hasMore) return count;
    after = page.body.data.at(-1).id;
  }
}

test('a booking whose answer is lost is finished after a reload, with the same key, and books exactly once', async () => {
  const token = await apiLogin(env('RETURNIT_CUSTOMER_EMAIL'), env('RETURNIT_CUSTOMER_PASSWORD'));
  const ordersBefore = await countOrders(token);
  const page = await openPage(browser);
  await startBooking(page, env('RETURNIT_CUSTOMER_EMAIL'), env('RETURNIT_CUSTOMER_PASSWORD'), env('RETURNIT_PAYING_MERCHANT'));
  await item(page, 0, { description: 'Knitted hat', category: 'accessories', price: '25.00' });
  await page.getByTestId('next').click();
  await pinAndFirstSlot(page);
  await page.getByTestId('to-payment').click();
  await page.getByLabel('Mastercard, succeeds').check();

  const keys = [];
  const bodies = [];
  await page.route('**/v1/orders', async route => {
    if (route.request().method() !== 'POST') return route.continue();
    keys.push(route.request().headers()['idempotency-key']);
    bodies.push(route.request().postDataJSON());
    if (keys.length === 1) {
      await route.fetch();
      return route.abort('connectionreset');
    }
    return route.continue();
  });
  await page.getByTestId('book').click();
  await page.getByTestId('booking-retry').waitFor();

  // the customer reloads rather than pressing "Try again": the page finishes the booking it started
  await page.reload();
  await page.getByTestId('booked').waitFor();

  assert.equal(keys.length, 2);
  assert.equal(keys[1], keys[0], 'the same Idempotency-Key after the reload');
  assert.deepEqual(bodies[1], bodies[0], 'the same request: the same quote and card');
  assert.equal(await countOrders(token), ordersBefore + 1, 'one booking, not two');
  await done(page);
});
