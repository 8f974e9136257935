/**
 * Microsoft.Resources: subscriptions, resource groups and resource providers (registration state
 * NotRegistered → Registering → Registered after `settings.providerRegistrationDelayMs` on the sandbox
 * clock, and back through Unregistering).
 */
import { HttpError, type Ctx } from '../core/http.js';
import type { SandboxContext } from '../core/context.js';
import { key, type ProviderRegistration, type ResourceGroup, type Subscription } from '../core/state.js';
import { allowed } from './auth.js';
import {
  groupScope,
  resourceGroupNotFound,
  RESOURCES,
  route,
  subOf,
  subScope,
  SUBSCRIPTIONS_API_VERSIONS,
  EVENTGRID_API_VERSIONS,
  RESOURCES_API_VERSIONS,
  type ArmRoute,
} from './common.js';
import { subscriptionBody } from './subscriptions.js';
import { page } from './odata.js';

export const REGIONS = [
  'West US 2', 'West US', 'West US 3', 'East US', 'East US 2', 'Central US', 'North Central US', 'South Central US', 'West Central US',
  'Canada Central', 'Canada East', 'Brazil South', 'North Europe', 'West Europe', 'UK South', 'UK West', 'France Central',
  'Germany West Central', 'Switzerland North', 'Norway East', 'Sweden Central', 'Poland Central', 'Italy North',
  'Australia East', 'Australia Southeast', 'Central India', 'South India', 'Japan East', 'Japan West', 'Korea Central',
  'East Asia', 'Southeast Asia', 'South Africa North', 'UAE North',
];

interface ResourceTypeDef {
  resourceType: string;
  locations: string[];
  apiVersions: readonly string[];
  capabilities?: string;
}

interface ProviderDef {
  namespace: string;
  registrationPolicy: 'RegistrationRequired' | 'RegistrationFree';
  resourceTypes: ResourceTypeDef[];
}

const EG_VERSIONS = [...EVENTGRID_API_VERSIONS];
const EG_TYPE = (resourceType: string, locations = REGIONS, capabilities = 'None'): ResourceTypeDef => ({ resourceType, locations, apiVersions: EG_VERSIONS, capabilities });

/** The resource providers the sandbox knows (others: 404 InvalidResourceNamespace). */
export const PROVIDERS: ProviderDef[] = [
  {
    namespace: 'Microsoft.EventGrid',
    registrationPolicy: 'RegistrationRequired',
    resourceTypes: [
      EG_TYPE('operations', []),
      EG_TYPE('locations', []),
      EG_TYPE('locations/operationsStatus', REGIONS),
      EG_TYPE('locations/operationResults', REGIONS),
      EG_TYPE('partnerConfigurations', ['global'], 'SupportsTags, SupportsLocation'),
      EG_TYPE('partnerTopics', REGIONS, 'SupportsTags, SupportsLocation'),
      EG_TYPE('partnerTopics/eventSubscriptions', REGIONS),
      EG_TYPE('verifiedPartners', ['global']),
    ],
  },
  {
    namespace: 'Microsoft.Resources',
    registrationPolicy: 'RegistrationFree',
    resourceTypes: [
      { resourceType: 'tenants', locations: [], apiVersions: [...SUBSCRIPTIONS_API_VERSIONS] },
      { resourceType: 'subscriptions', locations: [], apiVersions: [...SUBSCRIPTIONS_API_VERSIONS] },
      { resourceType: 'subscriptions/locations', locations: [], apiVersions: [...SUBSCRIPTIONS_API_VERSIONS] },
      { resourceType: 'resourceGroups', locations: REGIONS, apiVersions: [...RESOURCES_API_VERSIONS], capabilities: 'SupportsTags, SupportsLocation' },
      { resourceType: 'subscriptions/providers', locations: [], apiVersions: [...RESOURCES_API_VERSIONS] },
      { resourceType: 'subscriptions/resources', locations: [], apiVersions: [...RESOURCES_API_VERSIONS] },
      { resourceType: 'subscriptions/resourceGroups/resources', locations: [], apiVersions: [...RESOURCES_API_VERSIONS] },
    ],
  },
  {
    namespace: 'Microsoft.Authorization',
    registrationPolicy: 'RegistrationFree',
    resourceTypes: [{ resourceType: 'roleAssignments', locations: [], apiVersions: ['2022-04-01'] }],
  },
  ...['Microsoft.EventHub', 'Microsoft.ServiceBus', 'Microsoft.Storage', 'Microsoft.Web', 'Microsoft.Insights'].map(
    (namespace): ProviderDef => ({ namespace, registrationPolicy: 'RegistrationRequired', resourceTypes: [] }),
  ),
];

const BY_NAMESPACE = new Map(PROVIDERS.map((p) => [key(p.namespace), p]));

/** The provider's registration in `sub` (lazily moving Registering/Unregistering on when their time has come). */
export function registrationState(ctx: SandboxContext, sub: Subscription, def: ProviderDef): ProviderRegistration['state'] {
  if (def.registrationPolicy === 'RegistrationFree') return 'Registered';
  const reg = sub.providers.get(key(def.namespace));
  if (!reg) return 'NotRegistered';
  if (reg.until !== undefined && reg.until <= ctx.clock.now()) {
    if (reg.state === 'Registering') reg.state = 'Registered';
    else if (reg.state === 'Unregistering') reg.state = 'NotRegistered';
    delete reg.until;
  }
  return reg.state;
}

function providerBody(ctx: SandboxContext, sub: Subscription, def: ProviderDef) {
  return {
    id: `/subscriptions/${sub.subscriptionId}/providers/${def.namespace}`,
    namespace: def.namespace,
    registrationState: registrationState(ctx, sub, def),
    registrationPolicy: def.registrationPolicy,
    resourceTypes: def.resourceTypes.map((t) => ({
      resourceType: t.resourceType,
      locations: t.locations,
      apiVersions: t.apiVersions,
      ...(t.apiVersions.length ? { defaultApiVersion: t.apiVersions[0] } : {}),
      ...(t.capabilities ? { capabilities: t.capabilities } : {}),
    })),
  };
}

function providerOf(c: Ctx): ProviderDef {
  const def = BY_NAMESPACE.get(key(c.params.resourceProviderNamespace));
  if (!def) throw new HttpError(404, 'InvalidResourceNamespace', `The resource namespace '${c.params.resourceProviderNamespace}' is invalid.`);
  return def;
}

/** Moves a provider to `state` now and on to `final` after the registration delay. */
function transition(ctx: SandboxContext, sub: Subscription, def: ProviderDef, state: 'Registering' | 'Unregistering', final: 'Registered' | 'NotRegistered') {
  const delay = ctx.settings.providerRegistrationDelayMs;
  const k = key(def.namespace);
  if (delay <= 0) {
    sub.providers.set(k, { namespace: def.namespace, state: final });
    return;
  }
  const reg: ProviderRegistration = { namespace: def.namespace, state, until: ctx.clock.now() + delay };
  sub.providers.set(k, reg);
  ctx.clock.at(reg.until!, () => {
    if (sub.providers.get(k) === reg && reg.state === state) {
      reg.state = final;
      delete reg.until;
    }
  });
}

export function groupBody(sub: Subscription, g: ResourceGroup) {
  return {
    id: `/subscriptions/${sub.subscriptionId}/resourceGroups/${g.name}`,
    name: g.name,
    type: 'Microsoft.Resources/resourceGroups',
    location: g.location,
    ...(Object.keys(g.tags).length ? { tags: g.tags } : {}),
    properties: { provisioningState: 'Succeeded' },
  };
}

export function resourceRoutes(ctx: SandboxContext): ArmRoute[] {
  const rgRead = (p: Record<string, string>) => ({ action: 'Microsoft.Resources/subscriptions/resourceGroups/read', scope: groupScope(p) });
  return [
    route({
      method: 'GET',
      template: '/subscriptions/{subscriptionId}',
      operation: 'Subscriptions_Get',
      namespace: RESOURCES,
      resourceType: 'subscriptions',
      apiVersions: SUBSCRIPTIONS_API_VERSIONS,
      authz: (p) => ({ action: 'Microsoft.Resources/subscriptions/read', scope: subScope(p) }),
      memberOnly: true,
      handler: (c) => ({ status: 200, body: subscriptionBody(subOf(c)) }),
    }),
    route({
      method: 'GET',
      template: '/subscriptions/{subscriptionId}/resourcegroups',
      operation: 'ResourceGroups_List',
      namespace: RESOURCES,
      resourceType: 'resourceGroups',
      authz: (p) => ({ action: 'Microsoft.Resources/subscriptions/resourceGroups/read', scope: subScope(p) }),
      memberOnly: true,
      handler: (c) => {
        const sub = subOf(c);
        const principal = c.locals.caller?.principal;
        const visible = [...sub.resourceGroups.values()]
          .filter((g) => allowed(principal, 'Microsoft.Resources/subscriptions/resourceGroups/read', `/subscriptions/${sub.subscriptionId}/resourceGroups/${g.name}`))
          .map((g) => groupBody(sub, g));
        return { status: 200, body: page(ctx, c, visible, false) };
      },
    }),
    route({
      method: 'GET',
      template: '/subscriptions/{subscriptionId}/resourcegroups/{resourceGroupName}',
      operation: 'ResourceGroups_Get',
      namespace: RESOURCES,
      resourceType: 'resourceGroups',
      authz: rgRead,
      handler: (c) => {
        const sub = subOf(c);
        const g = sub.resourceGroups.get(key(c.params.resourceGroupName));
        if (!g) throw resourceGroupNotFound(c.params.resourceGroupName);
        return { status: 200, body: groupBody(sub, g) };
      },
    }),
    route({
      method: 'HEAD',
      template: '/subscriptions/{subscriptionId}/resourcegroups/{resourceGroupName}',
      operation: 'ResourceGroups_CheckExistence',
      namespace: RESOURCES,
      resourceType: 'resourceGroups',
      authz: rgRead,
      handler: (c) => ({ status: subOf(c).resourceGroups.has(key(c.params.resourceGroupName)) ? 204 : 404 }),
    }),
    route({
      method: 'GET',
      template: '/subscriptions/{subscriptionId}/providers',
      operation: 'Providers_List',
      namespace: RESOURCES,
      resourceType: 'subscriptions/providers',
      authz: (p) => ({ action: 'Microsoft.Resources/subscriptions/providers/read', scope: subScope(p) }),
      memberOnly: true,
      handler: (c) => {
        const sub = subOf(c);
        const all = PROVIDERS.map((def) => ({ ...providerBody(ctx, sub, def), name: def.namespace }));
        const p = page(ctx, c, all, false);
        return { status: 200, body: { value: p.value.map(({ name: _n, ...rest }) => rest), ...(p.nextLink ? { nextLink: p.nextLink } : {}) } };
      },
    }),
    route({
      method: 'GET',
      template: '/subscriptions/{subscriptionId}/providers/{resourceProviderNamespace}',
      operation: 'Providers_Get',
      namespace: RESOURCES,
      resourceType: 'subscriptions/providers',
      authz: (p) => ({ action: 'Microsoft.Resources/subscriptions/providers/read', scope: subScope(p) }),
      memberOnly: true,
      handler: (c) => ({ status: 200, body: providerBody(ctx, subOf(c), providerOf(c)) }),
    }),
    route({
      method: 'POST',
      template: '/subscriptions/{subscriptionId}/providers/{resourceProviderNamespace}/register',
      operation: 'Providers_Register',
      namespace: RESOURCES,
      resourceType: 'subscriptions/providers',
      authz: (p) => ({ action: `${BY_NAMESPACE.get(key(p.resourceProviderNamespace))?.namespace ?? p.resourceProviderNamespace}/register/action`, scope: subScope(p) }),
      handler: (c) => {
        const sub = subOf(c);
        const def = providerOf(c);
        const state = registrationState(ctx, sub, def);
        if (state === 'NotRegistered' || state === 'Unregistering') transition(ctx, sub, def, 'Registering', 'Registered');
        return { status: 200, body: providerBody(ctx, sub, def) };
      },
    }),
    route({
      method: 'POST',
      template: '/subscriptions/{subscriptionId}/providers/{resourceProviderNamespace}/unregister',
      operation: 'Providers_Unregister',
      namespace: RESOURCES,
      resourceType: 'subscriptions/providers',
      authz: (p) => ({ action: `${BY_NAMESPACE.get(key(p.resourceProviderNamespace))?.namespace ?? p.resourceProviderNamespace}/unregister/action`, scope: subScope(p) }),
      handler: (c) => {
        const sub = subOf(c);
        const def = providerOf(c);
        if (def.registrationPolicy === 'RegistrationFree') {
          throw new HttpError(409, 'Conflict', `The resource provider '${def.namespace}' cannot be unregistered: its registration policy is RegistrationFree.`);
        }
        const state = registrationState(ctx, sub, def);
        if (state === 'Registered' || state === 'Registering') transition(ctx, sub, def, 'Unregistering', 'NotRegistered');
        return { status: 200, body: providerBody(ctx, sub, def) };
      },
    }),
  ];
}

export function isKnownNamespace(ns: string): boolean {
  return BY_NAMESPACE.has(key(ns));
}

const EVENTGRID_DEF = BY_NAMESPACE.get('microsoft.eventgrid')!;

/** Whether Microsoft.EventGrid is Registered on `sub` (flipping a finished Registering/Unregistering). */
export function eventGridRegistered(ctx: SandboxContext, sub: Subscription): boolean {
  return registrationState(ctx, sub, EVENTGRID_DEF) === 'Registered';
}

/** A resource type of a known provider (the first type segment, case-insensitive), if any. */
export function resourceTypeOf(namespace: string, type: string): ResourceTypeDef | undefined {
  const t = type.toLowerCase();
  return BY_NAMESPACE.get(key(namespace))?.resourceTypes.find((r) => r.resourceType.toLowerCase() === t);
}
