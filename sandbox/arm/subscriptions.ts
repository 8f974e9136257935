/**
 * What real clients call before anything else: the subscriptions API (`GET /subscriptions`, `GET /tenants`,
 * `GET /subscriptions/{id}/locations`, shaped as the subscriptions API 2022-12-01 describes them) and the
 * cloud metadata endpoint (`GET /metadata/endpoints`), from which the Azure CLI (`az cloud register
 * --endpoint-resource-manager`) and the Python SDK learn the sign-in endpoint and the token audience.
 *
 * `az login` lists the subscriptions of the signed-in principal's tenant; `az login --allow-no-subscriptions`
 * and `az account tenant list` list tenants; `az account list-locations` lists locations.
 */
import type { Ctx } from '../core/http.js';
import type { SandboxContext } from '../core/context.js';
import type { Subscription } from '../core/state.js';
import { ARM_AUDIENCES, isMemberOf, type Caller } from './auth.js';
import { RESOURCES, route, subOf, subScope, SUBSCRIPTIONS_API_VERSIONS, type ArmRoute } from './common.js';
import { REGIONS } from './resources.js';

/** A subscription as the subscriptions API answers it. */
export function subscriptionBody(sub: Subscription) {
  return {
    id: `/subscriptions/${sub.subscriptionId}`,
    subscriptionId: sub.subscriptionId,
    tenantId: sub.tenantId,
    displayName: sub.displayName,
    state: 'Enabled' as const,
    subscriptionPolicies: { locationPlacementId: 'Public_2014-09-01', quotaId: 'PayAsYouGo_2014-09-01', spendingLimit: 'Off' as const },
    authorizationSource: 'RoleBased',
    managedByTenants: [] as { tenantId: string }[],
  };
}

/** The display-name prefix (`(US) West US 2`) and geography of each region the sandbox knows. */
const GEOGRAPHY: Record<string, [group: string, geography: string]> = {
  'West US 2': ['US', 'United States'], 'West US': ['US', 'United States'], 'West US 3': ['US', 'United States'],
  'East US': ['US', 'United States'], 'East US 2': ['US', 'United States'], 'Central US': ['US', 'United States'],
  'North Central US': ['US', 'United States'], 'South Central US': ['US', 'United States'], 'West Central US': ['US', 'United States'],
  'Canada Central': ['Canada', 'Canada'], 'Canada East': ['Canada', 'Canada'], 'Brazil South': ['South America', 'Brazil'],
  'North Europe': ['Europe', 'Europe'], 'West Europe': ['Europe', 'Europe'], 'UK South': ['Europe', 'United Kingdom'],
  'UK West': ['Europe', 'United Kingdom'], 'France Central': ['Europe', 'France'], 'Germany West Central': ['Europe', 'Germany'],
  'Switzerland North': ['Europe', 'Switzerland'], 'Norway East': ['Europe', 'Norway'], 'Sweden Central': ['Europe', 'Sweden'],
  'Poland Central': ['Europe', 'Poland'], 'Italy North': ['Europe', 'Italy'], 'Australia East': ['Asia Pacific', 'Australia'],
  'Australia Southeast': ['Asia Pacific', 'Australia'], 'Central India': ['Asia Pacific', 'India'], 'South India': ['Asia Pacific', 'India'],
  'Japan East': ['Asia Pacific', 'Japan'], 'Japan West': ['Asia Pacific', 'Japan'], 'Korea Central': ['Asia Pacific', 'Korea'],
  'East Asia': ['Asia Pacific', 'Asia Pacific'], 'Southeast Asia': ['Asia Pacific', 'Asia Pacific'],
  'South Africa North': ['Africa', 'South Africa'], 'UAE North': ['Middle East', 'UAE'],
};

function locationBody(sub: Subscription, displayName: string) {
  const name = displayName.replace(/\s+/g, '').toLowerCase();
  const [group, geography] = GEOGRAPHY[displayName] ?? ['US', 'United States'];
  return {
    id: `/subscriptions/${sub.subscriptionId}/locations/${name}`,
    name,
    type: 'Region' as const,
    displayName,
    regionalDisplayName: `(${group}) ${displayName}`,
    metadata: { regionType: 'Physical' as const, geography, geographyGroup: group },
  };
}

function tenantBody(tenantId: string) {
  const domain = 'auth0eventgridsandbox.onmicrosoft.com';
  return {
    id: `/tenants/${tenantId}`,
    tenantId,
    tenantCategory: 'Home' as const,
    countryCode: 'US',
    displayName: 'auth0-eventgrid sandbox',
    domains: [domain],
    defaultDomain: domain,
    tenantType: 'AAD',
  };
}

/** api-versions of the cloud metadata endpoint: 2015-01-01 answers one object, the later ones a list of clouds. */
const METADATA_VERSIONS = ['2015-01-01', '2019-05-01', '2020-06-01', '2022-09-01'] as const;

/** The sandbox as a cloud: its own ARM and Entra ID; the other endpoints point at its ARM listener too (which answers 404). */
function cloudMetadata(ctx: SandboxContext, version: string): unknown {
  const arm = `${ctx.endpoints.arm}/`;
  const login = ctx.endpoints.entra;
  const audiences = [ARM_AUDIENCES[0], ARM_AUDIENCES[2]];
  if (version === '2015-01-01') {
    return { galleryEndpoint: arm, graphEndpoint: arm, portalEndpoint: arm, authentication: { loginEndpoint: `${login}/`, audiences } };
  }
  return [
    {
      name: 'AzureSandbox',
      portal: arm,
      resourceManager: arm,
      gallery: arm,
      authentication: { loginEndpoint: login, audiences, tenant: 'common', identityProvider: 'AAD' },
      suffixes: {},
    },
  ];
}

/** The subscriptions the caller holds any role assignment in (at or below the subscription), in its tenant. */
function visibleSubscriptions(ctx: SandboxContext, caller: Caller): Subscription[] {
  return [...ctx.world.subscriptions.values()].filter(
    (s) => s.tenantId.toLowerCase() === caller.tenantId.toLowerCase() && isMemberOf(caller.principal, s.subscriptionId),
  );
}

export function subscriptionRoutes(ctx: SandboxContext): ArmRoute[] {
  const callerOf = (c: Ctx) => c.locals.caller as Caller;
  return [
    route({
      method: 'GET',
      template: '/subscriptions',
      operation: 'Subscriptions_List',
      namespace: RESOURCES,
      resourceType: 'subscriptions',
      apiVersions: SUBSCRIPTIONS_API_VERSIONS,
      authz: 'any',
      handler: (c) => ({ status: 200, body: { value: visibleSubscriptions(ctx, callerOf(c)).map(subscriptionBody) } }),
    }),
    route({
      method: 'GET',
      template: '/tenants',
      operation: 'Tenants_List',
      namespace: RESOURCES,
      resourceType: 'tenants',
      apiVersions: SUBSCRIPTIONS_API_VERSIONS,
      authz: 'any',
      handler: (c) => ({ status: 200, body: { value: [tenantBody(callerOf(c).tenantId)] } }),
    }),
    route({
      method: 'GET',
      template: '/subscriptions/{subscriptionId}/locations',
      operation: 'Subscriptions_ListLocations',
      namespace: RESOURCES,
      resourceType: 'locations',
      apiVersions: SUBSCRIPTIONS_API_VERSIONS,
      authz: (p) => ({ action: 'Microsoft.Resources/subscriptions/read', scope: subScope(p) }),
      memberOnly: true,
      handler: (c) => ({ status: 200, body: { value: REGIONS.map((r) => locationBody(subOf(c), r)) } }),
    }),
    route({
      method: 'GET',
      template: '/metadata/endpoints',
      // Clients join the path to the ARM endpoint as they were given it, trailing slash included.
      pattern: /^\/+metadata\/endpoints\/?$/i,
      operation: 'Metadata_Endpoints',
      namespace: RESOURCES,
      resourceType: 'metadata',
      apiVersions: METADATA_VERSIONS,
      authz: 'any',
      anonymous: true,
      handler: (c) => ({ status: 200, body: cloudMetadata(ctx, c.query.get('api-version') ?? '') }),
    }),
  ];
}
