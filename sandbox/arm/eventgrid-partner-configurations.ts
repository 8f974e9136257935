/**
 * Microsoft.EventGrid/partnerConfigurations: the single `default` configuration of a resource group
 * (location `global`) holding the partner authorizations. `authorizePartner` adds or replaces one
 * partner's entry, keeping the others, and creates the configuration when the group has none;
 * `unauthorizePartner` removes one entry. An authorization may expire at most
 * `partnerAuthorization.defaultMaximumExpirationTimeInDays` (1–365, 7 when unset) from now.
 *
 * As recorded from real Azure (Azure/azure-cli eventgrid recording test_Partner_scenarios_v2.yaml):
 * a PUT answers 200 synchronously, also when it creates the configuration; DELETE answers 200
 * synchronously with an empty body; a partner entry keeps `partnerName: null` when the request did not
 * name it (only a name without an id is resolved to the known partner's immutable id).
 * Conditional PUT, as ARM defines it for resource providers: `If-None-Match: *` creates only when the
 * group has no configuration and `If-Match: *` replaces only an existing one; otherwise 412
 * `PreconditionFailed` and nothing changes. The resource has no etag, so an `If-Match` naming an etag
 * never matches.
 */
import { HttpError, type Ctx } from '../core/http.js';
import { AUTH0_PARTNER, DEFAULT_MAX_EXPIRATION_DAYS, partnerConfigurationId } from '../core/eventgrid.js';
import type { ArmResource, ResourceGroup } from '../core/state.js';
import { egGroupScope, egSubScope, groupOf, isObject, resourceNotFound, route, subOf, type ArmRoute } from './common.js';
import { DAY_MS, schemas, stamp, type EgDeps } from './eventgrid-shared.js';
import { page } from './odata.js';
import { badRequest, isGuid, requireBody } from './validate.js';

const TYPE = 'Microsoft.EventGrid/partnerConfigurations';
/** Clients compute "now + N days" on their own clock, a little before the request arrives. */
const EXPIRY_GRACE_MS = 5 * 60_000;

/** Partners whose names and immutable ids the sandbox can resolve into each other. */
const KNOWN_PARTNERS = [{ immutableId: AUTH0_PARTNER.immutableId, name: AUTH0_PARTNER.name }];

export function maxExpirationDays(cfg: ArmResource | undefined): number {
  const v = cfg?.properties?.partnerAuthorization?.defaultMaximumExpirationTimeInDays;
  return typeof v === 'number' ? v : DEFAULT_MAX_EXPIRATION_DAYS;
}

interface PartnerEntry {
  partnerRegistrationImmutableId?: string;
  /** null when the request named the partner by immutable id only (as Event Grid answers). */
  partnerName?: string | null;
  authorizationExpirationTimeInUtc?: string;
}

function sameP(a: PartnerEntry, b: PartnerEntry): boolean {
  const ai = a.partnerRegistrationImmutableId?.toLowerCase();
  const bi = b.partnerRegistrationImmutableId?.toLowerCase();
  if (ai && bi) return ai === bi;
  const an = a.partnerName?.toLowerCase();
  const bn = b.partnerName?.toLowerCase();
  return !!an && an === bn;
}

function describe(p: PartnerEntry): string {
  return p.partnerName ?? p.partnerRegistrationImmutableId ?? 'unknown';
}

function checkDays(v: unknown): void {
  if (v === undefined || v === null) return;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > 365) {
    throw badRequest(`The value '${v}' of partnerAuthorization.defaultMaximumExpirationTimeInDays is invalid: it must be an integer between 1 and 365.`);
  }
}

/**
 * A partner entry as stored: both the immutable id and the name when one of them names a known partner,
 * and an expiry within the allowed window (now + max days when the request gives none).
 */
function normalizePartner(deps: EgDeps, p: Record<string, any>, maxDays: number, where: string, unchanged?: PartnerEntry): PartnerEntry {
  const id = typeof p.partnerRegistrationImmutableId === 'string' && p.partnerRegistrationImmutableId ? p.partnerRegistrationImmutableId : undefined;
  const name = typeof p.partnerName === 'string' && p.partnerName ? p.partnerName : undefined;
  if (!id && !name) throw badRequest(`${where}: a partner must be identified by partnerRegistrationImmutableId or partnerName.`);
  if (id && !isGuid(id)) throw badRequest(`${where}: partnerRegistrationImmutableId '${id}' is not a GUID.`);
  const known = KNOWN_PARTNERS.find((k) => (id && k.immutableId === id.toLowerCase()) || (name && k.name.toLowerCase() === name.toLowerCase()));
  const entry: PartnerEntry = {
    partnerRegistrationImmutableId: id?.toLowerCase() ?? known?.immutableId,
    partnerName: name ? (known?.name ?? name) : null,
  };
  const now = deps.ctx.clock.now();
  const limit = now + maxDays * DAY_MS;
  const rawExpiry = p.authorizationExpirationTimeInUtc;
  if (rawExpiry === undefined || rawExpiry === null) {
    entry.authorizationExpirationTimeInUtc = new Date(limit).toISOString();
    return entry;
  }
  const at = Date.parse(rawExpiry);
  if (Number.isNaN(at)) throw badRequest(`${where}: authorizationExpirationTimeInUtc '${rawExpiry}' is not a date-time.`);
  entry.authorizationExpirationTimeInUtc = new Date(at).toISOString();
  if (unchanged && unchanged.authorizationExpirationTimeInUtc && Date.parse(unchanged.authorizationExpirationTimeInUtc) === at) return entry;
  if (at <= now) {
    throw badRequest(`${where}: the authorization expiration time ${entry.authorizationExpirationTimeInUtc} of partner '${describe(entry)}' is not in the future (now: ${new Date(now).toISOString()}).`);
  }
  if (at > limit + EXPIRY_GRACE_MS) {
    throw badRequest(
      `${where}: the authorization expiration time ${entry.authorizationExpirationTimeInUtc} of partner '${describe(entry)}' is more than ${maxDays} days from now. ` +
        `It must be at most partnerAuthorization.defaultMaximumExpirationTimeInDays (${maxDays}) days in the future (${new Date(limit).toISOString()}); ` +
        'raise defaultMaximumExpirationTimeInDays (1-365) on the partner configuration first.',
    );
  }
  return entry;
}

function configResource(deps: EgDeps, c: Ctx, group: ResourceGroup, partnerAuthorization: Record<string, unknown>, tags: Record<string, string>, previous?: ArmResource): ArmResource {
  return {
    properties: { partnerAuthorization, provisioningState: 'Succeeded' },
    systemData: stamp(deps.ctx, c, previous),
    location: 'global',
    tags,
    id: partnerConfigurationId(subOf(c).subscriptionId, group.name),
    name: 'default',
    type: TYPE,
  };
}

function headerOf(c: Ctx, name: string): string | undefined {
  const v = c.headers[name];
  return Array.isArray(v) ? v.join(', ') : v;
}

/** ARM's conditional PUT: If-None-Match: * (create only) and If-Match (replace only), else 412. */
function checkPreconditions(c: Ctx, group: ResourceGroup, current: ArmResource | undefined): void {
  const noneMatch = headerOf(c, 'if-none-match')?.trim();
  const match = headerOf(c, 'if-match')?.trim();
  const where = `resource group '${group.name}'`;
  if (noneMatch) {
    // Without an etag on the resource, only `*` can match an existing configuration.
    if (current && noneMatch === '*') {
      throw new HttpError(
        412,
        'PreconditionFailed',
        `The partner configuration 'default' already exists in ${where}; the request's If-None-Match: * allows only creating it. Read it and change it with authorizePartner, unauthorizePartner or PATCH.`,
      );
    }
  }
  if (match) {
    if (!current) {
      throw new HttpError(412, 'PreconditionFailed', `The partner configuration 'default' does not exist in ${where}; the request's If-Match: ${match} allows only replacing an existing one.`);
    }
    if (match !== '*') {
      throw new HttpError(412, 'PreconditionFailed', `The partner configuration 'default' in ${where} does not match the request's If-Match: ${match} (partner configurations have no etag; use If-Match: *).`);
    }
  }
}

function existing(c: Ctx): { group: ResourceGroup; cfg: ArmResource } {
  const group = groupOf(c);
  const cfg = group.partnerConfiguration;
  if (!cfg) throw resourceNotFound(TYPE, 'default', c.params.resourceGroupName);
  return { group, cfg };
}

function entriesOf(cfg: ArmResource | undefined): PartnerEntry[] {
  return (cfg?.properties?.partnerAuthorization?.authorizedPartnersList as PartnerEntry[] | undefined) ?? [];
}

export function partnerConfigurationRoutes(deps: EgDeps): ArmRoute[] {
  const { ctx } = deps;
  const base = '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.EventGrid/partnerConfigurations';
  const scope = (p: Record<string, string>) => `${egGroupScope(p)}/partnerConfigurations/default`;
  const act = (verb: string) => (p: Record<string, string>) => ({ action: `Microsoft.EventGrid/partnerConfigurations/${verb}`, scope: scope(p) });
  return [
    route({
      method: 'GET',
      template: `${base}/default`,
      operation: 'PartnerConfigurations_Get',
      resourceType: 'partnerConfigurations',
      authz: act('read'),
      handler: (c) => ({ status: 200, body: existing(c).cfg }),
    }),
    route({
      method: 'PUT',
      template: `${base}/default`,
      operation: 'PartnerConfigurations_CreateOrUpdate',
      resourceType: 'partnerConfigurations',
      authz: act('write'),
      handler: (c) => {
        const group = groupOf(c);
        const body = requireBody(c.body);
        schemas.validate(body, 'PartnerConfiguration');
        if (typeof body.location === 'string' && body.location.toLowerCase() !== 'global') {
          throw new HttpError(
            400,
            'LocationNotAvailableForResourceType',
            `The provided location '${body.location}' is not available for resource type '${TYPE}'. List of available regions for the resource type is 'global'.`,
          );
        }
        const auth = isObject(body.properties?.partnerAuthorization) ? body.properties.partnerAuthorization : {};
        checkDays(auth.defaultMaximumExpirationTimeInDays);
        const maxDays = typeof auth.defaultMaximumExpirationTimeInDays === 'number' ? auth.defaultMaximumExpirationTimeInDays : DEFAULT_MAX_EXPIRATION_DAYS;
        const previous = group.partnerConfiguration;
        checkPreconditions(c, group, previous);
        const before = entriesOf(previous);
        const list: PartnerEntry[] = [];
        ((auth.authorizedPartnersList as any[]) ?? []).forEach((p, i) => {
          const where = `partnerAuthorization.authorizedPartnersList[${i}]`;
          const candidate = { partnerRegistrationImmutableId: p?.partnerRegistrationImmutableId, partnerName: p?.partnerName };
          const entry = normalizePartner(deps, p ?? {}, maxDays, where, before.find((b) => sameP(b, candidate)));
          if (list.some((e) => sameP(e, entry))) throw badRequest(`${where}: partner '${describe(entry)}' is listed twice.`);
          list.push(entry);
        });
        const cfg = configResource(deps, c, group, { defaultMaximumExpirationTimeInDays: maxDays, authorizedPartnersList: list }, body.tags ?? {}, previous);
        group.partnerConfiguration = cfg;
        // Real Event Grid answered 200 also for a new configuration (the swagger allows 200 and 201).
        return { status: 200, body: cfg };
      },
    }),
    route({
      method: 'PATCH',
      template: `${base}/default`,
      operation: 'PartnerConfigurations_Update',
      resourceType: 'partnerConfigurations',
      authz: act('write'),
      handler: (c) => {
        const { cfg } = existing(c);
        const body = requireBody(c.body);
        schemas.validate(body, 'PartnerConfigurationUpdateParameters');
        const days = body.properties?.defaultMaximumExpirationTimeInDays;
        checkDays(days);
        if (typeof days === 'number') cfg.properties.partnerAuthorization = { ...cfg.properties.partnerAuthorization, defaultMaximumExpirationTimeInDays: days };
        if (isObject(body.tags)) cfg.tags = body.tags;
        cfg.systemData = stamp(ctx, c, cfg);
        return { status: 200, body: cfg };
      },
    }),
    route({
      method: 'DELETE',
      template: `${base}/default`,
      operation: 'PartnerConfigurations_Delete',
      resourceType: 'partnerConfigurations',
      authz: act('delete'),
      handler: (c) => {
        const group = groupOf(c);
        const cfg = group.partnerConfiguration;
        if (!cfg) return { status: 204 };
        // Real Event Grid deletes the configuration synchronously: 200 with an empty body (the swagger
        // also allows 202 with Location, which the recordings never showed).
        group.partnerConfiguration = undefined;
        return { status: 200 };
      },
    }),
    route({
      method: 'GET',
      template: base,
      operation: 'PartnerConfigurations_ListByResourceGroup',
      resourceType: 'partnerConfigurations',
      authz: (p) => ({ action: 'Microsoft.EventGrid/partnerConfigurations/read', scope: egGroupScope(p) }),
      handler: (c) => {
        const cfg = groupOf(c).partnerConfiguration;
        return { status: 200, body: { value: cfg ? [cfg] : [] } };
      },
    }),
    route({
      method: 'GET',
      template: '/subscriptions/{subscriptionId}/providers/Microsoft.EventGrid/partnerConfigurations',
      operation: 'PartnerConfigurations_ListBySubscription',
      resourceType: 'partnerConfigurations',
      authz: (p) => ({ action: 'Microsoft.EventGrid/partnerConfigurations/read', scope: egSubScope(p) }),
      handler: (c) => {
        const all = function* () {
          for (const g of subOf(c).resourceGroups.values()) if (g.partnerConfiguration) yield g.partnerConfiguration as ArmResource & { name: string };
        };
        return { status: 200, body: page(ctx, c, all()) };
      },
    }),
    route({
      method: 'POST',
      template: `${base}/default/authorizePartner`,
      operation: 'PartnerConfigurations_AuthorizePartner',
      resourceType: 'partnerConfigurations',
      authz: act('authorizePartner/action'),
      handler: (c) => {
        const group = groupOf(c);
        const body = requireBody(c.body);
        schemas.validate(body, 'Partner');
        const previous = group.partnerConfiguration;
        const maxDays = maxExpirationDays(previous);
        const entry = normalizePartner(deps, body, maxDays, 'authorizePartner');
        const list = entriesOf(previous).slice();
        const at = list.findIndex((e) => sameP(e, entry));
        if (at >= 0) list[at] = entry;
        else list.push(entry);
        const partnerAuthorization = { ...(previous?.properties?.partnerAuthorization ?? {}), defaultMaximumExpirationTimeInDays: maxDays, authorizedPartnersList: list };
        const cfg = configResource(deps, c, group, partnerAuthorization, (previous?.tags as Record<string, string>) ?? {}, previous);
        group.partnerConfiguration = cfg;
        return { status: 200, body: cfg };
      },
    }),
    route({
      method: 'POST',
      template: `${base}/default/unauthorizePartner`,
      operation: 'PartnerConfigurations_UnauthorizePartner',
      resourceType: 'partnerConfigurations',
      authz: act('unauthorizePartner/action'),
      handler: (c) => {
        const { group, cfg } = existing(c);
        const body = requireBody(c.body);
        schemas.validate(body, 'Partner');
        const target: PartnerEntry = { partnerRegistrationImmutableId: body.partnerRegistrationImmutableId, partnerName: body.partnerName };
        if (!target.partnerRegistrationImmutableId && !target.partnerName) throw badRequest('unauthorizePartner: a partner must be identified by partnerRegistrationImmutableId or partnerName.');
        const list = entriesOf(cfg);
        const at = list.findIndex((e) => sameP(e, target));
        if (at < 0) {
          throw new HttpError(404, 'NotFound', `Partner '${describe(target)}' is not authorized in the partner configuration of resource group '${group.name}'.`);
        }
        const next = configResource(deps, c, group, { ...cfg.properties.partnerAuthorization, authorizedPartnersList: list.filter((_, i) => i !== at) }, (cfg.tags as Record<string, string>) ?? {}, cfg);
        group.partnerConfiguration = next;
        return { status: 200, body: next };
      },
    }),
  ];
}
