/**
 * ARM request accounting per subscription: the `x-ms-ratelimit-remaining-subscription-{reads,writes,deletes}`
 * headers (ARM's classic hourly budgets: 12,000 reads, 1,200 writes, 15,000 deletes) and, when
 * `settings.armRateLimitPerSecond` is set, 429 `SubscriptionRequestsThrottled` with `Retry-After` once a
 * subscription exceeds that many requests in a second of the sandbox clock.
 */
import { HttpError } from '../core/http.js';
import type { SandboxContext } from '../core/context.js';

export type RequestKind = 'reads' | 'writes' | 'deletes';

const HOURLY: Record<RequestKind, number> = { reads: 12_000, writes: 1_200, deletes: 15_000 };
const HOUR = 3_600_000;

interface Counter {
  hour: number;
  reads: number;
  writes: number;
  deletes: number;
  second: number;
  inSecond: number;
}

export function kindOf(method: string): RequestKind {
  if (method === 'GET' || method === 'HEAD') return 'reads';
  if (method === 'DELETE') return 'deletes';
  return 'writes';
}

const SINGULAR: Record<RequestKind, string> = { reads: 'read', writes: 'write', deletes: 'delete' };

export class ArmThrottle {
  private counters = new Map<string, Counter>();

  constructor(private ctx: SandboxContext) {}

  private counter(scopeKey: string, now: number): Counter {
    let c = this.counters.get(scopeKey);
    if (!c) {
      if (this.counters.size > 50_000) this.counters.clear();
      c = { hour: Math.floor(now / HOUR), reads: 0, writes: 0, deletes: 0, second: 0, inSecond: 0 };
      this.counters.set(scopeKey, c);
    }
    const hour = Math.floor(now / HOUR);
    if (c.hour !== hour) {
      c.hour = hour;
      c.reads = c.writes = c.deletes = 0;
    }
    return c;
  }

  /** Counts a request against the per-second limit; throws 429 once it is exceeded. */
  admit(subscriptionId: string, kind: RequestKind, actor: string): void {
    const limit = this.ctx.settings.armRateLimitPerSecond;
    if (!(limit > 0)) return;
    const now = this.ctx.clock.now();
    const c = this.counter(this.ctx.settings.armRateLimitScope === 'global' ? 'global' : `subscription:${subscriptionId.toLowerCase()}`, now);
    const second = Math.floor(now / 1000);
    if (c.second !== second) {
      c.second = second;
      c.inSecond = 0;
    }
    if (c.inSecond >= limit) {
      const untilNext = (second + 1) * 1000 - now;
      const wait = Math.max(this.ctx.settings.retryAfterSeconds, Math.ceil(untilNext / 1000), 1);
      throw new HttpError(
        429,
        'SubscriptionRequestsThrottled',
        `Number of '${SINGULAR[kind]}' requests for subscription '${subscriptionId}' actor '${actor}' exceeded. Please try again after '${wait}' seconds after additional tokens are available. Refer to https://aka.ms/arm-throttling`,
        { 'Retry-After': String(wait), [`x-ms-ratelimit-remaining-subscription-${kind}`]: '0' },
      );
    }
    c.inSecond++;
  }

  /** Records an answered request and returns the remaining-budget header for it. */
  record(scope: 'subscription' | 'tenant', scopeId: string, kind: RequestKind): [string, string] {
    const c = this.counter(`${scope}:${scopeId.toLowerCase()}`, this.ctx.clock.now());
    c[kind]++;
    return [`x-ms-ratelimit-remaining-${scope}-${kind}`, String(Math.max(0, HOURLY[kind] - c[kind]))];
  }
}
