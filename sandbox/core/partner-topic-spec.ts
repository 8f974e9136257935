/**
 * Partner topics described by tests and seed files rather than created by Auth0's streams: decoys
 * beside Auth0's own topic (another partner's, another tenant's) or topics in a given state.
 */
import { randomUUID } from 'node:crypto';
import type { SandboxContext } from './context.js';
import { AUTH0_PARTNER, createPartnerTopic, eventGridDescription } from './eventgrid.js';
import { HttpError } from './http.js';
import type { ArmResource } from './state.js';

const NAME = /^[A-Za-z0-9-]{3,64}$/;

/** A partner topic as a test or a seed file describes it. */
export interface PartnerTopicSpec {
  /** Default: the world's only subscription. */
  subscriptionId?: string;
  resourceGroup: string;
  name: string;
  /** Default: a random id. */
  source?: string;
  /** Default: Auth0's. */
  partnerRegistrationImmutableId?: string;
  /** Default: NeverActivated (then it expires after unactivatedTopicTtlDays on the sandbox clock). */
  activationState?: 'NeverActivated' | 'Activated' | 'Deactivated';
  location?: string;
  tags?: Record<string, string>;
  /** Default: Event Grid's text. */
  partnerTopicFriendlyDescription?: string;
  messageForActivation?: string;
  /** Makes it this Auth0 stream's topic (Auth0 publishes to it). */
  stream?: { tenant: string; streamId: string };
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ACTIVATION_STATES = ['NeverActivated', 'Activated', 'Deactivated'];

/**
 * Puts a partner topic into a group as a partner would have created it (POST /_sandbox/partner-topics,
 * a seed's `partnerTopics`). `where` names the entry in errors (400 InvalidPartnerTopic, 409 when the
 * name is taken). Activated or deactivated topics carry no expiry nor activation texts, as Event Grid
 * answers once a topic was activated.
 */
export function addPartnerTopic(ctx: SandboxContext, b: PartnerTopicSpec | any, where: string): ArmResource {
  const bad = (msg: string) => new HttpError(400, 'InvalidPartnerTopic', `${where}: ${msg}`);
  if (!b || typeof b !== 'object' || Array.isArray(b)) throw bad('send an object like {"resourceGroup": "auth0-events", "name": "decoy", "source": "…"}.');
  const subs = [...ctx.world.subscriptions.values()];
  const sub = b.subscriptionId ? ctx.world.subscriptions.get(String(b.subscriptionId).toLowerCase()) : subs.length === 1 ? subs[0] : undefined;
  if (!sub) throw bad(b.subscriptionId ? `subscription "${b.subscriptionId}" does not exist.` : `"subscriptionId" is required when the world has ${subs.length} subscriptions.`);
  const group = typeof b.resourceGroup === 'string' ? sub.resourceGroups.get(b.resourceGroup.toLowerCase()) : undefined;
  if (!group) throw bad(`resource group "${b.resourceGroup}" does not exist in subscription ${sub.subscriptionId}.`);
  if (typeof b.name !== 'string' || !NAME.test(b.name)) throw bad(`"name" must be 3-64 letters, digits and hyphens; got ${JSON.stringify(b.name)}.`);
  if (group.partnerTopics.has(b.name.toLowerCase())) throw new HttpError(409, 'Conflict', `${where}: "${b.name}" already exists in resource group ${group.name}.`);
  const immutableId = b.partnerRegistrationImmutableId ?? AUTH0_PARTNER.immutableId;
  if (typeof immutableId !== 'string' || !GUID.test(immutableId)) throw bad(`"partnerRegistrationImmutableId" must be a GUID; got ${JSON.stringify(immutableId)}.`);
  const state = b.activationState ?? 'NeverActivated';
  if (!ACTIVATION_STATES.includes(state)) throw bad(`"activationState" must be one of ${ACTIVATION_STATES.join(', ')}; got ${JSON.stringify(state)}.`);
  if (b.source !== undefined && typeof b.source !== 'string') throw bad('"source" must be a string.');
  const stream = b.stream;
  if (stream !== undefined && (typeof stream?.tenant !== 'string' || typeof stream?.streamId !== 'string')) throw bad('"stream" must be {"tenant": "…", "streamId": "lst_…"}.');
  const source: string = b.source ?? randomUUID();
  const text = eventGridDescription(b.name, source, ctx.clock.now());
  const record = createPartnerTopic(ctx, sub, group, {
    name: b.name,
    source,
    friendlyDescription: typeof b.partnerTopicFriendlyDescription === 'string' ? b.partnerTopicFriendlyDescription : text,
    messageForActivation: typeof b.messageForActivation === 'string' ? b.messageForActivation : text,
    createdBy: stream ? { tenant: stream.tenant, streamId: stream.streamId } : undefined,
  });
  const t = record.resource;
  t.properties.partnerRegistrationImmutableId = immutableId.toLowerCase();
  if (typeof b.location === 'string') t.location = b.location;
  if (b.tags && typeof b.tags === 'object') t.tags = { ...b.tags };
  if (state !== 'NeverActivated') {
    // Activated once: as Event Grid answers, no expiry nor activation texts any more.
    t.properties.activationState = state;
    delete t.properties.expirationTimeIfNotActivatedUtc;
    delete t.properties.messageForActivation;
    delete t.properties.partnerTopicFriendlyDescription;
  }
  return t;
}
