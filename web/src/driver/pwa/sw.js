/*
 * The driver app's service worker, scoped to /driver (built by vite.config.ts, which fills in the release and the
 * app's files). It keeps the app shell so the app starts without a connection: the page (network first, the kept
 * copy when offline) and the hashed assets (kept at install, never changing). The API is never cached: what the
 * driver does offline waits in IndexedDB (queue/) and is sent by the page.
 */
const RELEASE = __RELEASE__;
const SHELL = __SHELL__;
const CACHE = `returnit-driver-${RELEASE}`;

self.addEventListener('install', event => {
  event.waitUntil(caches.open(CACHE).then(cache => cache.addAll(['/driver', ...SHELL])).then(() => self.skipWaiting()));
});

self.addEventListener('activate', event => {
  event.waitUntil(caches.keys()
    .then(names => Promise.all(names.filter(name => name.startsWith('returnit-driver-') && name !== CACHE).map(name => caches.delete(name))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', event => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname.startsWith('/v1/') || url.pathname.startsWith('/v3/')) return;
  if (request.mode === 'navigate') {
    event.respondWith(fetch(request).then(response => {
      if (response.ok) {
        const copy = response.clone();
        void caches.open(CACHE).then(cache => cache.put('/driver', copy));
      }
      return response;
    }).catch(() => caches.match('/driver').then(kept => kept ?? Response.error())));
    return;
  }
  if (url.pathname.startsWith('/assets/') || SHELL.includes(url.pathname)) {
    event.respondWith(caches.match(request).then(kept => kept ?? fetch(request).then(response => {
      if (response.ok) {
        const copy = response.clone();
        void caches.open(CACHE).then(cache => cache.put(request, copy));
      }
      return response;
    })));
  }
});

// a push from the service (push/internal: OfferPayload, JobPayload): the open app is told at once (it asks for its
// offers or jobs); an offer is also a notification (30 s to answer: the app's card closes it once on screen); a job an
// operator gave is a notification only when no app is on screen
self.addEventListener('push', event => {
  let message = {};
  try {
    message = event.data ? event.data.json() : {};
  } catch {
    message = {};
  }
  event.waitUntil(self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then(windows => {
    const apps = windows.filter(client => new URL(client.url).pathname.startsWith('/driver'));
    apps.forEach(client => client.postMessage({ type: 'push', message: { type: message.type, orderId: message.orderId, offerId: message.offerId } }));
    if (message.type === 'job' && apps.some(client => client.visibilityState === 'visible')) return undefined;
    return self.registration.showNotification(...notification(message));
  }));
});

const TIME = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' });

/** The title and options of the notification for a pushed offer or job (never the customer's address: lock screens show it). */
function notification(message) {
  const parts = [message.pickupArea || 'Near you'];
  if (message.itemsCount) parts.push(`${message.itemsCount} ${message.itemsCount === 1 ? 'item' : 'items'}`);
  const common = { renotify: true, vibrate: [300, 120, 300], icon: '/driver-icon.svg', data: { url: '/driver' } };
  if (message.type === 'job') {
    if (message.window) parts.push(`${TIME.format(new Date(message.window.start))}–${TIME.format(new Date(message.window.end))}`);
    return ['New job from dispatch', { ...common, body: `${parts.join(' · ')}. Open ReturnIt to see it.`,
      tag: `job-${message.orderId}`, timestamp: Date.now() }];
  }
  if (message.earnings) parts.push(new Intl.NumberFormat('en-GB', { style: 'currency', currency: message.earnings.currency }).format(message.earnings.amountCents / 100));
  return ['New pickup offer', { ...common, body: `${parts.join(' · ')}. Open ReturnIt to answer within 30 seconds.`,
    tag: message.offerId ? `offer-${message.offerId}` : 'offer', requireInteraction: true,
    timestamp: message.expiresAt ? Date.parse(message.expiresAt) - 30_000 : Date.now() }];
}

self.addEventListener('notificationclick', event => {
  event.notification.close();
  event.waitUntil(self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then(windows => {
    const open = windows.find(client => new URL(client.url).pathname.startsWith('/driver'));
    return open ? open.focus() : self.clients.openWindow('/driver');
  }));
});
