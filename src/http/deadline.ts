/**
 * Deadlines for reading request bodies, which nearly always arrive in time. A timer per request
 * (`setTimeout`, then `clearTimeout`) was the largest single cost the adapters added to a
 * delivery: about 12,000 instructions per request on Node 20, 6% of a bare `node:http` route that
 * reads and parses the same body (`valgrind --tool=callgrind`, 8,000 requests). A shared clock
 * whose pending reads sat in a `Set` still cost about 5% of that route's CPU time (the
 * `bench:http` harness); so here the reads with the same time limit share one interval timer,
 * which runs only while reads are pending, and starting and cancelling a read each change a few
 * links of a list.
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

/** What a deadline expires. */
export interface Expiring {
  expire(): void;
}

/**
 * A body read with a time limit. A read extends it, and the shared clock links the read itself
 * into its list of pending reads: a separate list node per read cost 1.2% of a bare `node:http`
 * route's CPU time per request (bench/README.md, 2026-12-08). The fields are the clock's.
 */
export abstract class TimedRead implements Expiring {
  nextPending: TimedRead | null = null;
  previousPending: TimedRead | null = null;
  expiresAtTick = 0;
  /** The clock whose list holds this read, while its deadline is pending. */
  pendingOn: { unlink(read: TimedRead): void } | null = null;
  /** The read's own timer, on Cloudflare Workers, while its deadline is pending. */
  ownTimer: ReturnType<typeof setTimeout> | undefined = undefined;

  /** Called once when the time limit passes before {@link TimedRead.cancelDeadline}. */
  abstract expire(): void;

  /** Calls {@link TimedRead.expire} once `timeoutMs` have passed (up to two ticks more), unless cancelled first. */
  startDeadline(timeoutMs: number): void {
    if (ownTimers) this.ownTimer = setTimeout(() => this.expire(), timeoutMs);
    else clockFor(timeoutMs).link(this);
  }

  /** Cancels a pending deadline; does nothing once it has expired or been cancelled. */
  cancelDeadline(): void {
    if (this.pendingOn !== null) this.pendingOn.unlink(this);
    else if (this.ownTimer !== undefined) clearTimeout(this.ownTimer);
    this.ownTimer = undefined;
  }
}

/** Cloudflare Workers tie a timer to the request that set it, so there each read keeps its own. */
const ownTimers = isCloudflareWorkers();

/**
 * The reads that share one time limit, in the order they began (so also in the order they
 * expire), and the interval timer that expires them. Time is counted in the timer's ticks, so
 * starting a read reads no clock. The reads are a doubly linked list: starting a read links it
 * last, cancelling it unlinks it, and a tick looks only at the first reads, those due.
 *
 * An array swept at each tick, with cancelled reads dropped there, cost as much per request
 * but kept every finished read alive until the next tick: at 28,000 requests a second, about
 * 2 MB a second survived the young generation and had to be copied and promoted
 * (`node --trace-gc`: old space grew from 10 to 31 MB in 11 s of load, scavenges took 40% longer
 * than the bare route's). Unlinked at once, a finished read dies young, as a bare route's garbage does.
 */
class SharedClock {
  private first: TimedRead | null = null;
  private last: TimedRead | null = null;
  /** Ticks from a read's start to its expiry: at least `timeoutMs` whatever the tick's phase. */
  private readonly ticksToExpiry: number;
  private ticks = 0;
  private timer: ReturnType<typeof setInterval> | undefined = undefined;

  constructor(
    private readonly tickMs: number,
    readonly timeoutMs: number,
  ) {
    // One tick more than the limit covers the phase of the first tick; one millisecond more covers
    // timers firing up to a millisecond before the time they were set for (libuv's clock is in ms).
    this.ticksToExpiry = Math.ceil((timeoutMs + 1) / tickMs) + 1;
  }

  link(read: TimedRead): void {
    if (read.pendingOn !== null) read.pendingOn.unlink(read);
    read.pendingOn = this;
    read.expiresAtTick = this.ticks + this.ticksToExpiry;
    read.previousPending = this.last;
    if (this.last === null) this.first = read;
    else this.last.nextPending = read;
    this.last = read;
    if (this.timer === undefined) {
      // Not unref'd: like the timer per read it replaces, it keeps the process alive while a read
      // is pending (a handler called without a server, a stalled body), and stops after that.
      this.timer = setInterval(() => this.tick(), this.tickMs);
    }
  }

  unlink(read: TimedRead): void {
    const { previousPending: previous, nextPending: next } = read;
    if (previous === null) this.first = next;
    else previous.nextPending = next;
    if (next === null) this.last = previous;
    else next.previousPending = previous;
    read.previousPending = null;
    read.nextPending = null;
    read.pendingOn = null;
  }

  private tick(): void {
    this.ticks++;
    // Every read has the same limit, so the first read not yet due is followed by none that is.
    for (let read = this.first; read !== null && read.expiresAtTick <= this.ticks; read = this.first) {
      this.unlink(read);
      try {
        read.expire();
      } catch {
        // The readers' expiry handlers do not throw; one that did must not keep the rest waiting.
      }
    }
    // Stopped once a tick finds nothing pending; the next read starts it again.
    if (this.first === null && this.timer !== undefined) {
      clearInterval(this.timer);
      this.timer = undefined;
    }
  }
}

const clocks = new Map<number, SharedClock>();

/**
 * The clock of the latest read. Most processes have one time limit, and the `Map` lookup per read
 * it saves was 0.8% of a bare `node:http` route's CPU time per request (bench/README.md).
 */
let latestClock: SharedClock | undefined;

const clockFor = (timeoutMs: number): SharedClock => {
  if (latestClock !== undefined && latestClock.timeoutMs === timeoutMs) return latestClock;
  let clock = clocks.get(timeoutMs);
  if (clock === undefined) {
    // A whole number of milliseconds: Node runs an interval of a fractional period early.
    clock = new SharedClock(Math.min(Math.max(Math.floor(timeoutMs / 10), 5), 1000), timeoutMs);
    // Bounded: time limits come from the adapters' options, a handful per process.
    if (clocks.size < 64) clocks.set(timeoutMs, clock);
  }
  latestClock = clock;
  return clock;
};

/** A deadline for code that is not a {@link TimedRead} itself: a read of declared length. */
class DeadlineFor extends TimedRead implements ReadDeadline {
  constructor(private target: Expiring | undefined) {
    super();
  }

  expire(): void {
    const { target } = this;
    // Let go of the reader once expired, as once cancelled.
    this.target = undefined;
    target?.expire();
  }

  cancel(): void {
    this.target = undefined;
    this.cancelDeadline();
  }
}

/**
 * Calls `target.expire()` once `timeoutMs` milliseconds have passed (up to two ticks more), unless
 * the returned deadline is cancelled first.
 */
export const startDeadline = (timeoutMs: number, target: Expiring): ReadDeadline => {
  const deadline = new DeadlineFor(target);
  deadline.startDeadline(timeoutMs);
  return deadline;
};
