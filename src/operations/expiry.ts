/**
 * check-expiry and renew-authorization: the failure this project exists to prevent is Auth0's
 * authorization expiring (or a new partner topic never being activated and deleted) unnoticed.
 *
 * check-expiry reads three things per environment (the partner configuration, the group's partner
 * topics, the tenant's streams — the last shared by environments of the same tenant) and judges them
 * against warn-days and critical-days; with auto-renew it renews authorizations inside warn-days by
 * authorization-days (least privilege: not the maximum), never shortening one.
 */
import type { PartnerTopic } from '../azure/arm.js';
import { auth0Entry } from '../azure/arm.js';
import { ServiceError } from '../azure/errors.js';
import { DAY_MS, type Run, type StepOutcome } from './run.js';
import { expiryThresholds, grant, grantChanges, judgeAuthorization, wantedExpiry } from './authorization.js';
import { days, findStream, topicNeed } from './observe.js';
import { bindTopic, isAuth0Topic, sourceNamesTenant, strongOwner } from './binding.js';


/** Extends (or, with allow-shorten, sets) Auth0's authorization to now + authorization-days. */
async function renew(run: Run, mode: 'command' | 'auto'): Promise<StepOutcome<Date | undefined>> {
  const { azure } = run.adapters;
  const rg = run.settings.azure.resourceGroup;
  const days = run.settings.authorizationDays;
  const cfg = await azure.partnerConfiguration(rg);
  const entry = auth0Entry(cfg);
  const want = wantedExpiry(run, days);
  const current = entry ? (entry.expiresAt?.getTime() ?? Infinity) : undefined;
  if (current !== undefined) run.facts.previousAuthorizationExpiresAt = Number.isFinite(current) ? new Date(current).toISOString() : undefined;
  if (current !== undefined && current > want) {
    const until = Number.isFinite(current) ? new Date(current).toISOString() : 'without expiry';
    if (mode === 'auto' || !run.settings.expiry.allowShorten) {
      if (mode === 'auto') return { status: 'unchanged', detail: `already authorized until ${until}, later than a ${days}-day renewal`, value: undefined };
      throw new ServiceError('azure', undefined, 'WouldShorten', `Auth0 is authorized until ${until}, later than now + ${days} days (${new Date(want).toISOString()}); renewing would shorten it. Set allow-shorten: true to shorten it on purpose, or ask for more days.`);
    }
  }
  const from = current === undefined ? 'not authorized' : Number.isFinite(current) ? new Date(current).toISOString() : 'no expiry';
  const changes = grantChanges(rg, cfg, days, want, 'Authorize');
  changes[changes.length - 1] += ` (was ${from})`;
  if (run.dryRun) return { status: 'planned', detail: changes[changes.length - 1], changes, value: undefined };
  const updated = await grant(run, cfg, days, want);
  const after = auth0Entry(updated)?.expiresAt ?? new Date(want);
  return { status: 'changed', detail: `Authorized Auth0 until ${after.toISOString()} (was ${from})`, changes, value: after };
}

export async function checkExpiry(run: Run): Promise<void> {
  const s = run.settings;
  const { azure, auth0 } = run.adapters;
  const rg = s.azure.resourceGroup;
  const read = await run.step('read', 'Read authorization, topics and stream', async () => {
    const missingProvider = (e: unknown) => {
      if (e instanceof ServiceError && e.code === 'MissingSubscriptionRegistration') return null;
      throw e;
    };
    const [cfg, topics, streams] = await Promise.all([
      azure.partnerConfiguration(rg).catch(missingProvider),
      azure.partnerTopics(rg).catch(missingProvider),
      auth0.listShared(),
    ]);
    return { status: 'unchanged', detail: 'read', value: { cfg, topics, streams } };
  });
  if (!read) return;
  if (read.cfg === null || read.topics === null) {
    run.facts.providerState = 'NotRegistered';
    run.check({ id: 'provider', title: 'Microsoft.EventGrid registered', status: 'fail', detail: `Not registered on subscription ${s.azure.subscriptionId}`, fix: 'Run setup (it registers the provider), or `az provider register --namespace Microsoft.EventGrid`' });
    return;
  }
  let entry = auth0Entry(read.cfg);
  let expiresAt = entry ? (entry.expiresAt?.getTime() ?? Infinity) : undefined;
  const now = run.now().getTime();
  if (s.expiry.autoRenew && (expiresAt === undefined || expiresAt - now < expiryThresholds(s).warnMs)) {
    const renewed = await run.step('renew', 'Auto-renew authorization', () => renew(run, 'auto'));
    if (renewed) {
      expiresAt = renewed.getTime();
      entry = { ...(entry ?? {}), expiresAt: renewed };
    }
  }
  // Unactivated partner topics from this tenant are deleted at their expiration time.
  // The stream's topic, bound as every command binds it; without one, the tenant's topics bound to no other stream.
  const tenant = s.auth0.tenant;
  const stream = findStream(read.streams, s.stream.name);
  const binding = bindTopic({
    stream,
    topics: read.topics as PartnerTopic[],
    streams: read.streams,
    tenant,
    subscriptionId: s.azure.subscriptionId,
    resourceGroup: rg,
    explicit: s.partnerTopic,
    environment: s.environment,
    allowGuess: true,
  });
  const unbound = (read.topics as PartnerTopic[]).filter((t) => isAuth0Topic(t) && (!tenant || sourceNamesTenant(t.source, tenant)) && !strongOwner(t, read.streams));
  const mine = binding.topic ? [binding.topic] : unbound;
  const primary = binding.topic ?? mine.find((t) => t.activationState === 'Activated') ?? mine[0];
  // An expiry stops Auth0 creating topics: it matters most while this stream's topic does not exist yet
  // (or is idle, to be replaced), judged as verify judges it.
  judgeAuthorization(run, { present: entry !== undefined, expiresAt, topic: topicNeed(stream, binding.topic ?? primary) });
  if (primary) {
    run.facts.partnerTopicName = primary.name;
    run.facts.partnerTopicId = primary.id;
    run.facts.activationState = primary.activationState;
  }
  for (const t of mine.filter((x) => x.activationState !== 'Activated')) {
    const at = t.expirationTimeIfNotActivatedUtc ? new Date(t.expirationTimeIfNotActivatedUtc).getTime() : undefined;
    if (t.activationState === 'Deactivated') {
      run.check({ id: `activation:${t.name}`, title: `Topic ${t.name} activated`, status: 'fail', detail: 'Deactivated: events are dropped', fix: `Activate it: comment \`/activate-topic${s.environment ? ` ${s.environment}` : ''}\` or run command: activate-topic` });
      continue;
    }
    if (at !== undefined && (!run.facts.topicExpiresIfNotActivatedAt || at < Date.parse(run.facts.topicExpiresIfNotActivatedAt))) run.facts.topicExpiresIfNotActivatedAt = new Date(at).toISOString();
    const left = at !== undefined ? at - now : undefined;
    run.check({
      id: `activation:${t.name}`,
      title: `Topic ${t.name} activated`,
      status: left !== undefined && left < s.expiry.criticalDays * DAY_MS ? 'fail' : 'warn',
      detail: `Never activated${at !== undefined ? `: Event Grid deletes it at ${new Date(at).toISOString()} (in ${days(left!)})` : ''}`,
      fix: `Check its source (${t.source}), then comment \`/activate-topic${s.environment ? ` ${s.environment}` : ''}\` or run command: activate-topic`,
    });
  }

  if (!stream) {
    run.check({ id: 'stream', title: 'Auth0 log stream', status: 'fail', detail: `No log stream named '${s.stream.name}'`, fix: 'Run setup' });
  } else {
    run.facts.logStreamId = stream.id;
    run.facts.streamStatus = stream.status;
    run.check(
      stream.status === 'active'
        ? { id: 'stream', title: 'Auth0 log stream active', status: 'pass', detail: 'active' }
        : {
            id: 'stream',
            title: 'Auth0 log stream active',
            status: stream.status === 'paused' ? 'warn' : 'fail',
            detail: `${stream.status}: no events are sent`,
            fix: `Fix the cause, then comment \`/resume-stream${s.environment ? ` ${s.environment}` : ''}\` or run setup with resume-stream: true`,
          },
    );
  }
}

export async function renewAuthorization(run: Run): Promise<void> {
  const renewed = await run.step('renew', 'Renew authorization', () => renew(run, 'command'));
  if (run.failed) return;
  const at = renewed?.getTime() ?? (run.facts.previousAuthorizationExpiresAt ? Date.parse(run.facts.previousAuthorizationExpiresAt) : undefined);
  // The new expiry, judged as check-expiry and verify will judge it (a dry run judges the present one).
  if (at !== undefined || !run.dryRun) judgeAuthorization(run, { present: at !== undefined, expiresAt: at, topic: 'unknown' });
}
