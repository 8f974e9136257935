/** Every request the services answered (admin calls excluded), for tests and benchmarks. */
import type { RequestLogEntry, ServiceName } from './http.js';

export class RequestLog {
  private entries: RequestLogEntry[] = [];
  private seq = 0;
  private readonly max = 200_000;

  push(e: RequestLogEntry): void {
    e.seq = ++this.seq;
    this.entries.push(e);
    if (this.entries.length > this.max) this.entries.splice(0, this.entries.length - this.max);
  }

  /** Entries after sequence number `since` (0: all kept), optionally of one service. */
  list(filter: { since?: number; service?: ServiceName; writesOnly?: boolean } = {}): RequestLogEntry[] {
    return this.entries.filter(
      (e) => e.seq > (filter.since ?? 0) && (!filter.service || e.service === filter.service) && (!filter.writesOnly || e.write),
    );
  }

  /** The sequence number of the last entry, to use as a `since` mark. */
  mark(): number {
    return this.seq;
  }

  clear(): void {
    this.entries = [];
  }
}
