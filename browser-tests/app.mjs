// What the web app's journeys share: opening pages (failing on script errors and CSP violations), logging in through
// the page, and calling the API as other actors (a driver, a rival customer) while a person uses the page.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { env } from './browser.mjs';

export const baseUrl = () => env('RETURNIT_BASE_URL');

/** A new page that records script errors and CSP violations; `done(page)` fails the test if there were any. */
export async function openPage(browser, path) {
  const page = await browser.context.newPage();
  page.errors = [];
  page.on('pageerror', error => page.errors.push(error.message));
  page.on('console', message => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) page.errors.push(message.text());
  });
  if (path) {
    const response = await page.goto(baseUrl() + path);
    assert.equal(response.status(), 200, `GET ${path}`);
  }
  return page;
}

export async function done(page) {
  const errors = page.errors;
  await page.close();
  assert.deepEqual(errors, [], 'no script errors or CSP violations on the page');
}

export async function screenshot(page, variable) {
  const path = process.env[variable];
  if (!path) return;
  mkdirSync(dirname(path), { recursive: true });
  await page.screenshot({ path, fullPage: true });
}

/** Logs in through the page's form. */
export async function logIn(page, email, password) {
  await page.goto(`${baseUrl()}/login`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByTestId('login').click();
}

/** The API as another actor: JSON in, {status, body} out. */
export async function call(method, path, token, body, headers = {}) {
  const response = await fetch(baseUrl() + path, {
    method,
    headers: { ...(body ? { 'Content-Type': 'application/json' } : {}), ...(token ? { Authorization: `Bearer ${token}` } : {}), ...headers },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

export async function apiLogin(email, password) {
  const answer = await call('POST', '/v1/auth/token', null, { email, password });
  assert.equal(answer.status, 200, `login of ${email}`);
  return answer.body.accessToken;
}

/** A driver the operator creates (a van for 40 parcels), on shift with one fresh position; {id, email, token}. */
export async function driverOnShift(operator, lat, lng) {
  const email = `${unique('test-driver')}@test.returnit.local`;
  const created = await call('POST', '/v1/drivers', operator, {
    email, password: 'driver-password-12', name: 'Test Driver', vehicle: { type: 'van', capacityParcels: 40 },
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const token = await apiLogin(email, 'driver-password-12');
  assert.equal((await call('POST', '/v1/drivers/me/shift/start', token)).status, 200);
  const ping = await call('POST', '/v1/drivers/me/locations', token, { pings: [{ lat, lng, recordedAt: new Date().toISOString(), accuracyM: 5 }] });
  assert.equal(ping.status, 202, JSON.stringify(ping.body));
  return { id: created.body.id, email, token };
}

/** Gives the order to the driver as an operator, whoever has it now (dispatch may be offering it to someone). */
export async function giveTo(operator, orderId, driverId, ms = 15_000) {
  await eventually(async () => {
    const order = (await call('GET', `/v1/orders/${orderId}`, operator)).body;
    if (order.driverId === driverId) return true;
    const answer = order.driverId
      ? await call('POST', `/v1/dispatch/orders/${orderId}/reassign`, operator, { driverId, fromDriverId: order.driverId })
      : await call('POST', `/v1/dispatch/orders/${orderId}/assign`, operator, { driverId });
    return answer.status === 200;
  }, ms, 'the order given to the driver');
}

/** Polls until `check` gives a value (not undefined/false), or fails after `ms`. */
export async function eventually(check, ms = 15_000, what = 'the condition') {
  const until = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > until) assert.fail(`timed out waiting for ${what}`);
    await new Promise(resolve => setTimeout(resolve, 250));
  }
}

export const unique = prefix => `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`;

/** The current TOTP code (RFC 6238: SHA-1, 30 s, 6 digits) of a base32 secret, as an authenticator app shows it. */
export function totp(secret, at = Date.now()) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const bits = [...secret.replace(/=+$/, '')].map(c => alphabet.indexOf(c).toString(2).padStart(5, '0')).join('');
  const key = Buffer.from(bits.match(/.{8}/g).map(byte => parseInt(byte, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 30_000)));
  const hash = createHmac('sha1', key).update(counter).digest();
  const offset = hash[hash.length - 1] & 15;
  return String((hash.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}
