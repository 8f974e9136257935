/**
 * A throttle gate shared by every client of one service in a run: when the service answers 429 with
 * Retry-After (ARM) or X-RateLimit-Reset (Auth0), every request to it waits until then, so a fleet run
 * slows down as a whole instead of each environment retrying into the limit and failing.
 */
import type { PipelinePolicy } from '@azure/core-rest-pipeline';

export class ThrottleGate {
  private until = 0;
  /** How many times the service throttled us (for reports and benchmarks). */
  throttled = 0;

  async wait(): Promise<void> {
    for (;;) {
      const ms = this.until - Date.now();
      if (ms <= 0) return;
      await new Promise((r) => setTimeout(r, ms));
    }
  }

  block(ms: number): void {
    this.throttled++;
    const until = Date.now() + Math.min(Math.max(ms, 100), 60_000);
    if (until > this.until) this.until = until;
  }

  /** For Azure SDK pipelines: runs on every attempt (after the retry policy). */
  policy(): PipelinePolicy {
    return {
      name: 'auth0EventGridThrottleGate',
      sendRequest: async (request, next) => {
        await this.wait();
        const response = await next(request);
        if (response.status === 429) {
          const retryAfter = Number(response.headers.get('retry-after'));
          this.block(Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : 1000);
        }
        return response;
      },
    };
  }

  /** For fetch-based clients (Auth0): waits before each request, learns from 429 answers. */
  fetch(base: typeof fetch = globalThis.fetch): typeof fetch {
    return (async (input: any, init?: any) => {
      await this.wait();
      const res = await base(input, init);
      if (res.status === 429) {
        const retryAfter = Number(res.headers.get('retry-after'));
        const reset = Number(res.headers.get('x-ratelimit-reset'));
        this.block(retryAfter > 0 ? retryAfter * 1000 : reset > 0 ? reset * 1000 - Date.now() : 1000);
      }
      return res;
    }) as typeof fetch;
  }
}
