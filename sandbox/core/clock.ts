/**
 * The sandbox clock: real time plus an offset that tests advance (POST /_sandbox/clock).
 * Everything time-driven in the sandbox (authorization expiry, topic expiry, provider registration,
 * delayed partner-topic creation, long-running operations) reads this clock, and timed work is
 * scheduled on it: it runs when real time reaches it or when the clock is advanced past it.
 */
export class SandboxClock {
  private offsetMs = 0;
  private queue: { at: number; seq: number; fn: () => void }[] = [];
  private seq = 0;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  now(): number {
    return Date.now() + this.offsetMs;
  }

  date(): Date {
    return new Date(this.now());
  }

  iso(): string {
    return this.date().toISOString();
  }

  offset(): number {
    return this.offsetMs;
  }

  /** Moves the clock forward (never back) and runs whatever became due. */
  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError('the clock only moves forward');
    this.offsetMs += ms;
    this.runDue();
  }

  /** Sets the clock to an absolute time at or after now. */
  set(at: number): void {
    this.advance(Math.max(0, at - this.now()));
  }

  /** Runs `fn` once the sandbox clock reaches `at` (epoch ms on this clock). */
  at(at: number, fn: () => void): void {
    this.queue.push({ at, seq: this.seq++, fn });
    this.queue.sort((a, b) => a.at - b.at || a.seq - b.seq);
    this.arm();
  }

  /** Runs `fn` after `ms` of sandbox time. */
  after(ms: number, fn: () => void): void {
    this.at(this.now() + ms, fn);
  }

  /** Runs every task that is due now. Called by the servers before each request too. */
  runDue(): void {
    const now = this.now();
    while (this.queue.length && this.queue[0].at <= now) {
      const task = this.queue.shift()!;
      try {
        task.fn();
      } catch (err) {
        process.emitWarning(`sandbox clock task failed: ${(err as Error).message}`);
      }
    }
    this.arm();
  }

  private arm(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.stopped || !this.queue.length) return;
    const wait = Math.max(0, Math.min(this.queue[0].at - this.now(), 2 ** 31 - 1));
    this.timer = setTimeout(() => this.runDue(), wait);
    this.timer.unref();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.queue = [];
  }
}
