/**
 * setup: converge, step by step, from nothing to events flowing, then judge the result.
 * (1) provider registered; (2) Auth0 authorized until at least now + authorization-days;
 * (3) the eventgrid log stream as configured (recreated when its partner topic is lost); (4) the
 * partner topic bound to the stream by evidence (binding.ts); (5) the event subscription; (6)
 * activation, then the binding tags. Independent reads run concurrently; a converged re-run only
 * reads. With dry-run nothing is written and every step says what it would change.
 */
import type { EventSubscription, PartnerConfiguration, PartnerTopic } from '../azure/arm.js';
import { auth0Entry } from '../azure/arm.js';
import type { LogStream } from '../auth0/log-streams.js';
import { ServiceError } from '../azure/errors.js';
import type { Settings } from '../config/settings.js';
import { LOG_CODES } from '../config/log-codes.js';
import { DAY_MS, Run, type StepOutcome } from './run.js';
import { grant, grantChanges, wantedExpiry } from './authorization.js';
import { bindStreamTopic, describeDestination, detectLostTopic, EVENTGRID_NAMESPACE, findStream, judge, recordBinding, unboundMessage, type LostTopic, type Observed } from './observe.js';
import { EVIDENCE_TEXT, isAuth0Topic, namesSomeAuth0Tenant, sourceNamesTenant, wantedTags, type Binding } from './binding.js';

/** Authorization tolerance: a re-run within this much of the last grant does not renew (no write). */
export function renewalTolerance(days: number): number {
  return Math.min(DAY_MS, days * DAY_MS * 0.1);
}


async function ensureProvider(run: Run): Promise<StepOutcome<string>> {
  const { azure } = run.adapters;
  const state = await azure.providerState(EVENTGRID_NAMESPACE);
  if (state === 'Registered') return { status: 'unchanged', detail: 'Microsoft.EventGrid is registered', value: state };
  const change = `Register resource provider Microsoft.EventGrid on subscription ${run.settings.azure.subscriptionId}`;
  if (run.dryRun) return { status: 'planned', detail: `${state}: would register it`, changes: [change], value: state };
  if (state !== 'Registering') await azure.registerProvider(EVENTGRID_NAMESPACE);
  const final = await run.waitFor(
    'Microsoft.EventGrid to be registered',
    async () => {
      const s = await azure.providerState(EVENTGRID_NAMESPACE);
      return s === 'Registered' ? s : undefined;
    },
    () => new ServiceError('azure', undefined, 'ProviderRegistrationTimeout', `Microsoft.EventGrid was still registering after wait-timeout.`),
  );
  return { status: 'changed', detail: 'Registered Microsoft.EventGrid', changes: [change], value: final };
}

async function ensureAuthorization(run: Run, providerRegistered: boolean): Promise<StepOutcome<PartnerConfiguration | null>> {
  const { azure } = run.adapters;
  const { resourceGroup: rg } = run.settings.azure;
  const days = run.settings.authorizationDays;
  let cfg: PartnerConfiguration | undefined;
  if (providerRegistered) {
    cfg = await azure.partnerConfiguration(rg);
  } else if (!run.dryRun) {
    throw new ServiceError('azure', 409, 'MissingSubscriptionRegistration', "The subscription is not registered to use namespace 'Microsoft.EventGrid'.");
  }
  const now = run.now().getTime();
  const want = wantedExpiry(run, days);
  const entry = auth0Entry(cfg);
  const current = entry ? (entry.expiresAt?.getTime() ?? Infinity) : undefined;
  if (current !== undefined && current >= want - renewalTolerance(days)) {
    const until = Number.isFinite(current) ? new Date(current).toISOString() : 'no expiry';
    return { status: 'unchanged', detail: `Auth0 authorized until ${until}`, value: cfg ?? null };
  }
  const verb = current === undefined ? 'Authorize' : current <= now ? 'Re-authorize (expired)' : 'Extend';
  const changes = grantChanges(rg, cfg, days, want, verb);
  if (run.dryRun) return { status: 'planned', detail: changes.join('; '), changes, value: cfg ?? null };
  cfg = await grant(run, cfg, days, want);
  // The detail in the past tense, spelled out: appending "d" to the verb read "Re-authorize (expired)d".
  const done = current === undefined ? 'Authorized Auth0' : current <= now ? 'Re-authorized Auth0 (it had expired)' : 'Extended Auth0';
  return { status: 'changed', detail: `${done} until ${new Date(want).toISOString()}`, changes, value: cfg };
}

function wantedFilters(s: Settings) {
  return s.stream.categories.map((name) => ({ type: 'category' as const, name }));
}

function sameFilters(stream: LogStream, s: Settings): boolean {
  const have = [...new Set((stream.filters ?? []).filter((f) => (f.type ?? 'category') === 'category').map((f) => f.name))].sort();
  return JSON.stringify(have) === JSON.stringify(s.stream.categories);
}

function sinkMatches(stream: LogStream, s: Settings): boolean {
  return (
    stream.sink?.azureSubscriptionId?.toLowerCase() === s.azure.subscriptionId &&
    stream.sink?.azureResourceGroup?.toLowerCase() === s.azure.resourceGroup.toLowerCase() &&
    stream.sink?.azureRegion?.toLowerCase() === s.azure.region
  );
}

/** What setup knows about the stream it created (for binding its topic): when, and which streams existed before. */
export interface Created {
  at: number;
  olderStreams: Set<string>;
  /** The group's partner topics just before the create (none of them can be the new stream's), when they could be read. */
  preexistingTopics?: Set<string>;
}

async function ensureStream(run: Run, existing: LogStream | undefined, lost: LostTopic | undefined, created: { value?: Created }, before: LogStream[]): Promise<StepOutcome<LogStream | undefined>> {
  const { auth0 } = run.adapters;
  const s = run.settings;
  const name = s.stream.name;
  const createBody = (startFrom = s.stream.startFrom) => ({
    name,
    sink: { azureSubscriptionId: s.azure.subscriptionId, azureResourceGroup: s.azure.resourceGroup, azureRegion: s.azure.region },
    ...(s.stream.categories.length ? { filters: wantedFilters(s) } : {}),
    ...(s.stream.priority ? { isPriority: true } : {}),
    ...(startFrom ? { startFrom } : {}),
  });
  const create = async (startFrom?: string) => {
    // Azure's clock: the topic's creation time is compared with it.
    // Best effort: without this list, the topics' creation times tell the new ones.
    const preexisting = await run.adapters.azure.partnerTopics(s.azure.resourceGroup).catch(() => undefined);
    const at = run.now().getTime();
    const out = await auth0.create(createBody(startFrom));
    created.value = {
      at,
      olderStreams: new Set(before.filter((b) => b.id !== existing?.id).map((b) => b.id)),
      preexistingTopics: preexisting && new Set(preexisting.map((t) => t.name?.toLowerCase() ?? '')),
    };
    return out;
  };
  const target = `${s.azure.subscriptionId}/${s.azure.resourceGroup} (${s.azure.region})`;
  if (existing && existing.type !== 'eventgrid') {
    throw new ServiceError('auth0', 409, 'StreamNameTaken', `A ${existing.type} log stream named '${name}' already exists; choose another stream-name.`);
  }
  if (!existing) {
    const change = `Create Auth0 log stream '${name}' (eventgrid → ${target}, ${s.stream.categories.length ? s.stream.categories.join(', ') : 'all categories'})`;
    if (run.dryRun) return { status: 'planned', detail: change, changes: [change], value: undefined };
    const made = await create();
    return { status: 'changed', detail: `Created stream ${made.id}`, changes: [change], value: made };
  }
  if (lost && sinkMatches(existing, s)) {
    if (!s.stream.recreateIfTopicLost) {
      throw new ServiceError('azure', 404, 'PartnerTopicLost', `The partner topic of stream ${existing.id} is gone: ${lost.reason}. The stream can never deliver again; set recreate-stream-if-topic-lost: true to recreate it.`);
    }
    // Replay the gap: from the first failure Auth0 logged (records may arrive twice; Auth0 log ids are unique).
    const from = [lost.replayFrom, s.stream.startFrom].filter((x): x is string => !!x).sort()[0];
    const gap = from ? `replaying the logs since ${from}` : `the gap cannot be replayed: ${lost.sinceUnknown ?? 'its start is unknown'}; set start-from to replay it`;
    const changes = [`Delete stream ${existing.id} (its partner topic is lost: ${lost.reason})`, `Create Auth0 log stream '${name}' (eventgrid → ${target}${from ? `, startFrom ${from}` : ''})`];
    if (run.dryRun) return { status: 'planned', detail: changes.join('; '), changes, value: undefined };
    if (!from) run.progress.warn(`Recreating stream '${name}': ${gap}.`);
    await auth0.delete(existing.id);
    const made = await create(from);
    run.facts.streamRecreatedFrom = from;
    return { status: 'changed', detail: `Recreated stream as ${made.id} (the partner topic of ${existing.id} was lost); ${gap}`, changes, value: made };
  }
  if (!sinkMatches(existing, s)) {
    const where = `${existing.sink?.azureSubscriptionId}/${existing.sink?.azureResourceGroup} (${existing.sink?.azureRegion})`;
    if (!s.stream.recreateOnSinkChange) {
      throw new ServiceError('auth0', 409, 'StreamSinkMismatch', `Stream '${name}' (${existing.id}) streams to ${where}, not ${target}; an Auth0 sink cannot be changed in place. Set recreate-on-sink-change: true to delete and recreate it, or choose another stream-name.`);
    }
    const changes = [`Delete stream ${existing.id} (sink ${where})`, `Create Auth0 log stream '${name}' (eventgrid → ${target})`];
    if (run.dryRun) return { status: 'planned', detail: changes.join('; '), changes, value: undefined };
    await auth0.delete(existing.id);
    const made = await create();
    return { status: 'changed', detail: `Recreated stream as ${made.id} (the old sink was ${where})`, changes, value: made };
  }
  const patch: { filters?: { type: 'category'; name: string }[]; isPriority?: boolean; status?: 'active' } = {};
  const changes: string[] = [];
  if (!sameFilters(existing, s)) {
    patch.filters = wantedFilters(s);
    changes.push(`Set stream filters to ${s.stream.categories.length ? s.stream.categories.join(', ') : 'all categories'}`);
  }
  if (!!existing.isPriority !== s.stream.priority) {
    patch.isPriority = s.stream.priority;
    changes.push(`Set stream priority to ${s.stream.priority}`);
  }
  let note = '';
  if (existing.status !== 'active') {
    if (s.stream.resume) {
      patch.status = 'active';
      changes.push(`Resume the ${existing.status} stream`);
    } else {
      note = ` (${existing.status}; set resume-stream: true to resume it)`;
      run.progress.warn(`Auth0 log stream '${name}' is ${existing.status}: no events are sent. Set resume-stream: true to resume it.`);
    }
  }
  if (!changes.length) return { status: 'unchanged', detail: `Stream ${existing.id} is as configured${note}`, value: existing };
  if (run.dryRun) return { status: 'planned', detail: changes.join('; '), changes, value: existing };
  const updated = await auth0.update(existing.id, patch);
  return { status: 'changed', detail: changes.join('; ') + note, changes, value: { ...existing, ...updated } };
}

async function waitForTopic(run: Run, stream: LogStream, created: Created | undefined): Promise<StepOutcome<Binding & { topic: PartnerTopic }>> {
  let last: Binding | undefined;
  const bound = await run.waitFor(
    `Auth0 to create the partner topic in ${run.settings.azure.resourceGroup}`,
    async () => {
      const b = await bindStreamTopic(run, stream, { allowGuess: true, createdAt: created?.at, olderStreams: created?.olderStreams, preexistingTopics: created?.preexistingTopics });
      last = b;
      if (b.conflict) throw new ServiceError('azure', 409, 'PartnerTopicConflict', unboundMessage(run, stream, b));
      return b.topic ? (b as Binding & { topic: PartnerTopic }) : undefined;
    },
    () =>
      new ServiceError(
        'azure',
        404,
        last?.reason ? 'PartnerTopicAmbiguous' : 'PartnerTopicNotFound',
        `No Auth0 partner topic bound to stream ${stream.id} appeared in ${run.settings.azure.resourceGroup} within wait-timeout (${Math.round(run.settings.waitTimeoutMs / 1000)}s).${last && (last.reason || last.conflict || last.candidates.length) ? ` ${unboundMessage(run, stream, last)}` : ''}`,
      ),
    { initialMs: 100, maxMs: 5000 },
  );
  recordBinding(run, bound);
  if (bound.guess) run.progress.warn(`Partner topic ${bound.topic.name}: ${EVIDENCE_TEXT[bound.evidence!]}.`);
  return { status: 'unchanged', detail: `${bound.topic.name} (${EVIDENCE_TEXT[bound.evidence!]}; source ${bound.topic.source}, ${bound.topic.activationState})`, value: bound };
}

/** The activation decision, shared with the activate-topic command. */
export function activationRefusal(run: Run, topic: PartnerTopic, binding?: Binding): string | undefined {
  if (!isAuth0Topic(topic)) return `its partner registration is ${topic.partnerRegistrationImmutableId}, not Auth0's`;
  const tenant = run.settings.auth0.tenant;
  // Whatever binds it: a source naming another Auth0 tenant is never activated.
  if (tenant && namesSomeAuth0Tenant(topic.source) && !sourceNamesTenant(topic.source, tenant)) return `its source '${topic.source}' does not name tenant '${tenant}'`;
  if (binding?.topic === topic && binding.evidence) return undefined;
  if (!run.settings.auth0.tenant) return 'the Auth0 tenant name is unknown (custom domain): set auth0-tenant so that its source can be checked';
  if (!sourceNamesTenant(topic.source, run.settings.auth0.tenant)) return `its source '${topic.source}' does not name tenant '${run.settings.auth0.tenant}' and nothing binds it to the stream`;
  return undefined;
}

/**
 * Tags the bound topic with the stream id and the environment (other tags kept), once it is activated:
 * later runs bind it by its tags. No write when it carries them already.
 */
export async function tagBound(run: Run, topic: PartnerTopic, stream: LogStream): Promise<StepOutcome<PartnerTopic>> {
  const tags = wantedTags(topic, stream.id, run.settings.environment);
  if (!tags) return { status: 'unchanged', detail: `${topic.name} is tagged with stream ${stream.id}`, value: topic };
  if (topic.activationState !== 'Activated' && !run.dryRun) return { status: 'skipped', detail: `${topic.name} is not activated: tagged once it is`, value: topic };
  const change = `Tag partner topic ${topic.name} with auth0-eventgrid-stream=${stream.id}${run.settings.environment ? `, auth0-eventgrid-environment=${run.settings.environment}` : ''}`;
  if (run.dryRun) return { status: 'planned', detail: change, changes: [change], value: topic };
  const updated = await run.adapters.azure.tagTopic(run.settings.azure.resourceGroup, topic.name!, tags);
  return { status: 'changed', detail: change, changes: [change], value: { ...topic, tags: updated.tags ?? tags } };
}

export async function activate(run: Run, topic: PartnerTopic, mode: 'auto' | 'command', binding?: Binding): Promise<StepOutcome<PartnerTopic>> {
  const rg = run.settings.azure.resourceGroup;
  if (topic.activationState === 'Activated') return { status: 'unchanged', detail: `${topic.name} is activated`, value: topic };
  const refusal = activationRefusal(run, topic, binding);
  if (refusal) throw new ServiceError('azure', undefined, 'ActivationRefused', `Not activating partner topic ${topic.name}: ${refusal}.`);
  const change = `Activate partner topic ${topic.name} (source ${topic.source})`;
  if (run.dryRun) return { status: 'planned', detail: change, changes: [change], value: topic };
  const activated = await run.adapters.azure.activateTopic(rg, topic.name!);
  void mode;
  return { status: 'changed', detail: `Activated ${topic.name}`, changes: [change], value: activated };
}

export function desiredEventSubscription(s: Settings): EventSubscription | undefined {
  const es = s.eventSubscription;
  const d = es.destination;
  if (!d) return undefined;
  const destination: any =
    d.endpointType === 'WebHook'
      ? { endpointType: 'WebHook', endpointUrl: d.webhookUrl }
      : d.endpointType === 'StorageQueue'
        ? { endpointType: 'StorageQueue', resourceId: d.resourceId, queueName: d.queueName }
        : { endpointType: d.endpointType, resourceId: d.resourceId };
  return {
    destination,
    filter: {
      ...(es.includedEventTypes.length ? { includedEventTypes: es.includedEventTypes } : {}),
      // log-types: the log record's own `type` (its Auth0 code), the one field of the event that is public.
      ...(es.logTypes.length ? { advancedFilters: [{ operatorType: 'StringIn' as const, key: LOG_TYPE_KEY, values: es.logTypes }] } : {}),
    },
    eventDeliverySchema: es.deliverySchema,
    retryPolicy: { maxDeliveryAttempts: es.maxDeliveryAttempts, eventTimeToLiveInMinutes: es.eventTtlMinutes },
    ...(es.deadLetter ? { deadLetterDestination: { endpointType: 'StorageBlob', resourceId: es.deadLetter.resourceId, blobContainerName: es.deadLetter.container } as any } : {}),
  };
}

/** The key of the log-types filter: the `type` field of the Auth0 log record in the event's data. */
export const LOG_TYPE_KEY = 'data.type';

/** An event subscription's advanced filters, normalized for comparison (Event Grid compares strings case-insensitively). */
function advancedFilters(e: EventSubscription): string {
  return JSON.stringify(
    (e.filter?.advancedFilters ?? [])
      .map((f: any) => ({ op: f.operatorType, key: String(f.key ?? '').toLowerCase(), values: Array.isArray(f.values) ? [...new Set(f.values.map((v: unknown) => String(v).toLowerCase()))].sort() : f.value }))
      .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
  );
}

/** What differs between the existing subscription and the wanted one (empty: converged). */
function subscriptionDiff(have: EventSubscription, want: EventSubscription, fullUrl: string | undefined): string[] {
  const diffs: string[] = [];
  const hd: any = have.destination ?? {};
  const wd: any = want.destination;
  const eq = (a?: string, b?: string) => (a ?? '').toLowerCase() === (b ?? '').toLowerCase();
  if (hd.endpointType !== wd.endpointType) diffs.push(`destination type ${hd.endpointType} → ${wd.endpointType}`);
  else if (wd.endpointType === 'WebHook') {
    const base = wd.endpointUrl.split('?')[0];
    if (hd.endpointBaseUrl !== base || (fullUrl !== undefined && fullUrl !== wd.endpointUrl)) diffs.push('webhook URL');
  } else {
    if (!eq(hd.resourceId, wd.resourceId)) diffs.push('destination resource');
    if (wd.queueName && hd.queueName !== wd.queueName) diffs.push('queue name');
  }
  const types = (e: EventSubscription) => JSON.stringify([...(e.filter?.includedEventTypes ?? [])].sort());
  if (types(have) !== types(want)) diffs.push('included event types');
  if (advancedFilters(have) !== advancedFilters(want)) diffs.push('log types');
  if ((have.eventDeliverySchema ?? 'EventGridSchema') !== want.eventDeliverySchema) diffs.push('delivery schema');
  if (have.retryPolicy?.maxDeliveryAttempts !== want.retryPolicy?.maxDeliveryAttempts || have.retryPolicy?.eventTimeToLiveInMinutes !== want.retryPolicy?.eventTimeToLiveInMinutes) diffs.push('retry policy');
  const hdl: any = have.deadLetterDestination;
  const wdl: any = want.deadLetterDestination;
  if (!!hdl !== !!wdl || (wdl && (!eq(hdl.resourceId, wdl.resourceId) || hdl.blobContainerName !== wdl.blobContainerName))) diffs.push('dead-letter destination');
  if (have.provisioningState && have.provisioningState !== 'Succeeded') diffs.push(`provisioning state ${have.provisioningState}`);
  return diffs;
}

/** Warnings about filters that cannot work as meant: on guessed CloudEvents types, or on codes the stream never sends. */
function filterWarnings(run: Run): void {
  const s = run.settings;
  const es = s.eventSubscription;
  if (es.includedEventTypes.length) {
    run.progress.warn(
      `included-event-types (${es.includedEventTypes.join(', ')}) filters on the CloudEvents type of Auth0's events, and Auth0 does not publish the type strings it uses: a guessed value matches nothing and then no event is delivered. Filter on log-types instead (Auth0 log codes such as s, f, fp, matched on the log record's data.type).`,
    );
  }
  if (es.logTypes.length && s.stream.categories.length) {
    const unsent = es.logTypes.map((code) => LOG_CODES.find((c) => c.code === code)!).filter((c) => c.category && !s.stream.categories.includes(c.category));
    if (unsent.length) {
      run.progress.warn(
        `log-types ${unsent.map((c) => `${c.code} (${c.category})`).join(', ')} never arrive: event-categories (${s.stream.categories.join(', ')}) does not stream their categories. Add the categories to event-categories, or remove the codes from log-types.`,
      );
    }
  }
}

async function ensureEventSubscription(run: Run, topic: PartnerTopic, existing: EventSubscription[]): Promise<StepOutcome<EventSubscription | undefined>> {
  const { azure } = run.adapters;
  const s = run.settings;
  filterWarnings(run);
  const rg = s.azure.resourceGroup;
  const name = s.eventSubscription.name;
  const want = desiredEventSubscription(s)!;
  const have = existing.find((e) => e.name?.toLowerCase() === name.toLowerCase());
  let diffs: string[] | undefined;
  if (have) {
    const wd: any = want.destination;
    const hd: any = have.destination ?? {};
    let fullUrl: string | undefined;
    if (wd.endpointType === 'WebHook' && hd.endpointType === 'WebHook' && wd.endpointUrl.includes('?') && hd.endpointBaseUrl === wd.endpointUrl.split('?')[0]) {
      fullUrl = await azure.eventSubscriptionFullUrl(rg, topic.name!, name);
    }
    diffs = subscriptionDiff(have, want, fullUrl);
    if (!diffs.length) return { status: 'unchanged', detail: `${name} → ${describeDestination(have)}`, value: have };
  }
  const change = have ? `Update event subscription ${name} (${diffs!.join(', ')})` : `Create event subscription ${name} → ${describeDestination({ destination: { ...(want.destination as any), endpointBaseUrl: (want.destination as any).endpointUrl?.split('?')[0] } } as EventSubscription)}`;
  if (run.dryRun) return { status: 'planned', detail: change, changes: [change], value: have };
  const result = await azure.putEventSubscription(rg, topic.name!, name, want, run.signal());
  return { status: 'changed', detail: change, changes: [change], value: result };
}

export async function setup(run: Run): Promise<void> {
  const s = run.settings;
  const { auth0, azure } = run.adapters;
  const observed: Observed = {};

  // (1) provider, and the stream lookup, concurrently.
  const [providerState, streams] = await Promise.all([
    run.step('provider', 'Resource provider', () => ensureProvider(run)),
    run.step('stream-lookup', 'Find Auth0 log stream', async () => {
      const list = await auth0.list();
      const found = findStream(list, s.stream.name);
      return { status: 'unchanged', detail: found ? `${found.id} (${found.status})` : `none named '${s.stream.name}'`, value: list };
    }),
  ]);
  if (run.failed) return;
  observed.providerState = providerState;
  const registered = providerState === 'Registered';

  // (2) authorization
  const cfg = await run.step('authorization', 'Auth0 authorization', () => ensureAuthorization(run, registered));
  if (run.failed) return;
  observed.partnerConfiguration = cfg;

  // (3) stream. An existing stream whose partner topic is gone for good is recreated (recreate-stream-if-topic-lost).
  const existing = findStream(streams!, s.stream.name);
  let lost: LostTopic | undefined;
  let before: (Binding & { topics: PartnerTopic[] }) | undefined;
  if (existing && existing.type === 'eventgrid' && registered && sinkMatches(existing, s)) {
    const pre = await run.step('lost-topic', 'Stream still has its partner topic', async () => {
      const b = await bindStreamTopic(run, existing, { streams: streams!, allowGuess: true });
      const l = await detectLostTopic(run, existing, b);
      if (l) run.progress.warn(`The partner topic of stream ${existing.id} is lost: ${l.reason}.`);
      return { status: 'unchanged', detail: l ? `lost: ${l.reason}${l.since ? ` (first delivery failure ${l.since})` : ''}` : b.topic ? `${b.topic.name} (${EVIDENCE_TEXT[b.evidence!]})` : 'no topic bound yet', value: { b, l } };
    });
    if (run.failed) return;
    lost = pre!.l;
    before = lost ? undefined : pre!.b;
    if (lost) {
      observed.lost = lost;
      if (lost.since) run.facts.topicLostSince = lost.since;
    }
  }
  const created: { value?: Created } = {};
  const stream = await run.step('stream', 'Auth0 log stream', () => ensureStream(run, existing, lost, created, streams!));
  if (run.failed) return;
  observed.stream = stream ?? null;
  if (created.value && lost) observed.lost = undefined;

  // (4) partner topic
  if (!stream || run.dryRun && !registered) {
    run.skip('partner-topic', 'Partner topic', 'Auth0 creates it after the stream exists');
    run.skip('activation', 'Activation', `activation: ${s.activation}`);
    run.skip('event-subscription', 'Event subscription', s.eventSubscription.destination ? 'after the partner topic exists' : 'no destination given');
    judge(run, observed);
    return;
  }
  const bound = await run.step('partner-topic', 'Partner topic', async () => {
    if (before?.topic && !created.value) {
      recordBinding(run, before);
      return { status: 'unchanged', detail: `${before.topic.name} (${EVIDENCE_TEXT[before.evidence!]}; source ${before.topic.source}, ${before.topic.activationState})`, value: before as Binding & { topic: PartnerTopic } };
    }
    if (run.dryRun) {
      const b = await bindStreamTopic(run, stream, { allowGuess: true });
      if (!b.topic) return { status: 'planned', detail: 'would wait for Auth0 to create it', value: undefined };
      return { status: 'unchanged', detail: `${b.topic.name} (${EVIDENCE_TEXT[b.evidence!]}; source ${b.topic.source}, ${b.topic.activationState})`, value: b as Binding & { topic: PartnerTopic } };
    }
    return waitForTopic(run, stream, created.value);
  });
  if (run.failed) return;
  const topic = bound?.topic;
  observed.topic = topic ?? null;
  observed.binding = bound;
  if (!topic) {
    run.skip('activation', 'Activation', `activation: ${s.activation}, once the topic exists`);
    run.skip('event-subscription', 'Event subscription', s.eventSubscription.destination ? 'once the topic exists' : 'no destination given');
    return;
  }

  // (5) the event subscription, then (6) activation and the binding tags. In this order: records Auth0
  // publishes once the topic is activated (a replay after a recreated stream, the records that failed
  // while it was not) would be dropped by a topic without the subscription yet.
  const subs = await run.step('event-subscription', 'Event subscription', async () => {
    const list = await azure.eventSubscriptions(s.azure.resourceGroup, topic.name!);
    if (!s.eventSubscription.destination) {
      if (s.eventSubscription.logTypes.length) run.progress.warn('log-types filters the event subscription, and no destination is given (webhook-url or destination-resource-id): nothing was subscribed or filtered.');
      return { status: 'skipped', detail: `no destination given${list.length ? '' : ': events go nowhere'}`, value: list };
    }
    const out = await ensureEventSubscription(run, topic, list);
    const name = s.eventSubscription.name.toLowerCase();
    const merged = out.value ? [...list.filter((e) => e.name?.toLowerCase() !== name), out.value] : list;
    return { ...out, value: merged };
  });
  if (run.failed) return;
  const activated = await (async () => {
    const a =
      s.activation === 'auto'
        ? await run.step('activation', 'Activation', () => activate(run, topic, 'auto', bound))
        : (() => {
            const how = `activate it with command: activate-topic, the /activate-topic comment, or \`az eventgrid partner topic activate --name ${topic.name} --resource-group ${s.azure.resourceGroup}\``;
            run.skip('activation', 'Activation', topic.activationState === 'Activated' ? 'already activated' : `activation: ${s.activation}: ${how}`);
            return topic;
          })();
    if (!a || run.failed) return a;
    const tagged = await run.step('binding', 'Bind partner topic to the stream', () => tagBound(run, a, stream));
    if (tagged && wantedTags(tagged, stream.id, s.environment) === undefined) observed.tagged = true;
    return tagged ?? a;
  })();
  if (activated) observed.topic = activated;
  if (run.failed) return;

  // (7) verify, on the state setup holds (no further reads).
  observed.eventSubscriptions = subs ?? [];
  judge(run, observed);
}
