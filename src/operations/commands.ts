/** verify, activate-topic and teardown. */
import { auth0Entry } from '../azure/arm.js';
import { ServiceError } from '../azure/errors.js';
import type { Run } from './run.js';
import { bindStreamTopic, findStream, judge, lookupStream, lookupTopic, observe, recordBinding, recordTopicFacts, unboundMessage } from './observe.js';
import { activate, tagBound } from './setup.js';
import { EVIDENCE_TEXT, IDLE_STATE, isAuth0Topic, isIdle } from './binding.js';
import { deliveryMetrics } from './metrics.js';
import { probe } from './probe.js';

/**
 * verify: read-only; every check is pass, warn or fail with a one-line fix. Besides the state, the
 * partner topic's delivery metrics over metrics-window; with probe: true, an end-to-end probe.
 */
export async function verify(run: Run): Promise<void> {
  const observed = await run.step('read', 'Read current state', async () => {
    const o = await observe(run);
    return { status: 'unchanged', detail: 'read provider, authorization, stream, partner topic and event subscriptions', value: o };
  });
  if (!observed) return;
  judge(run, observed);
  const metrics = await deliveryMetrics(run, observed);
  if (run.settings.verify.probe && !run.failed) await probe(run, observed, metrics);
}

/** activate-topic: find the stream's partner topic, check its source, activate it. */
export async function activateTopic(run: Run): Promise<void> {
  const stream = await lookupStream(run);
  if (!stream) return;
  const bound = await lookupTopic(run, stream, true);
  if (!bound) return;
  const topic = bound.topic;
  const activated = await run.step('activation', 'Activation', () => activate(run, topic, 'command', bound));
  if (activated && !run.failed) await run.step('binding', 'Bind partner topic to the stream', () => tagBound(run, activated, stream));
  const t = activated ?? topic;
  recordTopicFacts(run, stream, t);
  if (activated) run.check({ id: 'activation', title: 'Topic activated', status: t.activationState === 'Activated' || run.dryRun ? 'pass' : 'fail', detail: `${t.activationState}` });
}

/**
 * teardown: remove what setup made, in reverse: the event subscription, the partner topic, the
 * Auth0 stream, Auth0's authorization. Only what is bound to this environment's stream by evidence
 * (tags, name, source, partner-topic; never a guess) is touched. Auth0's authorization is removed only
 * when no other stream of the tenant streams into the group and no other Auth0 topic is left there.
 * Other partners' authorizations, the partner configuration and the provider registration stay.
 */
export async function teardown(run: Run): Promise<void> {
  const s = run.settings;
  const rg = s.azure.resourceGroup;
  const { azure, auth0 } = run.adapters;
  const provider = await run.step('provider', 'Resource provider', async () => {
    const state = await azure.providerState('Microsoft.EventGrid');
    return { status: 'unchanged', detail: `${state} (left as it is)`, value: state };
  });
  const streams = await run.step('stream-lookup', 'Find Auth0 log stream', async () => {
    const list = await auth0.list();
    const found = findStream(list, s.stream.name);
    return { status: 'unchanged', detail: found ? `${found.id}` : 'none', value: list };
  });
  if (run.failed || !streams) return;
  const stream = findStream(streams, s.stream.name);
  const ours = stream && stream.type === 'eventgrid' && stream.sink?.azureSubscriptionId?.toLowerCase() === s.azure.subscriptionId && stream.sink?.azureResourceGroup?.toLowerCase() === rg.toLowerCase() ? stream : undefined;
  const registered = provider === 'Registered';
  const binding = registered
    ? await run.step('topic-lookup', 'Find partner topic', async () => {
        const b = await bindStreamTopic(run, ours, { streams, allowGuess: false });
        if (b.conflict) throw new ServiceError('azure', 409, 'PartnerTopicConflict', unboundMessage(run, ours, b));
        if (b.topic) recordBinding(run, b);
        const detail = b.topic ? `${b.topic.name} (${EVIDENCE_TEXT[b.evidence!]})` : b.reason || b.candidates.length ? `none bound: ${unboundMessage(run, ours, b)}` : 'none';
        return { status: 'unchanged', detail, value: b };
      })
    : undefined;
  if (run.failed) return;
  const topic = binding?.topic;

  if (topic?.name) {
    const topicName = topic.name;
    await run.step('event-subscription', 'Event subscription', async () => {
      const es = await azure.eventSubscription(rg, topicName, s.eventSubscription.name);
      if (!es) return { status: 'unchanged', detail: `no event subscription named ${s.eventSubscription.name}`, value: undefined };
      const change = `Delete event subscription ${es.name}`;
      if (run.dryRun) return { status: 'planned', detail: change, changes: [change], value: undefined };
      await azure.deleteEventSubscription(rg, topicName, es.name!, run.signal());
      return { status: 'changed', detail: change, changes: [change], value: undefined };
    });
    if (run.failed) return;
    await run.step('partner-topic', 'Partner topic', async () => {
      const change = `Delete partner topic ${topicName}`;
      if (run.dryRun) return { status: 'planned', detail: change, changes: [change], value: undefined };
      await azure.deleteTopic(rg, topicName, run.signal());
      return { status: 'changed', detail: change, changes: [change], value: undefined };
    });
    if (run.failed) return;
  } else {
    const idle = binding?.topics.filter((t) => isAuth0Topic(t) && isIdle(t)).map((t) => t.name) ?? [];
    const found = binding?.candidates.length
      ? 'none bound to this stream: left alone (name it with partner-topic to delete it)'
      : idle.length
      ? `none bound to this stream; ${idle.join(', ')} ${idle.length > 1 ? 'are' : 'is'} ${IDLE_STATE} (its stream deleted): left alone (name it with partner-topic to delete it)`
      : 'none found';
    run.skip('partner-topic', 'Partner topic', registered ? found : 'provider not registered: nothing in Event Grid');
  }

  await run.step('stream', 'Auth0 log stream', async () => {
    if (!stream) return { status: 'unchanged', detail: `no stream named '${s.stream.name}'`, value: undefined };
    if (!ours) {
      run.progress.warn(`Leaving stream '${stream.name}' (${stream.id}): it does not stream to ${s.azure.subscriptionId}/${rg}.`);
      return { status: 'skipped', detail: `'${stream.name}' streams elsewhere: left alone`, value: undefined };
    }
    const change = `Delete Auth0 log stream ${stream.id}`;
    if (run.dryRun) return { status: 'planned', detail: change, changes: [change], value: undefined };
    await auth0.delete(stream.id);
    return { status: 'changed', detail: change, changes: [change], value: undefined };
  });
  if (run.failed) return;

  if (registered) {
    await run.step('authorization', 'Auth0 authorization', async () => {
      const cfg = await azure.partnerConfiguration(rg);
      const entry = auth0Entry(cfg);
      if (!entry) return { status: 'unchanged', detail: 'Auth0 is not authorized', value: undefined };
      // Still needed by another stream into this group, or by an Auth0 topic left in it (another tenant's, or not ours).
      const otherStreams = streams.filter((x) => x.id !== stream?.id && x.type === 'eventgrid' && x.sink?.azureSubscriptionId?.toLowerCase() === s.azure.subscriptionId && x.sink?.azureResourceGroup?.toLowerCase() === rg.toLowerCase());
      const otherTopics = (binding?.topics ?? []).filter((t) => isAuth0Topic(t) && t.name !== topic?.name);
      if (otherStreams.length || otherTopics.length) {
        const by = [...otherStreams.map((x) => `stream '${x.name}' (${x.id})`), ...otherTopics.map((t) => `partner topic ${t.name}`)];
        return { status: 'unchanged', detail: `Auth0's authorization stays: still needed by ${by.join(', ')}`, value: undefined };
      }
      const change = `Remove Auth0's authorization from the partner configuration of ${rg} (other partners stay)`;
      if (run.dryRun) return { status: 'planned', detail: change, changes: [change], value: undefined };
      await azure.unauthorizeAuth0(rg, entry);
      return { status: 'changed', detail: change, changes: [change], value: undefined };
    });
  }
}
