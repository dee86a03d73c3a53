// The merchant portal (/merchant) in a real, headless Chromium against the running service: an operator invites a
// merchant's first admin, who accepts the emailed link, enrols TOTP, changes a return rule and sees the preview refuse
// an item with the rule's message, saves it, creates an API key and a webhook endpoint (a receiver here), sends a test
// event and sees its delivery in the log, creates a return link that a customer then uses (booked through the API as
// the link's guest, picked up by a driver played through the API), and finds that return in the list, its detail and
// the month's statement. Then a support member, invited by the admin in the Team page, sees neither Developers nor
// Billing, and the API refuses them (403 problem+json).
//
// Everything it needs it makes through the API (merchant, area with a schedule, driver), so it asks only for:
//   RETURNIT_BASE_URL                                   the running service
//   RETURNIT_OPERATOR_EMAIL, _PASSWORD, _TOTP_SECRET    an operator (or RETURNIT_OPERATOR_TOKEN, an operator's token)
//   RETURNIT_SMTP_PORT                                  the service sends its email to 127.0.0.1 on this port
//                                                       (spring.mail.host/port): this test is the mail server there
//   RETURNIT_SCREENSHOT_OVERVIEW, _RULES, _DEVELOPERS   where to save the screenshots (PNG; optional)
//   CHROMIUM                                            the browser binary (default /usr/bin/chromium)
// and the service must deliver webhooks to 127.0.0.1 over plain http (returnit.webhooks.allowed-hosts). The return
// link is emailed to the customer too, and the test reads it there.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer as createHttpServer } from 'node:http';
import { createServer as createTcpServer } from 'node:net';
import { createHmac } from 'node:crypto';
import { env, headlessChromium } from './browser.mjs';
import { baseUrl, call, done, eventually, openPage, screenshot, totp, unique } from './app.mjs';

const browser = headlessChromium({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1, timeout: 20_000 });
const PASSWORD = 'portal-password-12';

// ---- the mail server: every message the service sends, by recipient --------------------------------------------

const mails = [];
let smtp;

/** A minimal SMTP server (RFC 5321 without extensions): enough for JavaMail to hand over a message. */
function startSmtp(port) {
  smtp = createTcpServer(socket => {
    let data = null;
    let buffer = '';
    let recipients = [];
    socket.setEncoding('latin1');
    socket.write('220 portal-test ESMTP\r\n');
    socket.on('data', chunk => {
      buffer += chunk;
      for (;;) {
        if (data !== null) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end < 0) return;
          data += buffer.slice(0, end);
          buffer = buffer.slice(end + 5);
          mails.push({ to: recipients, body: decode(data) });
          data = null;
          recipients = [];
          socket.write('250 OK queued\r\n');
          continue;
        }
        const newline = buffer.indexOf('\r\n');
        if (newline < 0) return;
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO' || verb === 'HELO') socket.write('250 portal-test\r\n');
        else if (verb === 'RCPT') { recipients.push(line.replace(/^RCPT TO:\s*<?([^>]*)>?.*$/i, '$1').toLowerCase()); socket.write('250 OK\r\n'); }
        else if (verb === 'DATA') { data = ''; socket.write('354 End data with <CR><LF>.<CR><LF>\r\n'); }
        else if (verb === 'QUIT') { socket.end('221 Bye\r\n'); return; }
        else socket.write('250 OK\r\n');
      }
    });
    socket.on('error', () => undefined);
  });
  return new Promise(resolve => smtp.listen(port, '127.0.0.1', resolve));
}

/** The message as text: quoted-printable soft breaks and escapes undone, base64 parts decoded. */
function decode(raw) {
  const qp = raw.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex) => String.fromCharCode(parseInt(hex, 16)));
  const base64 = [...raw.matchAll(/Content-Transfer-Encoding: base64\r\n(?:[^\r\n]+\r\n)*\r\n([A-Za-z0-9+/=\r\n]+)/gi)]
    .map(m => Buffer.from(m[1].replace(/\r\n/g, ''), 'base64').toString('utf8'));
  return [qp, ...base64].join('\n');
}

/** The token of the newest invitation emailed to this address. */
async function invitationToken(email) {
  return eventually(() => {
    const mail = mails.filter(m => m.to.includes(email.toLowerCase())).at(-1);
    return mail?.body.match(/\/merchant\/invitations\/([A-Za-z0-9_-]+)/)?.[1];
  }, 30_000, `the invitation email to ${email}`);
}

// ---- the webhook receiver ---------------------------------------------------------------------------------------

const received = [];
let receiver;

function startReceiver() {
  receiver = createHttpServer((request, response) => {
    let body = '';
    request.on('data', chunk => { body += chunk; });
    request.on('end', () => {
      received.push({ headers: request.headers, body });
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end('{"received":true}');
    });
  });
  return new Promise(resolve => receiver.listen(0, '127.0.0.1', resolve));
}

before(async () => {
  await startSmtp(Number(env('RETURNIT_SMTP_PORT')));
  await startReceiver();
});

after(async () => {
  await new Promise(resolve => smtp?.close(resolve));
  await new Promise(resolve => receiver?.close(resolve));
});

// ---- the world, through the API ---------------------------------------------------------------------------------

async function operatorToken() {
  if (process.env.RETURNIT_OPERATOR_TOKEN) return process.env.RETURNIT_OPERATOR_TOKEN;
  const answer = await call('POST', '/v1/auth/token', null, {
    email: env('RETURNIT_OPERATOR_EMAIL'), password: env('RETURNIT_OPERATOR_PASSWORD'), code: totp(env('RETURNIT_OPERATOR_TOTP_SECRET')),
  });
  assert.equal(answer.status, 200, `operator login: ${JSON.stringify(answer.body)}`);
  return answer.body.accessToken;
}

/**
 * A place of its own (a square nobody else uses) with a schedule whose first window starts in about ten minutes,
 * inside dispatch's lead time, so that a booked return is offered to the driver on shift there at once.
 */
async function aPlace(operator) {
  const lat = 30 + Math.random() * 20;
  const lng = -100 + Math.random() * 30;
  const area = await call('POST', '/v1/service-areas', operator, { name: unique('Portal area'),
    polygon: [[lat + 0.05, lng - 0.05], [lat + 0.05, lng + 0.05], [lat - 0.05, lng + 0.05], [lat - 0.05, lng - 0.05]] });
  assert.equal(area.status, 201, JSON.stringify(area.body));
  // the area's time zone puts its local time near noon, so that the 4 hours from opening stay within one day whatever
  // the hour the journey runs at (in UTC, a run after 23:00 left a day shorter than one window: refused)
  const now = new Date();
  const shift = 12 - now.getUTCHours(); // hours east of UTC, -11..12
  const timeZone = shift === 0 ? 'UTC' : `Etc/GMT${shift > 0 ? '-' : '+'}${Math.abs(shift)}`;
  const local = new Date(now.getTime() + shift * 3_600_000 + 10 * 60_000);
  const hhmm = date => date.toISOString().slice(11, 16);
  const days = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']
    .map(day => ({ day, opens: hhmm(local), closes: hhmm(new Date(local.getTime() + 4 * 3_600_000)) }));
  const schedule = await call('PUT', `/v1/service-areas/${area.body.id}/schedule`, operator,
    { timeZone, windowMinutes: 60, capacityPerWindow: 20, leadMinutes: 0, days });
  assert.equal(schedule.status, 200, JSON.stringify(schedule.body));
  return { lat, lng };
}

async function aMerchant(operator, place) {
  const name = unique('Portal Outfitters');
  const merchant = await call('POST', '/v1/merchants', operator, {
    name, billing: 'merchant_pays',
    returnPolicy: { windowDays: 30, excludedCategories: ['underwear'], maxItems: 5, maxItemValueCents: 100_000,
      rules: [{ name: 'swimwear_tags', expression: 'item.category != "swimwear" || item.tagsAttached', message: 'Swimwear needs its hygiene tags attached.' }] },
    hubs: [{ name: 'Portal hub', address: 'Hub street 1', lat: place.lat + 0.01, lng: place.lng + 0.01 }],
  });
  assert.equal(merchant.status, 201, JSON.stringify(merchant.body));
  return { id: merchant.body.id, name };
}

async function aDriverOnShift(operator, place) {
  const email = `${unique('portal-driver')}@test.returnit.local`;
  const driver = await call('POST', '/v1/drivers', operator, { email, password: 'driver-password-12', name: 'Dana Driver',
    vehicle: { type: 'van', capacityParcels: 40 } });
  assert.equal(driver.status, 201, JSON.stringify(driver.body));
  const token = (await call('POST', '/v1/auth/token', null, { email, password: 'driver-password-12' })).body.accessToken;
  assert.equal((await call('POST', '/v1/drivers/me/shift/start', token)).status, 200);
  const ping = await call('POST', '/v1/drivers/me/locations', token,
    { pings: [{ lat: place.lat + 0.005, lng: place.lng, recordedAt: new Date().toISOString() }] });
  assert.equal(ping.status, 202, JSON.stringify(ping.body));
  return token;
}

/** The link's customer books it as its guest (quote, then order) in the first window with seats. */
async function customerUsesTheLink(linkToken, place) {
  const access = await call('POST', `/v1/public/return-sessions/${linkToken}/access`);
  assert.equal(access.status, 200, JSON.stringify(access.body));
  const guest = access.body.accessToken;
  const link = await call('GET', `/v1/public/return-sessions/${linkToken}`);
  const slots = await call('GET', `/v1/slots?merchantId=${link.body.merchant.id}&lat=${place.lat}&lng=${place.lng}`);
  assert.equal(slots.status, 200, JSON.stringify(slots.body));
  const window = slots.body.data.find(slot => slot.remaining === undefined || slot.remaining > 0);
  assert.ok(window, `a window at the place: ${JSON.stringify(slots.body)}`);
  const items = link.body.items.map(({ sku, description, category, purchasedAt, valueCents, tagsAttached }) =>
    ({ sku, description, category, purchasedAt, valueCents, tagsAttached }));
  const quote = await call('POST', '/v1/quotes', guest, { merchantId: link.body.merchant.id, items,
    pickup: { address: 'Customer street 5', lat: place.lat, lng: place.lng }, window: { start: window.start, end: window.end } });
  assert.equal(quote.status, 200, JSON.stringify(quote.body));
  assert.equal(quote.body.eligible, true, JSON.stringify(quote.body));
  const order = await call('POST', '/v1/orders', guest, { quoteId: quote.body.quoteId });
  assert.equal(order.status, 201, JSON.stringify(order.body));
  return order.body;
}

/** The driver takes the offer, drives there, collects the first item (with a photo) and refuses the others. */
async function driverPicksUp(driver, order) {
  const offer = await eventually(async () => (await call('GET', '/v1/drivers/me/offers', driver)).body.data
    .find(o => o.orderId === order.id), 30_000, 'the offer of the booked return');
  assert.equal((await call('POST', `/v1/offers/${offer.id}/accept`, driver)).status, 200);
  assert.equal((await call('POST', `/v1/orders/${order.id}/en-route`, driver)).status, 200);
  const pickup = await call('POST', `/v1/orders/${order.id}/pickup`, driver,
    { items: order.items.map((item, i) => (i === 0 ? { sku: item.sku, verified: true, condition: 'new' }
      : { sku: item.sku, verified: false, condition: 'used', note: 'Sole worn, not as sold' })) });
  assert.equal(pickup.status, 200, JSON.stringify(pickup.body));
  const photo = await fetch(`${baseUrl()}/v1/orders/${order.id}/proof/photos?sku=${encodeURIComponent(order.items[0].sku)}`,
    { method: 'POST', body: PNG, headers: { Authorization: `Bearer ${driver}`, 'Content-Type': 'image/png' } });
  assert.equal(photo.status, 201, await photo.text());
}

/** A 1×1 PNG: the driver's photo of an item. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

// ---- the pages --------------------------------------------------------------------------------------------------

/** Opens the emailed invitation, accepts it and enrols the authenticator: answers the TOTP secret. */
async function acceptAndEnrol(page, token, name) {
  await page.goto(`${baseUrl()}/merchant/invitations/${token}`);
  await page.getByTestId('invitation').waitFor();
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('Choose a password').fill(PASSWORD);
  await page.getByTestId('accept-invitation').click();
  await page.getByRole('heading', { name: 'Set up two-factor authentication' }).waitFor();
  const secret = (await page.getByTestId('totp-secret').textContent()).trim();
  await page.getByLabel('Code from the app').fill(totp(secret));
  await page.getByTestId('confirm-totp').click();
  await page.getByTestId('portal-nav').waitFor();
  return secret;
}

/** Clicks a download button: the file's name and text as the browser saved them. */
async function downloaded(page, testId) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  const chunks = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk);
  return { name: download.suggestedFilename(), text: Buffer.concat(chunks).toString('latin1') };
}

const section = (page, name) => page.getByTestId('portal-nav').getByRole('link', { name, exact: true });

test('an invited admin runs returns in the portal end to end, and a support member cannot reach developers or billing', async () => {
  const operator = await operatorToken();
  const place = await aPlace(operator);
  const merchant = await aMerchant(operator, place);
  const driver = await aDriverOnShift(operator, place);

  // 1. the operator invites the first admin; the link arrives by email
  const adminEmail = `${unique('portal-admin')}@test.returnit.local`;
  const invited = await call('POST', `/v1/merchants/${merchant.id}/invitations`, operator, { email: adminEmail, role: 'admin' });
  assert.equal(invited.status, 201, JSON.stringify(invited.body));
  const page = await openPage(browser, '/merchant');
  await page.getByRole('heading', { name: 'Merchant portal' }).waitFor();

  // 2. the admin accepts and enrols TOTP, and lands on the overview
  await acceptAndEnrol(page, await invitationToken(adminEmail), 'Ada Admin');
  await page.getByRole('heading', { name: 'Overview' }).waitFor();
  for (const name of ['Returns', 'Return rules', 'Return links', 'Developers', 'Billing', 'Team', 'Branding']) {
    assert.equal(await section(page, name).count(), 1, `the admin sees ${name}`);
  }

  // 3. a new rule: a typo is refused inline by the service's preview, the fixed rule refuses a final-sale item
  await section(page, 'Return rules').click();
  await page.getByTestId('policy-form').waitFor();
  await page.getByTestId('add-rule').click();
  await page.locator('#rule-1-name').fill('no_final_sale');
  await page.locator('#rule-1-message').fill('Final sale items cannot be returned');
  await page.locator('#rule-1-expression').fill('!itm.sku.startsWith("FS-")');
  await page.locator('#rule-1-expression-error').filter({ hasText: /itm/ }).waitFor();
  await page.getByTestId('preview-invalid').waitFor();
  assert.equal(await page.getByTestId('save-policy').isDisabled(), true, 'an invalid draft cannot be saved');
  await page.locator('#rule-1-expression').fill('!item.sku.startsWith("FS-")');
  await page.getByTestId('preview-valid').waitFor();
  await page.locator('#try-0-sku').fill('FS-100');
  await page.getByTestId('refusal').filter({ hasText: 'Final sale items cannot be returned' }).waitFor();
  await screenshot(page, 'RETURNIT_SCREENSHOT_RULES');
  await page.getByTestId('try-recent').click();
  await page.getByTestId('recent-result').filter({ hasText: 'There are no returns yet to check against.' }).waitFor();
  await page.getByTestId('save-policy').click();
  await page.getByTestId('policy-saved').filter({ hasText: 'version 2' }).waitFor();
  await page.getByTestId('diff').locator('.diff-add').filter({ hasText: 'Rule no_final_sale: !item.sku.startsWith("FS-")' }).waitFor();
  const policy = await call('GET', `/v1/merchants/${merchant.id}`, operator);
  assert.equal(policy.body.returnPolicy.version, 2);
  assert.deepEqual(policy.body.returnPolicy.rules.map(r => r.name), ['swimwear_tags', 'no_final_sale']);

  // 4. an API key, shown once, that works
  await section(page, 'Developers').click();
  await page.getByTestId('create-key').click();
  const key = (await page.getByTestId('key-secret').textContent()).trim();
  assert.match(key, /^rk_/);
  assert.equal((await call('GET', `/v1/merchants/${merchant.id}/api-keys`, key)).status, 200, 'the new key is the merchant\'s');

  // 5. a webhook endpoint at the receiver, a test event, and its delivery in the log with the body sent
  const url = `http://127.0.0.1:${receiver.address().port}/returnit-hooks`;
  await page.locator('#endpoint-url').fill(url);
  await page.locator('#endpoint-description').fill('Our warehouse system');
  await page.getByTestId('create-endpoint').click();
  const signingSecret = (await page.getByTestId('endpoint-secret').textContent()).trim();
  const endpoint = page.getByTestId('endpoint').filter({ hasText: url });
  await endpoint.getByTestId('endpoint-panel').waitFor();
  await endpoint.getByTestId('send-test').click();
  await endpoint.getByTestId('test-sent').waitFor();
  const hook = await eventually(() => received.find(r => r.body.includes('webhook.test')), 20_000, 'the test event at the receiver');
  const signed = createHmac('sha256', Buffer.from(signingSecret.replace(/^whsec_/, ''), 'base64'))
    .update(`${hook.headers['webhook-id']}.${hook.headers['webhook-timestamp']}.${hook.body}`).digest('base64');
  assert.ok(hook.headers['webhook-signature'].split(' ').includes(`v1,${signed}`), 'signed with the secret the page showed');
  const delivery = endpoint.getByTestId('delivery').filter({ hasText: 'webhook.test' });
  await delivery.getByTestId('delivery-status').filter({ hasText: 'succeeded' }).waitFor({ timeout: 20_000 });
  await delivery.locator('summary').click();
  await delivery.getByTestId('request-body').filter({ hasText: 'webhook.test' }).waitFor();
  await screenshot(page, 'RETURNIT_SCREENSHOT_DEVELOPERS');
  await endpoint.getByTestId('pause-endpoint').click();
  await endpoint.getByTestId('endpoint-status').filter({ hasText: 'paused' }).waitFor();
  await endpoint.getByTestId('pause-endpoint').click();
  await endpoint.getByTestId('endpoint-status').filter({ hasText: 'enabled' }).waitFor();

  // 6. a return link for a customer's order, which the customer uses; a driver picks the return up
  await section(page, 'Return links').click();
  const ref = unique('SO');
  await page.getByLabel('Customer\'s name').fill('Lena Link');
  const customerEmail = `${unique('lena')}@test.returnit.local`;
  await page.getByLabel('Customer\'s email').fill(customerEmail);
  await page.getByLabel('Your order reference').fill(ref);
  await page.locator('#link-0-sku').fill('JKT-77');
  await page.locator('#link-0-description').fill('Rain jacket');
  await page.locator('#link-0-category').fill('outerwear');
  await page.locator('#link-0-value').fill('129.00');
  await page.getByRole('button', { name: 'Add an item' }).click();
  await page.locator('#link-1-sku').fill('BT-12');
  await page.locator('#link-1-description').fill('Hiking boots');
  await page.locator('#link-1-category').fill('footwear');
  await page.locator('#link-1-value').fill('159.00');
  await page.getByTestId('create-link').click();
  const linkUrl = (await page.getByTestId('link-url').textContent()).trim();
  const linkToken = linkUrl.split('/').at(-1);
  await eventually(() => mails.some(m => m.to.includes(customerEmail) && m.body.includes(linkToken)), 30_000, 'the link emailed to the customer');
  const order = await customerUsesTheLink(linkToken, place);
  await driverPicksUp(driver, order);
  await page.reload();
  await page.getByTestId('link-row').filter({ hasText: ref }).getByTestId('link-status').filter({ hasText: 'Used' }).waitFor();

  // 7. the return in the list (found by the order reference), its detail, and the statement's line
  await section(page, 'Returns').click();
  await page.locator('#filter-ref').fill(ref);
  await page.getByTestId('apply-filters').click();
  await page.getByTestId('return-row').filter({ hasText: 'Lena Link' }).getByRole('link').click();
  await page.getByTestId('order-status').filter({ hasText: 'Picked up' }).waitFor();
  await page.getByTestId('timeline').locator('li').nth(1).waitFor();
  // the driver's photo, fetched with the member's token (proof files are not public)
  await page.getByTestId('proof-files').getByRole('img', { name: /Photo of JKT-77/ }).waitFor();
  assert.match(await page.getByTestId('proof-files').getByRole('img').first().getAttribute('src'), /^blob:/);
  await page.goBack();
  const exported = await downloaded(page, 'export-csv');
  assert.match(exported.name, /^returns-.*\.csv$/);
  assert.match(exported.text, /^order_id,created_at,status,customer_name,customer_email,merchant_order_ref/);
  assert.equal(exported.text.trim().split('\n').length, 2, 'the export holds exactly the filtered list');
  assert.ok(exported.text.includes(order.id) && exported.text.includes(ref));
  await section(page, 'Billing').click();
  await page.getByTestId('statement').waitFor();
  await page.getByTestId('statement-line').filter({ hasText: order.id.slice(0, 8) }).waitFor();
  const statement = await call('GET', `/v1/merchants/${merchant.id}/statements/${new Date().toISOString().slice(0, 7)}`, key);
  const shownTotal = (await page.getByTestId('statement-total').textContent()).replace(/[^\d]/g, '');
  assert.equal(Number(shownTotal), statement.body.totalCents, 'the total shown is the ledger\'s, to the cent');
  const pdf = await downloaded(page, 'statement-pdf');
  assert.equal(pdf.name, `statement-${new Date().toISOString().slice(0, 7)}.pdf`);
  assert.ok(pdf.text.startsWith('%PDF-'), 'a real PDF');
  const csv = await downloaded(page, 'statement-csv');
  assert.ok(csv.text.includes(order.id), 'the CSV statement has the return\'s line');

  await section(page, 'Overview').click();
  await page.getByRole('button', { name: 'Last 7 days' }).click();
  await page.waitForFunction(() => Number(document.querySelector('[data-testid=metric-orders]')?.textContent) >= 1);
  await page.getByTestId('refused-reasons').waitFor();
  assert.equal(await page.getByTestId('metric-refused').textContent(), '1', 'the refused boots are counted');
  await page.getByTestId('chart-per-day').waitFor();
  await screenshot(page, 'RETURNIT_SCREENSHOT_OVERVIEW');

  // 8. branding: a colour and a logo, which the customers' public pages get
  await section(page, 'Branding').click();
  await page.getByLabel('Colour (#rrggbb)').fill('#1a73e8');
  await page.getByTestId('save-colour').click();
  await page.getByText('Saved.').waitFor();
  await page.getByLabel('New logo').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: PNG });
  await page.getByTestId('upload-logo').click();
  await page.getByTestId('current-logo').waitFor();
  const brand = (await call('GET', `/v1/merchants?query=${encodeURIComponent(merchant.name)}`)).body.data.find(m => m.id === merchant.id);
  assert.equal(brand.brandColor, '#1a73e8');
  assert.match(brand.logoUrl, new RegExp(`^/v1/merchants/${merchant.id}/logo`));

  // 9. the admin invites a support member in the Team page, then logs out
  await section(page, 'Team').click();
  const supportEmail = `${unique('portal-support')}@test.returnit.local`;
  await page.locator('#invite-email').fill(supportEmail);
  await page.locator('#invite-role').selectOption('support');
  await page.getByTestId('invite').click();
  await page.getByText('Invitation sent.').waitFor();
  await page.getByTestId('logout').click();
  await page.getByRole('heading', { name: 'Merchant portal' }).waitFor();

  // 10. the support member: no Developers, Billing, Team or Branding; their addresses are not found; the API says 403
  const supportSecret = await acceptAndEnrol(page, await invitationToken(supportEmail), 'Sam Support');
  await section(page, 'Returns').waitFor();
  for (const name of ['Developers', 'Billing', 'Team', 'Branding']) {
    assert.equal(await section(page, name).count(), 0, `support does not see ${name}`);
  }
  await page.goto(`${baseUrl()}/merchant/developers`);
  await page.getByRole('heading', { name: 'Page not found' }).waitFor();
  await page.goto(`${baseUrl()}/merchant/rules`);
  await page.getByText('Only your team\'s admins can change the return rules.').waitFor();
  assert.equal(await page.locator('#window-days').isDisabled(), true, 'support reads the rules only');

  // the code just used for enrolment is spent: log in with the next one (one step of drift is accepted)
  const login = await call('POST', '/v1/auth/token', null, { email: supportEmail, password: PASSWORD, code: totp(supportSecret, Date.now() + 30_000) });
  assert.equal(login.status, 200, JSON.stringify(login.body));
  for (const path of [`/v1/merchants/${merchant.id}/api-keys`, '/v1/webhook-endpoints', `/v1/merchants/${merchant.id}/statements/${new Date().toISOString().slice(0, 7)}`]) {
    const response = await fetch(baseUrl() + path, { headers: { Authorization: `Bearer ${login.body.accessToken}`, Accept: 'application/json' } });
    assert.equal(response.status, 403, `support on ${path}`);
    assert.match(response.headers.get('content-type'), /application\/problem\+json/);
  }
  const orders = await call('GET', `/v1/orders?merchantOrderRef=${encodeURIComponent(ref)}`, login.body.accessToken);
  assert.equal(orders.status, 200, 'support reads the returns');
  await done(page);
});
