/**
 * Reading the integration's state (read-only) and judging it: the checks of `verify`, also run at the
 * end of `setup` on the state setup already holds (so a converged re-run costs only reads).
 */
import type { EventSubscription, PartnerConfiguration, PartnerTopic } from '../azure/arm.js';
import { auth0Entry, type Auth0Authorization } from '../azure/arm.js';
import type { LogStream } from '../auth0/log-streams.js';
import { bindTopic, describeCandidates, EVIDENCE_TEXT, IDLE_STATE, isAuth0Topic, isIdle, namesSomeAuth0Tenant, sourceNamesTenant, streamTag, type Binding } from './binding.js';
import { ServiceError } from '../azure/errors.js';
import { DAY_MS, type Run } from './run.js';
import { judgeAuthorization, remaining, type TopicNeed } from './authorization.js';

export const EVENTGRID_NAMESPACE = 'Microsoft.EventGrid';

export interface Observed {
  providerState?: string;
  /** null: there is none. */
  partnerConfiguration?: PartnerConfiguration | null;
  stream?: LogStream | null;
  topic?: PartnerTopic | null;
  /** How the topic was bound (or why not). */
  binding?: Binding;
  /** The topic bound by a guess carries this stream's tags now (setup wrote them). */
  tagged?: boolean;
  /** The stream's topic is gone for good. */
  lost?: LostTopic;
  /** The group's Auth0 topics left idle (their streams deleted), other than the bound one. */
  idle?: PartnerTopic[];
  eventSubscriptions?: EventSubscription[];
}

export function findStream(streams: LogStream[], name: string): LogStream | undefined {
  return streams.find((s) => s.name === name && s.type === 'eventgrid') ?? streams.find((s) => s.name === name);
}

export { isAuth0Topic, sourceNamesTenant } from './binding.js';

export interface BindOptions {
  /** The tenant's streams, when already read (else read here). */
  streams?: LogStream[];
  /** The group's partner topics, when already read (else read here). */
  topics?: PartnerTopic[];
  /** False for destructive commands: a guess binds nothing. */
  allowGuess: boolean;
  /** When this run created the stream, and which streams existed before. */
  createdAt?: number;
  olderStreams?: ReadonlySet<string>;
  preexistingTopics?: ReadonlySet<string>;
}

/** Binds the stream's partner topic by evidence (see binding.ts), reading what is not given. */
export async function bindStreamTopic(run: Run, stream: LogStream | undefined, opts: BindOptions): Promise<Binding & { topics: PartnerTopic[]; streams: LogStream[] }> {
  const { azure, auth0 } = run.adapters;
  const s = run.settings;
  const [topics, streams] = await Promise.all([opts.topics ?? azure.partnerTopics(s.azure.resourceGroup), opts.streams ?? auth0.list()]);
  const b = bindTopic({
    stream,
    topics,
    streams,
    tenant: s.auth0.tenant,
    subscriptionId: s.azure.subscriptionId,
    resourceGroup: s.azure.resourceGroup,
    explicit: s.partnerTopic,
    environment: s.environment,
    createdAt: opts.createdAt,
    olderStreams: opts.olderStreams,
    preexistingTopics: opts.preexistingTopics,
    allowGuess: opts.allowGuess,
  });
  return { ...b, topics, streams };
}

/** What to say when no topic is bound: why, the candidates, and how to pick. */
export function unboundMessage(run: Run, stream: LogStream | undefined, b: Binding): string {
  const s = run.settings;
  const why = b.conflict ?? b.reason;
  const pick = b.candidates.length
    ? ` Candidates: ${describeCandidates(b.candidates)}. If one of them is this stream's, name it with partner-topic (setup then tags it${s.environment ? `; or partner-topic in environment ${s.environment} of the environments file` : ''}).`
    : '';
  return `No Auth0 partner topic in ${s.azure.resourceGroup} is bound to ${stream ? `stream ${stream.id}` : `'${s.stream.name}'`}${why ? `: ${why}` : ''}.${pick}`;
}

/** The facts of a binding, as the report shows them. */
export function recordBinding(run: Run, b: Binding): void {
  if (b.topic && b.evidence) run.facts.partnerTopicBinding = `${EVIDENCE_TEXT[b.evidence]}${b.guess && !/guess/.test(EVIDENCE_TEXT[b.evidence]) ? ' (a guess)' : ''}`;
}

/**
 * The stream's topic is gone for good. Auth0 never creates a new topic for an existing stream, so a
 * stream without one never delivers again. Told apart from "not created yet" only by evidence:
 *   - the topic bound to it (not by a guess) is `IdleDueToMirroredChannelResourceDeletion`; or
 *   - no topic is bound, none is a candidate, and the stream is older than any topic creation takes
 *     (wait-timeout, at least 15 minutes): Auth0 suspended it, its first logged delivery failure is
 *     older, or Auth0's record of its creation is.
 * `since`: the first delivery failure Auth0 logged for the stream (read:logs), the start of the gap.
 */
export interface LostTopic {
  reason: string;
  since?: string;
  /**
   * Where a recreated stream replays from: the record whose delivery failed first (its failure is
   * logged only after Auth0's retries), else an hour before that failure.
   */
  replayFrom?: string;
  /** Why `since` is unknown, when it is. */
  sinceUnknown?: string;
}

/** Without the failed record's own time, the replay starts this long before the first logged failure. */
const REPLAY_MARGIN_MS = 3_600_000;

/** How old a stream without a topic must be to count as having lost it: wait-timeout, and at least 15 minutes. */
function lostAfterMs(run: Run): number {
  return Math.max(run.settings.waitTimeoutMs, 15 * 60_000);
}

export async function detectLostTopic(run: Run, stream: LogStream, b: Binding): Promise<LostTopic | undefined> {
  const idle = b.topic && !b.guess && isIdle(b.topic);
  if (b.topic && !idle) return undefined;
  if (!b.topic && (b.reason || b.conflict)) return undefined;
  let failure: { date: string; failedRecordDate?: string } | undefined;
  let sinceUnknown: string | undefined;
  try {
    failure = await run.adapters.auth0.firstDeliveryFailure(stream.id);
    if (!failure) sinceUnknown = "Auth0's logs (within their retention) hold no delivery failure for the stream";
  } catch (err) {
    const e = err as ServiceError;
    sinceUnknown = e.status === 403 ? "the Auth0 application lacks read:logs, so Auth0's delivery-failure records cannot be read" : `Auth0's logs could not be read (${e.code ?? 'error'}: ${e.message})`;
  }
  const since = failure?.date;
  const replayFrom = failure ? (failure.failedRecordDate ?? new Date(Date.parse(failure.date) - REPLAY_MARGIN_MS).toISOString()) : undefined;
  if (idle) return { reason: `its partner topic ${b.topic!.name} is ${b.topic!.provisioningState}: Auth0's side of it was deleted`, since, replayFrom, sinceUnknown };
  const now = run.now().getTime();
  const after = lostAfterMs(run);
  const failingFor = since ? now - Date.parse(since) : 0;
  if (stream.status === 'suspended') return { reason: 'no partner topic exists for it and Auth0 suspended it after failed deliveries', since, replayFrom, sinceUnknown };
  if (since && failingFor > after) {
    return { reason: `no partner topic exists for it and its deliveries have failed since ${since} (${days(failingFor)}), longer than a topic takes to appear`, since, replayFrom };
  }
  // A quiet tenant logs no failures: the stream's age, from Auth0's record of its creation, tells instead.
  let created: string | undefined;
  try {
    created = await run.adapters.auth0.streamCreatedAt(stream.id);
  } catch {
    created = undefined;
  }
  if (created && now - Date.parse(created) > after) {
    // Nothing proves a delivery since the creation: replay from there (within Auth0's retention).
    const from = since && since < created ? replayFrom : created;
    return { reason: `no partner topic exists for it, created ${created} (${days(now - Date.parse(created))} ago), longer than a topic takes to appear`, since: since ?? created, replayFrom: from };
  }
  return undefined;
}

/**
 * Whether the stream's partner topic exists, as the authorization's judgement needs it (verify and
 * check-expiry alike): a stream, and a topic for it that can still deliver. A lost topic (idle, or gone
 * for longer than a topic takes to appear) must be replaced by a new stream's, which needs the
 * authorization as much as a first one.
 */
export function topicNeed(stream: LogStream | null | undefined, topic: PartnerTopic | null | undefined, lost?: LostTopic): TopicNeed {
  return stream && topic && !lost && !isIdle(topic) ? 'exists' : 'needed';
}

/** Reads everything verify judges, concurrently where independent. */
export async function observe(run: Run): Promise<Observed> {
  const { azure, auth0 } = run.adapters;
  const { resourceGroup } = run.settings.azure;
  const [providerState, streams] = await Promise.all([azure.providerState(EVENTGRID_NAMESPACE), auth0.list()]);
  const stream = findStream(streams, run.settings.stream.name) ?? null;
  const o: Observed = { providerState, stream };
  if (providerState !== 'Registered') return o;
  const [cfg, binding] = await Promise.all([azure.partnerConfiguration(resourceGroup), bindStreamTopic(run, stream ?? undefined, { streams, allowGuess: true })]);
  o.partnerConfiguration = cfg ?? null;
  o.binding = binding;
  const topic = binding.topic;
  o.topic = topic ?? null;
  o.idle = binding.topics.filter((t) => isAuth0Topic(t) && isIdle(t) && t !== topic);
  if (stream) o.lost = await detectLostTopic(run, stream, binding);
  if (topic?.name) o.eventSubscriptions = await azure.eventSubscriptions(resourceGroup, topic.name);
  return o;
}

/** A remaining time in words: "13 days", "1 day", "5 hours" ("expired" once past). */
export const days = remaining;

/** The checks and facts for what was observed. */
export function judge(run: Run, o: Observed): void {
  const s = run.settings;
  const now = run.now().getTime();
  const sub = s.azure.subscriptionId;
  const rg = s.azure.resourceGroup;
  const f = run.facts;

  // Provider
  f.providerState = o.providerState;
  run.check(
    o.providerState === 'Registered'
      ? { id: 'provider', title: 'Microsoft.EventGrid registered', status: 'pass', detail: `Registered on subscription ${sub}` }
      : {
          id: 'provider',
          title: 'Microsoft.EventGrid registered',
          status: 'fail',
          detail: `${o.providerState ?? 'unknown'} on subscription ${sub}`,
          fix: `Run setup, or \`az provider register --namespace Microsoft.EventGrid --subscription ${sub}\``,
        },
  );

  // Authorization: how much its expiry matters depends on whether a topic still has to be created.
  if (o.partnerConfiguration !== undefined) {
    const entry: Auth0Authorization | undefined = auth0Entry(o.partnerConfiguration ?? undefined);
    judgeAuthorization(run, { present: !!entry, expiresAt: entry ? (entry.expiresAt?.getTime() ?? Infinity) : undefined, topic: topicNeed(o.stream, o.topic, o.lost) });
  }

  // Stream
  const st = o.stream;
  if (st === null) {
    run.check({ id: 'stream', title: 'Auth0 log stream', status: 'fail', detail: `No log stream named '${s.stream.name}'`, fix: 'Run setup to create it' });
  } else if (st) {
    f.logStreamId = st.id;
    f.streamStatus = st.status;
    const sinkOk =
      st.type === 'eventgrid' &&
      st.sink?.azureSubscriptionId?.toLowerCase() === sub &&
      st.sink?.azureResourceGroup?.toLowerCase() === rg.toLowerCase() &&
      st.sink?.azureRegion?.toLowerCase() === s.azure.region;
    run.check(
      sinkOk
        ? { id: 'stream-sink', title: 'Stream points at this target', status: 'pass', detail: `eventgrid → ${sub}/${rg} (${s.azure.region})` }
        : {
            id: 'stream-sink',
            title: 'Stream points at this target',
            status: 'fail',
            detail: st.type !== 'eventgrid' ? `'${st.name}' is a ${st.type} stream` : `It streams to ${st.sink?.azureSubscriptionId}/${st.sink?.azureResourceGroup} (${st.sink?.azureRegion})`,
            fix: st.type !== 'eventgrid' ? 'Choose another stream-name' : 'A sink cannot change: run setup with recreate-on-sink-change: true to delete and recreate the stream',
          },
    );
    run.check(
      st.status === 'active'
        ? { id: 'stream-status', title: 'Stream active', status: 'pass', detail: 'active' }
        : {
            id: 'stream-status',
            title: 'Stream active',
            status: st.status === 'paused' ? 'warn' : 'fail',
            detail: st.status === 'paused' ? 'paused by a user: no events are sent' : `${st.status}: Auth0 stopped sending after repeated delivery failures`,
            fix: 'Fix the cause (topic activated? authorization valid?), then run setup with resume-stream: true (or /resume-stream)',
          },
    );
  }

  // Partner topic
  const t = o.topic;
  if (o.lost) {
    const gap = o.lost.since ? `nothing has been delivered since ${o.lost.since}` : `the gap's start is unknown (${o.lost.sinceUnknown})`;
    run.check({
      id: 'partner-topic',
      title: 'Partner topic',
      status: 'fail',
      detail: `Lost: ${o.lost.reason}. Auth0 never creates a new topic for an existing stream: ${gap}`,
      fix: s.stream.recreateIfTopicLost
        ? `Run setup: it recreates the stream${o.lost.replayFrom ? ` and replays the logs since ${o.lost.replayFrom}` : ' (set start-from to replay the gap)'}`
        : 'Run setup with recreate-stream-if-topic-lost: true (it recreates the stream and replays the gap)',
    });
    if (o.lost.since) f.topicLostSince = o.lost.since;
  }
  if (t === null && !o.lost) {
    const idle = o.idle ?? [];
    const idleNames = idle.map((x) => x.name).join(', ');
    const idleText = idle.length
      ? ` ${idle.map((x) => `${x.name}${streamTag(x) ? ` (stream ${streamTag(x)})` : ''}`).join(', ')} ${idle.length > 1 ? 'are' : 'is'} ${IDLE_STATE}: ${idle.length > 1 ? 'their streams were' : 'its stream was'} deleted, so ${idle.length > 1 ? 'they' : 'it'} never ${idle.length > 1 ? 'deliver' : 'delivers'} again and no new stream can use ${idle.length > 1 ? 'them' : 'it'}.`
      : '';
    const unbound = o.binding && (o.binding.reason || o.binding.conflict || o.binding.candidates.length);
    run.check({
      id: 'partner-topic',
      title: 'Partner topic',
      status: 'fail',
      detail: (unbound || idle.length ? unboundMessage(run, o.stream ?? undefined, o.binding!) : `No Auth0 partner topic${s.auth0.tenant ? ` from tenant '${s.auth0.tenant}'` : ''} in ${rg}`) + idleText,
      fix: o.binding?.candidates.length
        ? 'Name the topic with partner-topic, or run setup to wait for it'
        : idle.length
        ? `Run setup: it creates a new stream, and Auth0 a new topic for it (${idleNames} ${idle.length > 1 ? 'are' : 'is'} never reused; delete ${idle.length > 1 ? 'them' : 'it'} once nothing refers to ${idle.length > 1 ? 'them' : 'it'})`
        : 'Auth0 creates it after the stream is created, while Auth0 is authorized and Microsoft.EventGrid registered: run setup',
    });
  } else if (t && !(o.lost && isIdle(t))) {
    f.partnerTopicName = t.name;
    f.partnerTopicId = t.id;
    f.partnerTopicSource = t.source;
    f.activationState = t.activationState;
    const b = o.binding;
    if (b) recordBinding(run, b);
    const how = b?.evidence ? EVIDENCE_TEXT[b.evidence] : 'bound';
    const otherTenant = !!s.auth0.tenant && namesSomeAuth0Tenant(t.source) && !sourceNamesTenant(t.source, s.auth0.tenant);
    run.check(
      otherTenant
        ? { id: 'topic-source', title: "Topic is the stream's", status: 'fail', detail: `${how}, but its source '${t.source}' does not name tenant '${s.auth0.tenant}'`, fix: 'Do not activate it; check auth0-tenant and which tenant streams into this group' }
        : !b || !b.guess || o.tagged
        ? { id: 'topic-source', title: "Topic is the stream's", status: 'pass', detail: `${how}${o.tagged && b?.guess ? ' (now tagged with the stream id)' : ''}; partner Auth0, source ${t.source}` }
        : {
            id: 'topic-source',
            title: "Topic is the stream's",
            status: 'warn',
            detail: `${how}; source ${t.source}`,
            fix: `Confirm it: run setup (it tags the topic once activated) or set partner-topic: ${t.name}`,
          },
    );
    if (t.activationState === 'Activated') {
      run.check({ id: 'activation', title: 'Topic activated', status: 'pass', detail: 'Activated' });
    } else if (t.activationState === 'Deactivated') {
      run.check({ id: 'activation', title: 'Topic activated', status: 'fail', detail: 'Deactivated: events are dropped', fix: 'Run activate-topic (or /activate-topic)' });
    } else {
      const expires = t.expirationTimeIfNotActivatedUtc ? new Date(t.expirationTimeIfNotActivatedUtc).getTime() : undefined;
      if (expires) f.topicExpiresIfNotActivatedAt = new Date(expires).toISOString();
      const soon = expires !== undefined && expires - now < DAY_MS;
      run.check({
        id: 'activation',
        title: 'Topic activated',
        status: soon ? 'fail' : 'warn',
        detail: `Never activated${expires ? `: Event Grid deletes it at ${new Date(expires).toISOString()} (in ${days(expires - now)})` : ''}`,
        fix: 'Run activate-topic (or /activate-topic) after checking its source',
      });
    }
  }

  // Event subscriptions
  if (o.eventSubscriptions) {
    const subs = o.eventSubscriptions;
    const mine = subs.find((e) => e.name?.toLowerCase() === s.eventSubscription.name.toLowerCase());
    if (mine) f.eventSubscriptionId = mine.id;
    if (!subs.length) {
      run.check({ id: 'event-subscriptions', title: 'Event subscriptions', status: 'warn', detail: 'None: events go nowhere', fix: 'Give webhook-url or destination-resource-id and run setup' });
    }
    for (const e of subs) {
      const dest = describeDestination(e);
      run.check(
        e.provisioningState === 'Succeeded'
          ? { id: `event-subscription:${e.name}`, title: `Event subscription ${e.name}`, status: 'pass', detail: `Succeeded → ${dest}` }
          : { id: `event-subscription:${e.name}`, title: `Event subscription ${e.name}`, status: 'fail', detail: `${e.provisioningState} → ${dest}`, fix: 'Check the destination (a webhook must answer the validation handshake) and run setup' },
      );
    }
  }
}

export function describeDestination(e: EventSubscription): string {
  const d: any = e.destination;
  if (!d) return 'no destination';
  if (d.endpointType === 'WebHook') return `WebHook ${d.endpointBaseUrl ?? '(url hidden)'}`;
  return `${d.endpointType} ${d.resourceId ?? ''}${d.queueName ? ` queue ${d.queueName}` : ''}`.trim();
}

/** A step finding the configured stream (failing when there is none), for the commands that act on it. */
export async function lookupStream(run: Run): Promise<LogStream | undefined> {
  const s = run.settings;
  return run.step('stream-lookup', 'Find Auth0 log stream', async () => {
    const found = findStream(await run.adapters.auth0.list(), s.stream.name);
    if (!found) throw new ServiceError('auth0', 404, 'StreamNotFound', `No Auth0 log stream named '${s.stream.name}': run setup first (or set stream-name).`);
    return { status: 'unchanged', detail: `${found.id} (${found.status})`, value: found };
  });
}

/**
 * A step binding the stream's partner topic (failing when none is bound). Destructive commands pass
 * allowGuess false: a topic matched by the tenant alone is then not taken.
 */
export async function lookupTopic(run: Run, stream: LogStream, allowGuess: boolean): Promise<(Binding & { topic: PartnerTopic }) | undefined> {
  return run.step('partner-topic', 'Partner topic', async () => {
    const b = await bindStreamTopic(run, stream, { allowGuess });
    if (!b.topic) {
      const lost = b.reason || b.conflict ? undefined : await detectLostTopic(run, stream, b);
      if (lost) throw new ServiceError('azure', 404, 'PartnerTopicLost', `The partner topic of stream ${stream.id} is gone: ${lost.reason}. Run setup to recreate the stream (recreate-stream-if-topic-lost).`);
      throw new ServiceError('azure', 404, b.conflict ? 'PartnerTopicConflict' : 'PartnerTopicNotFound', unboundMessage(run, stream, b));
    }
    recordBinding(run, b);
    if (b.guess) run.progress.warn(`Partner topic ${b.topic.name} is bound by a guess (${EVIDENCE_TEXT[b.evidence!]}); set partner-topic to confirm it.`);
    return { status: 'unchanged', detail: `${b.topic.name} (${EVIDENCE_TEXT[b.evidence!]}; source ${b.topic.source}, ${b.topic.activationState})`, value: b as Binding & { topic: PartnerTopic } };
  });
}

/** The facts of a stream and its topic, as the commands acting on the topic report them. */
export function recordTopicFacts(run: Run, stream: LogStream, t: PartnerTopic): void {
  Object.assign(run.facts, {
    partnerTopicName: t.name,
    partnerTopicId: t.id,
    partnerTopicSource: t.source,
    activationState: t.activationState,
    logStreamId: stream.id,
    streamStatus: stream.status,
  });
}
