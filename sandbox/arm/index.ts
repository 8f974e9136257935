/**
 * The sandbox's Azure Resource Manager: Microsoft.Resources (subscriptions, resource groups, resource
 * providers) and the partner-events part of Microsoft.EventGrid 2025-02-15 (partner configurations,
 * partner topics, their event subscriptions, verified partners, operation status), behind ARM's front
 * door: Entra ID bearer tokens, api-version checks, subscription and tenant checks, throttling, Azure
 * RBAC, resource-provider registration, ARM's error bodies and standard headers.
 *
 * Every request passes, in order: authentication (401) → api-version (400) → subscription (404
 * SubscriptionNotFound) → throttling (429) → RBAC (403) → provider registration (409) → the handler.
 */
import { randomUUID } from 'node:crypto';
import { HttpError, type Ctx, type Reply, type Route, type ServiceDef } from '../core/http.js';
import type { SandboxContext } from '../core/context.js';
import { key } from '../core/state.js';
import { allowed, authenticate, authorizationFailed, isMemberOf } from './auth.js';
import { EVENTGRID, type ArmRoute } from './common.js';
import { eventSubscriptionRoutes } from './eventgrid-event-subscriptions.js';
import { partnerConfigurationRoutes } from './eventgrid-partner-configurations.js';
import { partnerTopicRoutes } from './eventgrid-partner-topics.js';
import type { EgDeps } from './eventgrid-shared.js';
import { verifiedPartnerRoutes } from './eventgrid-verified-partners.js';
import { LroBook } from './lro.js';
import { eventGridRegistered, isKnownNamespace, resourceRoutes, resourceTypeOf } from './resources.js';
import { resourceListRoutes } from './resource-list.js';
import { subscriptionRoutes } from './subscriptions.js';
import { ArmThrottle, kindOf } from './throttle.js';
import { DeliveryEngine, metricsRoutes } from '../delivery/index.js';

export { webhookEndpointUrl, deliveryAttributes } from './eventgrid-event-subscriptions.js';

/** The region ARM's routing ids name (`x-ms-routing-request-id: WESTUS2:20240305T024706Z:{correlation id}`). */
const ROUTING_REGION = 'WESTUS2';
const SUB_IN_PATH = /^\/subscriptions\/([^/]+)/i;
const PROVIDER_IN_PATH = /^(?:\/subscriptions\/[^/]+(?:\/resourcegroups\/[^/]+)?)?\/providers\/([^/]+)(?:\/([^/]+))?/i;
const ISO_PUNCT = /[-:]/g;

function apiVersionError(ctx: SandboxContext, c: Ctx, meta: ArmRoute['arm'], version: string): HttpError {
  const supported = [...meta.apiVersions];
  if (meta.namespace === EVENTGRID) {
    const type = resourceTypeOf(EVENTGRID, meta.resourceType);
    const locations = type?.locations.length ? type.locations.map((l) => l.replace(/\s+/g, '').toLowerCase()) : ['global'];
    const group = c.params.resourceGroupName ? ctx.world.subscriptions.get(key(c.params.subscriptionId ?? ''))?.resourceGroups.get(key(c.params.resourceGroupName)) : undefined;
    const location = group?.location ?? (locations.includes('global') ? 'global' : locations[0]);
    return new HttpError(
      400,
      'NoRegisteredProviderFound',
      `No registered resource provider found for location '${location}' and API version '${version}' for type '${meta.resourceType}'. ` +
        `The supported api-versions are '${supported.join(', ')}'. The supported locations are '${locations.join(', ')}'.`,
    );
  }
  return new HttpError(400, 'InvalidApiVersionParameter', `The api-version '${version}' is invalid. The supported versions are '${supported.join(',')}'.`);
}

export function armService(ctx: SandboxContext): ServiceDef {
  const lro = new LroBook(ctx);
  const throttle = new ArmThrottle(ctx);
  const deps: EgDeps = { ctx, lro };
  const routes: ArmRoute[] = [
    ...resourceRoutes(ctx),
    ...subscriptionRoutes(ctx),
    ...resourceListRoutes(ctx),
    ...partnerConfigurationRoutes(deps),
    ...partnerTopicRoutes(deps),
    ...eventSubscriptionRoutes(deps),
    ...verifiedPartnerRoutes(deps),
    ...lro.routes(),
    // Azure Monitor metrics of partner topics (Microsoft.Insights/metrics), recorded by the delivery engine.
    ...metricsRoutes(ctx, () => (ctx.delivery instanceof DeliveryEngine ? ctx.delivery.metrics : undefined)),
  ];

  async function before(c: Ctx, r: Route): Promise<void> {
    const meta = (r as ArmRoute).arm;
    if (meta.anonymous) {
      const version = c.query.get('api-version');
      if (!version) throw new HttpError(400, 'MissingApiVersionParameter', 'The api-version query parameter (?api-version=) is required for all requests.');
      if (!meta.apiVersions.has(version)) throw apiVersionError(ctx, c, meta, version);
      return;
    }
    const sub = meta.subscriptionScoped ? ctx.world.subscriptions.get(key(c.params.subscriptionId)) : undefined;
    const caller = await authenticate(ctx, c, sub?.tenantId);
    c.locals.caller = caller;
    c.locals.claims = caller.claims;

    const version = c.query.get('api-version');
    if (!version) throw new HttpError(400, 'MissingApiVersionParameter', 'The api-version query parameter (?api-version=) is required for all requests.');
    if (!meta.apiVersions.has(version)) throw apiVersionError(ctx, c, meta, version);

    if (meta.subscriptionScoped) {
      if (!sub || sub.tenantId.toLowerCase() !== caller.tenantId.toLowerCase()) {
        throw new HttpError(404, 'SubscriptionNotFound', `The subscription '${c.params.subscriptionId}' could not be found.`);
      }
      c.locals.sub = sub;
      throttle.admit(sub.subscriptionId, kindOf(c.method), caller.objectId);
    }

    if (meta.authz !== 'any') {
      const { action, scope } = meta.authz(c.params);
      const ok = meta.memberOnly ? isMemberOf(caller.principal, sub!.subscriptionId) : allowed(caller.principal, action, scope);
      if (!ok) throw authorizationFailed(caller, action, scope);
    }

    if (meta.requiresRegistration && !eventGridRegistered(ctx, sub!)) {
      const message = `The subscription is not registered to use namespace '${EVENTGRID}'. See https://aka.ms/rps-not-found for how to register subscriptions.`;
      throw new HttpError(409, 'MissingSubscriptionRegistration', message, {}, [{ code: 'MissingSubscriptionRegistration', target: EVENTGRID, message }]);
    }
  }

  function decorate(c: Ctx, reply: Reply): void {
    // A copy: a scripted fault's headers object is shared by every answer it produces.
    const h: Record<string, string> = (reply.headers = { ...reply.headers });
    const correlation = (c.headers['x-ms-correlation-request-id'] as string | undefined) ?? (c.locals.correlation ??= randomUUID());
    const stamp = ctx.clock.iso().slice(0, 19).replace(ISO_PUNCT, '');
    h['x-ms-request-id'] ??= c.requestId;
    h['x-ms-correlation-request-id'] ??= correlation;
    h['x-ms-routing-request-id'] ??= `${ROUTING_REGION}:${stamp}Z:${correlation}`;
    const kind = kindOf(c.method);
    const subId = (c.locals.sub?.subscriptionId as string | undefined) ?? c.params.subscriptionId ?? SUB_IN_PATH.exec(c.path)?.[1];
    const [name, value] = subId
      ? throttle.record('subscription', subId, kind)
      : throttle.record('tenant', (c.locals.caller?.tenantId as string | undefined) ?? 'anonymous', kind);
    h[name] ??= value;
    h['Cache-Control'] ??= 'no-cache';
    h['Pragma'] ??= 'no-cache';
    h['Expires'] ??= '-1';
    h['X-Content-Type-Options'] ??= 'nosniff';
    h['Strict-Transport-Security'] ??= 'max-age=31536000; includeSubDomains';
  }

  function notFound(c: Ctx): HttpError {
    const m = PROVIDER_IN_PATH.exec(c.path);
    if (m) {
      const [, ns, type] = m;
      if (!isKnownNamespace(ns)) return new HttpError(404, 'InvalidResourceNamespace', `The resource namespace '${ns}' is invalid.`);
      if (type && !resourceTypeOf(ns, type) && !['register', 'unregister'].includes(type.toLowerCase())) {
        return new HttpError(
          404,
          'InvalidResourceType',
          `The resource type '${type}' could not be found in the namespace '${ns}' for api version '${c.query.get('api-version') ?? ''}'.`,
        );
      }
    }
    return new HttpError(404, 'NotFound', `No HTTP resource was found that matches the request URI '${ctx.endpoints.arm}${c.url.pathname}${c.url.search}'.`);
  }

  return {
    name: 'arm',
    routes,
    before,
    decorate,
    notFound,
    errorBody: (err) => ({
      error: { code: err.code, message: err.message, ...(err.details !== undefined ? { details: err.details } : {}) },
    }),
  };
}
