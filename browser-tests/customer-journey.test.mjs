// The customer's whole journey in a real Chromium against the running service: sign up, book a pickup (shop, items,
// address found by the geocoder, a window with seats, the checked and priced return), the confirmation with its
// calendar file and tracking link, the live order page while a driver (played here through the API) takes the job,
// drives there and refuses one item at the door, then the account: returns, addresses, notifications, data export,
// logging out and in again, and deleting an account.
//
// Started by CustomerAppBrowserTests, which passes:
//   RETURNIT_BASE_URL                       the running service
//   RETURNIT_MERCHANT                       a shop that pays for its pickups (its name, as the directory lists it)
//   RETURNIT_ADDRESS_QUERY                  what to type to find an address inside the area the driver works
//   RETURNIT_DRIVER_EMAIL, _PASSWORD        a driver on shift near that address
//   RETURNIT_SCREENSHOT_REVIEW, _ORDER, _ACCOUNT   where to save screenshots (PNG)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { env, headlessChromium } from './browser.mjs';
import { apiLogin, baseUrl, call, done, eventually, logIn, openPage, screenshot, unique } from './app.mjs';

const browser = headlessChromium({ viewport: { width: 420, height: 860 }, deviceScaleFactor: 1, timeout: 15_000 });
const password = 'journey-password-1';

async function signUp(page, email) {
  await page.getByLabel('Your name').fill('Jo Journey');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByTestId('signup').click();
}

test('a new customer books a pickup, watches the driver collect it and manages the account', async () => {
  const page = await openPage(browser, '/');
  const email = `${unique('journey')}@test.returnit.local`;

  // 1. start: a visitor is asked to log in or sign up first
  await page.getByTestId('start-return').click();
  await page.waitForURL(/\/login\?next=%2Fbook|\/login\?next=\/book/);
  await page.getByRole('link', { name: 'Create an account' }).click();
  await page.getByTestId('signup').click();
  await page.getByText('Enter your name.').waitFor();
  await signUp(page, email);
  await page.waitForURL(/\/book$/);

  // 2. items
  await page.getByLabel('Which shop are you returning to?').fill(env('RETURNIT_MERCHANT').slice(0, 12));
  await page.getByTestId('merchant').filter({ hasText: env('RETURNIT_MERCHANT') }).click();
  const first = page.getByTestId('item').nth(0);
  await first.getByLabel('What is it?').fill('Rain jacket, blue, M');
  await first.getByLabel('Category').selectOption('outerwear');
  await first.getByLabel('Bought on').fill(daysAgo(10));
  await first.getByLabel('Price paid').fill('129.90');
  await first.getByLabel('Article number (optional)').fill('JKT-1');
  await first.getByLabel('Why does it go back?').selectOption('wrong_size');
  await page.getByRole('button', { name: 'Add another item' }).click();
  const second = page.getByTestId('item').nth(1);
  await second.getByLabel('What is it?').fill('Fleece pullover');
  await second.getByLabel('Category').selectOption('tops');
  await second.getByLabel('Bought on').fill(daysAgo(5));
  await second.getByLabel('Price paid').fill('59,90');
  await second.getByLabel('Why does it go back?').selectOption('other');
  await page.getByTestId('next').click();
  await second.getByText('Say a few words about why.').waitFor();
  await second.getByLabel('Tell us more').fill('The colour is not as pictured');
  await page.getByTestId('next').click();

  // 3. address: typed, found by the geocoder, saved for next time
  await page.getByLabel('Search for your address').fill(env('RETURNIT_ADDRESS_QUERY'));
  await page.getByRole('option').first().click();
  assert.match(await page.getByLabel('Address line the driver reads').inputValue(), /\S/);
  await page.getByTestId('pin').waitFor();
  await page.getByLabel('Save this address for next time').check();
  await page.getByLabel('How the driver gets to your door (optional)').fill('Back gate, blue door');
  await page.getByTestId('next').click();

  // 4. slot: the first window with seats
  await page.getByTestId('slot').first().click();
  await page.getByTestId('next').click();

  // 5. review: both items may go back; the price in parts; how long it holds
  await page.getByTestId('item-eligible').nth(1).waitFor();
  assert.equal(await page.getByTestId('item-refused').count(), 0);
  assert.match(await page.getByTestId('total').textContent(), /€\d+\.\d\d/);
  assert.equal(await page.getByTestId('review-access').textContent(), 'Access: Back gate, blue door');
  assert.match(await page.getByTestId('price').textContent(), /Pickup.*2 items.*Distance/s);
  assert.match(await page.getByTestId('quote-expiry').textContent(), /This price holds until \d\d:\d\d/);
  await screenshot(page, 'RETURNIT_SCREENSHOT_REVIEW');

  // 6./7. book (the shop pays), then the confirmation
  await page.getByTestId('book').click();
  await page.getByTestId('booked').waitFor();
  const orderId = page.url().match(/\/orders\/([0-9a-f-]{36})/)[1];
  await page.getByTestId('tracking-url').waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('calendar').click()]);
  assert.match(download.suggestedFilename(), /^returnit-pickup-[0-9a-f]{8}\.ics$/);
  const calendar = readFileSync(await download.path(), 'utf8');
  assert.match(calendar, /BEGIN:VCALENDAR[\s\S]*BEGIN:VEVENT[\s\S]*DTSTART:\d{8}T\d{6}Z/);

  // the driver takes the job (through the API, as the driver app would); the page follows over the live stream
  const driver = await apiLogin(env('RETURNIT_DRIVER_EMAIL'), env('RETURNIT_DRIVER_PASSWORD'));
  const offer = await eventually(async () => (await call('GET', '/v1/drivers/me/offers', driver)).body.data.find(o => o.orderId === orderId),
    30_000, 'the offer of the booked order');
  assert.equal((await call('POST', `/v1/offers/${offer.id}/accept`, driver)).status, 200);
  assert.equal((await call('POST', `/v1/orders/${orderId}/en-route`, driver)).status, 200);
  const order = (await call('GET', `/v1/orders/${orderId}`, driver)).body;
  assert.equal(order.pickup.accessNotes, 'Back gate, blue door', 'the driver given the job reads the access notes');
  const ping = () => call('POST', '/v1/drivers/me/locations', driver,
    { pings: [{ lat: order.pickup.lat + 0.008, lng: order.pickup.lng, recordedAt: new Date().toISOString() }] });
  await ping();
  const pinger = setInterval(ping, 1_000);
  try {
    await page.getByTestId('order-status').filter({ hasText: 'Driver on the way' }).waitFor();
    await page.getByTestId('order-eta').filter({ hasText: /Arrives in about \d+ min/ }).waitFor();
    await page.getByTestId('driver').waitFor();
    const pickup = await page.getByTestId('pickup').boundingBox();
    const van = await page.getByTestId('driver').boundingBox();
    assert.ok(van.y < pickup.y, 'the driver, north of the pickup, is drawn above it');
    await screenshot(page, 'RETURNIT_SCREENSHOT_ORDER');
  } finally {
    clearInterval(pinger);
  }

  // at the door: the jacket is collected, the pullover refused
  const [jacket, pullover] = order.items;
  assert.equal(jacket.sku, 'JKT-1');
  const pickedUp = await call('POST', `/v1/orders/${orderId}/pickup`, driver, { items: [
    { sku: jacket.sku, verified: true, condition: 'used' },
    { sku: pullover.sku, verified: false, condition: 'damaged', note: 'Stain on the front' },
  ] });
  assert.equal(pickedUp.status, 200, JSON.stringify(pickedUp.body));
  await page.getByTestId('order-status').filter({ hasText: 'Picked up' }).waitFor();
  await page.getByTestId('item-collected').waitFor();
  assert.match(await page.getByTestId('item-refused').textContent(), /Refused at the door[\s\S]*Stain on the front/);

  // 8. account: returns (filtered), the saved address, notifications, the export
  await page.getByRole('link', { name: 'My returns' }).click();
  await page.getByTestId('return').first().waitFor();
  await page.getByLabel('Show').selectOption('cancelled');
  await page.getByTestId('empty-state').waitFor();
  await page.getByLabel('Show').selectOption('picked_up');
  await page.getByTestId('return').filter({ hasText: 'Rain jacket' }).waitFor();
  const tab = name => page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name });
  await tab('Addresses').click();
  await page.getByTestId('addresses').locator('li').first().waitFor();
  await tab('Notifications').click();
  await page.getByLabel('Text message (SMS)').uncheck();
  await page.getByText('Saved.').waitFor();
  assert.equal((await call('GET', '/v1/customers/me/notification-preferences', await apiLogin(email, password))).body.sms, false);
  await tab('Privacy').click();
  const [exported] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export').click()]);
  const data = JSON.parse(readFileSync(await exported.path(), 'utf8'));
  assert.equal(data.account.email, email);
  await tab('My returns').click();
  await page.getByTestId('return').first().waitFor();
  await screenshot(page, 'RETURNIT_SCREENSHOT_ACCOUNT');

  // a reload keeps the session (refresh cookie); logging out ends it; logging in brings the returns back
  await page.reload();
  await page.getByTestId('return').first().waitFor();
  await page.getByTestId('logout').click();
  await page.getByRole('link', { name: 'Log in' }).waitFor();
  await page.goto(`${baseUrl()}/account`);
  await page.waitForURL(/\/login/);
  await logIn(page, email, 'not-the-password-1');
  await page.getByTestId('login-error').filter({ hasText: 'Email, password or code is wrong.' }).waitFor();
  await page.getByLabel('Password').fill(password);
  await page.getByTestId('login').click();
  await page.waitForURL(/\/account$/);
  await page.getByTestId('return').first().waitFor();
  await done(page);
});

test('a customer without open pickups deletes the account after seeing what is kept and why', async () => {
  const page = await openPage(browser, '/signup');
  const email = `${unique('leaving')}@test.returnit.local`;
  await signUp(page, email);
  await page.waitForURL(/\/book$/);
  await page.goto(`${baseUrl()}/account/privacy`);
  await page.getByTestId('delete-account').click();
  await page.getByTestId('erasure-kept').locator('li').first().waitFor();
  assert.match(await page.getByTestId('erasure-kept').textContent(), /\S+: \S+/, 'each kept item says why');
  await page.getByLabel('Type "delete" to confirm').fill('delete');
  await page.getByTestId('confirm-delete').click();
  await page.waitForURL(/\/\?erased=1$/);
  assert.equal((await call('POST', '/v1/auth/token', null, { email, password })).status, 401, 'the account is gone');
  await done(page);
});

function daysAgo(days) {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}
