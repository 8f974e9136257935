/**
 * Event Grid facts and record factories shared by the ARM service (which serves them) and the Auth0
 * partner side (which creates partner topics as Auth0 does).
 */
import type { SandboxContext } from './context.js';
import { key, type ArmResource, type PartnerTopicRecord, type ResourceGroup, type Subscription } from './state.js';

export const AUTH0_PARTNER = {
  immutableId: '804a11ca-ce9b-4158-8e94-3c8dc7a072ec',
  name: 'Auth0',
  displayName: 'Auth0',
  verifiedPartnerId: '/providers/Microsoft.EventGrid/verifiedPartners/Auth0',
} as const;

export const EVENTGRID_NAMESPACE = 'Microsoft.EventGrid';

/** `defaultMaximumExpirationTimeInDays` when a partner configuration does not set it. */
export const DEFAULT_MAX_EXPIRATION_DAYS = 7;

export function resourceGroupId(subscriptionId: string, group: string): string {
  return `/subscriptions/${subscriptionId}/resourceGroups/${group}`;
}

export function partnerConfigurationId(subscriptionId: string, group: string): string {
  return `${resourceGroupId(subscriptionId, group)}/providers/Microsoft.EventGrid/partnerConfigurations/default`;
}

export function partnerTopicId(subscriptionId: string, group: string, topic: string): string {
  return `${resourceGroupId(subscriptionId, group)}/providers/Microsoft.EventGrid/partnerTopics/${topic}`;
}

export function systemData(ctx: SandboxContext, by: string, byType: 'User' | 'Application' | 'ManagedIdentity' | 'Key', previous?: Record<string, unknown>) {
  const now = ctx.clock.iso();
  return {
    createdBy: (previous?.createdBy as string) ?? by,
    createdByType: (previous?.createdByType as string) ?? byType,
    createdAt: (previous?.createdAt as string) ?? now,
    lastModifiedBy: by,
    lastModifiedByType: byType,
    lastModifiedAt: now,
  };
}

export function isProviderRegistered(ctx: SandboxContext, sub: Subscription, namespace = EVENTGRID_NAMESPACE): boolean {
  const reg = sub.providers.get(key(namespace));
  if (!reg) return false;
  if (reg.state === 'Registering' && reg.until !== undefined && reg.until <= ctx.clock.now()) {
    reg.state = 'Registered';
    delete reg.until;
  }
  return reg.state === 'Registered';
}

export interface AuthorizationStatus {
  authorized: boolean;
  /** ISO expiry of Auth0's entry, when there is one. */
  expiresAt?: string;
  /** Why Auth0 may not create topics here, in words for an error message. */
  reason?: string;
}

/** Whether the group's partner configuration authorizes Auth0 (by immutable id or by name), unexpired, now. */
export function auth0Authorization(ctx: SandboxContext, group: ResourceGroup): AuthorizationStatus {
  const cfg = group.partnerConfiguration;
  if (!cfg) return { authorized: false, reason: `resource group '${group.name}' has no partner configuration authorizing Auth0` };
  const list: any[] = cfg.properties?.partnerAuthorization?.authorizedPartnersList ?? [];
  const entry = list.find(
    (p) =>
      (typeof p.partnerRegistrationImmutableId === 'string' && p.partnerRegistrationImmutableId.toLowerCase() === AUTH0_PARTNER.immutableId) ||
      (typeof p.partnerName === 'string' && p.partnerName.toLowerCase() === AUTH0_PARTNER.name.toLowerCase()),
  );
  if (!entry) return { authorized: false, reason: `the partner configuration of resource group '${group.name}' does not authorize Auth0` };
  const exp = entry.authorizationExpirationTimeInUtc ? Date.parse(entry.authorizationExpirationTimeInUtc) : NaN;
  if (Number.isNaN(exp)) return { authorized: true };
  if (exp <= ctx.clock.now()) {
    return { authorized: false, expiresAt: new Date(exp).toISOString(), reason: `Auth0's authorization in resource group '${group.name}' expired at ${new Date(exp).toISOString()}` };
  }
  return { authorized: true, expiresAt: new Date(exp).toISOString() };
}

export interface NewPartnerTopic {
  name: string;
  source: string;
  friendlyDescription: string;
  messageForActivation: string;
  createdBy?: { tenant: string; streamId: string };
}

/**
 * Creates a partner topic in `group` as Event Grid does when a partner creates one: Auth0's immutable
 * id, `activationState: NeverActivated`, and an `expirationTimeIfNotActivatedUtc` after which an
 * unactivated topic is deleted (scheduled on the sandbox clock).
 */
export function createPartnerTopic(ctx: SandboxContext, sub: Subscription, group: ResourceGroup, t: NewPartnerTopic): PartnerTopicRecord {
  const expiresAt = ctx.clock.now() + ctx.settings.unactivatedTopicTtlDays * 86_400_000;
  const resource: ArmResource = {
    id: partnerTopicId(sub.subscriptionId, group.name, t.name),
    name: t.name,
    type: 'Microsoft.EventGrid/partnerTopics',
    location: group.location,
    tags: {},
    systemData: systemData(ctx, AUTH0_PARTNER.name, 'Application'),
    properties: {
      partnerRegistrationImmutableId: AUTH0_PARTNER.immutableId,
      source: t.source,
      expirationTimeIfNotActivatedUtc: new Date(expiresAt).toISOString(),
      provisioningState: 'Succeeded',
      activationState: 'NeverActivated',
      partnerTopicFriendlyDescription: t.friendlyDescription,
      messageForActivation: t.messageForActivation,
    },
  };
  const record: PartnerTopicRecord = { resource, eventSubscriptions: new Map(), createdBy: t.createdBy };
  group.partnerTopics.set(key(t.name), record);
  scheduleTopicExpiry(ctx, group, record);
  return record;
}

/** Deletes a never-activated topic when its expirationTimeIfNotActivatedUtc passes (as Event Grid does). */
export function scheduleTopicExpiry(ctx: SandboxContext, group: ResourceGroup, record: PartnerTopicRecord): void {
  const at = Date.parse(record.resource.properties.expirationTimeIfNotActivatedUtc ?? '');
  if (Number.isNaN(at)) return;
  ctx.clock.at(at, () => {
    const name = key(record.resource.name);
    if (group.partnerTopics.get(name) === record && record.resource.properties.activationState === 'NeverActivated') {
      group.partnerTopics.delete(name);
      channelDeleted(ctx, record);
    }
  });
}

/** Streams whose channel went with their partner topic: they never deliver again. */
const deletedChannels = new WeakSet<object>();

/**
 * A partner topic was deleted (by a person, or by Event Grid when it expired unactivated): as Event
 * Grid deletes the partner's channel with it, the stream that created the topic can never deliver
 * again, even if a topic of the same name comes back (Auth0 does not create a new one for it).
 */
export function channelDeleted(ctx: SandboxContext, record: PartnerTopicRecord): void {
  const by = record.createdBy;
  const stream = by ? ctx.world.auth0Tenants.get(by.tenant)?.logStreams.get(by.streamId) : undefined;
  if (stream) deletedChannels.add(stream);
}

/** Whether the stream's channel was deleted with its partner topic. */
export function isChannelDeleted(stream: object): boolean {
  return deletedChannels.has(stream);
}

/** `7/18/2022 6:56:54 AM`, the date format of Event Grid's default texts (UTC). */
function usDateTime(ms: number): string {
  const d = new Date(ms);
  const h = d.getUTCHours();
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()} ${h % 12 || 12}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} ${h < 12 ? 'AM' : 'PM'}`;
}

/**
 * The `partnerTopicFriendlyDescription` and `messageForActivation` Event Grid fills in when the partner
 * sets none, word for word as recorded (Azure/azure-cli test_Partner_scenarios_v2.yaml), trailing space included.
 */
export function eventGridDescription(name: string, source: string, createdAtMs: number): string {
  return (
    `The partner topic ${name} was created on behalf of the publisher for source ${source} on ${usDateTime(createdAtMs)}. ` +
    'If you do not recognize or authorize this creation operation, please delete this partner topic and/or reach out to the customer service for the publisher. '
  );
}

/** Finds a subscription and group (case-insensitive), or undefined. */
export function findGroup(ctx: SandboxContext, subscriptionId: string, group: string): { sub: Subscription; group: ResourceGroup } | undefined {
  const sub = ctx.world.subscriptions.get(key(subscriptionId));
  const g = sub?.resourceGroups.get(key(group));
  return sub && g ? { sub, group: g } : undefined;
}
