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

// an offer pushed while the app is in the background (the service's OfferPayload): a notification that opens the app
self.addEventListener('push', event => {
  let offer = {};
  try {
    offer = event.data ? event.data.json() : {};
  } catch {
    offer = {};
  }
  const parts = [offer.pickupArea || 'Near you'];
  if (offer.itemsCount) parts.push(`${offer.itemsCount} ${offer.itemsCount === 1 ? 'item' : 'items'}`);
  if (offer.earnings) parts.push(new Intl.NumberFormat('en-GB', { style: 'currency', currency: offer.earnings.currency }).format(offer.earnings.amountCents / 100));
  event.waitUntil(self.registration.showNotification('New pickup offer', {
    body: `${parts.join(' · ')}. Open ReturnIt to answer within 30 seconds.`,
    tag: offer.offerId ? `offer-${offer.offerId}` : 'offer',
    renotify: true,
    requireInteraction: true,
    vibrate: [300, 120, 300],
    icon: '/driver-icon.svg',
    timestamp: offer.expiresAt ? Date.parse(offer.expiresAt) - 30_000 : Date.now(),
    data: { url: '/driver' },
  }));
});

self.addEventListener('notificationclick', event => {
  event.notification.close();
  event.waitUntil(self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then(windows => {
    const open = windows.find(client => new URL(client.url).pathname.startsWith('/driver'));
    return open ? open.focus() : self.clients.openWindow('/driver');
  }));
});
