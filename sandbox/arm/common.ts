/**
 * Shared pieces of the ARM service: route metadata (namespace, api-versions, RBAC action and scope),
 * ARM's error answers, and lookups of subscriptions, groups and resources that answer with ARM's 404s.
 */
import { HttpError, path, type Ctx, type Handler, type Route } from '../core/http.js';
import { key, type ResourceGroup, type Subscription } from '../core/state.js';
import type { SandboxContext } from '../core/context.js';

export const EVENTGRID = 'Microsoft.EventGrid';
export const RESOURCES = 'Microsoft.Resources';
/** Azure Monitor (metrics of Event Grid resources, served by sandbox/delivery/metrics.ts). */
export const INSIGHTS = 'Microsoft.Insights';

/** Microsoft.EventGrid api-versions served (2025-02-15 is the newest stable; @azure/arm-eventgrid 14 defaults to 2022-06-15). */
export const EVENTGRID_API_VERSIONS = ['2025-02-15', '2022-06-15'] as const;
/**
 * Microsoft.Resources api-versions served: ARM accepts every published version of an operation
 * (@azure/arm-resources 7 sends 2025-04-01; the Azure CLI and the Python SDK send older ones, e.g. 2021-04-01,
 * 2022-09-01).
 */
export const RESOURCES_API_VERSIONS = [
  '2025-04-01', '2025-03-01', '2024-11-01', '2024-07-01', '2024-03-01', '2023-07-01', '2022-12-01', '2022-09-01', '2021-04-01', '2021-01-01',
  '2020-10-01', '2020-06-01', '2019-10-01', '2019-08-01', '2019-07-01', '2019-05-10', '2019-05-01', '2019-03-01', '2018-05-01',
  '2018-02-01', '2017-05-10', '2016-09-01', '2016-02-01',
] as const;
/**
 * api-versions of the subscriptions API (subscriptions, tenants, locations): its published versions
 * (@azure/arm-resources-subscriptions and the Azure CLI 2.45 / azure-mgmt-resource send 2022-12-01, 2021-01-01,
 * 2019-11-01, 2016-06-01, …); ARM takes the Microsoft.Resources versions for them too.
 */
export const SUBSCRIPTIONS_API_VERSIONS: readonly string[] = [
  ...new Set([
    '2022-12-01', '2021-01-01', '2020-01-01', '2019-11-01', '2019-06-01', '2018-06-01', '2016-06-01', '2016-01-01', '2015-11-01', '2015-01-01', '2014-04-01',
    ...RESOURCES_API_VERSIONS,
  ]),
];

export interface Authz {
  action: string;
  scope: string;
}

export interface ArmMeta {
  namespace: typeof EVENTGRID | typeof RESOURCES | typeof INSIGHTS;
  /** The resource type named in NoRegisteredProviderFound (e.g. `partnerTopics`). */
  resourceType: string;
  apiVersions: ReadonlySet<string>;
  /** Routes under /subscriptions/{subscriptionId}. */
  subscriptionScoped: boolean;
  /** Whether the namespace must be registered on the subscription (Microsoft.EventGrid calls). */
  requiresRegistration: boolean;
  /**
   * The RBAC action and scope the caller needs; 'any' lets any authenticated caller through (tenant-level
   * reads, LRO polling).
   */
  authz: ((p: Record<string, string>) => Authz) | 'any';
  /** Any role assignment inside the subscription suffices (provider and subscription reads); `authz` names the action in the 403. */
  memberOnly: boolean;
  /** Served without a token (the cloud metadata endpoint): only the api-version is checked. */
  anonymous: boolean;
}

export interface ArmRoute extends Route {
  arm: ArmMeta;
}

export interface RouteSpec {
  method: string;
  template: string;
  operation: string;
  handler: Handler;
  resourceType: string;
  authz: ArmMeta['authz'];
  memberOnly?: boolean;
  namespace?: ArmMeta['namespace'];
  apiVersions?: readonly string[];
  requiresRegistration?: boolean;
  write?: boolean;
  anonymous?: boolean;
  /** A pattern instead of the one made from `template` (the template still decides subscription scoping). */
  pattern?: RegExp;
}

const versionSets = new Map<readonly string[], ReadonlySet<string>>();

export function route(spec: RouteSpec): ArmRoute {
  const namespace = spec.namespace ?? EVENTGRID;
  const versions = spec.apiVersions ?? (namespace === EVENTGRID ? EVENTGRID_API_VERSIONS : RESOURCES_API_VERSIONS);
  let set = versionSets.get(versions);
  if (!set) versionSets.set(versions, (set = new Set(versions)));
  const subscriptionScoped = spec.template.toLowerCase().startsWith('/subscriptions/{subscriptionid}');
  return {
    method: spec.method,
    pattern: spec.pattern ?? path(spec.template),
    operation: spec.operation,
    write: spec.write,
    handler: spec.handler,
    arm: {
      namespace,
      resourceType: spec.resourceType,
      apiVersions: set,
      subscriptionScoped,
      requiresRegistration: spec.requiresRegistration ?? (namespace === EVENTGRID && subscriptionScoped),
      authz: spec.authz,
      memberOnly: spec.memberOnly ?? false,
      anonymous: spec.anonymous ?? false,
    },
  };
}

// ---- ids and scopes -------------------------------------------------------------------------------

export const subScope = (p: Record<string, string>) => `/subscriptions/${p.subscriptionId}`;
export const groupScope = (p: Record<string, string>) => `/subscriptions/${p.subscriptionId}/resourceGroups/${p.resourceGroupName}`;
export const egGroupScope = (p: Record<string, string>) => `${groupScope(p)}/providers/Microsoft.EventGrid`;
export const egSubScope = (p: Record<string, string>) => `${subScope(p)}/providers/Microsoft.EventGrid`;

// ---- errors ---------------------------------------------------------------------------------------

export function resourceGroupNotFound(name: string): HttpError {
  return new HttpError(404, 'ResourceGroupNotFound', `Resource group '${name}' could not be found.`);
}

export function resourceNotFound(type: string, name: string, group: string): HttpError {
  return new HttpError(
    404,
    'ResourceNotFound',
    `The Resource '${type}/${name}' under resource group '${group}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix`,
  );
}

export function parentNotFound(parent: string): HttpError {
  return new HttpError(404, 'ParentResourceNotFound', `Can not perform requested operation on nested resource. Parent resource '${parent}' not found.`);
}

export function subscriptionNotFound(id: string): HttpError {
  return new HttpError(404, 'SubscriptionNotFound', `The subscription '${id}' could not be found.`);
}

// ---- lookups --------------------------------------------------------------------------------------

/** The subscription resolved by `before` (it has checked it exists and belongs to the caller's tenant). */
export function subOf(c: Ctx): Subscription {
  return c.locals.sub as Subscription;
}

export function groupOf(c: Ctx): ResourceGroup {
  const g = subOf(c).resourceGroups.get(key(c.params.resourceGroupName));
  if (!g) throw resourceGroupNotFound(c.params.resourceGroupName);
  return g;
}

/** Who the caller is, for systemData. */
export function caller(c: Ctx): { by: string; byType: 'Application' | 'User' } {
  const claims = c.locals.claims ?? {};
  if (claims.idtyp === 'user' || claims.upn || claims.unique_name) return { by: String(claims.upn ?? claims.unique_name ?? claims.oid), byType: 'User' };
  return { by: String(claims.appid ?? claims.azp ?? claims.oid ?? 'unknown'), byType: 'Application' };
}

/** The public base URL of ARM (for Location / Azure-AsyncOperation / nextLink). */
export function armBase(ctx: SandboxContext, c: Ctx): string {
  if (ctx.endpoints.arm) return ctx.endpoints.arm;
  return `https://${c.headers.host ?? '127.0.0.1'}`;
}

export function apiVersionOf(c: Ctx): string {
  return c.query.get('api-version') ?? '';
}

export function isObject(v: unknown): v is Record<string, any> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
