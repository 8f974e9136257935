/**
 * setup: converge, step by step, from nothing to events flowing, then judge the result.
 * (1) provider registered; (2) Auth0 authorized until at least now + authorization-days;
 * (3) the eventgrid log stream as configured; (4) the partner topic found; (5) activation;
 * (6) the event subscription. Independent reads and steps run concurrently; a converged re-run
 * only reads. With dry-run nothing is written and every step says what it would change.
 */
import type { EventSubscription, PartnerConfiguration, PartnerTopic } from '../azure/arm.js';
import { auth0Entry } from '../azure/arm.js';
import type { LogStream } from '../auth0/log-streams.js';
import { ServiceError } from '../azure/errors.js';
import type { Settings } from '../config/settings.js';
import { LOG_CODES } from '../config/log-codes.js';
import { DAY_MS, Run, type StepOutcome } from './run.js';
import { grant, grantChanges, wantedExpiry } from './authorization.js';
import { describeDestination, EVENTGRID_NAMESPACE, findStream, findTopic, isAuth0Topic, judge, sourceNamesTenant, type Observed } from './observe.js';

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

async function ensureStream(run: Run, existing: LogStream | undefined): Promise<StepOutcome<LogStream | undefined>> {
  const { auth0 } = run.adapters;
  const s = run.settings;
  const name = s.stream.name;
  const createBody = {
    name,
    sink: { azureSubscriptionId: s.azure.subscriptionId, azureResourceGroup: s.azure.resourceGroup, azureRegion: s.azure.region },
    ...(s.stream.categories.length ? { filters: wantedFilters(s) } : {}),
    ...(s.stream.priority ? { isPriority: true } : {}),
    ...(s.stream.startFrom ? { startFrom: s.stream.startFrom } : {}),
  };
  const target = `${s.azure.subscriptionId}/${s.azure.resourceGroup} (${s.azure.region})`;
  if (existing && existing.type !== 'eventgrid') {
    throw new ServiceError('auth0', 409, 'StreamNameTaken', `A ${existing.type} log stream named '${name}' already exists; choose another stream-name.`);
  }
  if (!existing) {
    const change = `Create Auth0 log stream '${name}' (eventgrid → ${target}, ${s.stream.categories.length ? s.stream.categories.join(', ') : 'all categories'})`;
    if (run.dryRun) return { status: 'planned', detail: change, changes: [change], value: undefined };
    const created = await auth0.create(createBody);
    return { status: 'changed', detail: `Created stream ${created.id}`, changes: [change], value: created };
  }
  if (!sinkMatches(existing, s)) {
    const where = `${existing.sink?.azureSubscriptionId}/${existing.sink?.azureResourceGroup} (${existing.sink?.azureRegion})`;
    if (!s.stream.recreateOnSinkChange) {
      throw new ServiceError('auth0', 409, 'StreamSinkMismatch', `Stream '${name}' (${existing.id}) streams to ${where}, not ${target}; an Auth0 sink cannot be changed in place. Set recreate-on-sink-change: true to delete and recreate it, or choose another stream-name.`);
    }
    const changes = [`Delete stream ${existing.id} (sink ${where})`, `Create Auth0 log stream '${name}' (eventgrid → ${target})`];
    if (run.dryRun) return { status: 'planned', detail: changes.join('; '), changes, value: undefined };
    await auth0.delete(existing.id);
    const created = await auth0.create(createBody);
    return { status: 'changed', detail: `Recreated stream as ${created.id} (the old sink was ${where})`, changes, value: created };
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

async function waitForTopic(run: Run, stream: LogStream): Promise<StepOutcome<PartnerTopic>> {
  const { auth0 } = run.adapters;
  let current = stream;
  let first = true;
  const topic = await run.waitFor(
    `Auth0 to create the partner topic in ${run.settings.azure.resourceGroup}`,
    async () => {
      if (!first) current = (await auth0.get(current.id)) ?? current;
      first = false;
      return findTopic(run, current);
    },
    () =>
      new ServiceError(
        'azure',
        404,
        'PartnerTopicNotFound',
        `No Auth0 partner topic appeared in ${run.settings.azure.resourceGroup} within wait-timeout (${Math.round(run.settings.waitTimeoutMs / 1000)}s).`,
      ),
    { initialMs: 100, maxMs: 5000 },
  );
  return { status: 'unchanged', detail: `${topic.name} (source ${topic.source}, ${topic.activationState})`, value: topic };
}

/** The activation decision, shared with the activate-topic command. */
export function activationRefusal(run: Run, topic: PartnerTopic): string | undefined {
  if (!isAuth0Topic(topic)) return `its partner registration is ${topic.partnerRegistrationImmutableId}, not Auth0's`;
  if (!run.settings.auth0.tenant) return 'the Auth0 tenant name is unknown (custom domain): set auth0-tenant so that its source can be checked';
  if (!sourceNamesTenant(topic.source, run.settings.auth0.tenant)) return `its source '${topic.source}' does not name tenant '${run.settings.auth0.tenant}'`;
  return undefined;
}

export async function activate(run: Run, topic: PartnerTopic, mode: 'auto' | 'command'): Promise<StepOutcome<PartnerTopic>> {
  const rg = run.settings.azure.resourceGroup;
  if (topic.activationState === 'Activated') return { status: 'unchanged', detail: `${topic.name} is activated`, value: topic };
  const refusal = activationRefusal(run, topic);
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

  // (3) stream
  const stream = await run.step('stream', 'Auth0 log stream', () => ensureStream(run, findStream(streams!, s.stream.name)));
  if (run.failed) return;
  observed.stream = stream ?? null;

  // (4) partner topic
  if (!stream || run.dryRun && !registered) {
    run.skip('partner-topic', 'Partner topic', 'Auth0 creates it after the stream exists');
    run.skip('activation', 'Activation', `activation: ${s.activation}`);
    run.skip('event-subscription', 'Event subscription', s.eventSubscription.destination ? 'after the partner topic exists' : 'no destination given');
    judge(run, observed);
    return;
  }
  const topic = await run.step('partner-topic', 'Partner topic', async () => {
    if (run.dryRun) {
      const t = await findTopic(run, stream);
      if (!t) return { status: 'planned', detail: 'would wait for Auth0 to create it', value: undefined };
      return { status: 'unchanged', detail: `${t.name} (source ${t.source}, ${t.activationState})`, value: t };
    }
    return waitForTopic(run, stream);
  });
  if (run.failed) return;
  observed.topic = topic ?? null;
  if (!topic) {
    run.skip('activation', 'Activation', `activation: ${s.activation}, once the topic exists`);
    run.skip('event-subscription', 'Event subscription', s.eventSubscription.destination ? 'once the topic exists' : 'no destination given');
    return;
  }

  // (5) activation and (6) event subscriptions (read once: setup's own and the others verify judges), concurrently.
  const [activated, subs] = await Promise.all([
    s.activation === 'auto'
      ? run.step('activation', 'Activation', () => activate(run, topic, 'auto'))
      : Promise.resolve(
          (() => {
            const how = `activate it with command: activate-topic, the /activate-topic comment, or \`az eventgrid partner topic activate --name ${topic.name} --resource-group ${s.azure.resourceGroup}\``;
            run.skip('activation', 'Activation', topic.activationState === 'Activated' ? 'already activated' : `activation: ${s.activation}: ${how}`);
            return topic;
          })(),
        ),
    run.step('event-subscription', 'Event subscription', async () => {
      const list = await azure.eventSubscriptions(s.azure.resourceGroup, topic.name!);
      if (!s.eventSubscription.destination) {
        if (s.eventSubscription.logTypes.length) run.progress.warn('log-types filters the event subscription, and no destination is given (webhook-url or destination-resource-id): nothing was subscribed or filtered.');
        return { status: 'skipped', detail: `no destination given${list.length ? '' : ': events go nowhere'}`, value: list };
      }
      const out = await ensureEventSubscription(run, topic, list);
      const name = s.eventSubscription.name.toLowerCase();
      const merged = out.value ? [...list.filter((e) => e.name?.toLowerCase() !== name), out.value] : list;
      return { ...out, value: merged };
    }),
  ]);
  if (activated) observed.topic = activated;
  if (run.failed) return;

  // (7) verify, on the state setup holds (no further reads).
  observed.eventSubscriptions = subs ?? [];
  judge(run, observed);
}
