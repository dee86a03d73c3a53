import { useEffect, useSyncExternalStore } from 'react';
import { accessToken, authState, onIdentityChange } from './auth';
import { keys, queryClient } from './query';
import { LiveStream, type LiveStatus, type StreamEvent, type StreamOptions } from './stream';

/** The app's one WebSocket, feeding the query cache (see stream.ts for its reconnection rules). */
export const liveStream = new LiveStream({
  url: (lastEventId, token) => {
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    const query = new URLSearchParams({ access_token: token });
    if (lastEventId) query.set('lastEventId', lastEventId);
    return `${scheme}//${location.host}/v1/stream?${query}`;
  },
  token: accessToken,
  // the browser's WebSocket is such a socket (its handlers take richer events than the stream reads)
  open: url => new WebSocket(url) as unknown as ReturnType<StreamOptions['open']>,
  schedule: (run, ms) => window.setTimeout(run, ms + Math.random() * 250),
  cancel: handle => window.clearTimeout(handle as number),
});

liveStream.listen((event: StreamEvent) => {
  if (!event.orderId) return;
  // a status, or a driver given or taken away (a driver's app drops a job reassigned to someone else at once)
  if (event.type === 'order.status' || event.type === 'order.driver') {
    void queryClient.invalidateQueries({ queryKey: keys.order(event.orderId) });
    void queryClient.invalidateQueries({ queryKey: keys.orders() });
  } else if (event.type === 'driver.position') {
    void queryClient.invalidateQueries({ queryKey: keys.tracking(event.orderId) });
  }
});

// back after a drop: what the pages show is refetched over REST before new events count (STYLE 18)
liveStream.onReconnect(() => void queryClient.invalidateQueries());

// another person (or nobody) now: nothing cached of the previous one stays, and the stream reconnects as the new one
onIdentityChange(() => {
  queryClient.clear();
  if (authState().status === 'anonymous') liveStream.stop();
  else liveStream.restart();
});

/** Follows the order while the component is shown; its queries refresh as events arrive. */
export function useLiveOrder(orderId: string | undefined): void {
  useLiveOrders(orderId ? [orderId] : []);
}

/** Follows each of the orders while the component is shown (a driver's open jobs). */
export function useLiveOrders(orderIds: string[]): void {
  const key = orderIds.join(',');
  useEffect(() => {
    const stops = key ? key.split(',').map(id => liveStream.follow(id)) : [];
    return () => stops.forEach(stop => stop());
  }, [key]);
}

/** Operators: follows every order; `onEvent` hears each event (for a feed of what happens). */
export function useLiveAll(onEvent?: (event: StreamEvent) => void): void {
  useEffect(() => {
    const stopFollowing = liveStream.followAll();
    const stopListening = onEvent ? liveStream.listen(onEvent) : () => undefined;
    return () => {
      stopListening();
      stopFollowing();
    };
  }, [onEvent]);
}

export function useLiveStatus(): LiveStatus {
  return useSyncExternalStore(
    listener => liveStream.onStatus(listener),
    () => liveStream.status,
    () => liveStream.status,
  );
}
