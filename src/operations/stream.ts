/**
 * resume-stream and deactivate-topic: the two remedies ChatOps offers beside activation and renewal.
 * - resume-stream: a paused (by a user) or suspended (by failed deliveries) Auth0 log stream is set
 *   back to `active`; a stream that is active already is left alone (no write).
 * - deactivate-topic: the stream's partner topic stops delivering (Event Grid drops its events until it
 *   is activated again); a topic never activated or already deactivated is left alone.
 * Both honour dry-run and report what they found and did like every other operation.
 */
import type { LogStream } from '../auth0/log-streams.js';
import type { Run } from './run.js';
import { bindStreamTopic, lookupStream, lookupTopic, recordTopicFacts } from './observe.js';

const envSuffix = (run: Run) => (run.settings.environment ? ` ${run.settings.environment}` : '');

/** resume-stream: PATCH {status: "active"} on a paused or suspended stream. */
export async function resumeStream(run: Run): Promise<void> {
  const stream = await lookupStream(run);
  if (!stream) return;
  const after = await run.step('resume', 'Resume stream', async () => {
    if (stream.status === 'active') return { status: 'unchanged', detail: `${stream.id} is active`, value: stream };
    const change = `Resume the ${stream.status} Auth0 log stream ${stream.id}`;
    if (run.dryRun) return { status: 'planned', detail: change, changes: [change], value: stream };
    const updated = await run.adapters.auth0.update(stream.id, { status: 'active' });
    return { status: 'changed', detail: `Resumed ${stream.id} (was ${stream.status})`, changes: [change], value: { ...stream, ...updated } as LogStream };
  });
  if (!after) return;
  run.facts.logStreamId = after.id;
  run.facts.streamStatus = run.dryRun ? stream.status : after.status;
  run.check(
    after.status === 'active' || run.dryRun
      ? { id: 'stream', title: 'Auth0 log stream active', status: 'pass', detail: run.dryRun ? `${stream.status} (would be resumed)` : 'active' }
      : { id: 'stream', title: 'Auth0 log stream active', status: 'fail', detail: `${after.status} after the resume request`, fix: 'Check the stream in the Auth0 Dashboard (Monitoring > Streams).' },
  );
  // A stream whose topic does not take events is suspended again after a few failed deliveries.
  const topic = await run.step('partner-topic', 'Partner topic', async () => {
    const t = (await bindStreamTopic(run, after, { allowGuess: true })).topic;
    return { status: 'unchanged', detail: t ? `${t.name} (${t.activationState})` : 'none found', value: t ?? null };
  });
  if (topic === undefined) return;
  if (!topic) {
    run.check({ id: 'topic', title: 'Partner topic found', status: 'warn', detail: `No Auth0 partner topic for the stream in ${run.settings.azure.resourceGroup}`, fix: 'Run setup (or verify) to find out why.' });
    return;
  }
  Object.assign(run.facts, { partnerTopicName: topic.name, partnerTopicId: topic.id, activationState: topic.activationState });
  if (topic.activationState !== 'Activated') {
    run.check({
      id: 'activation',
      title: 'Topic activated',
      status: 'warn',
      detail: `${topic.name} is ${topic.activationState}: deliveries fail and Auth0 will suspend the stream again`,
      fix: `Comment \`/activate-topic${envSuffix(run)}\` or run command: activate-topic`,
    });
  }
}

/** deactivate-topic: POST …/partnerTopics/{name}/deactivate on the stream's partner topic. */
export async function deactivateTopic(run: Run): Promise<void> {
  const s = run.settings;
  const stream = await lookupStream(run);
  if (!stream) return;
  // Never on a guess: only a topic bound to the stream by evidence is deactivated.
  const topic = (await lookupTopic(run, stream, false))?.topic;
  if (!topic) return;
  const after = await run.step('deactivation', 'Deactivation', async () => {
    if (topic.activationState === 'Deactivated') return { status: 'unchanged', detail: `${topic.name} is deactivated`, value: topic };
    if (topic.activationState !== 'Activated') return { status: 'unchanged', detail: `${topic.name} was never activated: nothing to deactivate`, value: topic };
    const change = `Deactivate partner topic ${topic.name} (events are dropped until it is activated again)`;
    if (run.dryRun) return { status: 'planned', detail: change, changes: [change], value: topic };
    const t = await run.adapters.azure.deactivateTopic(s.azure.resourceGroup, topic.name!);
    return { status: 'changed', detail: `Deactivated ${topic.name}`, changes: [change], value: t };
  });
  recordTopicFacts(run, stream, after ?? topic);
  if (after) {
    run.check({
      id: 'deactivation',
      title: 'Topic not delivering',
      status: after.activationState !== 'Activated' || run.dryRun ? 'pass' : 'fail',
      detail:
        run.dryRun && after.activationState === 'Activated'
          ? 'Activated (would be deactivated)'
          : after.activationState === 'Deactivated'
            ? `Deactivated: events are dropped until it is activated again (/activate-topic${envSuffix(run)})`
            : `${after.activationState}`,
    });
  }
}
