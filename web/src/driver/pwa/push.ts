import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { anonymous, api, call } from '../../api/client';
import { driverKeys } from '../data';

/**
 * Offers by Web Push while ReturnIt is in the background: this browser subscribes with the service's VAPID key
 * (`GET /v1/push/vapid-public-key`) and the subscription is stored for the driver
 * (`POST /v1/drivers/me/push-subscriptions`, the body of PushSubscription.toJSON()). The service worker (sw.js) shows
 * each pushed offer as a notification that opens the app. Needs the installed service worker (a built app, not the
 * dev server) and the person's permission for notifications.
 */
export type PushState = 'unsupported' | 'off' | 'on' | 'blocked' | 'working';

export function pushSupported(): boolean {
  return import.meta.env.PROD && 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;
}

/** The VAPID public key (base64url) as the bytes PushManager.subscribe takes. */
export function applicationServerKey(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = base64url.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(base64url.length / 4) * 4, '=');
  const bytes = new Uint8Array(new ArrayBuffer(atob(base64).length));
  [...atob(base64)].forEach((c, i) => (bytes[i] = c.charCodeAt(0)));
  return bytes;
}

async function registration(): Promise<ServiceWorkerRegistration> {
  return navigator.serviceWorker.ready;
}

/** Asks for permission, subscribes this browser and stores the subscription for the driver. */
export async function subscribeToOffers(): Promise<void> {
  if ((await Notification.requestPermission()) !== 'granted') throw new Error('Notifications are blocked for ReturnIt.');
  const { publicKey } = await call(anonymous.GET('/v1/push/vapid-public-key'));
  if (!publicKey) throw new Error('The service has no push key.');
  const reg = await registration();
  // the browser's push service (its vendor's) may not answer, e.g. without a connection to it: give up after 20 s
  const subscription = (await reg.pushManager.getSubscription())
    ?? (await Promise.race([
      reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: applicationServerKey(publicKey) }),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('The browser\'s push service did not answer. Try again later.')), 20_000)),
    ]));
  const json = subscription.toJSON() as { endpoint: string; expirationTime?: number | null; keys: { p256dh: string; auth: string } };
  await call(api.POST('/v1/drivers/me/push-subscriptions', {
    body: { endpoint: json.endpoint, keys: json.keys, ...(json.expirationTime ? { expirationTime: json.expirationTime } : {}) },
    headers: { 'Idempotency-Key': `push-${json.keys.auth}` },
  }));
}

/** Whether this browser gets offers by push, and the way to turn it on. */
export function usePush(): { state: PushState; error: string | null; turnOn: () => void } {
  const [state, setState] = useState<PushState>(() => (pushSupported() ? 'off' : 'unsupported'));
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!pushSupported()) return;
    if (Notification.permission === 'denied') {
      setState('blocked');
      return;
    }
    void registration().then(reg => reg.pushManager.getSubscription()).then(sub => setState(sub && Notification.permission === 'granted' ? 'on' : 'off'));
  }, []);
  return {
    state,
    error,
    turnOn: () => {
      setState('working');
      setError(null);
      subscribeToOffers().then(() => setState('on'), failure => {
        setState(Notification.permission === 'denied' ? 'blocked' : 'off');
        setError(failure instanceof Error ? failure.message : 'Push could not be turned on.');
      });
    },
  };
}

/**
 * What the service worker passes on of a push (sw.js) while the app is open: a job or an offer for this driver, so
 * the app asks for its jobs or offers at once instead of at its next refresh.
 */
export function usePushedRefresh(): void {
  const client = useQueryClient();
  useEffect(() => {
    if (!('serviceWorker' in navigator)) return;
    const heard = (event: MessageEvent) => {
      const data = event.data as { type?: string; message?: { type?: string } } | null;
      if (data?.type !== 'push') return;
      void client.invalidateQueries({ queryKey: data.message?.type === 'offer' ? driverKeys.offers : driverKeys.jobs });
    };
    navigator.serviceWorker.addEventListener('message', heard);
    return () => navigator.serviceWorker.removeEventListener('message', heard);
  }, [client]);
}

/** Closes the notification with this tag, if the browser shows one (an offer answered in the app needs none). */
export function closeNotifications(tag: string): void {
  if (!pushSupported()) return;
  void navigator.serviceWorker.getRegistration('/driver')
    .then(reg => reg?.getNotifications({ tag }))
    .then(shown => shown?.forEach(notification => notification.close()))
    .catch(() => undefined);
}
