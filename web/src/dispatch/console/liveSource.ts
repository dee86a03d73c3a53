import type { ConsoleDriver, ConsoleOrder } from './model';

export interface Picture {
  orders: Map<string, ConsoleOrder>;
  drivers: Map<string, ConsoleDriver>;
}

/**
 * The console's live picture outside React: the map subscribes and redraws at most four times a second when drivers
 * moved (a driver sends a position a second: more redraws of thousands of markers would only cost frames); the
 * panels get a commit at once when orders changed and at most once a second when only drivers moved. That keeps the
 * work per second constant however many positions arrive (bench/web/dispatch-console.mjs).
 */
export class LiveSource {
  private picture: Picture = { orders: new Map(), drivers: new Map() };
  private readonly listeners = new Set<() => void>();
  private committer: ((picture: Picture) => void) | null = null;
  private committed = this.picture;
  private timer: ReturnType<typeof setTimeout> | null = null;

  private drawTimer: ReturnType<typeof setTimeout> | null = null;
  private drawn = this.picture;

  constructor(private readonly panelEveryMs = 1_000, private readonly mapEveryMs = 250) {}

  /** What the map draws (a moment behind the picture while positions are being throttled). */
  get = (): Picture => this.drawn;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Where the panels' commits go (React's setState). */
  onCommit(commit: (picture: Picture) => void): () => void {
    this.committer = commit;
    commit(this.picture);
    return () => {
      this.committer = null;
      if (this.timer !== null) clearTimeout(this.timer);
      this.timer = null;
    };
  }

  /** Changes the picture; `now` commits to the panels at once (else when orders changed, or within a second). */
  update(change: (current: Picture) => Picture, now = false): void {
    const next = change(this.picture);
    if (next === this.picture) return;
    this.picture = next;
    if (now || next.orders !== this.drawn.orders) this.draw();
    else this.drawTimer ??= setTimeout(() => this.draw(), this.mapEveryMs);
    if (now || next.orders !== this.committed.orders) this.commit();
    else this.timer ??= setTimeout(() => this.commit(), this.panelEveryMs);
  }

  private draw(): void {
    if (this.drawTimer !== null) clearTimeout(this.drawTimer);
    this.drawTimer = null;
    this.drawn = this.picture;
    this.listeners.forEach(listener => listener());
  }

  private commit(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.committed = this.picture;
    this.committer?.(this.picture);
  }
}
