/**
 * Deadlines for reading request bodies, which nearly always arrive in time. A timer per request
 * (`setTimeout`, then `clearTimeout`) was the largest single cost the adapters added to a
 * delivery: about 12,000 instructions per request on Node 20, 6% of a bare `node:http` route that
 * reads and parses the same body (`valgrind --tool=callgrind`, 8,000 requests). A shared clock
 * whose pending reads sat in a `Set` still cost about 5% of that route's CPU time (the
 * `bench:http` harness); so here the reads with the same time limit share one interval timer,
 * which runs only while reads are pending, starting a read is an array push, cancelling it a
 * store, and each tick sweeps the array (within the harness's noise: 1.00×).
 *
 * The price is precision: a read expires between `timeoutMs` and `timeoutMs` plus two ticks and
 * a millisecond (a tick is a tenth of `timeoutMs` in whole milliseconds, within 5 ms to 1 s) after
 * it began, never earlier. Cloudflare Workers tie a timer to the request that set it, so there
 * each read keeps its own timer.
 *
 * @module
 */
import { isCloudflareWorkers } from './runtime.js';

/**
 * A body read's pending deadline: `cancel` before it expires and it never will. (Not timeout.ts's
 * `Deadline`, which is what became of a promise raced against a clock.)
 */
export interface ReadDeadline {
  cancel(): void;
}

/**
 * The reads that share one time limit, and the interval timer that expires them. Time is counted
 * in the timer's ticks, so starting a read reads no clock; a cancelled read is only marked, and
 * dropped at the next tick, so starting and cancelling a read cost an array push and a store.
 */
class SharedClock {
  /** Reads started since the last tick, and those still pending from before. */
  private reads: PendingRead[] = [];
  /** Ticks from a read's start to its expiry: at least `timeoutMs` whatever the tick's phase. */
  private readonly ticksToExpiry: number;
  private ticks = 0;
  private timer: ReturnType<typeof setInterval> | undefined = undefined;

  constructor(
    private readonly tickMs: number,
    timeoutMs: number,
  ) {
    // One tick more than the limit covers the phase of the first tick; one millisecond more covers
    // timers firing up to a millisecond before the time they were set for (libuv's clock is in ms).
    this.ticksToExpiry = Math.ceil((timeoutMs + 1) / tickMs) + 1;
  }

  start(expire: () => void): PendingRead {
    const read = new PendingRead(this.ticks + this.ticksToExpiry, expire);
    this.reads.push(read);
    if (this.timer === undefined) {
      // Not unref'd: like the timer per read it replaces, it keeps the process alive while a read
      // is pending (a handler called without a server, a stalled body), and stops after that.
      this.timer = setInterval(() => this.tick(), this.tickMs);
    }
    return read;
  }

  private tick(): void {
    this.ticks++;
    const reads = this.reads;
    this.reads = [];
    for (const read of reads) {
      const { expire } = read;
      if (expire === undefined) continue;
      if (read.expiresAtTick > this.ticks) this.reads.push(read);
      else {
        read.cancel();
        try {
          expire();
        } catch {
          // The readers' expiry handlers do not throw; one that did must not keep the rest waiting.
        }
      }
    }
    // Stopped once a tick finds nothing pending; the next read starts it again.
    if (this.reads.length === 0 && this.timer !== undefined) {
      clearInterval(this.timer);
      this.timer = undefined;
    }
  }
}

class PendingRead implements ReadDeadline {
  constructor(
    readonly expiresAtTick: number,
    /** `undefined` once cancelled or expired, so that the reader it would call is not kept alive. */
    public expire: (() => void) | undefined,
  ) {}

  cancel(): void {
    this.expire = undefined;
  }
}

const clocks = new Map<number, SharedClock>();

const onSharedClock = (timeoutMs: number, expire: () => void): ReadDeadline => {
  let clock = clocks.get(timeoutMs);
  if (clock === undefined) {
    // A whole number of milliseconds: Node runs an interval of a fractional period early.
    clock = new SharedClock(Math.min(Math.max(Math.floor(timeoutMs / 10), 5), 1000), timeoutMs);
    // Bounded: time limits come from the adapters' options, a handful per process.
    if (clocks.size < 64) clocks.set(timeoutMs, clock);
  }
  return clock.start(expire);
};

const onOwnTimer = (timeoutMs: number, expire: () => void): ReadDeadline => {
  const timer = setTimeout(expire, timeoutMs);
  return { cancel: () => clearTimeout(timer) };
};

/**
 * Calls `expire` once `timeoutMs` milliseconds have passed (up to two ticks more), unless the
 * returned deadline is cancelled first.
 */
export const startDeadline: (timeoutMs: number, expire: () => void) => ReadDeadline = isCloudflareWorkers()
  ? onOwnTimer
  : onSharedClock;
