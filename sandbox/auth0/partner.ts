/**
 * The partner side of an `eventgrid` log stream: what Auth0 does in Azure when such a stream is created.
 *
 * Modelled behaviour (the real service's internals are not public):
 * - Auth0 checks the target synchronously when the stream is created: the subscription and the
 *   resource group must exist, `Microsoft.EventGrid` must be registered there, and the group's
 *   partner configuration must authorize Auth0 (unexpired). If not, the CREATE fails with a 400 whose
 *   message names what is missing, and no stream is stored. (Auth0 creates the partner topic through
 *   Event Grid's partner API while serving the request, so a missing authorization surfaces as an
 *   error of the create call; the product's README calls this out.)
 * - The partner topic then appears `settings.partnerTopicDelayMs` later (Event Grid provisioning),
 *   in the sink's subscription and group, located in `sink.azureRegion`, `NeverActivated`, with Auth0's
 *   `partnerRegistrationImmutableId`, expiring after `settings.unactivatedTopicTtlDays` unless activated
 *   (core/eventgrid.createPartnerTopic). If the stream is deleted or the group is gone before that
 *   moment, no topic is created.
 * - What is not public is a setting (core/context.ts, with what is known and its source):
 *   the topic's name (`partnerTopicName`), its `source` (`partnerTopicSource`), its descriptions
 *   (`partnerTopicDescription`), what `sink.azurePartnerTopic` holds (`partnerTopicNaming`), and what
 *   deleting the stream does to the topic (`streamDeletionTopicEffect`).
 * - Deleting the partner topic deletes the stream's channel (core/eventgrid.channelDeleted): the stream
 *   stays but never delivers again, and Auth0 never creates another topic for it.
 */
import { randomInt, randomUUID } from 'node:crypto';
import type { SandboxContext } from '../core/context.js';
import { AUTH0_PARTNER, auth0Authorization, createPartnerTopic, eventGridDescription, findGroup, isProviderRegistered, EVENTGRID_NAMESPACE } from '../core/eventgrid.js';
import { key, type PartnerTopicRecord, type ResourceGroup, type Subscription } from '../core/state.js';

export interface EventGridSink {
  azureSubscriptionId: string;
  azureResourceGroup: string;
  azureRegion: string;
  azurePartnerTopic?: string;
}

export type TargetCheck = { ok: true; sub: Subscription; group: ResourceGroup } | { ok: false; message: string };

/** Whether Auth0 may create a partner topic at the sink's target now; if not, why (for a 400 message). */
export function checkPartnerTarget(ctx: SandboxContext, sink: EventGridSink): TargetCheck {
  const fail = (why: string, fix: string): TargetCheck => ({ ok: false, message: `Unable to create the Azure Event Grid partner topic: ${why}. ${fix}` });
  const sub = ctx.world.subscriptions.get(key(sink.azureSubscriptionId));
  if (!sub) {
    return fail(`Azure subscription '${sink.azureSubscriptionId}' was not found`, 'Check azureSubscriptionId.');
  }
  const found = findGroup(ctx, sink.azureSubscriptionId, sink.azureResourceGroup);
  if (!found) {
    return fail(`resource group '${sink.azureResourceGroup}' was not found in Azure subscription '${sink.azureSubscriptionId}'`, 'Create the resource group or check azureResourceGroup.');
  }
  if (!isProviderRegistered(ctx, sub, EVENTGRID_NAMESPACE)) {
    return fail(
      `the resource provider '${EVENTGRID_NAMESPACE}' is not registered in Azure subscription '${sink.azureSubscriptionId}'`,
      `Register ${EVENTGRID_NAMESPACE} on the subscription, then create the log stream again.`,
    );
  }
  const auth = auth0Authorization(ctx, found.group);
  if (!auth.authorized) {
    return fail(
      auth.reason ?? `Auth0 is not authorized in resource group '${found.group.name}'`,
      `Authorize the partner ${AUTH0_PARTNER.name} (immutable id ${AUTH0_PARTNER.immutableId}) in the partner configuration of resource group '${found.group.name}', then create the log stream again.`,
    );
  }
  return { ok: true, sub, group: found.group };
}

/** `auth0-{tenant}-{suffix}`, the tenant part shortened so that the name has at most 50 characters. */
function auth0TopicName(tenant: string, suffix: string): string {
  const room = 50 - 'auth0-'.length - 1 - suffix.length;
  const t = tenant
    .toLowerCase()
    .replace(/[^a-z0-9-]/g, '-')
    .slice(0, room)
    .replace(/-+$/, '');
  return t ? `auth0-${t}-${suffix}` : `auth0-${suffix}`;
}

/** The partner topic's resource name with `partnerTopicName: 'stream-digits'`: `auth0-{tenant}-{16 digits of the stream id}`. */
export function topicResourceName(tenant: string, streamId: string): string {
  return auth0TopicName(tenant, streamId.replace(/\D/g, '').slice(-16) || '0');
}

const MIXED = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/**
 * With `partnerTopicName: 'auth0-random'`: `auth0-{tenant}-{10 characters}` like the real
 * `auth0-axpoit-P-BK1VpOIA`: letters of both cases and digits, every other name with one inner hyphen.
 */
export function randomTopicName(tenant: string): string {
  const chars = Array.from({ length: 10 }, () => MIXED[randomInt(MIXED.length)]);
  if (randomInt(2) === 1) chars[1 + randomInt(8)] = '-';
  return auth0TopicName(tenant, chars.join(''));
}

/** The `sink.azurePartnerTopic` shape seen in the wild (not a resource name). */
export function partnerPath(tenant: string, subscriptionId: string): string {
  return `azure.partner/auth0.com/${tenant}-${subscriptionId}/auth0.logs`;
}

/** The topic's `source` with `partnerTopicSource: 'tenant-and-stream'`. */
export function topicSource(tenant: string, streamId: string): string {
  return `auth0.com/${tenant}/log-streams/${streamId}`;
}

/** The topic's `source` for the current `partnerTopicSource`. */
export function streamTopicSource(ctx: SandboxContext, tenant: string, subscriptionId: string, streamId: string): string {
  switch (ctx.settings.partnerTopicSource) {
    case 'partner-path':
      return partnerPath(tenant, subscriptionId);
    case 'opaque':
      return randomUUID();
    default:
      return topicSource(tenant, streamId);
  }
}

/** Creates the stream's partner topic in `group` (called when the provisioning delay is over). */
export function createStreamTopic(
  ctx: SandboxContext,
  sub: Subscription,
  group: ResourceGroup,
  tenant: string,
  streamId: string,
  region: string,
): PartnerTopicRecord {
  const random = ctx.settings.partnerTopicName === 'auth0-random';
  const base = random ? randomTopicName(tenant) : topicResourceName(tenant, streamId);
  let name = base;
  for (let i = 2; group.partnerTopics.has(key(name)); i++) name = random ? randomTopicName(tenant) : `${base.slice(0, 47)}-${i}`;
  const source = streamTopicSource(ctx, tenant, sub.subscriptionId, streamId);
  const eventGridText = ctx.settings.partnerTopicDescription === 'event-grid-default' ? eventGridDescription(name, source, ctx.clock.now()) : undefined;
  const record = createPartnerTopic(ctx, sub, group, {
    name,
    source,
    friendlyDescription: eventGridText ?? `Auth0 logs of tenant ${tenant} (log stream ${streamId})`,
    messageForActivation:
      eventGridText ??
      `Activate this partner topic to receive the logs of the Auth0 tenant ${tenant} (log stream ${streamId}). Check that the source names your Auth0 tenant before you activate it.`,
    createdBy: { tenant, streamId },
  });
  record.resource.location = region;
  return record;
}

/** The partner topic Auth0 created for a stream, wherever it is, if it still exists. */
export function findStreamTopic(ctx: SandboxContext, tenant: string, streamId: string): { sub: Subscription; group: ResourceGroup; topic: PartnerTopicRecord } | undefined {
  for (const sub of ctx.world.subscriptions.values()) {
    for (const group of sub.resourceGroups.values()) {
      for (const topic of group.partnerTopics.values()) {
        if (topic.createdBy?.tenant === tenant && topic.createdBy.streamId === streamId) return { sub, group, topic };
      }
    }
  }
  return undefined;
}

/**
 * Auth0 deleted a stream, hence its channel: Event Grid deletes the stream's partner topic (with its
 * event subscriptions), or, with `streamDeletionTopicEffect: 'idle'`, leaves it with provisioningState
 * `IdleDueToMirroredChannelResourceDeletion`.
 */
export function streamChannelDeleted(ctx: SandboxContext, tenant: string, streamId: string): void {
  const found = findStreamTopic(ctx, tenant, streamId);
  if (!found) return;
  if (ctx.settings.streamDeletionTopicEffect === 'idle') {
    found.topic.resource.properties.provisioningState = 'IdleDueToMirroredChannelResourceDeletion';
    return;
  }
  found.group.partnerTopics.delete(key(found.topic.resource.name));
}
