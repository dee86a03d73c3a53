/**
 * Makes /driver an installable app: links the driver's web manifest (the other faces have none) and registers the
 * service worker scoped to /driver, which keeps the app shell for offline starts (see sw.js). Built only: the dev
 * server has no worker. Returns the cleanup for a React effect.
 */
export function installShell(): () => void {
  const link = document.createElement('link');
  link.rel = 'manifest';
  link.href = '/driver.webmanifest';
  document.head.appendChild(link);
  if (import.meta.env.PROD && 'serviceWorker' in navigator) {
    void navigator.serviceWorker.register('/driver-sw.js', { scope: '/driver' }).catch(() => undefined);
  }
  return () => link.remove();
}
