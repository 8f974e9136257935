/**
 * Adapter over the auth0 SDK's log-streams client (imported narrowly: `auth0/logStreams`), with the
 * SDK's own client-credentials token provider (its ManagementClient would bring the whole Management
 * API into the Action's bundle: about 860 KB minified, against 50 KB for these two). The SDK retries
 * API calls' 429 (honouring Retry-After and X-RateLimit-Reset) and 5xx; one retry layer here covers
 * what it does not: the token request and dropped connections. Errors that cannot heal (a name that
 * does not resolve, an untrusted certificate, 401/403) fail at once.
 */
import type { LogStreamsClient } from 'auth0/logStreams';
import type { TokenProvider } from 'auth0';
import type { LogsClient } from 'auth0/logs';
import { AUTH0_CREATED_ID_FIELD, AUTH0_STREAM_FAILURE_FIELD } from '../config/facts.js';
import { ServiceError, UNTRUSTED_CERTIFICATE_CODES } from '../azure/errors.js';
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

/** A failed token request (the SDK's TokenProvider does not retry it; `call` does, once per call). */
export class TokenRequestError extends ServiceError {
  constructor(status: number | undefined, code: string, message: string) {
    super('auth0', status, code, message);
    this.name = 'TokenRequestError';
  }
}

/**
 * Errors that cannot heal by trying again, answered at once: a name that does not resolve (a mistyped
 * auth0-domain), a certificate that is not trusted or not for that name, a refused connection.
 */
const PERMANENT_NETWORK_CODES = new Set(['ENOTFOUND', 'ECONNREFUSED', 'ERR_INVALID_URL', ...UNTRUSTED_CERTIFICATE_CODES]);

/**
 * Worth another attempt: no answer for a reason that can pass (a dropped connection, a timeout), or a
 * throttled or failing token endpoint (API calls' 429 and 5xx the SDK has retried already). Never
 * 4xx such as 401/403 (wrong credentials or scopes), never a permanent network error.
 */
export function transient(e: ServiceError): boolean {
  if (e.status === undefined) return !PERMANENT_NETWORK_CODES.has(e.code);
  return e instanceof TokenRequestError && (e.status === 429 || e.status === 408 || e.status >= 500);
}

export class Auth0Adapter {
  private tokens: TokenProvider;

  private client: LogStreamsClient;
  private logsClient?: LogsClient;

  private constructor(
    private opts: Auth0AdapterOptions,
    Client: typeof LogStreamsClient,
    Tokens: typeof TokenProvider,
  ) {
    this.tokens = new Tokens({
      domain: opts.domain,
      clientId: opts.clientId,
      clientSecret: opts.clientSecret,
      audience: `https://${opts.domain}/api/v2/`,
      fetch: opts.gate ? opts.gate.fetch(answeringFetch()) : answeringFetch(),
    } as unknown as ConstructorParameters<typeof TokenProvider>[0]);
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
    const { TokenProvider } = await import('auth0');
    return new Auth0Adapter(opts, LogStreamsClient, TokenProvider);
  }

  get audience(): string {
    return `https://${this.opts.domain}/api/v2/`;
  }

  /**
   * A Management API token from the client-credentials grant: the SDK's own TokenProvider (what its
   * ManagementClient uses for clientId/clientSecret; it caches the token and shares one request among
   * concurrent callers). Its failure is marked as the token's, so that `call` retries a throttled or
   * failing token endpoint — the one retry layer for it (the SDK retries API calls, not the token).
   */
  async accessToken(): Promise<string> {
    try {
      return await this.tokens.getAccessToken();
    } catch (err) {
      const e = fromAuth0Error(err);
      throw new TokenRequestError(e.status, e.code, e.status === undefined ? e.message : `The token request to https://${this.opts.domain}/oauth/token failed: ${e.message}`);
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
        if (!retryable || !transient(e) || attempt >= 4) throw e;
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
        if (!transient(e) || attempt >= 4) throw e;
        await sleep(300 * 2 ** attempt);
        const existing = (await this.list()).find((st) => st.name === body.name && st.type === 'eventgrid');
        if (existing) return existing;
      }
    }
  }

  async update(id: string, patch: { status?: 'active' | 'paused'; filters?: { type: 'category'; name: string }[]; isPriority?: boolean; name?: string }): Promise<LogStream> {
    return this.call(async () => (await this.client.update(id, patch as any)) as unknown as LogStream);
  }

  /**
   * The earliest record in the tenant's logs (within Auth0's retention) of a failed delivery to the
   * stream: Auth0 logs one when a record could not be sent after its retries. Needs read:logs.
   */
  async firstDeliveryFailure(streamId: string): Promise<{ date: string; failedRecordDate?: string } | undefined> {
    const logs = await this.logs();
    const q = `${AUTH0_STREAM_FAILURE_FIELD}:"${streamId}"`;
    const page = await this.call(() => logs.list({ search: q, sort: 'date:1', per_page: 1, page: 0, include_totals: true }, { queryParams: { q } }));
    const first = (page as unknown as { data: { date?: string; details?: { log_id?: unknown } }[] }).data?.[0];
    if (!first?.date) return undefined;
    // The record that failed (details.log_id) was written before its failure was logged, after Auth0's retries.
    const failedId = first.details?.log_id;
    let failedRecordDate: string | undefined;
    if (typeof failedId === 'string' && failedId) {
      try {
        const failed = (await this.call(() => logs.get(failedId))) as unknown as { date?: string };
        if (failed?.date) failedRecordDate = new Date(failed.date).toISOString();
      } catch {
        // Out of retention or unreadable: the failure's own time, with a margin, stands in (see detectLostTopic).
      }
    }
    return { date: new Date(first.date).toISOString(), failedRecordDate };
  }

  /** When Auth0 logged the stream's creation (its `sapi` record, within retention), if found. Needs read:logs. */
  async streamCreatedAt(streamId: string): Promise<string | undefined> {
    const logs = await this.logs();
    const q = `type:sapi AND ${AUTH0_CREATED_ID_FIELD}:"${streamId}"`;
    const page = await this.call(() => logs.list({ search: q, sort: 'date:1', per_page: 1, page: 0, include_totals: true }, { queryParams: { q } }));
    const first = (page as unknown as { data: { date?: string }[] }).data?.[0];
    return first?.date ? new Date(first.date).toISOString() : undefined;
  }

  private async logs(): Promise<LogsClient> {
    if (!this.logsClient) {
      const { LogsClient } = await import('auth0/logs');
      this.logsClient = new LogsClient({
        baseUrl: `https://${this.opts.domain}/api/v2`,
        token: () => this.accessToken(),
        maxRetries: 4,
        timeoutInSeconds: 60,
        fetch: this.opts.gate ? this.opts.gate.fetch(answeringFetch()) : answeringFetch(),
      } as ConstructorParameters<typeof LogsClient>[0]);
    }
    return this.logsClient;
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
