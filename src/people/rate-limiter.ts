/** What a rate limiter says about a key: whether one more is allowed, and if not, in how many seconds. */
export interface RateLimitState {
  readonly limited: boolean;
  readonly retryAfterSeconds: number;
}

// Past this many keys the oldest windows are dropped first, so that a flood of addresses cannot exhaust memory.
const maxKeys = 50_000;

/**
 * Counts events per key (a client address, an email) in fixed windows, in this process only: each instance
 * behind a load balancer counts for itself, so the effective limit is the limit times the instances. The
 * per-account lockout, which matters more, is in the database and holds across instances.
 */
export class RateLimiter {
  private readonly windows = new Map<string, { count: number; endsAt: number }>();

  constructor(
    readonly limit: number,
    readonly windowSeconds: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Whether the key has used up its limit in the current window (without counting this look). */
  state(key: string): RateLimitState {
    const window = this.current(key);
    if (!window || window.count < this.limit) return { limited: false, retryAfterSeconds: 0 };
    return { limited: true, retryAfterSeconds: Math.max(1, Math.ceil((window.endsAt - this.now()) / 1000)) };
  }

  /** Counts one event for the key. */
  record(key: string): void {
    const window = this.current(key);
    if (window) {
      window.count += 1;
      return;
    }
    if (this.windows.size >= maxKeys) this.prune();
    this.windows.set(key, { count: 1, endsAt: this.now() + this.windowSeconds * 1000 });
  }

  /** Counts one event and says whether it was over the limit (for events that are all counted). */
  take(key: string): RateLimitState {
    const before = this.state(key);
    if (before.limited) return before;
    this.record(key);
    return before;
  }

  private current(key: string) {
    const window = this.windows.get(key);
    if (window && window.endsAt <= this.now()) {
      this.windows.delete(key);
      return undefined;
    }
    return window;
  }

  private prune(): void {
    const now = this.now();
    for (const [key, window] of this.windows) if (window.endsAt <= now) this.windows.delete(key);
    // Still full: forget the oldest (Map keeps insertion order).
    for (const key of this.windows.keys()) {
      if (this.windows.size < maxKeys) break;
      this.windows.delete(key);
    }
  }
}
