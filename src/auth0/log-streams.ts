/**
 * Adapter over the auth0 SDK's log-streams client (imported narrowly: `auth0/logStreams`), with a
 * client-credentials token for the Management API. The SDK retries 429 (honouring Retry-After and
 * X-RateLimit-Reset) and 5xx; the token request retries the same way.
 */
import type { LogStreamsClient } from 'auth0/logStreams';
import { ServiceError } from '../azure/errors.js';
import type { ThrottleGate } from '../azure/gate.js';

export interface EventGridSink {
  azureSubscriptionId: string;
  azureRegion: string;
  azureResourceGroup: string;
  azurePartnerTopic?: string;
}

export interface LogStream {
  id: string;
  name: string;
  type: string;
  status: 'active' | 'paused' | 'suspended' | string;
  isPriority?: boolean;
  filters?: { type?: string; name?: string }[];
  sink: EventGridSink & Record<string, unknown>;
}

export interface Auth0AdapterOptions {
  domain: string;
  clientId: string;
  clientSecret: string;
  /** Shared by every Auth0 client of the run, so that rate limits slow the whole run down. */
  gate?: ThrottleGate;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The auth0 SDK arms a timeout timer for each request and clears it only when fetch resolves: when a
 * connection drops (fetch rejects), the timer stays armed and keeps the process alive until it fires,
 * so the Action lingered for a minute after its work was done. With this fetch a request that gets
 * no HTTP answer resolves instead, as a stand-in answer the SDK neither retries nor parses as
 * Auth0's (it throws it as a ManagementError); fromAuth0Error turns it back into "no answer" (no
 * status), which `call` and `create` retry as before. Aborts (the SDK's own timeout) still reject.
 */
const NO_ANSWER_STATUS = 499;
const NO_ANSWER = 'auth0EventGridNoAnswer';

export function answeringFetch(base: typeof fetch = globalThis.fetch): typeof fetch {
  return (async (input: Parameters<typeof fetch>[0], init?: RequestInit) => {
    try {
      return await base(input, init);
    } catch (err) {
      if (init?.signal?.aborted) throw err;
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      const cause = (err as any)?.cause;
      const body = { [NO_ANSWER]: true, code: cause?.code ?? 'RequestFailed', message: `Could not reach ${url.split('?')[0]}: ${cause?.message ?? (err as Error)?.message ?? String(err)}` };
      return new Response(JSON.stringify(body), { status: NO_ANSWER_STATUS, headers: { 'content-type': 'application/json' } });
    }
  }) as typeof fetch;
}

/** Turns an auth0 SDK error (ManagementError and its subclasses) or a token error into a ServiceError. */
export function fromAuth0Error(err: unknown): ServiceError {
  if (err instanceof ServiceError) return err;
  const e = err as any;
  const body = e?.body && typeof e.body === 'object' ? e.body : undefined;
  // A request that got no answer (see answeringFetch): no HTTP status.
  if (body?.[NO_ANSWER]) return new ServiceError('auth0', undefined, String(body.code), String(body.message));
  const status: number | undefined = e?.statusCode ?? body?.statusCode;
  const code: string = body?.errorCode ?? body?.error ?? (status ? `HTTP${status}` : e?.cause?.code ?? 'RequestFailed');
  const message: string = body?.message ?? body?.error_description ?? e?.message ?? String(err);
  return new ServiceError('auth0', status, code, message.split('\n')[0]);
}

export class Auth0Adapter {
  private token?: { value: string; expiresAt: number };
  private pending?: Promise<string>;

  private client: LogStreamsClient;

  private constructor(
    private opts: Auth0AdapterOptions,
    Client: typeof LogStreamsClient,
  ) {
    this.client = new Client({
      baseUrl: `https://${opts.domain}/api/v2`,
      token: () => this.accessToken(),
      maxRetries: 4,
      timeoutInSeconds: 60,
      fetch: opts.gate ? opts.gate.fetch(answeringFetch()) : answeringFetch(),
    } as ConstructorParameters<typeof LogStreamsClient>[0]);
  }

  static async create(opts: Auth0AdapterOptions): Promise<Auth0Adapter> {
    const { LogStreamsClient } = await import('auth0/logStreams');
    return new Auth0Adapter(opts, LogStreamsClient);
  }

  get audience(): string {
    return `https://${this.opts.domain}/api/v2/`;
  }

  /** A Management API token from the client-credentials grant, cached until shortly before expiry. */
  async accessToken(): Promise<string> {
    if (this.token && this.token.expiresAt - 60_000 > Date.now()) return this.token.value;
    this.pending ??= this.fetchToken().finally(() => (this.pending = undefined));
    return this.pending;
  }

  private async fetchToken(): Promise<string> {
    const url = `https://${this.opts.domain}/oauth/token`;
    const body = JSON.stringify({
      grant_type: 'client_credentials',
      client_id: this.opts.clientId,
      client_secret: this.opts.clientSecret,
      audience: this.audience,
    });
    for (let attempt = 0; ; attempt++) {
      let res: Response;
      try {
        res = await (this.opts.gate?.fetch() ?? fetch)(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body, signal: AbortSignal.timeout(60_000) });
      } catch (err) {
        if (attempt < 4) {
          await sleep(500 * 2 ** attempt);
          continue;
        }
        throw new ServiceError('auth0', undefined, (err as any)?.cause?.code ?? 'RequestFailed', `Could not reach ${url}: ${(err as Error).message}`);
      }
      if ((res.status === 429 || res.status >= 500) && attempt < 4) {
        const reset = Number(res.headers.get('x-ratelimit-reset'));
        const retryAfter = Number(res.headers.get('retry-after'));
        const wait = retryAfter > 0 ? retryAfter * 1000 : reset > 0 ? Math.max(0, reset * 1000 - Date.now()) : 500 * 2 ** attempt;
        await sleep(Math.min(wait, 60_000));
        continue;
      }
      const text = await res.text();
      let json: any;
      try {
        json = JSON.parse(text);
      } catch {
        json = undefined;
      }
      if (!res.ok || !json?.access_token) {
        throw new ServiceError('auth0', res.status, json?.error ?? `HTTP${res.status}`, json?.error_description ?? json?.message ?? 'The token request failed.');
      }
      this.token = { value: json.access_token, expiresAt: Date.now() + (Number(json.expires_in) || 3600) * 1000 };
      return this.token.value;
    }
  }

  /**
   * Runs an SDK call; the SDK retries 429 and 5xx itself, and a dropped connection (no HTTP status)
   * is retried here with backoff, unless `retryable` is false.
   */
  private async call<T>(fn: () => Promise<T>, retryable = true): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await fn();
      } catch (err) {
        const e = fromAuth0Error(err);
        if (!retryable || e.status !== undefined || attempt >= 4) throw e;
        await sleep(300 * 2 ** attempt);
      }
    }
  }

  private shared?: Promise<LogStream[]>;

  /** The tenant's streams, read once per adapter: environments of one tenant share the read. */
  async listShared(): Promise<LogStream[]> {
    this.shared ??= this.list().catch((e) => {
      this.shared = undefined;
      throw e;
    });
    return this.shared;
  }

  async list(): Promise<LogStream[]> {
    return this.call(async () => (await this.client.list()) as unknown as LogStream[]);
  }

  async get(id: string): Promise<LogStream | undefined> {
    try {
      return await this.call(async () => (await this.client.get(id)) as unknown as LogStream);
    } catch (err) {
      if ((err as ServiceError).status === 404) return undefined;
      throw err;
    }
  }

  async create(body: { name: string; sink: EventGridSink; filters?: { type: 'category'; name: string }[]; isPriority?: boolean; startFrom?: string }): Promise<LogStream> {
    // A create is not blindly repeated: after a dropped connection the stream may exist already.
    for (let attempt = 0; ; attempt++) {
      try {
        return (await this.client.create({ type: 'eventgrid', ...body } as any)) as unknown as LogStream;
      } catch (err) {
        const e = fromAuth0Error(err);
        if (e.status !== undefined || attempt >= 4) throw e;
        await sleep(300 * 2 ** attempt);
        const existing = (await this.list()).find((st) => st.name === body.name && st.type === 'eventgrid');
        if (existing) return existing;
      }
    }
  }

  async update(id: string, patch: { status?: 'active' | 'paused'; filters?: { type: 'category'; name: string }[]; isPriority?: boolean; name?: string }): Promise<LogStream> {
    return this.call(async () => (await this.client.update(id, patch as any)) as unknown as LogStream);
  }

  /** Deletes the stream; one already gone counts as deleted. */
  async delete(id: string): Promise<void> {
    try {
      await this.call(() => this.client.delete(id));
    } catch (err) {
      if ((err as ServiceError).status !== 404) throw err;
    }
  }
}
