import { lazy, Suspense, useEffect, useState, type ComponentProps } from 'react';

const DeliveryMap = lazy(() => import('./DeliveryMap').then(module => ({ default: module.DeliveryMap })));

/**
 * The delivery map, loaded once the page's text is on screen (when the browser is next idle): what happens is shown
 * first, the map a moment later, in a placeholder of its size so nothing moves.
 */
export function LazyDeliveryMap(props: ComponentProps<typeof DeliveryMap>) {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    if ('requestIdleCallback' in window) {
      const idle = window.requestIdleCallback(() => setReady(true), { timeout: 1_000 });
      return () => window.cancelIdleCallback(idle);
    }
    const later = globalThis.setTimeout(() => setReady(true), 200);
    return () => globalThis.clearTimeout(later);
  }, []);
  const placeholder = <div className="map-placeholder" aria-hidden="true" />;
  return ready ? <Suspense fallback={placeholder}><DeliveryMap {...props} /></Suspense> : placeholder;
}
