// A browser vendor's push service on 127.0.0.1, for the driver journey: it does what FCM does with a Web Push request
// from ReturnIt (checks the VAPID header of RFC 8292, decrypts the aes128gcm payload of RFC 8291 with the browser's
// keys, answers 201) and hands each message to the browser through `deliver` (the journey gives it to Chromium's
// service worker over the DevTools protocol, as Chrome does with a message from FCM). Headless Chromium cannot
// subscribe at a real push service: `subscription()` is what PushManager.subscribe would give the page instead.
import assert from 'node:assert/strict';
import { createECDH, createDecipheriv, createPublicKey, hkdfSync, randomBytes, verify } from 'node:crypto';
import { createServer } from 'node:http';

const b64url = buffer => Buffer.from(buffer).toString('base64url');

/** Starts the push service; `vapidPublicKey` is what GET /v1/push/vapid-public-key answers. */
export async function startPushService(vapidPublicKey) {
  const browser = createECDH('prime256v1');
  browser.generateKeys();
  const auth = randomBytes(16);
  const received = [];
  const delivered = [];
  const failures = [];
  let deliver = async () => undefined;

  const server = createServer((request, response) => {
    const chunks = [];
    request.on('data', chunk => chunks.push(chunk));
    request.on('end', async () => {
      try {
        assert.equal(request.method, 'POST');
        assert.equal(request.headers['content-encoding'], 'aes128gcm');
        assert.ok(Number(request.headers.ttl) > 0, 'a TTL');
        verifyVapid(request.headers.authorization, vapidPublicKey, origin());
        const payload = JSON.parse(decrypt(Buffer.concat(chunks), browser, auth).toString('utf8'));
        received.push({ payload, at: Date.now(), urgency: request.headers.urgency });
        response.writeHead(201).end();
        await deliver(payload);
        delivered.push(payload);
      } catch (error) {
        failures.push(error.message);
        if (!response.headersSent) response.writeHead(400).end();
      }
    });
  });
  await new Promise(resolve => server.listen(0, '127.0.0.1', resolve));
  const origin = () => `http://127.0.0.1:${server.address().port}`;

  return {
    /** What PushSubscription.toJSON() gives for this browser's subscription. */
    subscription: () => ({ endpoint: `${origin()}/push/driver-phone`, expirationTime: null,
      keys: { p256dh: b64url(browser.getPublicKey()), auth: b64url(auth) } }),
    /** Where each decrypted message goes next (the browser). */
    onMessage: handler => { deliver = handler; },
    received,
    /** The messages handed to the browser (after `deliver` finished). */
    delivered,
    failures,
    close: () => new Promise(resolve => server.close(resolve)),
  };
}

/** RFC 8292: `vapid t=<JWT>, k=<public key>`; the JWT is ES256 by that key, for this origin, not expired. */
function verifyVapid(header, vapidPublicKey, origin) {
  assert.ok(header?.startsWith('vapid '), `a vapid Authorization header (${header})`);
  const parts = Object.fromEntries(header.slice(6).split(',').map(part => part.trim().split(/=(.*)/s).slice(0, 2)));
  assert.equal(parts.k, vapidPublicKey, 'signed with the service\'s VAPID key');
  const [head, body, signature] = parts.t.split('.');
  const raw = Buffer.from(vapidPublicKey, 'base64url');
  const key = createPublicKey({ format: 'jwk', key: { kty: 'EC', crv: 'P-256', x: b64url(raw.subarray(1, 33)), y: b64url(raw.subarray(33, 65)) } });
  assert.ok(verify('sha256', Buffer.from(`${head}.${body}`), { key, dsaEncoding: 'ieee-p1363' }, Buffer.from(signature, 'base64url')), 'the JWT\'s signature');
  const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  assert.equal(claims.aud, origin, 'the JWT is for this push service');
  const now = Date.now() / 1000;
  assert.ok(claims.exp > now && claims.exp <= now + 24 * 3600, 'the JWT expires within a day');
}

/** RFC 8291/8188: one aes128gcm record, keyed from the sender's ephemeral key (the header's key id) and ours. */
function decrypt(body, browser, auth) {
  const salt = body.subarray(0, 16);
  const idLength = body[20];
  const senderKey = body.subarray(21, 21 + idLength);
  const record = body.subarray(21 + idLength);
  const shared = browser.computeSecret(senderKey);
  const info = Buffer.concat([Buffer.from('WebPush: info\0'), browser.getPublicKey(), senderKey]);
  const ikm = Buffer.from(hkdfSync('sha256', shared, auth, info, 32));
  const cek = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16));
  const nonce = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: nonce\0'), 12));
  const decipher = createDecipheriv('aes-128-gcm', cek, nonce);
  decipher.setAuthTag(record.subarray(record.length - 16));
  const padded = Buffer.concat([decipher.update(record.subarray(0, record.length - 16)), decipher.final()]);
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end--;
  assert.equal(padded[end], 2, 'the last record\'s delimiter');
  return padded.subarray(0, end);
}
