/**
 * Azure's idea of "now", from the Date header of its answers. Expiry is decided by Azure's clock, so
 * authorization lengths and days-left are computed from it rather than from the runner's clock
 * (which may be skewed). Until an answer has been seen, the local clock is used.
 */
import type { PipelinePolicy } from '@azure/core-rest-pipeline';

export class ServerClock {
  private offsetMs = 0;
  private seen = false;

  observe(dateHeader: string | undefined, localMs = Date.now()): void {
    if (!dateHeader) return;
    const server = Date.parse(dateHeader);
    if (Number.isNaN(server)) return;
    // The header has one-second precision: keep the offset only when it is larger than that.
    const offset = server - localMs;
    this.offsetMs = Math.abs(offset) < 1500 ? 0 : offset;
    this.seen = true;
  }

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  get observed(): boolean {
    return this.seen;
  }

  policy(): PipelinePolicy {
    return {
      name: 'auth0EventGridServerClock',
      sendRequest: async (request, next) => {
        const response = await next(request);
        this.observe(response.headers.get('date'));
        return response;
      },
    };
  }
}
