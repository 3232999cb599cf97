/**
 * Deadlines for reading request bodies. A timer per request (`setTimeout`, then `clearTimeout`
 * when the body arrives, as it nearly always does) was the largest single cost the adapters added
 * to a delivery: about 12,000 instructions per request on Node 20, 6% of a bare `node:http` route
 * that reads and parses the same body (counted with `valgrind --tool=callgrind` over 8,000
 * requests). So the body reads with the same time limit share one interval timer, which runs only
 * while reads are pending, and a read that is cancelled costs a `Set` insertion and deletion.
 *
 * The price is precision: a read expires between `timeoutMs` and `timeoutMs` plus one tick (a
 * tenth of `timeoutMs`, within 5 ms to 1 s) after it began. Cloudflare Workers tie a timer to the
 * request that set it, so there each read keeps its own timer.
 *
 * @module
 */
import { isCloudflareWorkers } from './runtime.js';

/** A pending deadline: `cancel` before it expires and it never will. */
export interface Deadline {
  cancel(): void;
}

interface PendingRead {
  /** When it expires, in `performance.now()` milliseconds. */
  readonly at: number;
  readonly expire: () => void;
}

interface SharedClock {
  /** In insertion order, which is also deadline order: every read here has the same time limit. */
  readonly pending: Set<PendingRead>;
  readonly tickMs: number;
  timer: ReturnType<typeof setInterval> | undefined;
}

const clocks = new Map<number, SharedClock>();

const tick = (clock: SharedClock): void => {
  const now = performance.now();
  for (const read of clock.pending) {
    if (read.at > now) break;
    clock.pending.delete(read);
    read.expire();
  }
  // Stopped once a whole tick has passed with nothing pending; the next read starts it again.
  if (clock.pending.size === 0 && clock.timer !== undefined) {
    clearInterval(clock.timer);
    clock.timer = undefined;
  }
};

const clockFor = (timeoutMs: number): SharedClock => {
  let clock = clocks.get(timeoutMs);
  if (clock === undefined) {
    clock = { pending: new Set(), tickMs: Math.min(Math.max(timeoutMs / 10, 5), 1000), timer: undefined };
    // Bounded: time limits come from the adapters' options, a handful per process.
    if (clocks.size < 64) clocks.set(timeoutMs, clock);
  }
  return clock;
};

const onSharedClock = (timeoutMs: number, expire: () => void): Deadline => {
  const clock = clockFor(timeoutMs);
  const read: PendingRead = { at: performance.now() + timeoutMs, expire };
  clock.pending.add(read);
  if (clock.timer === undefined) {
    const timer = setInterval(tick, clock.tickMs, clock);
    // A pending read belongs to an open connection, which keeps the process alive by itself.
    (timer as { unref?: () => void }).unref?.();
    clock.timer = timer;
  }
  return { cancel: () => clock.pending.delete(read) };
};

const onOwnTimer = (timeoutMs: number, expire: () => void): Deadline => {
  const timer = setTimeout(expire, timeoutMs);
  return { cancel: () => clearTimeout(timer) };
};

/**
 * Calls `expire` once `timeoutMs` milliseconds have passed (up to a tick more), unless the returned
 * deadline is cancelled first.
 */
export const startDeadline: (timeoutMs: number, expire: () => void) => Deadline = isCloudflareWorkers()
  ? onOwnTimer
  : onSharedClock;
