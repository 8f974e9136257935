/**
 * Reading the integration's state (read-only) and judging it: the checks of `verify`, also run at the
 * end of `setup` on the state setup already holds (so a converged re-run costs only reads).
 */
import type { EventSubscription, PartnerConfiguration, PartnerTopic } from '../azure/arm.js';
import { auth0Entry, type Auth0Authorization } from '../azure/arm.js';
import type { LogStream } from '../auth0/log-streams.js';
import { AUTH0_PARTNER_IMMUTABLE_ID } from '../config/facts.js';
import { ServiceError } from '../azure/errors.js';
import { DAY_MS, type Run } from './run.js';
import { judgeAuthorization, remaining } from './authorization.js';

export const EVENTGRID_NAMESPACE = 'Microsoft.EventGrid';
const RESOURCE_NAME = /^[A-Za-z0-9-]{3,64}$/;

export interface Observed {
  providerState?: string;
  /** null: there is none. */
  partnerConfiguration?: PartnerConfiguration | null;
  stream?: LogStream | null;
  topic?: PartnerTopic | null;
  eventSubscriptions?: EventSubscription[];
}

export function findStream(streams: LogStream[], name: string): LogStream | undefined {
  return streams.find((s) => s.name === name && s.type === 'eventgrid') ?? streams.find((s) => s.name === name);
}

/** Whether a partner topic's source names the Auth0 tenant (as a whole word: "dev" does not match "dev-eu"). */
export function sourceNamesTenant(source: string | undefined, tenant: string | undefined): boolean {
  if (!source || !tenant) return false;
  const escaped = tenant.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^a-z0-9-])${escaped}([^a-z0-9-]|$)`, 'i').test(source);
}

export function isAuth0Topic(t: PartnerTopic): boolean {
  return t.partnerRegistrationImmutableId?.toLowerCase() === AUTH0_PARTNER_IMMUTABLE_ID;
}

/**
 * Finds the stream's partner topic: by name when the stream's `sink.azurePartnerTopic` is a valid
 * resource name, else among the group's partner topics whose partner is Auth0 and whose source names
 * the tenant (preferring one whose source is the stream's azurePartnerTopic value, then one not yet
 * activated, then the newest).
 */
export async function findTopic(run: Run, stream: LogStream | undefined): Promise<PartnerTopic | undefined> {
  const { azure } = run.adapters;
  const group = run.settings.azure.resourceGroup;
  const named = stream?.sink?.azurePartnerTopic;
  if (named && RESOURCE_NAME.test(named)) {
    const t = await azure.partnerTopic(group, named);
    if (t && isAuth0Topic(t)) return t;
  }
  const tenant = run.settings.auth0.tenant;
  const all = (await azure.partnerTopics(group)).filter(isAuth0Topic);
  let candidates = tenant ? all.filter((t) => sourceNamesTenant(t.source, tenant)) : all;
  if (!candidates.length) return undefined;
  if (named) {
    const exact = candidates.filter((t) => t.source === named || t.name === named || (t.source && named.includes(t.source)));
    if (exact.length) candidates = exact;
  }
  if (stream?.id) {
    const byId = candidates.filter((t) => t.source?.includes(stream.id));
    if (byId.length) candidates = byId;
  }
  const created = (t: PartnerTopic) => (t.systemData?.createdAt ? new Date(t.systemData.createdAt).getTime() : 0);
  candidates.sort((a, b) => Number(a.activationState === 'Activated') - Number(b.activationState === 'Activated') || created(b) - created(a));
  if (!tenant && candidates.length > 1) return undefined;
  return candidates[0];
}

/** Reads everything verify judges, concurrently where independent. */
export async function observe(run: Run): Promise<Observed> {
  const { azure, auth0 } = run.adapters;
  const { resourceGroup } = run.settings.azure;
  const [providerState, streams] = await Promise.all([azure.providerState(EVENTGRID_NAMESPACE), auth0.list()]);
  const stream = findStream(streams, run.settings.stream.name) ?? null;
  const o: Observed = { providerState, stream };
  if (providerState !== 'Registered') return o;
  const [cfg, topic] = await Promise.all([azure.partnerConfiguration(resourceGroup), findTopic(run, stream ?? undefined)]);
  o.partnerConfiguration = cfg ?? null;
  o.topic = topic ?? null;
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
    judgeAuthorization(run, { present: !!entry, expiresAt: entry ? (entry.expiresAt?.getTime() ?? Infinity) : undefined, topic: o.topic && o.stream ? 'exists' : 'needed' });
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
  if (t === null) {
    run.check({
      id: 'partner-topic',
      title: 'Partner topic',
      status: 'fail',
      detail: `No Auth0 partner topic${s.auth0.tenant ? ` from tenant '${s.auth0.tenant}'` : ''} in ${rg}`,
      fix: 'Auth0 creates it after the stream is created, while Auth0 is authorized and Microsoft.EventGrid registered: run setup',
    });
  } else if (t) {
    f.partnerTopicName = t.name;
    f.partnerTopicId = t.id;
    f.partnerTopicSource = t.source;
    f.activationState = t.activationState;
    const namesTenant = sourceNamesTenant(t.source, s.auth0.tenant);
    run.check(
      namesTenant
        ? { id: 'topic-source', title: 'Topic comes from your tenant', status: 'pass', detail: `partner Auth0, source ${t.source}` }
        : s.auth0.tenant
          ? { id: 'topic-source', title: 'Topic comes from your tenant', status: 'fail', detail: `source '${t.source}' does not name tenant '${s.auth0.tenant}'`, fix: 'Do not activate it; check which tenant streams into this group' }
          : { id: 'topic-source', title: 'Topic comes from your tenant', status: 'warn', detail: `source '${t.source}'; the tenant name is unknown`, fix: 'Set auth0-tenant (needed with a custom domain)' },
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

/** A step finding the stream's partner topic (failing when there is none). */
export async function lookupTopic(run: Run, stream: LogStream): Promise<PartnerTopic | undefined> {
  return run.step('partner-topic', 'Partner topic', async () => {
    const t = await findTopic(run, stream);
    if (!t) throw new ServiceError('azure', 404, 'PartnerTopicNotFound', `No Auth0 partner topic for stream ${stream.id} in ${run.settings.azure.resourceGroup}.`);
    return { status: 'unchanged', detail: `${t.name} (source ${t.source}, ${t.activationState})`, value: t };
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
