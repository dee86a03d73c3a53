import { describe, expect, test } from 'vitest';
import { LiveStream, type StreamOptions } from './stream';

class FakeSocket {
  readyState = 0;
  sent: unknown[] = [];
  closed = false;
  onopen: ((event: unknown) => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onclose: ((event: unknown) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  constructor(readonly url: string) {}
  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  close() {
    this.closed = true;
  }
  opens() {
    this.readyState = 1;
    this.onopen?.({});
  }
  drops() {
    this.readyState = 3;
    this.onclose?.({});
  }
  says(event: object) {
    this.onmessage?.({ data: JSON.stringify(event) });
  }
}

function harness(token: string | null = 'tok') {
  const sockets: FakeSocket[] = [];
  const timers: { run: () => void; ms: number }[] = [];
  const options: StreamOptions = {
    url: (last, t) => `/v1/stream?access_token=${t}${last ? `&lastEventId=${last}` : ''}`,
    token: async () => token,
    open: url => {
      const socket = new FakeSocket(url);
      sockets.push(socket);
      return socket;
    },
    schedule: (run, ms) => timers.push({ run, ms }),
    cancel: () => undefined,
  };
  return { stream: new LiveStream(options), sockets, timers };
}

const settle = () => new Promise(resolve => setTimeout(resolve, 0));

describe('the live stream', () => {
  test('following an order connects and subscribes to it once open', async () => {
    const { stream, sockets } = harness();
    stream.follow('o-1');
    await settle();
    sockets[0]!.opens();
    expect(sockets[0]!.sent).toEqual([{ action: 'subscribe', orderId: 'o-1' }]);
    expect(stream.status).toBe('live');
  });

  test('after a drop it reconnects with lastEventId, resubscribes and asks pages to refetch', async () => {
    const { stream, sockets, timers } = harness();
    let refetches = 0;
    stream.onReconnect(() => refetches++);
    const heard: string[] = [];
    stream.listen(event => heard.push(event.type));
    stream.follow('o-1');
    await settle();
    sockets[0]!.opens();
    sockets[0]!.says({ id: '41', type: 'order.status', orderId: 'o-1', data: { status: 'assigned' } });
    sockets[0]!.says({ id: 'pos-9', type: 'driver.position', orderId: 'o-1', data: { lat: 1, lng: 2 } });
    sockets[0]!.drops();
    expect(stream.status).toBe('reconnecting');
    expect(timers[0]!.ms).toBe(1_000);
    timers[0]!.run();
    await settle();
    expect(sockets[1]!.url).toBe('/v1/stream?access_token=tok&lastEventId=41');
    sockets[1]!.opens();
    expect(sockets[1]!.sent).toEqual([{ action: 'subscribe', orderId: 'o-1' }]);
    expect(refetches).toBe(1);
    expect(heard).toEqual(['order.status', 'driver.position']);
  });

  test('the wait between attempts doubles up to 30 s while the service stays away', async () => {
    const { stream, sockets, timers } = harness();
    stream.follow('o-1');
    await settle();
    for (let i = 0; i < 7; i++) {
      sockets[i]!.drops();
      timers[i]!.run();
      await settle();
    }
    expect(timers.map(t => t.ms)).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000]);
  });

  test('the last page to stop following closes the connection', async () => {
    const { stream, sockets } = harness();
    const stopA = stream.follow('o-1');
    const stopB = stream.follow('o-1');
    await settle();
    sockets[0]!.opens();
    stopA();
    expect(sockets[0]!.closed).toBe(false);
    stopB();
    expect(sockets[0]!.closed).toBe(true);
    expect(sockets[0]!.sent).toContainEqual({ action: 'unsubscribe', orderId: 'o-1' });
    expect(stream.status).toBe('idle');
  });

  test('pages that follow at the same moment share one connection', async () => {
    const { stream, sockets } = harness();
    stream.follow('o-1');
    stream.follow('o-2');
    await settle();
    expect(sockets).toHaveLength(1);
    sockets[0]!.opens();
    expect(sockets[0]!.sent).toEqual([{ action: 'subscribe', orderId: 'o-1' }, { action: 'subscribe', orderId: 'o-2' }]);
  });

  test('operators follow every order with one subscription', async () => {
    const { stream, sockets } = harness();
    stream.followAll();
    await settle();
    sockets[0]!.opens();
    expect(sockets[0]!.sent).toEqual([{ action: 'subscribe', all: true }]);
  });

  test('operators watch the whole fleet, again after a reconnection, and the socket closes when nobody watches', async () => {
    const { stream, sockets, timers } = harness();
    const stop = stream.followFleet();
    await settle();
    sockets[0]!.opens();
    expect(sockets[0]!.sent).toEqual([{ action: 'subscribe', fleet: true }]);
    sockets[0]!.drops();
    timers.shift()!.run();
    await settle();
    sockets[1]!.opens();
    expect(sockets[1]!.sent).toEqual([{ action: 'subscribe', fleet: true }]);
    stop();
    expect(sockets[1]!.closed).toBe(true);
    expect(stream.status).toBe('idle');
  });

  test('when the signed-in person changes it reconnects with the new token and follows the same orders', async () => {
    const { stream, sockets } = harness();
    stream.follow('o-1');
    await settle();
    sockets[0]!.opens();
    stream.restart();
    await settle();
    expect(sockets[0]!.closed).toBe(true);
    expect(sockets).toHaveLength(2);
    sockets[1]!.opens();
    expect(sockets[1]!.sent).toEqual([{ action: 'subscribe', orderId: 'o-1' }]);
  });

  test('without a token it waits and tries again rather than connecting anonymously', async () => {
    const { stream, sockets, timers } = harness(null);
    stream.follow('o-1');
    await settle();
    expect(sockets).toHaveLength(0);
    expect(timers).toHaveLength(1);
  });
});
