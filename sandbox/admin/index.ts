/**
 * The admin API under /_sandbox/ (on every listener): state dump, reset, seed, request log,
 * scripted faults, the clock, settings, and partner topics put into a group as a partner would create
 * them. Tests and benchmarks drive the sandbox through it.
 */
import { HttpError, path, type Route, type ServiceDef } from '../core/http.js';
import type { SandboxContext, SandboxSettings } from '../core/context.js';
import { DEFAULT_SETTINGS, SETTING_CHOICES } from '../core/context.js';
import type { FaultSpec } from '../core/faults.js';
import type { ServiceName } from '../core/http.js';
import { validateSeed, type Seed } from '../core/seed.js';
import { auth0AdminRoutes } from '../auth0/index.js';
import { githubAdminRoutes } from '../github/index.js';
import { deliveryAdminRoutes } from '../delivery/index.js';
import { LOG_CODES } from '../auth0/log-codes.js';
import { addPartnerTopic } from '../core/partner-topic-spec.js';

const DURATION = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)$/;
const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** Parses `90s`, `15m`, `7d`, `250ms` or a number of milliseconds. */
export function parseDuration(v: unknown): number {
  if (typeof v === 'number' && Number.isFinite(v) && v >= 0) return v;
  const m = typeof v === 'string' ? DURATION.exec(v.trim()) : null;
  if (!m) throw new HttpError(400, 'InvalidDuration', `"${String(v)}" is not a duration: use milliseconds or a number with ms, s, m, h or d (e.g. "7d").`);
  return Number(m[1]) * UNIT_MS[m[2]];
}

/** The world as JSON (Maps become objects / arrays). */
export function dumpState(ctx: SandboxContext): unknown {
  const w = ctx.world;
  return {
    clock: { now: ctx.clock.iso(), offsetMs: ctx.clock.offset() },
    subscriptions: [...w.subscriptions.values()].map((s) => ({
      subscriptionId: s.subscriptionId,
      displayName: s.displayName,
      tenantId: s.tenantId,
      providers: [...s.providers.values()],
      resourceGroups: [...s.resourceGroups.values()].map((g) => ({
        name: g.name,
        location: g.location,
        tags: g.tags,
        partnerConfiguration: g.partnerConfiguration ?? null,
        partnerTopics: [...g.partnerTopics.values()].map((t) => ({
          ...t.resource,
          createdBy: t.createdBy,
          eventSubscriptions: [...t.eventSubscriptions.values()],
        })),
      })),
    })),
    principals: [...w.principals.values()].map((p) => ({ ...p, secrets: p.secrets.map(() => '***') })),
    auth0Tenants: [...w.auth0Tenants.values()].map((t) => ({
      name: t.name,
      domain: t.domain,
      clients: [...t.clients.values()].map((c) => ({ clientId: c.clientId, name: c.name, scopes: c.scopes })),
      logStreams: [...t.logStreams.values()],
      logCount: t.logs.length,
      streamLimit: t.streamLimit,
    })),
    github: w.github,
  };
}

const SETTING_KEYS = Object.keys(DEFAULT_SETTINGS) as (keyof SandboxSettings)[];


function patchSettings(ctx: SandboxContext, body: any): SandboxSettings {
  if (!body || typeof body !== 'object') throw new HttpError(400, 'InvalidSettings', 'Send a JSON object of settings.');
  for (const [k, v] of Object.entries(body)) {
    if (!SETTING_KEYS.includes(k as keyof SandboxSettings)) {
      throw new HttpError(400, 'InvalidSettings', `Unknown setting "${k}". Known: ${SETTING_KEYS.join(', ')}.`);
    }
    const def = DEFAULT_SETTINGS[k as keyof SandboxSettings];
    if (typeof def === 'number' && (typeof v !== 'number' || !Number.isFinite(v) || v < 0)) {
      throw new HttpError(400, 'InvalidSettings', `Setting "${k}" must be a non-negative number.`);
    }
    if (typeof def === 'boolean' && typeof v !== 'boolean') {
      throw new HttpError(400, 'InvalidSettings', `Setting "${k}" must be true or false.`);
    }
    if ((k === 'streamPublishAttempts' || k === 'deliveryConcurrency') && (!Number.isInteger(v) || (v as number) < 1)) {
      throw new HttpError(400, 'InvalidSettings', `Setting "${k}" must be an integer of at least 1.`);
    }
    if (k === 'deliveryTimeoutMs' && (v as number) < 1) {
      throw new HttpError(400, 'InvalidSettings', 'Setting "deliveryTimeoutMs" must be at least 1 (ms).');
    }
    if ((k === 'cloudEventType' || k === 'cloudEventSubject') && typeof v !== 'string') {
      throw new HttpError(400, 'InvalidSettings', `Setting "${k}" must be a string template using {code}, {category}, {tenant}, {stream}, {log_id}.`);
    }
    if (k === 'cloudEventType' && !(v as string).trim()) {
      throw new HttpError(400, 'InvalidSettings', 'Setting "cloudEventType" must not be empty: a CloudEvent needs a type.');
    }
    if (k === 'streamFailureLogCode' && (typeof v !== 'string' || (v !== '' && !LOG_CODES[v]))) {
      throw new HttpError(400, 'InvalidSettings', `Setting "streamFailureLogCode" must be an Auth0 log event code (e.g. "wn", "depnote"), or "" to write no failure record; got ${JSON.stringify(v)}.`);
    }
    const choices = SETTING_CHOICES[k as keyof SandboxSettings];
    if (choices && !choices.includes(v as string)) {
      throw new HttpError(400, 'InvalidSettings', `Setting "${k}" must be one of ${choices.map((c) => `"${c}"`).join(', ')}; got ${JSON.stringify(v)}.`);
    }
  }
  Object.assign(ctx.settings, body);
  return ctx.settings;
}

export function adminService(ctx: SandboxContext): ServiceDef {
  const routes: Route[] = [
    { method: 'GET', pattern: path('/_sandbox/state', ''), operation: 'admin.state', handler: () => ({ status: 200, body: dumpState(ctx) }) },
    { method: 'GET', pattern: path('/_sandbox/endpoints', ''), operation: 'admin.endpoints', handler: () => ({ status: 200, body: ctx.endpoints }) },
    {
      method: 'POST',
      pattern: path('/_sandbox/reset', ''),
      operation: 'admin.reset',
      handler: async (c) => {
        if (c.body !== undefined) {
          try {
            validateSeed(c.body as Seed);
          } catch (e) {
            throw new HttpError(400, 'InvalidSeed', (e as Error).message);
          }
        }
        await ctx.reset(c.body as Seed | undefined);
        return { status: 200, body: { reset: true, endpoints: ctx.endpoints } };
      },
    },
    {
      method: 'POST',
      pattern: path('/_sandbox/seed', ''),
      operation: 'admin.seed',
      handler: async (c) => {
        try {
          validateSeed(c.body ?? {});
        } catch (e) {
          throw new HttpError(400, 'InvalidSeed', (e as Error).message);
        }
        await ctx.addSeed(c.body ?? {});
        return { status: 200, body: { seeded: true, endpoints: ctx.endpoints } };
      },
    },
    {
      method: 'GET',
      pattern: path('/_sandbox/requests', ''),
      operation: 'admin.requests',
      handler: (c) => {
        const since = Number(c.query.get('since') ?? 0);
        const service = (c.query.get('service') ?? undefined) as ServiceName | undefined;
        const entries = ctx.requestLog.list({ since: Number.isFinite(since) ? since : 0, service, writesOnly: c.query.get('writes') === 'true' });
        return { status: 200, body: { mark: ctx.requestLog.mark(), value: entries } };
      },
    },
    { method: 'DELETE', pattern: path('/_sandbox/requests', ''), operation: 'admin.requests.clear', handler: () => (ctx.requestLog.clear(), { status: 204 }) },
    { method: 'GET', pattern: path('/_sandbox/faults', ''), operation: 'admin.faults', handler: () => ({ status: 200, body: { value: ctx.faults.list() } }) },
    {
      method: 'POST',
      pattern: path('/_sandbox/faults', ''),
      operation: 'admin.faults.add',
      handler: (c) => {
        const specs: FaultSpec[] = Array.isArray(c.body) ? c.body : [c.body];
        try {
          const added = specs.map((s) => ctx.faults.add(s ?? ({} as FaultSpec)));
          return { status: 201, body: { value: added } };
        } catch (e) {
          throw new HttpError(400, 'InvalidFault', (e as Error).message);
        }
      },
    },
    { method: 'DELETE', pattern: path('/_sandbox/faults', ''), operation: 'admin.faults.clear', handler: () => (ctx.faults.clear(), { status: 204 }) },
    { method: 'GET', pattern: path('/_sandbox/clock', ''), operation: 'admin.clock', handler: () => ({ status: 200, body: { now: ctx.clock.iso(), offsetMs: ctx.clock.offset() } }) },
    {
      method: 'POST',
      pattern: path('/_sandbox/clock', ''),
      operation: 'admin.clock.advance',
      handler: (c) => {
        const b = c.body ?? {};
        if (b.set !== undefined) {
          const at = Date.parse(String(b.set));
          if (Number.isNaN(at)) throw new HttpError(400, 'InvalidClock', `"set" must be an ISO 8601 date, got "${b.set}".`);
          if (at < ctx.clock.now()) throw new HttpError(400, 'InvalidClock', 'The sandbox clock only moves forward.');
          ctx.clock.set(at);
        } else if (b.advance !== undefined) {
          ctx.clock.advance(parseDuration(b.advance));
        } else {
          throw new HttpError(400, 'InvalidClock', 'Send {"advance": "7d"} (or milliseconds) or {"set": "<ISO date>"}.');
        }
        return { status: 200, body: { now: ctx.clock.iso(), offsetMs: ctx.clock.offset() } };
      },
    },
    {
      method: 'POST',
      pattern: path('/_sandbox/partner-topics', ''),
      operation: 'admin.partner-topics.add',
      handler: (c) => {
        const items: unknown[] = Array.isArray(c.body) ? c.body : [c.body];
        return { status: 201, body: { value: items.map((b, i) => addPartnerTopic(ctx, b, `partner topic ${i}`)) } };
      },
    },
    { method: 'GET', pattern: path('/_sandbox/settings', ''), operation: 'admin.settings', handler: () => ({ status: 200, body: ctx.settings }) },
    { method: 'PATCH', pattern: path('/_sandbox/settings', ''), operation: 'admin.settings.patch', handler: (c) => ({ status: 200, body: patchSettings(ctx, c.body) }) },
    ...auth0AdminRoutes(ctx),
    ...githubAdminRoutes(ctx),
    // Event delivery: stream/subscription state, webhook validation, dead-letter containers, destination queues.
    ...deliveryAdminRoutes(ctx),
  ];
  return {
    name: 'admin',
    routes,
    errorBody: (err) => ({ error: { code: err.code, message: err.message } }),
  };
}
