/**
 * The CLI's tools for people building Auth0-event consumers (loaded only for these commands):
 *
 *   auth0-eventgrid sandbox [--json] [--port N] [--seed FILE] [--ca-dir DIR] [--set KEY=VALUE …]
 *     Starts the local sandbox (Azure Resource Manager, Entra ID, Auth0, GitHub on loopback over HTTPS),
 *     as `npm run sandbox` does, until interrupted.
 *
 *   auth0-eventgrid send-test-event --to <https url> [--type s,f,…] [--count N] [--tenant NAME] [--json] …
 *     Sends realistic Auth0 log records (the sandbox's generator: valid against Auth0's log schema) to a
 *     webhook as Event Grid delivers them: first the CloudEvents abuse-protection handshake (OPTIONS with
 *     WebHook-Request-Origin; the endpoint must grant with WebHook-Allowed-Origin), then one CloudEvent 1.0
 *     per POST with Event Grid's headers; reports each delivery's status.
 *   auth0-eventgrid send-test-event --via-sandbox <arm url> [--type …] [--count N] [--tenant NAME]
 *     Writes the records into a sandbox tenant's log (admin API), so that they flow through the tenant's
 *     eventgrid log stream, its partner topic and event subscriptions; reports what was published and delivered.
 *
 * A webhook URL may carry a key in its query: only its base URL is ever printed.
 */
import { Agent } from 'node:https';
import { parseArgs } from 'node:util';
import { randomBytes } from 'node:crypto';
import {
  EVENTGRID_ORIGIN,
  LOG_CODES,
  sendWebhook as send,
  validateCloudEventsEndpoint,
  webhookBaseUrl as baseUrl,
  writeLogRecord,
  type Auth0LogRecord,
  type Auth0Tenant,
  type SandboxContext,
} from '../sandbox/index.js';
import { expandSecrets, redact } from './report/index.js';
import { closest } from './config/suggest.js';
import { trimSlashes } from './text.js';

export type Tool = 'sandbox' | 'send-test-event';

interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
}

const BIN = 'auth0-eventgrid';
const DELIVERY_TIMEOUT_MS = 30_000;

class UsageError extends Error {}

export async function runTool(tool: Tool, argv: readonly string[], io: Io): Promise<number> {
  try {
    return tool === 'sandbox' ? await sandboxCommand(argv, io) : await sendTestEvent(argv, io);
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      let message = (e as Error).message;
      const unknown = /^Unknown option '--([^']+)'/.exec(message)?.[1];
      if (unknown !== undefined) {
        // "Did you mean": the options are those its --help lists.
        let help = '';
        const quiet: Io = { stdout: (t) => (help += t), stderr: () => undefined };
        await (tool === 'sandbox' ? sandboxCommand(['--help'], quiet) : sendTestEvent(['--help'], quiet));
        const close = closest(unknown, new Set([...help.matchAll(/--([a-z][a-z-]*)/g)].map((m) => m[1])));
        message = `unknown option --${unknown}${close ? ` (did you mean --${close}?)` : ''}`;
      }
      io.stderr(`${BIN} ${tool}: ${message}\nRun "${BIN} ${tool} --help" for its options.\n`);
      return 2;
    }
    throw e;
  }
}

// ---------------------------------------------------------------- sandbox

/** The sandbox command is the sandbox's own (sandbox/cli.ts), loaded only here. */
async function sandboxCommand(argv: readonly string[], io: Io): Promise<number> {
  const { sandboxCommand: run, SandboxUsageError } = await import('../sandbox/index.js');
  try {
    return await run(argv, io, `${BIN} sandbox`);
  } catch (e) {
    throw e instanceof SandboxUsageError ? new UsageError(e.message) : e;
  }
}

// ---------------------------------------------------------------- send-test-event

const SEND_HELP = `Usage: ${BIN} send-test-event (--to <https url> | --via-sandbox <arm url>) [options]

Sends realistic Auth0 log events (records valid against Auth0's log schema) for developing a consumer.

  --to URL            your webhook: first Event Grid's CloudEvents handshake (OPTIONS with
                      WebHook-Request-Origin: ${EVENTGRID_ORIGIN}; answer 200 with WebHook-Allowed-Origin),
                      then one CloudEvent 1.0 per POST, as Event Grid delivers Auth0's events
  --via-sandbox URL   the sandbox's Azure Resource Manager URL: write the records into a sandbox tenant's
                      log, so that they flow through its log stream, partner topic and event subscriptions

Options:
  --type CODES        Auth0 log event type codes, comma separated (s, f, sapi, fapi, seccft, ss, …; default s)
  --count N           events of each type (1-1000; default 1)
  --tenant NAME       Auth0 tenant name (default: my-tenant; with --via-sandbox, the sandbox's first tenant)
  --data JSON         fields to set in each record, e.g. '{"user_name":"ada@example.com"}'
  --source SOURCE     CloudEvent source (--to; default auth0.com/<tenant>/log-streams/send-test-event)
  --event-type TPL    CloudEvent type, with {code} {category} {tenant} (--to; default auth0.logs.{code})
  --subject TPL       CloudEvent subject, same placeholders (--to; default logs/{code})
  --json              print the result as JSON
  --help, -h          show this help

Exit codes: 0 all events delivered (or, with --via-sandbox, published to an active stream), 1 a failed
handshake or delivery, 2 bad usage. Trust a local endpoint's CA with NODE_EXTRA_CA_CERTS.
`;

interface SendOptions {
  types: string[];
  count: number;
  tenant?: string;
  data: Record<string, unknown>;
  json: boolean;
}

async function sendTestEvent(argv: readonly string[], io: Io): Promise<number> {
  const { values: v } = parseArgs({
    args: [...argv],
    options: {
      to: { type: 'string' },
      'via-sandbox': { type: 'string' },
      type: { type: 'string', default: 's' },
      count: { type: 'string', default: '1' },
      tenant: { type: 'string' },
      data: { type: 'string' },
      source: { type: 'string' },
      'event-type': { type: 'string', default: 'auth0.logs.{code}' },
      subject: { type: 'string', default: 'logs/{code}' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: false,
    strict: true,
  });
  if (v.help) {
    io.stdout(SEND_HELP);
    return 0;
  }
  if (!!v.to === !!v['via-sandbox']) throw new UsageError('give one destination: --to <webhook url> or --via-sandbox <arm url>');
  const types = v.type.split(',').map((t) => t.trim()).filter(Boolean);
  const unknown = types.filter((t) => !LOG_CODES[t]);
  if (!types.length || unknown.length) throw new UsageError(`--type: ${unknown.length ? `unknown ${unknown.map((t) => `"${t}"`).join(', ')}` : 'empty'}; use Auth0 log event type codes such as s, f, sapi, fapi, seccft, ss, slo`);
  const count = Number(v.count);
  if (!/^\d+$/.test(v.count) || count < 1 || count > 1000) throw new UsageError(`--count "${v.count}" must be a whole number from 1 to 1000`);
  if (v.tenant !== undefined && !/^[a-z0-9][a-z0-9-]*$/.test(v.tenant)) throw new UsageError(`--tenant "${v.tenant}" is not a tenant name (lower-case letters, digits, hyphens)`);
  let data: Record<string, unknown> = {};
  if (v.data !== undefined) {
    try {
      data = JSON.parse(v.data);
    } catch (e) {
      throw new UsageError(`--data is not JSON: ${(e as Error).message}`);
    }
    if (!data || typeof data !== 'object' || Array.isArray(data)) throw new UsageError('--data must be a JSON object of record fields');
  }
  const opts: SendOptions = { types, count, tenant: v.tenant, data, json: v.json };
  if (v.to) {
    const url = httpsUrl('--to', v.to);
    return sendDirect(url, opts, { source: v.source, eventType: v['event-type'], subject: v.subject }, io);
  }
  return sendViaSandbox(trimSlashes(httpsUrl('--via-sandbox', v['via-sandbox']!)), opts, io);
}

function httpsUrl(flag: string, value: string): string {
  let u: URL;
  try {
    u = new URL(value);
  } catch {
    throw new UsageError(`${flag} is not a URL`);
  }
  if (u.protocol !== 'https:') throw new UsageError(`${flag} must be an https:// URL (Event Grid delivers over HTTPS only)`);
  return value;
}

/** Secrets of a webhook URL: its query values (a function key, a SAS) and user info, and so the whole URL when it has any. */
function urlSecrets(url: string): string[] {
  const out: string[] = [];
  try {
    const u = new URL(url);
    for (const [, value] of u.searchParams) if (value.length >= 4) out.push(value);
    if (u.password.length >= 4) out.push(u.password);
    if (trimSlashes(baseUrl(url)) !== trimSlashes(url)) out.push(url);
  } catch {
    out.push(url);
  }
  return expandSecrets(out);
}

/** The records, shaped as Auth0 writes them (log_id, date, tenant_name, the fields the type's schema requires). */
function makeRecords(opts: SendOptions & { tenant: string }): Auth0LogRecord[] {
  const tenant: Auth0Tenant = {
    name: opts.tenant,
    domain: `${opts.tenant}.us.auth0.com`,
    clients: new Map([['client', { clientId: randomBytes(16).toString('base64url').slice(0, 32), name: 'My App' } as any]]),
    logStreams: new Map(),
    logs: [],
    streamLimit: 10,
  };
  const ctx = { world: { auth0Tenants: new Map([[tenant.name, tenant]]) }, clock: { now: () => Date.now() } } as unknown as SandboxContext;
  const out: Auth0LogRecord[] = [];
  for (let i = 0; i < opts.count; i++) for (const type of opts.types) out.push(writeLogRecord(ctx, tenant.name, { ...opts.data, type }));
  return out;
}

interface Delivery {
  n: number;
  type: string;
  id: string;
  status: number;
  outcome: 'delivered' | 'failed';
  error?: string;
  durationMs: number;
}

async function sendDirect(url: string, opts: SendOptions, ce: { source?: string; eventType: string; subject: string }, io: Io): Promise<number> {
  const secrets = urlSecrets(url);
  const out = (t: string) => io.stdout(redact(t, secrets));
  const err = (t: string) => io.stderr(redact(t, secrets));
  const endpoint = baseUrl(url);
  const tenant = opts.tenant ?? 'my-tenant';
  const agent = new Agent({ keepAlive: true, maxSockets: 4 });
  try {
    // 1. The CloudEvents abuse-protection handshake, as Event Grid runs it when a subscription is created.
    const hs = await validateCloudEventsEndpoint(agent, url, DELIVERY_TIMEOUT_MS, Date.now());
    if (hs.error) {
      const network = hs.exchange.error ? ` (no answer: ${hs.exchange.error})` : '';
      const msg =
        `${BIN} send-test-event: the endpoint refused Event Grid's handshake, so Event Grid would not deliver to it${network}.\n` +
        `${hs.error.message}\n` +
        `Fix: answer OPTIONS with 200 and the header WebHook-Allowed-Origin: ${EVENTGRID_ORIGIN} (or *), echoing WebHook-Request-Origin.`;
      if (opts.json) out(JSON.stringify({ mode: 'direct', endpoint, handshake: { ok: false, status: hs.exchange.status, error: hs.exchange.error, message: hs.error.message }, events: [], sent: 0, delivered: 0, failed: 0 }, null, 2) + '\n');
      err(msg + '\n');
      return 1;
    }
    if (!opts.json) out(`Handshake: OPTIONS ${endpoint} → ${hs.exchange.status}, origin ${EVENTGRID_ORIGIN} allowed${hs.allowedRate ? `, rate ${hs.allowedRate}` : ''}\n`);

    // 2. One CloudEvent per POST, with Event Grid's headers.
    const records = makeRecords({ ...opts, tenant });
    const source = ce.source ?? `auth0.com/${tenant}/log-streams/send-test-event`;
    const deliveries: Delivery[] = [];
    for (const [i, record] of records.entries()) {
      const vars: Record<string, string> = { code: record.type, category: LOG_CODES[record.type]?.category ?? '', tenant, log_id: record.log_id, stream: 'send-test-event' };
      const fill = (t: string) => t.replace(/\{(code|category|tenant|stream|log_id)\}/g, (_, k: string) => vars[k]);
      const event = { specversion: '1.0', id: record.log_id, source, type: fill(ce.eventType) || record.type, subject: fill(ce.subject) || undefined, time: record.date, datacontenttype: 'application/json', data: record };
      const headers = {
        'content-type': 'application/cloudevents+json; charset=utf-8',
        'webhook-request-origin': EVENTGRID_ORIGIN,
        'aeg-event-type': 'Notification',
        'aeg-subscription-name': 'SEND-TEST-EVENT',
        'aeg-delivery-count': '0',
        'aeg-metadata-version': '1',
        'aeg-data-version': '',
      };
      const r = await send(agent, 'POST', url, headers, JSON.stringify(event), DELIVERY_TIMEOUT_MS);
      const ok = r.status >= 200 && r.status <= 204;
      const d: Delivery = { n: i + 1, type: record.type, id: record.log_id, status: r.status, outcome: ok ? 'delivered' : 'failed', ...(r.error ? { error: r.error } : {}), durationMs: Math.round(r.durationMs) };
      deliveries.push(d);
      if (!opts.json) out(`  ${String(d.n).padStart(3)}  ${d.type.padEnd(8)} ${d.id}  ${d.status || d.error}  ${d.outcome}  ${d.durationMs} ms\n`);
    }
    const delivered = deliveries.filter((d) => d.outcome === 'delivered').length;
    const failed = deliveries.length - delivered;
    if (opts.json) {
      out(JSON.stringify({ mode: 'direct', endpoint, handshake: { ok: true, status: hs.exchange.status, allowedRate: hs.allowedRate }, events: deliveries, sent: deliveries.length, delivered, failed }, null, 2) + '\n');
    } else {
      out(`Delivered ${delivered} of ${deliveries.length} events to ${endpoint}${failed ? ` (${failed} failed: Event Grid counts 200-204 as delivered and retries the rest)` : ''}\n`);
    }
    if (failed) err(`${BIN} send-test-event: ${failed} of ${deliveries.length} deliveries failed: Event Grid counts only 200-204 as delivered.\n`);
    return failed ? 1 : 0;
  } finally {
    agent.destroy();
  }
}

async function adminCall(arm: string, method: string, path: string, body?: unknown): Promise<any> {
  let res: Response;
  try {
    res = await fetch(`${arm}/_sandbox/${path}`, { method, headers: body === undefined ? {} : { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (e) {
    const cause = (e as { cause?: { code?: string; message?: string } }).cause;
    const tls = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY/.test(cause?.code ?? '');
    throw new Error(`could not reach the sandbox at ${arm}: ${cause?.message ?? (e as Error).message}${tls ? ' (trust its CA: export NODE_EXTRA_CA_CERTS=<the CA path the sandbox printed>)' : ''}`, { cause: e });
  }
  const text = await res.text();
  if (!res.ok) {
    let message = text;
    try {
      message = JSON.parse(text)?.error?.message ?? text;
    } catch {
      /* text */
    }
    throw new Error(`the sandbox answered ${res.status} to ${method} /_sandbox/${path}: ${message}`);
  }
  return text ? JSON.parse(text) : undefined;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function sendViaSandbox(arm: string, opts: SendOptions, io: Io): Promise<number> {
  try {
    const tenant = opts.tenant ?? Object.keys((await adminCall(arm, 'GET', 'endpoints')).auth0 ?? {})[0];
    if (!tenant) throw new Error('the sandbox has no Auth0 tenant');
    const streams = ((await adminCall(arm, 'GET', `auth0/${tenant}/log-streams`)).value as any[]).filter((s) => s.type === 'eventgrid');
    const before = await adminCall(arm, 'GET', 'delivery');
    const items = Array.from({ length: opts.count }, () => opts.types.map((type) => ({ ...opts.data, type }))).flat();
    const written = (await adminCall(arm, 'POST', `auth0/${tenant}/logs`, items)).value as Auth0LogRecord[];

    // Which streams take which records: active eventgrid streams whose category filters select them.
    const selects = (s: any, r: Auth0LogRecord) => {
      const cats = (s.filters ?? []).filter((f: any) => (f.type ?? 'category') === 'category').map((f: any) => f.name);
      return !cats.length || cats.includes(LOG_CODES[r.type]?.category);
    };
    const routes = streams.map((s) => ({ id: s.id as string, name: s.name as string, status: s.status as string, topic: s.partnerTopic, records: s.status === 'active' ? written.filter((r) => selects(s, r)).length : 0 }));
    const expected = routes.reduce((n, r) => n + r.records, 0);

    // Wait (at most 10 s) until the streams have published (or failed to) and the subscriptions are idle.
    const published = (view: any, id: string) => {
      const s = (view.streams as any[]).find((x) => x.id === id);
      return s ? (s.published ?? 0) + (s.erroredTotal ?? 0) : 0;
    };
    let after = before;
    for (const deadline = Date.now() + 10_000; Date.now() < deadline; ) {
      await sleep(100);
      after = await adminCall(arm, 'GET', 'delivery');
      const publishedAll = routes.every((r) => published(after, r.id) - published(before, r.id) >= r.records);
      const idle = (after.subscriptions as any[]).every((s) => !s.queued && !s.inflight);
      if (publishedAll && idle) break;
    }
    const subs = (after.subscriptions as any[]).map((s) => {
      const b = (before.subscriptions as any[]).find((x) => x.eventSubscription === s.eventSubscription) ?? {};
      const d = (k: string) => (s[k] ?? 0) - (b[k] ?? 0);
      return { eventSubscription: s.eventSubscription as string, name: s.name as string, delivered: d('delivered'), failedAttempts: d('failedAttempts'), retrying: s.retrying ?? 0, deadLettered: d('deadLettered'), dropped: d('dropped'), lastError: s.lastError };
    });
    const streamResults = routes.map((r) => ({ ...r, published: (after.streams as any[]).find((x) => x.id === r.id)?.published - ((before.streams as any[]).find((x) => x.id === r.id)?.published ?? 0) || 0 }));

    if (opts.json) {
      io.stdout(JSON.stringify({ mode: 'via-sandbox', sandbox: arm, tenant, records: written, streams: streamResults, subscriptions: subs.filter((s) => s.delivered || s.failedAttempts || s.deadLettered || s.dropped) }, null, 2) + '\n');
    } else {
      const lines = [`Wrote ${written.length} ${written.length === 1 ? 'record' : 'records'} to the log of Auth0 tenant ${tenant} in the sandbox at ${arm}:`];
      for (const r of written) lines.push(`  ${r.type.padEnd(8)} ${r.log_id}  ${LOG_CODES[r.type]?.category ?? ''}`);
      if (!streamResults.length) lines.push(`No eventgrid log stream in tenant ${tenant}: nothing is published (run setup against the sandbox first).`);
      for (const s of streamResults) {
        const topic = s.topic?.name ? `partner topic ${s.topic.name}${s.topic.activationState ? ` (${s.topic.activationState})` : ''}` : 'no partner topic yet';
        lines.push(`Stream ${s.name} (${s.status}) → ${topic}: selects ${s.records} of ${written.length}, published ${s.published}`);
      }
      for (const s of subs) {
        if (!(s.delivered || s.failedAttempts || s.deadLettered || s.dropped)) continue;
        lines.push(`  event subscription ${s.name}: ${s.delivered} delivered, ${s.failedAttempts} failed attempts${s.retrying ? `, ${s.retrying} being retried` : ''}${s.deadLettered ? `, ${s.deadLettered} dead-lettered` : ''}${s.dropped ? `, ${s.dropped} dropped` : ''}${s.lastError && s.failedAttempts ? ` (last error: ${typeof s.lastError === 'string' ? s.lastError : JSON.stringify(s.lastError)})` : ''}`);
      }
      io.stdout(lines.join('\n') + '\n');
    }
    if (!expected) {
      io.stderr(`${BIN} send-test-event: no active eventgrid log stream of tenant ${tenant} selects these records, so none flows to Event Grid.\n`);
      return 1;
    }
    return 0;
  } catch (e) {
    io.stderr(`${BIN} send-test-event: ${(e as Error).message}\n`);
    return 1;
  }
}
