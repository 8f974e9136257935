/**
 * Auth0 tenant log records. Every record the sandbox writes carries the fields the published log
 * schema (specs/auth0/auth0-log-schemas.all-log-types.schema.json) requires for its type, filled
 * with realistic values, so consumers can be developed against records shaped like Auth0's.
 */
import { randomBytes, randomInt } from 'node:crypto';
import type { SandboxContext } from '../core/context.js';
import type { Auth0LogRecord, Auth0Tenant } from '../core/state.js';
import { LOG_CODES, type LogCode } from './log-codes.js';

export { LOG_CODES, type LogCode } from './log-codes.js';

/** The `environment_name` of sandbox records (Auth0's look like `prod-us-3`). */
export const ENVIRONMENT_NAME = 'sandbox-1';

/** Records kept per tenant; the oldest are dropped beyond this (Auth0 also keeps logs for a limited time). */
export const MAX_LOGS_PER_TENANT = 100_000;

export class LogRecordError extends Error {}

let sequence = 0;

/**
 * A log id shaped like Auth0's (56 digits, starting `900` then the date): ids sort in the order the
 * records were written, which is what `from` (checkpoint) paging relies on.
 */
export function newLogId(nowMs: number): string {
  const d = new Date(nowMs);
  const p = (n: number, w: number) => String(n).padStart(w, '0');
  const stamp = `${d.getUTCFullYear()}${p(d.getUTCMonth() + 1, 2)}${p(d.getUTCDate(), 2)}${p(d.getUTCHours(), 2)}${p(d.getUTCMinutes(), 2)}${p(d.getUTCSeconds(), 2)}${p(d.getUTCMilliseconds(), 3)}`;
  sequence = (sequence + 1) % 1e12;
  let rand = '';
  while (rand.length < 24) rand += String(randomInt(0, 1e9)).padStart(9, '0');
  return `900${stamp}${p(sequence, 12)}${rand.slice(0, 24)}`;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** `over` on top of `base`; plain objects merge recursively, anything else is replaced. */
export function deepMerge(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) {
    if (v === undefined) continue;
    out[k] = isPlainObject(v) && isPlainObject(out[k]) ? deepMerge(out[k] as Record<string, unknown>, v) : v;
  }
  return out;
}

/** Realistic values for the fields a code's schema requires, keyed by field name. */
function fillers(tenant: Auth0Tenant, code: LogCode): Record<string, unknown> {
  const client = [...tenant.clients.values()][0];
  const host = tenant.domain || `${tenant.name}.auth0.sandbox`;
  return {
    description: code.description || code.event,
    ip: '127.0.0.1',
    client_ip: '127.0.0.1',
    hostname: host,
    client_id: client?.clientId ?? '',
    client_name: client?.name ?? '',
    audience: `https://${host}/api/v2/`,
    strategy: 'auth0',
    strategy_type: 'database',
    connection: 'Username-Password-Authentication',
    connection_id: `con_${randomBytes(8).toString('hex')}`,
    user_id: `auth0|${randomBytes(12).toString('hex')}`,
    user_name: 'user@example.com',
    user_agent: 'Chrome 120.0.0 / Mac OS X 10.15.7',
  };
}

/** Fields that identify the user of a connection-based event; added together with `strategy`. */
const USER_FIELDS = ['connection', 'connection_id', 'user_id', 'user_name', 'user_agent'];
/** Fields every record gets (client fields are optional in most schemas but present in Auth0's records). */
const ALWAYS = ['client_id', 'client_name'];

/**
 * Appends a record of `partial.type` (an Auth0 log event code) to the tenant's logs, filling the
 * fields Auth0 always sets (log_id, date, tenant_name, environment_name, description) and those the
 * type's schema requires. Fields given in `partial` win; `details` merges. Throws LogRecordError for
 * an unknown tenant or code.
 */
export function writeLogRecord(ctx: SandboxContext, tenantName: string, partial: Partial<Auth0LogRecord> & { type: string }): Auth0LogRecord {
  const tenant = ctx.world.auth0Tenants.get(tenantName);
  if (!tenant) throw new LogRecordError(`Auth0 tenant '${tenantName}' does not exist in the sandbox.`);
  if (!isPlainObject(partial)) throw new LogRecordError('A log record must be a JSON object.');
  const type = partial.type;
  const code = typeof type === 'string' ? LOG_CODES[type] : undefined;
  if (!code) {
    throw new LogRecordError(`"${String(type)}" is not an Auth0 log event type code (see specs/auth0/log-event-type-codes.tsv; e.g. s, f, sapi, fapi, seccft).`);
  }
  const now = ctx.clock.now();
  const fill = fillers(tenant, code);
  const template = (code.template ?? {}) as Record<string, unknown>;
  const base: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(template)) base[k] = k in fill && (typeof v === 'string' || v === null) ? fill[k] : v;
  for (const k of ALWAYS) base[k] ??= fill[k];
  if ('strategy' in template) for (const k of USER_FIELDS) base[k] ??= fill[k];
  if (!code.inSchema) {
    // Codes the schema does not describe (fapi, du, …): the fields common to all records.
    base.ip ??= fill.ip;
    base.details ??= {};
  }
  if (isPlainObject(base.details)) base.details = fillDates(base.details as Record<string, unknown>, now);
  const record = deepMerge(
    {
      date: new Date(now).toISOString(),
      type: code.code,
      description: fill.description,
      ...base,
    },
    partial,
  ) as Auth0LogRecord;
  record.type = code.code;
  record.log_id = newLogId(now);
  record.tenant_name = tenant.name;
  record.environment_name ??= ENVIRONMENT_NAME;
  if (record.description === undefined || record.description === null) record.description = code.description || code.event;
  tenant.logs.push(record);
  if (tenant.logs.length > MAX_LOGS_PER_TENANT * 1.1) tenant.logs.splice(0, tenant.logs.length - MAX_LOGS_PER_TENANT);
  // Log streams: the delivery engine publishes the record to the tenant's active eventgrid streams (sandbox/delivery).
  ctx.delivery?.recordWritten(tenant.name, record);
  return record;
}

/** Replaces the generator's epoch placeholders with the record's time. */
function fillDates(o: Record<string, unknown>, now: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) {
    if (v === '1970-01-01T00:00:00.000Z') out[k] = new Date(now).toISOString();
    else out[k] = isPlainObject(v) ? fillDates(v, now) : v;
  }
  return out;
}

/** The records of a tenant after checkpoint `from` (exclusive), optionally of some types, at most `take`. */
export function listLogs(tenant: Auth0Tenant, opts: { from?: string; types?: string[]; take?: number }): Auth0LogRecord[] {
  let logs = tenant.logs;
  if (opts.from) {
    const from = opts.from;
    logs = logs.filter((l) => l.log_id > from);
  }
  if (opts.types?.length) {
    const types = new Set(opts.types);
    logs = logs.filter((l) => types.has(l.type));
  }
  return opts.take !== undefined ? logs.slice(0, opts.take) : logs.slice();
}
