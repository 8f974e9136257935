/**
 * The sandbox's Auth0: one listener per tenant (domain `127.0.0.1:PORT`) serving
 *   - `POST /oauth/token` (client credentials for the Management API audience), logging seccft/feccft;
 *   - the Management API's log streams (`/api/v2/log-streams`, `/api/v2/log-streams/{id}`) as in
 *     specs/auth0/management-api-log-streams.openapi.json: bearer tokens, per-operation scopes,
 *     Auth0's error bodies and payload validation messages, `x-ratelimit-*` headers and 429s, and
 *     the partner side of `eventgrid` streams (partner topics created in Azure, see partner.ts);
 *   - `GET /.well-known/jwks.json` (the key its tokens are signed with).
 * Management API writes are logged as `sapi`, failures as `fapi`, throttled calls as `api_limit`.
 * Admin routes (on every listener, under /_sandbox/auth0/{tenant}/…) list and append log records
 * and show streams with their partner-side state.
 */
import { randomInt, randomUUID } from 'node:crypto';
import type { SandboxContext } from '../core/context.js';
import { HttpError, path, type Ctx, type Reply, type Route, type ServiceDef } from '../core/http.js';
import type { Auth0LogRecord, Auth0Tenant, ResourceGroup, Subscription } from '../core/state.js';
import { signJwt } from '../core/tokens.js';
import { LOG_CODES, LogRecordError, listLogs, writeLogRecord as writeRecord } from './logs.js';
import { checkPartnerTarget, createStreamTopic, findStreamTopic, partnerPath, streamChannelDeleted, topicResourceName, type EventGridSink } from './partner.js';
import { isChannelDeleted } from '../core/eventgrid.js';
import { SECRET_SINK_FIELDS, STREAM_STATUSES, STREAM_TYPES, createSchema, updateSchema, type StreamType } from './schemas.js';
import { isDateTime, payloadMessage, validate } from './validate.js';

export { LOG_CODES } from './logs.js';
export { AZURE_REGIONS, FILTER_CATEGORIES } from './schemas.js';
export { findStreamTopic, topicResourceName, partnerPath, topicSource } from './partner.js';

/** Token lifetime of Management API tokens (Auth0's default for the API). */
export const TOKEN_TTL_SECONDS = 86_400;
/** The `x-ratelimit-limit` sent when `auth0RateLimitPerSecond` is 0 (unlimited). */
export const NOMINAL_RATE_LIMIT = 50;

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  402: 'Payment Required',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** Required scope and the summary Auth0 uses as the log description, per operation. */
const OPERATIONS: Record<string, { scope: string; summary: string }> = {
  'log-streams.list': { scope: 'read:log_streams', summary: 'Get log streams' },
  'log-streams.create': { scope: 'create:log_streams', summary: 'Create a log stream' },
  'log-streams.get': { scope: 'read:log_streams', summary: 'Get log stream by ID' },
  'log-streams.update': { scope: 'update:log_streams', summary: 'Update a log stream' },
  'log-streams.delete': { scope: 'delete:log_streams', summary: 'Delete log stream' },
  'logs.list': { scope: 'read:logs', summary: 'Search log events' },
  'logs.get': { scope: 'read:logs', summary: 'Get a log event by id' },
};

const GRANT_TYPES = new Set([
  'client_credentials',
  'authorization_code',
  'refresh_token',
  'password',
  'http://auth0.com/oauth/grant-type/password-realm',
  'http://auth0.com/oauth/grant-type/passwordless/otp',
  'http://auth0.com/oauth/grant-type/mfa-oob',
  'http://auth0.com/oauth/grant-type/mfa-otp',
  'http://auth0.com/oauth/grant-type/mfa-recovery-code',
  'urn:ietf:params:oauth:grant-type:device_code',
  'urn:ietf:params:oauth:grant-type:token-exchange',
  'urn:ietf:params:oauth:grant-type:jwt-bearer',
  'urn:openid:params:grant-type:ciba',
]);

/** A Management API error: `errorCode` '' means the body has none. */
const apiError = (status: number, message: string, errorCode = '', headers: Record<string, string> = {}) => new HttpError(status, errorCode, message, headers);
/** A token endpoint error (`{error, error_description}`). */
const oauthError = (status: number, error: string, description: string) => new HttpError(status, error, description);

interface StreamMeta {
  /** Resource name of the partner topic Auth0 creates (eventgrid). */
  topicName?: string;
  /** Set once the topic was created. */
  topicId?: string;
  naming?: 'resource-name' | 'partner-path' | 'absent';
}

/** Partner-side facts about streams, kept beside the public stream objects stored in the tenant. */
const streamMeta = new WeakMap<object, StreamMeta>();

interface RateWindow {
  second: number;
  count: number;
}
/** Per-tenant request counts in the current (real-time) second; rate limits are a wall-clock matter for clients. */
const rateWindows = new WeakMap<Auth0Tenant, RateWindow>();

function tenantOf(ctx: SandboxContext, name: string | undefined): Auth0Tenant | undefined {
  return name ? ctx.world.auth0Tenants.get(name) : undefined;
}

function currentTenant(c: Ctx): Auth0Tenant {
  const t = tenantOf(c.sandbox, c.listener.tenant);
  if (!t) throw apiError(404, `The tenant '${c.listener.tenant ?? ''}' does not exist in the sandbox.`);
  return t;
}

function newStreamId(): string {
  return `lst_${String(randomInt(1, 1e8)).padStart(8, '0')}${String(randomInt(0, 1e8)).padStart(8, '0')}`;
}

function clientIp(c: Ctx): string {
  const fwd = c.headers['x-forwarded-for'];
  const first = (Array.isArray(fwd) ? fwd[0] : fwd)?.split(',')[0]?.trim();
  return first && /^[\d.]+$|^[0-9a-f:]+$/i.test(first) ? first : '127.0.0.1';
}

/** The `Auth0-Client` telemetry header (base64url JSON {name, version}) as the log's `auth0_client`. */
function auth0Client(c: Ctx): Record<string, unknown> | undefined {
  const h = c.headers['auth0-client'];
  if (typeof h !== 'string') return undefined;
  try {
    const v = JSON.parse(Buffer.from(h, 'base64url').toString('utf8'));
    return v && typeof v === 'object' && typeof v.name === 'string' ? { name: v.name, version: String(v.version ?? '') } : undefined;
  } catch {
    return undefined;
  }
}

function redact(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(redact);
  if (!v || typeof v !== 'object') return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) {
    out[k] = SECRET_SINK_FIELDS.includes(k) || k === 'client_secret' ? '[REDACTED]' : redact(x);
  }
  return out;
}

function badBody(message: string): HttpError {
  return apiError(400, message, 'invalid_body');
}

// ---------------------------------------------------------------- token endpoint

async function issueToken(c: Ctx): Promise<Reply> {
  const tenant = currentTenant(c);
  const body = (c.body && typeof c.body === 'object' ? c.body : {}) as Record<string, unknown>;
  const s = (k: string) => (typeof body[k] === 'string' ? (body[k] as string) : undefined);
  let clientId = s('client_id');
  let clientSecret = s('client_secret');
  const basic = /^Basic\s+(\S+)$/i.exec(String(c.headers.authorization ?? ''));
  if (basic) {
    const [id, ...rest] = Buffer.from(basic[1], 'base64').toString('utf8').split(':');
    clientId ??= decodeURIComponent(id);
    clientSecret ??= decodeURIComponent(rest.join(':'));
  }
  const grant = s('grant_type');
  c.locals.token = { grant, clientId, audience: s('audience') };
  if (!grant) throw oauthError(400, 'invalid_request', 'Missing required parameter: grant_type');
  if (!GRANT_TYPES.has(grant)) throw oauthError(400, 'unsupported_grant_type', `Unsupported grant type: ${grant}`);
  if (!clientId) throw oauthError(401, 'access_denied', 'Unauthorized');
  const client = tenant.clients.get(clientId);
  if (!client || !clientSecret || clientSecret !== client.clientSecret) throw oauthError(401, 'access_denied', 'Unauthorized');
  c.locals.client = client;
  if (grant !== 'client_credentials') throw oauthError(403, 'unauthorized_client', `Grant type '${grant}' not allowed for the client.`);
  const expectedAudience = `https://${tenant.domain}/api/v2/`;
  const audience = s('audience');
  if (!audience) throw oauthError(403, 'access_denied', 'Non-global clients are not allowed access to APIv1');
  if (audience !== expectedAudience) throw oauthError(403, 'access_denied', `Service not enabled within domain: ${audience}`);
  if (!client.scopes.length) {
    throw oauthError(
      403,
      'access_denied',
      `Client is not authorized to access "${expectedAudience}". You need to create a "client-grant" associated to this API. See: https://auth0.com/docs/api/v2#!/Client_Grants/post_client_grants`,
    );
  }
  let scopes = client.scopes;
  const requested = s('scope')?.split(/\s+/).filter(Boolean);
  if (requested?.length) {
    const missing = requested.filter((r) => !client.scopes.includes(r));
    if (missing.length) throw oauthError(403, 'access_denied', `Client has not been granted scopes: ${missing.join(', ')}`);
    scopes = requested;
  }
  const scope = scopes.join(' ');
  const jti = randomUUID().replace(/-/g, '');
  const accessToken = await signJwt(
    c.sandbox.keys.auth0,
    { iss: `https://${tenant.domain}/`, sub: `${client.clientId}@clients`, aud: expectedAudience, azp: client.clientId, scope, gty: 'client-credentials', jti },
    { nowMs: c.sandbox.clock.now(), ttlSeconds: TOKEN_TTL_SECONDS, typ: 'JWT' },
  );
  c.locals.tokenIssued = { jti, scope };
  return {
    status: 200,
    body: { access_token: accessToken, scope, expires_in: TOKEN_TTL_SECONDS, token_type: 'Bearer' },
    headers: { 'cache-control': 'no-store', pragma: 'no-cache' },
  };
}

// ---------------------------------------------------------------- Management API: auth and throttling

function throttle(c: Ctx, tenant: Auth0Tenant): void {
  const limit = c.sandbox.settings.auth0RateLimitPerSecond;
  const second = Math.floor(Date.now() / 1000);
  let w = rateWindows.get(tenant);
  if (!w || w.second !== second) {
    w = { second, count: 0 };
    rateWindows.set(tenant, w);
  }
  if (limit > 0 && w.count >= limit) {
    c.locals.rate = { limit, remaining: 0, reset: second + 1 };
    c.locals.throttled = true;
    throw apiError(429, 'Global limit has been reached', 'too_many_requests');
  }
  w.count++;
  c.locals.rate = limit > 0 ? { limit, remaining: Math.max(0, limit - w.count), reset: second + 1 } : { limit: NOMINAL_RATE_LIMIT, remaining: NOMINAL_RATE_LIMIT - 1, reset: second + 1 };
}

/** A 401 for a token that was sent but is not acceptable (Auth0 repeats the reason in `attributes.error`). */
function unauthorized(message: string): HttpError {
  const e = apiError(401, message);
  e.details = { attributes: { error: message } };
  return e;
}

async function authenticate(c: Ctx, tenant: Auth0Tenant, route: Route): Promise<void> {
  const header = c.headers.authorization;
  if (!header) throw apiError(401, 'Missing authentication');
  // Auth0 answers a header that is not `Bearer <JWT>` with a 400, not a 401.
  const m = /^Bearer\s+([\w-]+\.[\w-]+\.[\w-]*)\s*$/i.exec(header);
  if (!m) throw apiError(400, 'Bad HTTP authentication header format');
  let claims: Record<string, any>;
  try {
    claims = await c.sandbox.verifiers.auth0.verify(m[1], c.sandbox.clock.now());
  } catch (e) {
    const code = (e as { code?: string }).code ?? '';
    const msg = (e as Error).message ?? '';
    if (code === 'ERR_JWT_EXPIRED' || /"exp" claim/.test(msg)) throw unauthorized('Expired token received for JSON Web Token validation');
    if (code === 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED') throw unauthorized('Invalid signature received for JSON Web Token validation');
    throw unauthorized('Invalid token');
  }
  const audience = `https://${tenant.domain}/api/v2/`;
  const aud = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (!aud.includes(audience)) throw unauthorized(`Bad audience: ${aud.join(' ')}`);
  if (claims.iss !== `https://${tenant.domain}/`) throw unauthorized('Invalid token');
  c.locals.claims = claims;
  const clientId = typeof claims.azp === 'string' ? claims.azp : String(claims.sub ?? '').replace(/@clients$/, '');
  c.locals.client = tenant.clients.get(clientId) ?? { clientId, name: '' };
  const needed = OPERATIONS[route.operation]?.scope;
  const scopes = typeof claims.scope === 'string' ? claims.scope.split(' ') : [];
  if (needed && !scopes.includes(needed)) throw apiError(403, `Insufficient scope, expected any of: ${needed}`, 'insufficient_scope');
}

// ---------------------------------------------------------------- Management API: log streams

function findStream(tenant: Auth0Tenant, id: string): Record<string, any> {
  const s = tenant.logStreams.get(id);
  if (!s) throw apiError(404, 'The log stream does not exist.', 'inexistent_log_stream');
  return s;
}

function requireObjectBody(c: Ctx): Record<string, any> {
  const body = c.body;
  if (body === undefined) throw badBody(payloadMessage({ message: 'Expected type object but found type undefined', path: '' }));
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    throw badBody(payloadMessage({ message: `Expected type object but found type ${Array.isArray(body) ? 'array' : body === null ? 'null' : typeof body}`, path: '' }));
  }
  return body;
}

function createStream(c: Ctx): Reply {
  const ctx = c.sandbox;
  const tenant = currentTenant(c);
  const body = requireObjectBody(c);
  if (body.type === undefined) throw badBody(payloadMessage({ message: 'Missing required property: type', path: '' }));
  if (!STREAM_TYPES.includes(body.type)) throw badBody(payloadMessage({ message: `No enum match for: ${JSON.stringify(body.type)}`, path: 'type' }));
  const type = body.type as StreamType;
  const issue = validate(createSchema(type), body);
  if (issue) throw badBody(payloadMessage(issue));
  if (body.startFrom !== undefined && isDateTime(body.startFrom) && Date.parse(body.startFrom) > ctx.clock.now()) {
    throw badBody(payloadMessage({ message: `startFrom must not be in the future: ${body.startFrom}`, path: 'startFrom', description: 'The optional datetime (ISO 8601) to start streaming logs from' }));
  }
  if (tenant.logStreams.size >= tenant.streamLimit) throw apiError(409, 'You have reached the maximum number of log streams for your account.');

  const id = newStreamId();
  const sink: Record<string, any> = { ...body.sink };
  const meta: StreamMeta = {};
  let target: { sub: Subscription; group: ResourceGroup } | undefined;
  if (type === 'eventgrid') {
    // Auth0 provisions the partner topic while serving the create: an unusable target fails the create (see partner.ts).
    const check = checkPartnerTarget(ctx, sink as EventGridSink);
    if (!check.ok) throw apiError(400, check.message);
    target = check;
    // The name is known ahead only when it derives from the stream id (partnerTopicName: stream-digits).
    if (ctx.settings.partnerTopicName === 'stream-digits') meta.topicName = topicResourceName(tenant.name, id);
    meta.naming = ctx.settings.partnerTopicNaming;
    // The only recorded wire value: Auth0's partner path, already in the create answer.
    if (meta.naming === 'partner-path') sink.azurePartnerTopic = partnerPath(tenant.name, sink.azureSubscriptionId);
  } else if (type === 'eventbridge') {
    sink.awsPartnerEventSource = `aws.partner/auth0.com/${tenant.name}-${randomUUID()}/auth0.logs`;
  }
  const stream: Record<string, any> = { id };
  if (body.name !== undefined) stream.name = body.name;
  stream.type = type;
  stream.status = 'active';
  stream.sink = sink;
  if (body.filters !== undefined) stream.filters = body.filters;
  stream.isPriority = body.isPriority ?? false;
  if (body.pii_config !== undefined) stream.pii_config = body.pii_config;
  tenant.logStreams.set(id, stream);
  streamMeta.set(stream, meta);
  // Delivery: replays the tenant's records since `startFrom` into the new stream (sandbox/delivery).
  if (type === 'eventgrid') ctx.delivery?.streamCreated(tenant.name, stream, body.startFrom);

  if (type === 'eventgrid' && target) {
    const tenantName = tenant.name;
    ctx.clock.after(ctx.settings.partnerTopicDelayMs, () => {
      // Only if the stream (in the current world) and the target group still exist.
      const current = ctx.world.auth0Tenants.get(tenantName)?.logStreams.get(id);
      if (current !== stream) return;
      const sub = ctx.world.subscriptions.get(target.sub.subscriptionId.toLowerCase());
      const group = sub?.resourceGroups.get(target.group.name.toLowerCase());
      if (!sub || !group || group !== target.group) return;
      const topic = createStreamTopic(ctx, sub, group, tenantName, id, sink.azureRegion);
      meta.topicName = topic.resource.name;
      meta.topicId = topic.resource.id;
      if (meta.naming === 'resource-name') stream.sink.azurePartnerTopic = topic.resource.name;
    });
  }
  return { status: 200, body: stream };
}

function updateStream(c: Ctx): Reply {
  const tenant = currentTenant(c);
  const stream = findStream(tenant, c.params.id);
  const body = requireObjectBody(c);
  const type = stream.type as StreamType;
  if (body.sink !== undefined && (type === 'eventgrid' || type === 'eventbridge')) {
    throw badBody(`The sink of a log stream of type ${type} cannot be updated. To send the logs elsewhere, delete the log stream and create a new one.`);
  }
  const issue = validate(updateSchema(type), body);
  if (issue) throw badBody(payloadMessage(issue));
  const previousStatus = stream.status as string;
  if (body.name !== undefined) stream.name = body.name;
  if (body.status !== undefined) stream.status = body.status;
  if (body.isPriority !== undefined) stream.isPriority = body.isPriority;
  if (body.filters !== undefined) stream.filters = body.filters;
  if (body.pii_config !== undefined) stream.pii_config = body.pii_config;
  if (body.sink !== undefined) stream.sink = { ...stream.sink, ...body.sink };
  // Delivery: resuming (`status: active`) delivers the records queued while paused or suspended.
  c.sandbox.delivery?.streamChanged(tenant.name, stream, previousStatus);
  return { status: 200, body: stream };
}

function deleteStream(c: Ctx): Reply {
  const tenant = currentTenant(c);
  const stream = findStream(tenant, c.params.id);
  tenant.logStreams.delete(c.params.id);
  c.sandbox.delivery?.streamDeleted(tenant.name, stream);
  // Deleting the stream deletes Auth0's channel: Event Grid deletes the topic or leaves it idle (settings.streamDeletionTopicEffect).
  if (stream.type === 'eventgrid') streamChannelDeleted(c.sandbox, tenant.name, stream.id);
  return { status: 204 };
}

// ---------------------------------------------------------------- log records of served calls

function logCall(c: Ctx, reply: Reply): void {
  const tenantName = c.listener.tenant;
  const tenant = tenantOf(c.sandbox, tenantName);
  if (!tenant || !tenantName) return;
  const client = c.locals.client as { clientId: string; name: string } | undefined;
  const common = {
    client_id: client?.clientId ?? null,
    client_name: client?.name ?? '',
    ip: clientIp(c),
    user_agent: typeof c.headers['user-agent'] === 'string' ? c.headers['user-agent'] : undefined,
    hostname: tenant.domain,
    auth0_client: auth0Client(c),
  };
  const failed = reply.status >= 400;
  if (c.operation === 'oauth.token') {
    const t = (c.locals.token ?? {}) as { grant?: string; clientId?: string; audience?: string };
    if (t.grant !== 'client_credentials') return;
    const body = (reply.body ?? {}) as Record<string, unknown>;
    writeRecord(c.sandbox, tenantName, {
      type: failed ? 'feccft' : 'seccft',
      ...common,
      client_id: client?.clientId ?? t.clientId ?? null,
      description: failed ? String(body.error_description ?? 'Unauthorized') : 'Client Credentials for Access Token',
      audience: t.audience ?? '',
      scope: failed ? undefined : (c.locals.tokenIssued?.scope as string),
      user_id: '',
      details: failed ? { error: { message: String(body.error_description ?? ''), oauthError: String(body.error ?? '') } } : { access_token_jti: c.locals.tokenIssued?.jti, actions: { executions: [] } },
    });
    return;
  }
  if (!c.path.startsWith('/api/v2/')) return;
  const isWrite = !['GET', 'HEAD', 'OPTIONS'].includes(c.method);
  // Successful reads are not logged (Auth0 logs `sapi` for POST, PATCH, PUT and DELETE only).
  if (!failed && !isWrite) return;
  const claims = c.locals.claims as Record<string, any> | undefined;
  const request = {
    method: c.method.toLowerCase(),
    path: c.path,
    query: Object.fromEntries(c.query),
    userAgent: common.user_agent ?? '',
    body: c.body === undefined ? {} : redact(c.body),
    channel: 'api',
    ip: common.ip,
    auth: claims ? { user: {}, strategy: 'jwt', credentials: { jti: claims.jti, scopes: String(claims.scope ?? '').split(' ').filter(Boolean) } } : undefined,
  };
  const response = { statusCode: reply.status, body: reply.status === 204 ? undefined : redact(reply.body) };
  if (reply.status === 429 && c.locals.throttled) {
    const rate = c.locals.rate as { limit: number };
    writeRecord(c.sandbox, tenantName, {
      type: 'api_limit',
      ...common,
      description: 'Rate Limit on the Management API',
      details: { limit: { size: rate.limit, bucket: `tenant:${tenantName}:management-api`, global: true } },
    });
    return;
  }
  const message = (reply.body as { message?: string } | undefined)?.message;
  writeRecord(c.sandbox, tenantName, {
    type: failed ? 'fapi' : 'sapi',
    ...common,
    description: failed ? (message ?? STATUS_TEXT[reply.status] ?? 'Failed API Operation') : (OPERATIONS[c.operation]?.summary ?? `${c.method} ${c.path}`),
    user_id: '',
    audience: claims ? `https://${tenant.domain}/api/v2/` : undefined,
    scope: claims?.scope,
    details: { request, response },
  });
}

// ---------------------------------------------------------------- Management API: log search

/**
 * `GET /api/v2/logs`: search (`q`, or `search` as the v7 SDK sends it) with `page`/`per_page` (at most
 * 100 per page and 1,000 results in all) and `sort` on `date`, or a checkpoint (`from`/`take`, which
 * ignores everything else). The query is a subset of Auth0's syntax: clauses `field:"exact value"`
 * (case-insensitive) or `field:prefix` on dotted field paths, joined by spaces or AND.
 */
function searchLogs(c: Ctx): Reply {
  const tenant = currentTenant(c);
  const q = c.query.get('q') ?? c.query.get('search') ?? '';
  const from = c.query.get('from');
  if (from) {
    const take = Math.min(100, Math.max(1, Number(c.query.get('take') ?? 50) || 50));
    return { status: 200, body: listLogs(tenant, { from, take }) };
  }
  const clauses: { path: string[]; value: string; exact: boolean }[] = [];
  for (const m of q.replace(/\s+AND\s+/g, ' ').matchAll(/([\w.]+):(?:"([^"]*)"|(\S+))/g)) {
    clauses.push({ path: m[1].split('.'), value: (m[2] ?? m[3]).toLowerCase(), exact: m[2] !== undefined });
  }
  if (q.trim() && !clauses.length) throw apiError(400, `Invalid query: ${q}`, 'invalid_query_string');
  const at = (r: Record<string, unknown>, p: string[]): unknown => p.reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), r);
  let logs = tenant.logs.filter((r) =>
    clauses.every((cl) => {
      const v = at(r, cl.path);
      if (v === undefined || v === null || typeof v === 'object') return false;
      const s = String(v).toLowerCase();
      return cl.exact ? s === cl.value : s.startsWith(cl.value);
    }),
  );
  const sort = c.query.get('sort') ?? 'date:-1';
  const sm = /^date:(-?1)$/.exec(sort);
  if (!sm) throw apiError(400, `Invalid sort: ${sort}`, 'invalid_query_string');
  logs = logs.slice().sort((a, b) => (a.log_id < b.log_id ? -1 : a.log_id > b.log_id ? 1 : 0));
  if (sm[1] === '-1') logs.reverse();
  const perPage = Math.min(100, Math.max(0, Number(c.query.get('per_page') ?? 50) || 50));
  const page = Math.max(0, Number(c.query.get('page') ?? 0) || 0);
  if ((page + 1) * perPage > 1000) throw apiError(400, 'You can only page through the first 1000 records. Refine your search or use the checkpoint method.', 'invalid_paging');
  const total = Math.min(logs.length, 1000);
  const slice = logs.slice(page * perPage, page * perPage + perPage);
  const totals = c.query.get('include_totals') === 'true';
  return { status: 200, body: totals ? { start: page * perPage, limit: perPage, length: slice.length, total, logs: slice } : slice };
}

// ---------------------------------------------------------------- the service

export function auth0Service(ctx: SandboxContext): ServiceDef {
  const routes: Route[] = [
    { method: 'POST', pattern: path('/oauth/token', ''), operation: 'oauth.token', write: false, handler: issueToken },
    {
      method: 'GET',
      pattern: path('/.well-known/jwks.json', ''),
      operation: 'jwks',
      handler: () => ({ status: 200, body: { keys: [ctx.keys.auth0.jwk] } }),
    },
    {
      method: 'GET',
      pattern: path('/api/v2/log-streams', ''),
      operation: 'log-streams.list',
      handler: (c) => ({ status: 200, body: [...currentTenant(c).logStreams.values()] }),
    },
    { method: 'POST', pattern: path('/api/v2/log-streams', ''), operation: 'log-streams.create', handler: createStream },
    {
      method: 'GET',
      pattern: path('/api/v2/log-streams/{id}', ''),
      operation: 'log-streams.get',
      handler: (c) => ({ status: 200, body: findStream(currentTenant(c), c.params.id) }),
    },
    { method: 'PATCH', pattern: path('/api/v2/log-streams/{id}', ''), operation: 'log-streams.update', handler: updateStream },
    { method: 'GET', pattern: path('/api/v2/logs', ''), operation: 'logs.list', handler: searchLogs },
    {
      method: 'GET',
      pattern: path('/api/v2/logs/{id}', ''),
      operation: 'logs.get',
      handler: (c) => {
        const record = currentTenant(c).logs.find((l) => l.log_id === c.params.id);
        if (!record) throw apiError(404, 'log not found', 'inexistent_log');
        return { status: 200, body: record };
      },
    },
    { method: 'DELETE', pattern: path('/api/v2/log-streams/{id}', ''), operation: 'log-streams.delete', handler: deleteStream },
  ];
  return {
    name: 'auth0',
    routes,
    async before(c, route) {
      if (!c.path.startsWith('/api/v2/')) return;
      const tenant = currentTenant(c);
      throttle(c, tenant);
      await authenticate(c, tenant, route);
    },
    errorBody(err, c) {
      if (c.operation === 'oauth.token' || c.path === '/oauth/token') return { error: err.code, error_description: err.message };
      let message = err.message;
      let errorCode = /^[a-z][a-z0-9_]*$/.test(err.code) ? err.code : '';
      if (err.code === 'InvalidRequestContent') message = 'Invalid request payload JSON format';
      if (err.code === 'NotFound') message = 'Not Found';
      if (err.status === 429 && !errorCode) errorCode = 'too_many_requests';
      const body: Record<string, unknown> = { statusCode: err.status, error: STATUS_TEXT[err.status] ?? 'Error', message };
      if (errorCode) body.errorCode = errorCode;
      const attributes = (err.details as { attributes?: unknown } | undefined)?.attributes;
      if (attributes) body.attributes = attributes;
      return body;
    },
    notFound: () => apiError(404, 'Not Found'),
    decorate(c, reply) {
      if (c.path.startsWith('/api/v2/')) {
        let rate = c.locals.rate as { limit: number; remaining: number; reset: number } | undefined;
        if (!rate) {
          const limit = c.sandbox.settings.auth0RateLimitPerSecond || NOMINAL_RATE_LIMIT;
          rate = { limit, remaining: limit - 1, reset: Math.floor(Date.now() / 1000) + 1 };
        }
        reply.headers = {
          ...(reply.headers ?? {}),
          'x-ratelimit-limit': String(rate.limit),
          'x-ratelimit-remaining': String(rate.remaining),
          'x-ratelimit-reset': String(rate.reset),
        };
      }
      try {
        logCall(c, reply);
      } catch (e) {
        process.emitWarning(`sandbox auth0: could not write the log record: ${(e as Error).message}`);
      }
    },
  };
}

// ---------------------------------------------------------------- admin routes

function adminTenant(ctx: SandboxContext, name: string): Auth0Tenant {
  const t = ctx.world.auth0Tenants.get(name);
  if (!t) throw new HttpError(404, 'TenantNotFound', `Auth0 tenant '${name}' does not exist. Known: ${[...ctx.world.auth0Tenants.keys()].join(', ') || 'none'}.`);
  return t;
}

/** Admin view of a stream: the public object plus where its partner topic is. */
function streamView(ctx: SandboxContext, tenant: Auth0Tenant, stream: Record<string, any>) {
  const meta = streamMeta.get(stream) ?? {};
  const found = stream.type === 'eventgrid' ? findStreamTopic(ctx, tenant.name, stream.id) : undefined;
  return {
    ...stream,
    partnerTopic:
      stream.type === 'eventgrid'
        ? {
            name: meta.topicName,
            naming: meta.naming,
            created: !!meta.topicId,
            exists: !!found,
            // Deleted with its partner topic: the stream can never deliver again.
            channelDeleted: isChannelDeleted(stream),
            id: found?.topic.resource.id ?? meta.topicId,
            activationState: found?.topic.resource.properties.activationState,
          }
        : undefined,
    // Publishing state (queued, errored, consecutive failures, recent errors) when the delivery engine runs.
    delivery: stream.type === 'eventgrid' ? ctx.delivery?.streamHealth(tenant.name, stream) : undefined,
  };
}

/** Admin API for Auth0 tenants (mounted on every listener under /_sandbox/). */
export function auth0AdminRoutes(ctx: SandboxContext): Route[] {
  return [
    {
      method: 'GET',
      pattern: path('/_sandbox/auth0/{tenant}/logs', ''),
      operation: 'admin.auth0.logs',
      handler: (c) => {
        const tenant = adminTenant(ctx, c.params.tenant);
        const types = c.query.get('type')?.split(',').map((t) => t.trim()).filter(Boolean);
        const takeRaw = c.query.get('take');
        const take = takeRaw === null ? undefined : Number(takeRaw);
        if (take !== undefined && (!Number.isInteger(take) || take < 0)) throw new HttpError(400, 'InvalidQuery', `"take" must be a non-negative integer, got "${takeRaw}".`);
        const value = listLogs(tenant, { from: c.query.get('from') ?? undefined, types, take });
        return { status: 200, body: { value, count: value.length, total: tenant.logs.length } };
      },
    },
    {
      method: 'POST',
      pattern: path('/_sandbox/auth0/{tenant}/logs', ''),
      operation: 'admin.auth0.logs.add',
      handler: (c) => {
        adminTenant(ctx, c.params.tenant);
        const items: unknown[] = Array.isArray(c.body) ? c.body : [c.body];
        if (!items.length || items.some((i) => !i || typeof i !== 'object' || Array.isArray(i))) {
          throw new HttpError(400, 'InvalidLogRecord', 'Send a log record object (e.g. {"type":"s","description":"Success Login"}) or an array of them.');
        }
        for (const [i, item] of items.entries()) {
          const type = (item as { type?: unknown }).type;
          if (typeof type !== 'string' || !LOG_CODES[type]) {
            throw new HttpError(400, 'InvalidLogRecord', `Record ${i}: "${String(type)}" is not an Auth0 log event type code (e.g. s, f, sapi, fapi, seccft, feccft, slo, ss).`);
          }
        }
        try {
          const value = items.map((i) => writeRecord(ctx, c.params.tenant, i as Auth0LogRecord));
          return { status: 201, body: { value } };
        } catch (e) {
          if (e instanceof LogRecordError) throw new HttpError(400, 'InvalidLogRecord', e.message);
          throw e;
        }
      },
    },
    {
      method: 'DELETE',
      pattern: path('/_sandbox/auth0/{tenant}/logs', ''),
      operation: 'admin.auth0.logs.clear',
      handler: (c) => {
        adminTenant(ctx, c.params.tenant).logs.length = 0;
        return { status: 204 };
      },
    },
    {
      method: 'GET',
      pattern: path('/_sandbox/auth0/{tenant}/log-streams', ''),
      operation: 'admin.auth0.log-streams',
      handler: (c) => {
        const tenant = adminTenant(ctx, c.params.tenant);
        return { status: 200, body: { value: [...tenant.logStreams.values()].map((s) => streamView(ctx, tenant, s)) } };
      },
    },
    {
      method: 'PATCH',
      pattern: path('/_sandbox/auth0/{tenant}/log-streams/{id}', ''),
      operation: 'admin.auth0.log-streams.patch',
      handler: (c) => {
        const tenant = adminTenant(ctx, c.params.tenant);
        const stream = tenant.logStreams.get(c.params.id);
        if (!stream) throw new HttpError(404, 'LogStreamNotFound', `Log stream '${c.params.id}' does not exist in tenant '${tenant.name}'.`);
        const body = c.body && typeof c.body === 'object' && !Array.isArray(c.body) ? (c.body as Record<string, unknown>) : {};
        const status = body.status as (typeof STREAM_STATUSES)[number];
        if (!STREAM_STATUSES.includes(status) || Object.keys(body).length !== 1) {
          throw new HttpError(400, 'InvalidLogStreamPatch', `Send {"status": "active" | "paused" | "suspended"} (e.g. "suspended" to model a stream Auth0 suspended after failed deliveries).`);
        }
        const previousStatus = stream.status as string;
        stream.status = status;
        ctx.delivery?.streamChanged(tenant.name, stream, previousStatus);
        return { status: 200, body: streamView(ctx, tenant, stream) };
      },
    },
  ];
}

/**
 * Appends an Auth0 log record of `partial.type` to a tenant's logs, filling the fields Auth0 sets and
 * those the type's schema requires (see logs.ts). For delivery: records appear in GET
 * /_sandbox/auth0/{tenant}/logs and in `tenant.logs`.
 */
export function writeLogRecord(ctx: SandboxContext, tenantName: string, partial: Partial<Auth0LogRecord> & { type: string }): Auth0LogRecord {
  return writeRecord(ctx, tenantName, partial);
}
