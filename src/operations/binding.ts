/**
 * Which partner topic belongs to which Auth0 log stream: the binding every command shares.
 *
 * Auth0 creates one partner topic per eventgrid stream, but what it writes where is not public: the
 * topic's ARM name (`auth0-{tenant}-{random}` in the one public example), the stream's
 * `sink.azurePartnerTopic` (the topic's name, or `azure.partner/auth0.com/{tenant}-{subscription}/auth0.logs`,
 * or nothing) and the topic's `source` (that partner path, something naming the stream, or something
 * naming neither) all vary. So the binding goes by evidence, strongest first:
 *
 *   1. explicit: the `partner-topic` input names it;
 *   2. tag: the topic's `auth0-eventgrid-stream` tag (written by this product once the topic is
 *      activated) is the stream's id;
 *   3. name: the topic's name equals the stream's `sink.azurePartnerTopic`;
 *   4. source: the topic's source equals `sink.azurePartnerTopic`, when no other stream reports the same value;
 *   5. stream-id: the topic's source contains the stream's id;
 *   6. a guess: the tenant. Only for topics bound to no other stream, and only when nothing else can be
 *      meant: the stream was created by this run and exactly one Auth0 topic appeared after that
 *      (source naming the tenant, or naming no one), with no older stream of the tenant into this
 *      group still waiting for its topic; or, for a stream created earlier, exactly one Auth0 topic
 *      whose source names the tenant and no other stream of the tenant into this group without its topic.
 *
 * A guess is never enough for teardown or deactivate-topic, and is always reported as a guess. A topic
 * left idle (its stream deleted) is bound only by evidence, never listed as a candidate nor guessed.
 * Only Auth0's topics (its partner registration immutable id) are ever considered.
 */
import type { PartnerTopic } from '../azure/arm.js';
import type { LogStream } from '../auth0/log-streams.js';
import { AUTH0_PARTNER_IMMUTABLE_ID } from '../config/facts.js';

/** Tags the product writes on a partner topic it bound (kept beside any other tags). */
export const STREAM_TAG = 'auth0-eventgrid-stream';
export const ENVIRONMENT_TAG = 'auth0-eventgrid-environment';

export type Evidence = 'explicit' | 'tag' | 'name' | 'source' | 'stream-id' | 'tenant' | 'new-topic';

export const EVIDENCE_TEXT: Record<Evidence, string> = {
  explicit: 'named by the partner-topic input',
  tag: `its ${STREAM_TAG} tag is the stream's id`,
  name: "its name is the stream's azurePartnerTopic",
  source: "its source is the stream's azurePartnerTopic",
  'stream-id': "its source names the stream's id",
  tenant: 'a guess: the only Auth0 topic of the tenant in the group not bound to another stream',
  'new-topic': 'a guess: the only Auth0 topic that appeared in the group after this run created the stream',
};

export interface Binding {
  topic?: PartnerTopic;
  evidence?: Evidence;
  /** True when bound by the tenant or by timing alone. */
  guess: boolean;
  /** The group's Auth0 topics, as candidates to list when nothing (or only a guess) binds. */
  candidates: PartnerTopic[];
  /** Why nothing was bound, when a candidate exists but cannot be taken. */
  reason?: string;
  /** The explicitly named topic is bound to another stream. */
  conflict?: string;
}

export interface BindingInput {
  /** The environment's stream (absent: nothing but an explicit name or this environment's tags can bind). */
  stream?: LogStream;
  /** Every partner topic in the group (any partner). */
  topics: PartnerTopic[];
  /** The tenant's log streams (to know which topics are bound elsewhere). */
  streams: LogStream[];
  tenant?: string;
  subscriptionId: string;
  resourceGroup: string;
  /** The partner-topic input. */
  explicit?: string;
  /** The environment's name (a tag of this environment on a topic whose stream is gone binds it for teardown). */
  environment?: string;
  /** When this run created the stream (Azure clock, ms), and the ids of the streams that existed before. */
  createdAt?: number;
  olderStreams?: ReadonlySet<string>;
  /** The names (lower case) of the group's topics just before this run created the stream: none of them is its topic. */
  preexistingTopics?: ReadonlySet<string>;
  allowGuess: boolean;
}

/** Slack for the clocks of Auth0 and Azure when comparing a topic's creation with the stream's. */
const CLOCK_SLACK_MS = 5000;
const RESOURCE_NAME = /^[A-Za-z0-9-]{3,64}$/;

export function isAuth0Topic(t: PartnerTopic): boolean {
  return t.partnerRegistrationImmutableId?.toLowerCase() === AUTH0_PARTNER_IMMUTABLE_ID;
}

/** The provisioningState of a topic whose partner side (Auth0's channel, one per stream) was deleted. */
export const IDLE_STATE = 'IdleDueToMirroredChannelResourceDeletion';

/** A topic left idle: its channel is gone, it never delivers again, and no new stream can use it. */
export function isIdle(t: PartnerTopic): boolean {
  return t.provisioningState === IDLE_STATE;
}

/**
 * Whether a partner topic's source names the Auth0 tenant as a whole label: "dev" does not match
 * "dev-eu" or "mydev", but does match `auth0.com/dev/…` and the partner path
 * `azure.partner/auth0.com/dev-{subscription GUID}/auth0.logs` (the tenant followed by a GUID).
 */
export function sourceNamesTenant(source: string | undefined, tenant: string | undefined): boolean {
  if (!source || !tenant) return false;
  const t = tenant.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const guid = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
  return new RegExp(`(^|[^a-z0-9-])${t}(-${guid})?([^a-z0-9-]|$)`, 'i').test(source);
}

function eq(a: string | undefined, b: string | undefined): boolean {
  return !!a && !!b && a.toLowerCase() === b.toLowerCase();
}

function tagOf(t: PartnerTopic, tag: string): string | undefined {
  const tags = t.tags ?? {};
  const k = Object.keys(tags).find((x) => x.toLowerCase() === tag);
  return k ? tags[k] : undefined;
}

export function streamTag(t: PartnerTopic): string | undefined {
  return tagOf(t, STREAM_TAG);
}

export function environmentTag(t: PartnerTopic): string | undefined {
  return tagOf(t, ENVIRONMENT_TAG);
}

function createdMs(t: PartnerTopic): number {
  const at = t.systemData?.createdAt ? new Date(t.systemData.createdAt).getTime() : NaN;
  return Number.isNaN(at) ? 0 : at;
}

function sinksHere(s: LogStream, sub: string, group: string): boolean {
  return s.type === 'eventgrid' && eq(s.sink?.azureSubscriptionId, sub) && eq(s.sink?.azureResourceGroup, group);
}

/** The stream a topic is bound to by evidence other than a guess (undefined: none of `streams`). */
export function strongOwner(t: PartnerTopic, streams: LogStream[]): { stream?: LogStream; id?: string; evidence: Evidence } | undefined {
  const tagged = streamTag(t);
  if (tagged) return { stream: streams.find((s) => s.id === tagged), id: tagged, evidence: 'tag' };
  const byName = streams.find((s) => eq(s.sink?.azurePartnerTopic, t.name));
  if (byName) return { stream: byName, id: byName.id, evidence: 'name' };
  const byId = streams.find((s) => s.id && t.source?.includes(s.id));
  if (byId) return { stream: byId, id: byId.id, evidence: 'stream-id' };
  const bySource = streams.filter((s) => eq(s.sink?.azurePartnerTopic, t.source));
  if (bySource.length === 1) return { stream: bySource[0], id: bySource[0].id, evidence: 'source' };
  return undefined;
}

/** Finds the stream's partner topic among the group's topics by evidence; see the module comment. */
export function bindTopic(input: BindingInput): Binding {
  const { stream, tenant } = input;
  const auth0 = input.topics.filter(isAuth0Topic);
  // An idle topic is bound only by evidence (to tell its stream that it lost it), never offered nor guessed.
  const candidates = auth0.filter((t) => !isIdle(t));
  const eventgrid = input.streams.filter((s) => s.type === 'eventgrid');
  if (stream && !eventgrid.some((s) => s.id === stream.id)) eventgrid.push(stream);
  const others = eventgrid.filter((s) => s.id !== stream?.id);
  const ownerOf = (t: PartnerTopic) => strongOwner(t, eventgrid);
  const boundElsewhere = (t: PartnerTopic) => {
    const owner = ownerOf(t);
    return !!owner && owner.id !== stream?.id;
  };

  // 1. explicit
  if (input.explicit) {
    const t = input.topics.find((x) => eq(x.name, input.explicit));
    if (!t) return { guess: false, candidates, reason: `no partner topic named '${input.explicit}' (partner-topic) in ${input.resourceGroup}` };
    if (!isAuth0Topic(t)) return { guess: false, candidates, conflict: `partner topic '${t.name}' (partner-topic) is not Auth0's: its partner registration is ${t.partnerRegistrationImmutableId}` };
    const owner = ownerOf(t);
    // An idle topic serves only the stream that owned it (to tell that stream it lost it); stream-less commands (teardown) may still name it.
    if (isIdle(t) && stream && !(owner?.id === stream.id && owner.evidence !== 'source')) {
      return { guess: false, candidates, conflict: `partner topic '${t.name}' (partner-topic) is ${IDLE_STATE}: the stream it belonged to${owner?.id && owner.id !== stream.id ? ` (${owner.id})` : ''} was deleted and it never delivers again; remove partner-topic so that setup binds the topic Auth0 creates for the stream` };
    }
    if (owner && owner.id !== stream?.id && (stream || owner.stream)) {
      return { guess: false, candidates, conflict: `partner topic '${t.name}' (partner-topic) belongs to stream ${owner.id}${owner.stream?.name ? ` ('${owner.stream.name}')` : ''}: ${EVIDENCE_TEXT[owner.evidence].replace("the stream's", 'that stream\'s')}` };
    }
    return { topic: t, evidence: 'explicit', guess: false, candidates };
  }

  if (!stream) {
    // The stream is gone: a topic tagged with this environment and a stream id the tenant no longer has is its leftover.
    if (input.environment) {
      const left = auth0.filter((t) => eq(environmentTag(t), input.environment) && streamTag(t) && !input.streams.some((s) => s.id === streamTag(t)));
      if (left.length === 1) return { topic: left[0], evidence: 'tag', guess: false, candidates };
    }
    return { guess: false, candidates };
  }

  const one = (list: PartnerTopic[], evidence: Evidence): Binding | undefined => {
    if (list.length === 1) return { topic: list[0], evidence, guess: false, candidates };
    if (list.length > 1) {
      // Several: prefer the one activated (the others are leftovers), else undecided.
      const active = list.filter((t) => t.activationState === 'Activated');
      if (active.length === 1) return { topic: active[0], evidence, guess: false, candidates };
      return { guess: false, candidates, reason: `${list.length} Auth0 topics match (${EVIDENCE_TEXT[evidence]})` };
    }
    return undefined;
  };

  // 2. tags
  const tagged = one(auth0.filter((t) => streamTag(t) === stream.id), 'tag');
  if (tagged) return tagged;
  const untaggedOrOurs = auth0.filter((t) => !boundElsewhere(t));
  const named = stream.sink?.azurePartnerTopic;
  // 3. name
  if (named && RESOURCE_NAME.test(named)) {
    const hit = one(untaggedOrOurs.filter((t) => eq(t.name, named)), 'name');
    if (hit) return hit;
  }
  // 4. source equal to azurePartnerTopic (only when no other stream reports the same value)
  if (named && !others.some((s) => eq(s.sink?.azurePartnerTopic, named))) {
    // The partner path is every stream's of the tenant: an idle topic (some deleted stream's) is not taken by it.
    const hit = one(untaggedOrOurs.filter((t) => eq(t.source, named) && !isIdle(t)), 'source');
    if (hit) return hit;
  }
  // 5. the stream id in the source
  const byId = one(untaggedOrOurs.filter((t) => !!t.source?.includes(stream.id)), 'stream-id');
  if (byId) return byId;

  // 6. guesses
  const free = untaggedOrOurs.filter((t) => !streamTag(t) && !isIdle(t));
  const waiting = others.filter(
    (s) => sinksHere(s, input.subscriptionId, input.resourceGroup) && !auth0.some((t) => ownerOf(t)?.id === s.id),
  );
  if (input.createdAt !== undefined) {
    const fresh = free
      .filter((t) => (input.preexistingTopics ? !input.preexistingTopics.has(t.name?.toLowerCase() ?? '') : createdMs(t) >= input.createdAt! - CLOCK_SLACK_MS))
      .filter((t) => !tenant || sourceNamesTenant(t.source, tenant) || !namesSomeAuth0Tenant(t.source))
      .sort((a, b) => createdMs(a) - createdMs(b));
    const older = waiting.filter((s) => input.olderStreams?.has(s.id));
    if (!fresh.length) return { guess: false, candidates };
    if (older.length) return { guess: false, candidates, reason: `stream${older.length > 1 ? 's' : ''} ${older.map((s) => s.id).join(', ')} of the same tenant also wait${older.length > 1 ? '' : 's'} for a topic in this group` };
    if (!input.allowGuess) return { guess: false, candidates, reason: 'only a guess would bind it' };
    // Auth0 creates topics in the order of the streams: the first to appear after ours is ours.
    const evidence: Evidence = tenant && sourceNamesTenant(fresh[0].source, tenant) ? 'tenant' : 'new-topic';
    return { topic: fresh[0], evidence, guess: true, candidates };
  }
  if (!tenant) return { guess: false, candidates, reason: free.length ? 'the Auth0 tenant name is unknown (set auth0-tenant)' : undefined };
  const ofTenant = free.filter((t) => sourceNamesTenant(t.source, tenant));
  if (!ofTenant.length) return { guess: false, candidates };
  if (ofTenant.length > 1) return { guess: false, candidates, reason: `${ofTenant.length} Auth0 topics of tenant '${tenant}' are bound to no stream` };
  if (waiting.length) return { guess: false, candidates, reason: `stream${waiting.length > 1 ? 's' : ''} ${waiting.map((s) => s.id).join(', ')} of the same tenant also stream${waiting.length > 1 ? '' : 's'} into this group without a topic of their own` };
  if (!input.allowGuess) return { guess: false, candidates, reason: `only a guess would bind ${ofTenant[0].name} (its source names the tenant, nothing names the stream)` };
  return { topic: ofTenant[0], evidence: 'tenant', guess: true, candidates };
}

/** Whether a source looks like it names an Auth0 tenant at all (auth0.com/… or the partner path). */
export function namesSomeAuth0Tenant(source: string | undefined): boolean {
  return !!source && /auth0\.com\/[a-z0-9-]+/i.test(source);
}

/** The candidates as lines for an error or a check: name, source, state, created. */
export function describeCandidates(list: PartnerTopic[]): string {
  if (!list.length) return 'no Auth0 partner topic in the group';
  return list
    .map((t) => `${t.name} (source ${t.source ?? 'none'}, ${t.activationState ?? 'unknown'}, created ${t.systemData?.createdAt ? new Date(t.systemData.createdAt).toISOString() : 'unknown'}${streamTag(t) ? `, ${STREAM_TAG}=${streamTag(t)}` : ''})`)
    .join('; ');
}

/** The tags a bound topic should carry (other tags kept); undefined when it carries them already. */
export function wantedTags(t: PartnerTopic, streamId: string, environment: string | undefined): Record<string, string> | undefined {
  const have = t.tags ?? {};
  const same = streamTag(t) === streamId && (environment === undefined || environmentTag(t) === environment);
  if (same) return undefined;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(have)) if (k.toLowerCase() !== STREAM_TAG && k.toLowerCase() !== ENVIRONMENT_TAG) out[k] = v;
  out[STREAM_TAG] = streamId;
  if (environment !== undefined) out[ENVIRONMENT_TAG] = environment;
  return out;
}
