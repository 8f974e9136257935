/**
 * One typed settings object from raw inputs (Action inputs, CLI flags or environment variables).
 * All validation happens here, before any network call; every problem names the input, the value
 * and what is allowed, and all problems are reported at once.
 */
import {
  AUTH0_EVENTGRID_REGIONS,
  AUTH0_FILTER_CATEGORIES,
  AZURE_CLOUDS,
  AZURE_TOKEN_EXCHANGE_AUDIENCE,
  DESTINATION_TYPES,
  type DestinationKind,
} from './facts.js';
import { COMMANDS, INPUTS, type Command } from './inputs.js';
import { LOG_CODE_SET } from './log-codes.js';
import { trimSlashes } from '../text.js';

export type Activation = 'auto' | 'manual' | 'never';
export type FailOn = 'unhealthy' | 'degraded' | 'never';
export type DeliverySchema = 'CloudEventSchemaV1_0' | 'EventGridSchema' | 'CustomInputSchema';

export interface AzureSignIn {
  /** oidc: federated credential with the workflow's OIDC token; secret: client secret; default: the ambient chain (azure/login, environment). */
  kind: 'oidc' | 'secret' | 'default';
  clientId?: string;
  tenantId?: string;
  clientSecret?: string;
  audience: string;
  environment: keyof typeof AZURE_CLOUDS;
  resourceManagerEndpoint: string;
  authorityHost: string;
  resourceManagerScope: string;
  /** True when the endpoints are not those of a public Azure cloud (instance discovery must be off). */
  customCloud: boolean;
}

export interface Destination {
  endpointType: DestinationKind;
  /** WebHook only. Treated as a secret: it often carries a key in its query. */
  webhookUrl?: string;
  resourceId?: string;
  queueName?: string;
}

export interface Settings {
  command: Command;
  azure: { subscriptionId: string; resourceGroup: string; region: string };
  azureSignIn: AzureSignIn;
  auth0: { domain: string; clientId: string; clientSecret: string; tenant?: string };
  stream: {
    name: string;
    /** Empty: all categories (Auth0 streams everything when filters are empty). */
    categories: string[];
    startFrom?: string;
    priority: boolean;
    recreateOnSinkChange: boolean;
    resume: boolean;
    /** Recreate the stream (with startFrom over the gap) when its partner topic is gone for good. */
    recreateIfTopicLost: boolean;
  };
  /** The partner-topic input: the stream's topic named explicitly. */
  partnerTopic?: string;
  authorizationDays: number;
  activation: Activation;
  eventSubscription: {
    name: string;
    destination?: Destination;
    includedEventTypes: string[];
    /** Auth0 log event codes: an advanced filter StringIn on data.type (empty: no filter). */
    logTypes: string[];
    deliverySchema: DeliverySchema;
    maxDeliveryAttempts: number;
    eventTtlMinutes: number;
    deadLetter?: { resourceId: string; container: string };
  };
  waitTimeoutMs: number;
  /** verify: the delivery metrics window, and whether to run the end-to-end probe. */
  verify: { metricsWindowMs: number; probe: boolean };
  dryRun: boolean;
  failOn: FailOn;
  expiry: { warnDays: number; criticalDays: number; autoRenew: boolean; allowShorten: boolean };
  /** Tracking issues: only with a token. */
  github: { token?: string; apiUrl: string; repository?: string };
  concurrency: number;
  /** The environment's name, when the settings come from an environments file. */
  environment?: string;
  /** Values to mask in every output. */
  secrets: string[];
}

export interface InputProblem {
  input: string;
  message: string;
}

export class ConfigError extends Error {
  constructor(public problems: InputProblem[]) {
    super(
      problems.length === 1
        ? `Input '${problems[0].input}': ${problems[0].message}`
        : `${problems.length} inputs need fixing:\n` + problems.map((p) => `  - '${p.input}': ${p.message}`).join('\n'),
    );
    this.name = 'ConfigError';
  }
}

export type RawInputs = (name: string) => string | undefined;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EG_NAME = /^[A-Za-z0-9-]{3,64}$/;
const DURATION = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?$/;
const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

export function isGuid(v: string): boolean {
  return GUID.test(v);
}

/** Azure resource group naming rules: 1-90 of letters, digits, _ - . ( ) and Unicode letters; not ending in a period. */
export function resourceGroupProblem(v: string): string | undefined {
  if (v.length < 1 || v.length > 90) return 'must be 1 to 90 characters';
  if (!/^[-\w.()\p{L}\p{N}]+$/u.test(v)) return 'may contain only letters, digits, underscores, hyphens, periods and parentheses';
  if (v.endsWith('.')) return 'must not end with a period';
  return undefined;
}

export function parseDurationMs(v: string): number | undefined {
  const m = DURATION.exec(v.trim());
  if (!m) return undefined;
  return Number(m[1]) * UNIT_MS[m[2] ?? 's'];
}

/** Event Grid: at most 25 filter values across all the advanced filters of an event subscription. */
export const MAX_ADVANCED_FILTER_VALUES = 25;

/** " (did you mean …?)" for an unknown log code: codes one edit away, then codes it begins (at least two characters). */
function suggestLogCode(code: string): string {
  const all = [...LOG_CODE_SET];
  const near = [...new Set([...all.filter((c) => editDistance(c, code) <= 1), ...(code.length >= 2 ? all.filter((c) => c.startsWith(code)) : [])])].slice(0, 4);
  return near.length ? ` (did you mean ${near.join(', ')}?)` : '';
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) for (let j = 1; j <= b.length; j++) d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length][b.length];
}

export function splitList(v: string | undefined): string[] {
  return (v ?? '')
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export function parseSettings(raw: RawInputs): Settings {
  const problems: InputProblem[] = [];
  const defaults = new Map(INPUTS.map((i) => [i.name, i.default]));
  const get = (name: string): string => {
    const v = raw(name);
    return (v === undefined || v.trim() === '' ? (defaults.get(name) ?? '') : v).trim();
  };
  const bad = (input: string, message: string) => problems.push({ input, message });
  const show = (v: string) => JSON.stringify(v.length > 120 ? v.slice(0, 117) + '...' : v);
  const bool = (name: string): boolean => {
    const v = get(name).toLowerCase();
    if (['true', 'yes', '1', 'on'].includes(v)) return true;
    if (['false', 'no', '0', 'off', ''].includes(v)) return false;
    bad(name, `${show(v)} is not a boolean; use true or false`);
    return false;
  };
  const int = (name: string, min: number, max: number): number => {
    const v = get(name);
    const n = Number(v);
    if (!/^\d+$/.test(v) || n < min || n > max) {
      bad(name, `${show(v)} is not a whole number from ${min} to ${max}`);
      return min;
    }
    return n;
  };
  const oneOf = <T extends string>(name: string, allowed: readonly T[]): T => {
    const v = get(name);
    const hit = allowed.find((a) => a.toLowerCase() === v.toLowerCase());
    if (!hit) bad(name, `${show(v)} is not allowed; use one of: ${allowed.join(', ')}`);
    return hit ?? allowed[0];
  };
  const url = (name: string): string | undefined => {
    const v = get(name);
    if (!v) return undefined;
    try {
      const u = new URL(v);
      if (u.protocol !== 'https:') throw new Error();
      return trimSlashes(v);
    } catch {
      bad(name, `${show(v)} is not an https:// URL`);
      return undefined;
    }
  };

  const command = oneOf('command', COMMANDS);

  // Azure target
  const subscriptionId = get('azure-subscription-id');
  if (!subscriptionId) bad('azure-subscription-id', 'is required: the id (GUID) of the Azure subscription');
  else if (!isGuid(subscriptionId)) bad('azure-subscription-id', `${show(subscriptionId)} is not a GUID like 00000000-0000-0000-0000-000000000000`);
  const resourceGroup = get('azure-resource-group');
  if (!resourceGroup) bad('azure-resource-group', 'is required: the resource group that holds the partner configuration and topic');
  else {
    const p = resourceGroupProblem(resourceGroup);
    if (p) bad('azure-resource-group', `${show(resourceGroup)} ${p}`);
  }
  const region = get('azure-region').toLowerCase().replace(/\s+/g, '');
  if (!region) bad('azure-region', `is required; use one of the regions Auth0 accepts: ${AUTH0_EVENTGRID_REGIONS.join(', ')}`);
  else if (!(AUTH0_EVENTGRID_REGIONS as readonly string[]).includes(region)) {
    bad('azure-region', `${show(get('azure-region'))} is not a region Auth0 can stream to; use one of: ${AUTH0_EVENTGRID_REGIONS.join(', ')}`);
  }

  // Azure sign-in
  const environment = oneOf('azure-environment', Object.keys(AZURE_CLOUDS) as (keyof typeof AZURE_CLOUDS)[]);
  const cloud = AZURE_CLOUDS[environment];
  const armEndpoint = url('azure-resource-manager-endpoint');
  const authorityHost = url('azure-authority-host');
  const clientId = get('azure-client-id');
  const tenantId = get('azure-tenant-id');
  const clientSecret = raw('azure-client-secret')?.trim() ?? '';
  if (clientId && !isGuid(clientId)) bad('azure-client-id', `${show(clientId)} is not a GUID (the application's client id)`);
  if (tenantId && !isGuid(tenantId) && !/^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(tenantId)) bad('azure-tenant-id', `${show(tenantId)} is not a tenant GUID or domain`);
  let kind: AzureSignIn['kind'] = 'default';
  if (clientId || tenantId || clientSecret) {
    if (!clientId) bad('azure-client-id', 'is required with azure-tenant-id or azure-client-secret');
    if (!tenantId) bad('azure-tenant-id', 'is required with azure-client-id');
    kind = clientSecret ? 'secret' : 'oidc';
  }

  // Auth0
  let domain = trimSlashes(get('auth0-domain').replace(/^https:\/\//i, ''));
  if (!domain) bad('auth0-domain', 'is required: your tenant domain, e.g. my-tenant.us.auth0.com');
  else if (!/^[a-z0-9.-]+(:\d{1,5})?$/i.test(domain)) bad('auth0-domain', `${show(domain)} is not a domain name (no scheme, path or query)`);
  domain = domain.toLowerCase();
  const auth0ClientId = get('auth0-client-id');
  const auth0ClientSecret = raw('auth0-client-secret')?.trim() ?? '';
  if (!auth0ClientId) bad('auth0-client-id', 'is required: the client id of a machine-to-machine application with the log_streams scopes');
  if (!auth0ClientSecret) bad('auth0-client-secret', 'is required: the client secret of that application (pass it from a secret)');
  let auth0Tenant = get('auth0-tenant').toLowerCase() || undefined;
  if (!auth0Tenant) {
    const m = /^([a-z0-9-]+)\.(?:[a-z]{2}\.)?auth0\.com$/.exec(domain);
    auth0Tenant = m?.[1];
  } else if (!/^[a-z0-9][a-z0-9-]*$/.test(auth0Tenant)) {
    bad('auth0-tenant', `${show(auth0Tenant)} is not a tenant name (lower-case letters, digits, hyphens)`);
  }

  // Stream
  const categoriesRaw = splitList(get('event-categories'));
  let categories: string[] = [];
  if (!(categoriesRaw.length === 1 && categoriesRaw[0].toLowerCase() === 'all')) {
    const unknown = categoriesRaw.filter((c) => !(AUTH0_FILTER_CATEGORIES as readonly string[]).includes(c));
    if (unknown.length) bad('event-categories', `unknown ${unknown.map(show).join(', ')}; use "all" or any of: ${AUTH0_FILTER_CATEGORIES.join(', ')}`);
    else if (!categoriesRaw.length) bad('event-categories', 'is empty; use "all" or a list of categories');
    categories = [...new Set(categoriesRaw)].sort();
  }
  const startFrom = get('start-from') || undefined;
  if (startFrom && (Number.isNaN(Date.parse(startFrom)) || !/^\d{4}-\d{2}-\d{2}/.test(startFrom))) {
    bad('start-from', `${show(startFrom)} is not an ISO 8601 date-time like 2026-01-31T00:00:00Z`);
  }
  const defaultStreamName = `azure-eventgrid-${resourceGroup}-${subscriptionId.slice(0, 8)}`.toLowerCase();
  const streamName = get('stream-name') || defaultStreamName;
  if (streamName.length > 128) bad('stream-name', 'must be at most 128 characters');

  const authorizationDays = int('authorization-days', 1, 365);
  const activation = oneOf('activation', ['auto', 'manual', 'never'] as const);

  // Event subscription
  const esName = get('event-subscription-name');
  if (!EG_NAME.test(esName)) bad('event-subscription-name', `${show(esName)} must be 3-64 letters, digits or hyphens`);
  const webhookUrl = raw('webhook-url')?.trim() || undefined;
  const destinationId = get('destination-resource-id') || undefined;
  const queueName = get('queue-name') || undefined;
  let destination: Destination | undefined;
  if (webhookUrl && destinationId) {
    bad('webhook-url', 'give one destination: webhook-url or destination-resource-id, not both');
  } else if (webhookUrl) {
    try {
      const u = new URL(webhookUrl);
      if (u.protocol !== 'https:') throw new Error();
      destination = { endpointType: 'WebHook', webhookUrl };
    } catch {
      bad('webhook-url', 'is not an https:// URL (Event Grid delivers to HTTPS endpoints only)');
    }
  } else if (destinationId) {
    const t = DESTINATION_TYPES.find((d) => d.pattern.test(destinationId));
    if (!t || !/^\/subscriptions\/[0-9a-f-]{36}\/resourceGroups\/[^/]+\/providers\//i.test(destinationId)) {
      bad(
        'destination-resource-id',
        `${show(destinationId)} is not the resource id of an Azure Function (…/Microsoft.Web/sites/{app}/functions/{fn}), Event Hub (…/Microsoft.EventHub/namespaces/{ns}/eventhubs/{hub}), Storage account (…/Microsoft.Storage/storageAccounts/{account}, with queue-name), Service Bus queue or topic (…/Microsoft.ServiceBus/namespaces/{ns}/queues|topics/{name})`,
      );
    } else {
      destination = { endpointType: t.endpointType, resourceId: destinationId };
      if (t.endpointType === 'StorageQueue') {
        if (!queueName) bad('queue-name', 'is required with a Storage account destination-resource-id');
        else if (!/^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$/.test(queueName)) bad('queue-name', `${show(queueName)} is not a valid queue name (3-63 lower-case letters, digits, single hyphens)`);
        destination.queueName = queueName;
      }
    }
  }
  if (queueName && destination?.endpointType !== 'StorageQueue' && !problems.some((p) => p.input === 'queue-name')) {
    bad('queue-name', 'only applies to a Storage account destination-resource-id');
  }
  const logTypesRaw = splitList(get('log-types'));
  const logTypes = [...new Set(logTypesRaw.map((c) => c.toLowerCase()))].sort();
  if (logTypes.length) {
    const unknown = logTypes.filter((c) => !LOG_CODE_SET.has(c));
    if (unknown.length) {
      bad('log-types', `unknown Auth0 log event code${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `${show(u)}${suggestLogCode(u)}`).join(', ')}; use the codes of Auth0's "Log Event Type Codes" list (e.g. s, f, fp, seacft, sapi), see docs/consumers.md`);
    } else if (logTypes.length > MAX_ADVANCED_FILTER_VALUES) {
      bad('log-types', `${logTypes.length} codes: Event Grid allows at most ${MAX_ADVANCED_FILTER_VALUES} filter values on an event subscription; give at most ${MAX_ADVANCED_FILTER_VALUES}, or narrow what Auth0 sends with event-categories instead`);
    }
  }
  const deliverySchema = oneOf('delivery-schema', ['CloudEventSchemaV1_0', 'EventGridSchema', 'CustomInputSchema'] as const);
  const maxDeliveryAttempts = int('max-delivery-attempts', 1, 30);
  const eventTtlMinutes = int('event-ttl-minutes', 1, 1440);
  const dl = get('dead-letter-blob-container');
  let deadLetter: Settings['eventSubscription']['deadLetter'];
  if (dl) {
    const m = /^(\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.Storage\/storageAccounts\/[^/]+)\/blobServices\/default\/containers\/([a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9])$/i.exec(dl);
    if (!m) bad('dead-letter-blob-container', `${show(dl)} must look like /subscriptions/{id}/resourceGroups/{rg}/providers/Microsoft.Storage/storageAccounts/{account}/blobServices/default/containers/{container}`);
    else deadLetter = { resourceId: m[1], container: m[2] };
  }

  const waitRaw = get('wait-timeout');
  const waitTimeoutMs = parseDurationMs(waitRaw);
  if (waitTimeoutMs === undefined || waitTimeoutMs < 1000 || waitTimeoutMs > 6 * 3_600_000) {
    bad('wait-timeout', `${show(waitRaw)} is not a duration from 1s to 6h (e.g. 90s, 10m)`);
  }
  const metricsWindowRaw = get('metrics-window');
  const metricsWindowMs = parseDurationMs(metricsWindowRaw);
  if (metricsWindowMs === undefined || metricsWindowMs < 60_000 || metricsWindowMs > 30 * 86_400_000) {
    bad('metrics-window', `${show(metricsWindowRaw)} is not a duration from 1m to 30d (e.g. 1h, 24h, 7d)`);
  }
  const probe = bool('probe');
  const dryRun = bool('dry-run');
  const failOn = oneOf('fail-on', ['unhealthy', 'degraded', 'never'] as const);
  const warnDays = int('warn-days', 0, 365);
  const criticalDays = int('critical-days', 0, 365);
  if (criticalDays > warnDays && !problems.some((p) => p.input === 'warn-days' || p.input === 'critical-days')) {
    bad('critical-days', `${criticalDays} is more than warn-days (${warnDays}); critical-days must be at most warn-days`);
  }
  const autoRenew = bool('auto-renew');
  const allowShorten = bool('allow-shorten');
  const concurrency = int('concurrency', 1, 64);
  const githubToken = raw('github-token')?.trim() || undefined;
  const githubApiUrl = url('github-api-url') ?? (process.env.GITHUB_API_URL === undefined ? undefined : trimSlashes(process.env.GITHUB_API_URL)) ?? 'https://api.github.com';
  const repository = get('repository') || process.env.GITHUB_REPOSITORY || undefined;
  if (repository && !/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(repository)) bad('repository', `${show(repository)} is not owner/name`);
  const recreateOnSinkChange = bool('recreate-on-sink-change');
  const partnerTopic = get('partner-topic') || undefined;
  if (partnerTopic && !EG_NAME.test(partnerTopic)) bad('partner-topic', `${show(partnerTopic)} is not a partner topic name (3-64 letters, digits or hyphens, e.g. auth0-my-tenant-P-BK1VpOIA)`);
  const recreateIfTopicLost = bool('recreate-stream-if-topic-lost');
  const resume = bool('resume-stream');
  const priority = bool('priority');

  if (problems.length) throw new ConfigError(problems);

  const secrets = [clientSecret, auth0ClientSecret, webhookUrl ?? '', githubToken ?? ''].filter((s) => s.length >= 4);
  const customCloud = !!(armEndpoint || authorityHost);
  return {
    command,
    azure: { subscriptionId: subscriptionId.toLowerCase(), resourceGroup, region },
    azureSignIn: {
      kind,
      clientId: clientId || undefined,
      tenantId: tenantId || undefined,
      clientSecret: clientSecret || undefined,
      audience: get('azure-audience') || AZURE_TOKEN_EXCHANGE_AUDIENCE,
      environment,
      resourceManagerEndpoint: armEndpoint ?? cloud.resourceManagerEndpoint,
      authorityHost: authorityHost ?? cloud.authorityHost,
      resourceManagerScope: get('azure-resource-manager-audience') || cloud.resourceManagerScope,
      customCloud,
    },
    auth0: { domain, clientId: auth0ClientId, clientSecret: auth0ClientSecret, tenant: auth0Tenant },
    stream: { name: streamName, categories, startFrom, priority, recreateOnSinkChange, resume, recreateIfTopicLost },
    partnerTopic,
    authorizationDays,
    activation,
    eventSubscription: {
      name: esName,
      destination,
      includedEventTypes: splitList(get('included-event-types')),
      logTypes,
      deliverySchema,
      maxDeliveryAttempts,
      eventTtlMinutes,
      deadLetter,
    },
    waitTimeoutMs: waitTimeoutMs!,
    verify: { metricsWindowMs: metricsWindowMs!, probe },
    dryRun,
    failOn,
    expiry: { warnDays, criticalDays, autoRenew, allowShorten },
    github: { token: githubToken, apiUrl: githubApiUrl, repository },
    concurrency,
    secrets,
  };
}

