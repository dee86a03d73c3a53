/**
 * The app's one live connection (`/v1/stream`, ADR 0010): pages follow orders (operators: all of them) and hear their
 * status changes and driver positions. On a drop it reconnects with a growing delay and `lastEventId`, so missed
 * status events are replayed; and it tells the pages to refetch what they show over REST, so nothing is stale after a
 * network blip. Written without React so its logic is tested on its own (stream.test.ts).
 */
export interface StreamEvent {
  id?: string;
  type: 'order.status' | 'driver.position' | 'fleet.positions' | 'subscribed' | 'error' | string;
  orderId?: string;
  data?: Record<string, unknown>;
  message?: string;
}

export type LiveStatus = 'idle' | 'connecting' | 'live' | 'reconnecting';

interface Socket {
  readyState: number;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: unknown) => void) | null;
  onerror: ((event: unknown) => void) | null;
  send(data: string): void;
  close(): void;
}

export interface StreamOptions {
  url(lastEventId: string | null, token: string): string;
  token(): Promise<string | null>;
  open(url: string): Socket;
  schedule(run: () => void, ms: number): unknown;
  cancel(handle: unknown): void;
}

const OPEN = 1;
const MAX_DELAY_MS = 30_000;

export class LiveStream {
  private socket: Socket | null = null;
  private readonly orders = new Map<string, number>();
  private allFollowers = 0;
  private fleetFollowers = 0;
  private readonly listeners = new Set<(event: StreamEvent) => void>();
  private readonly statusListeners = new Set<(status: LiveStatus) => void>();
  private readonly reconnectListeners = new Set<() => void>();
  private lastEventId: string | null = null;
  private delay = 1_000;
  private timer: unknown = null;
  private state: LiveStatus = 'idle';
  private everOpened = false;
  private connecting = false;

  constructor(private readonly options: StreamOptions) {}

  get status(): LiveStatus {
    return this.state;
  }

  /** Hears every event; returns the way to stop. */
  listen(listener: (event: StreamEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onStatus(listener: (status: LiveStatus) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  /** Called after every reconnection: refetch what the page shows. */
  onReconnect(listener: () => void): () => void {
    this.reconnectListeners.add(listener);
    return () => this.reconnectListeners.delete(listener);
  }

  /** Follows one order while the returned function is not called. */
  follow(orderId: string): () => void {
    const count = this.orders.get(orderId) ?? 0;
    this.orders.set(orderId, count + 1);
    if (count === 0) this.send({ action: 'subscribe', orderId });
    this.ensureOpen();
    return () => {
      const left = (this.orders.get(orderId) ?? 1) - 1;
      if (left > 0) {
        this.orders.set(orderId, left);
        return;
      }
      this.orders.delete(orderId);
      this.send({ action: 'unsubscribe', orderId });
      this.closeWhenUnused();
    };
  }

  /** Operators: every order's events. */
  followAll(): () => void {
    this.allFollowers += 1;
    if (this.allFollowers === 1) this.send({ action: 'subscribe', all: true });
    this.ensureOpen();
    return () => {
      this.allFollowers -= 1;
      this.closeWhenUnused();
    };
  }

  /** Operators: every on-shift driver's position, one `fleet.positions` message a second. */
  followFleet(): () => void {
    this.fleetFollowers += 1;
    if (this.fleetFollowers === 1) this.send({ action: 'subscribe', fleet: true });
    this.ensureOpen();
    return () => {
      this.fleetFollowers -= 1;
      this.closeWhenUnused();
    };
  }

  /** Reconnects now, keeping what is followed (the signed-in person changed: the socket's token is theirs no more). */
  restart(): void {
    const socket = this.socket;
    this.socket = null;
    socket?.close();
    if (this.timer !== null) {
      this.options.cancel(this.timer);
      this.timer = null;
    }
    if (this.wanted) void this.connect();
  }

  /** Closes for good (logging out). */
  stop(): void {
    this.orders.clear();
    this.allFollowers = 0;
    this.fleetFollowers = 0;
    this.closeWhenUnused();
  }

  private get wanted(): boolean {
    return this.orders.size > 0 || this.allFollowers > 0 || this.fleetFollowers > 0;
  }

  private ensureOpen(): void {
    if (this.socket || this.connecting || this.timer !== null || !this.wanted) return;
    void this.connect();
  }

  private async connect(): Promise<void> {
    this.setStatus(this.everOpened ? 'reconnecting' : 'connecting');
    this.connecting = true;
    const token = await this.options.token().catch(() => null);
    this.connecting = false;
    if (!this.wanted) {
      this.setStatus('idle');
      return;
    }
    if (!token) {
      this.retryLater();
      return;
    }
    const socket = this.options.open(this.options.url(this.lastEventId, token));
    this.socket = socket;
    socket.onopen = () => {
      const reconnected = this.everOpened;
      this.everOpened = true;
      this.delay = 1_000;
      this.setStatus('live');
      if (this.allFollowers > 0) this.send({ action: 'subscribe', all: true });
      if (this.fleetFollowers > 0) this.send({ action: 'subscribe', fleet: true });
      for (const orderId of this.orders.keys()) this.send({ action: 'subscribe', orderId });
      if (reconnected) this.reconnectListeners.forEach(listener => listener());
    };
    socket.onmessage = message => this.receive(message.data);
    socket.onerror = () => undefined;
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.socket = null;
      if (this.wanted) this.retryLater();
      else this.setStatus('idle');
    };
  }

  private retryLater(): void {
    this.setStatus('reconnecting');
    const wait = this.delay;
    this.delay = Math.min(this.delay * 2, MAX_DELAY_MS);
    this.timer = this.options.schedule(() => {
      this.timer = null;
      if (this.wanted) void this.connect();
      else this.setStatus('idle');
    }, wait);
  }

  private receive(raw: unknown): void {
    let event: StreamEvent;
    try {
      event = JSON.parse(String(raw)) as StreamEvent;
    } catch {
      return;
    }
    if (event.type === 'order.status' && event.id && /^\d+$/.test(event.id)) this.lastEventId = event.id;
    this.listeners.forEach(listener => listener(event));
  }

  private send(message: object): void {
    if (this.socket && this.socket.readyState === OPEN) this.socket.send(JSON.stringify(message));
  }

  private closeWhenUnused(): void {
    if (this.wanted) return;
    if (this.timer !== null) {
      this.options.cancel(this.timer);
      this.timer = null;
    }
    const socket = this.socket;
    this.socket = null;
    socket?.close();
    this.setStatus('idle');
  }

  private setStatus(status: LiveStatus): void {
    if (this.state === status) return;
    this.state = status;
    this.statusListeners.forEach(listener => listener(status));
  }
}
