/**
 * Web Push for offers while the app is in the background: the service's VAPID key (`GET /v1/push/vapid-public-key`)
 * and the driver's subscription (`POST /v1/drivers/me/push-subscriptions`). Those endpoints are being added to the
 * service; until its OpenAPI document lists them, `pushAvailable` is false and the app asks for nothing. The service
 * worker (sw.js) already shows a pushed offer as a notification and opens /driver when it is tapped.
 */
export function pushAvailable(): boolean {
  return false;
}

/** Subscribes this browser for the signed-in driver; to be wired once the endpoints exist. */
export async function subscribeToOffers(): Promise<never> {
  throw new Error('Push notifications are not available on this service yet.');
}

/** The VAPID public key (base64url) as the bytes PushManager.subscribe takes. */
export function applicationServerKey(base64url: string): Uint8Array {
  const base64 = base64url.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(base64url.length / 4) * 4, '=');
  return Uint8Array.from(atob(base64), c => c.charCodeAt(0));
}
