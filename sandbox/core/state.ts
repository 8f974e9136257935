/**
 * The sandbox's world: Azure subscriptions (providers, resource groups, Event Grid resources),
 * Entra principals with role assignments, Auth0 tenants (clients, log streams, log records) and the
 * GitHub side. Event Grid resources are stored as the JSON ARM returns, so what a GET answers is what
 * was stored.
 */

export type ProviderState = 'NotRegistered' | 'Registering' | 'Registered' | 'Unregistering';

export interface ProviderRegistration {
  namespace: string;
  state: ProviderState;
  /** While Registering: sandbox-clock ms at which it becomes Registered. */
  until?: number;
}

export interface ArmResource {
  id: string;
  name: string;
  type: string;
  location?: string;
  tags?: Record<string, string>;
  systemData?: Record<string, unknown>;
  properties: Record<string, any>;
  [key: string]: unknown;
}

export interface PartnerTopicRecord {
  resource: ArmResource;
  eventSubscriptions: Map<string, ArmResource>;
  /** Auth0 stream that created the topic (tenant name and stream id), when created by the partner side. */
  createdBy?: { tenant: string; streamId: string };
}

export interface ResourceGroup {
  name: string;
  location: string;
  tags: Record<string, string>;
  partnerConfiguration?: ArmResource;
  partnerTopics: Map<string, PartnerTopicRecord>;
}

export interface Subscription {
  subscriptionId: string;
  displayName: string;
  tenantId: string;
  providers: Map<string, ProviderRegistration>;
  resourceGroups: Map<string, ResourceGroup>;
}

export interface RoleAssignment {
  /** A built-in role name: Owner, Contributor, Reader, EventGrid Contributor, EventGrid EventSubscription Contributor. */
  role: string;
  /** `/subscriptions/{id}` or `/subscriptions/{id}/resourceGroups/{name}` (or deeper). */
  scope: string;
}

export interface FederatedCredential {
  /** The token issuer URL; the seed may say "github-actions" for the sandbox's own GitHub Actions issuer. */
  issuer: string;
  subject: string;
  audiences: string[];
}

export interface Principal {
  clientId: string;
  objectId: string;
  tenantId: string;
  displayName: string;
  secrets: string[];
  federatedCredentials: FederatedCredential[];
  roleAssignments: RoleAssignment[];
}

export interface Auth0Client {
  clientId: string;
  clientSecret: string;
  name: string;
  scopes: string[];
}

export interface Auth0LogRecord {
  log_id: string;
  date: string;
  type: string;
  description?: string;
  [key: string]: unknown;
}

export interface Auth0Tenant {
  /** The tenant name, as in `{name}.us.auth0.com`. */
  name: string;
  /** `127.0.0.1:PORT` once its listener is up. */
  domain: string;
  clients: Map<string, Auth0Client>;
  logStreams: Map<string, Record<string, any>>;
  logs: Auth0LogRecord[];
  streamLimit: number;
}

export interface World {
  subscriptions: Map<string, Subscription>;
  principals: Map<string, Principal>;
  auth0Tenants: Map<string, Auth0Tenant>;
  /** Free-form state of the GitHub API side, owned by sandbox/github. */
  github: Record<string, any>;
}

export function emptyWorld(): World {
  return { subscriptions: new Map(), principals: new Map(), auth0Tenants: new Map(), github: {} };
}

export const key = (s: string) => s.toLowerCase();
