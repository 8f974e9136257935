/**
 * A lost partner topic: someone deletes the stream's activated topic. Auth0 never creates a new one
 * for an existing stream, so the stream can never deliver again. verify says so, with the fix; setup
 * recreates the stream with startFrom at Auth0's first logged delivery failure, ends healthy, and the
 * log records of the gap arrive at the webhook.
 */
import { until } from './helpers/until.js';
import { testSandbox, admin, group } from './helpers/sandbox.js';
import { baseInputs, runAction, type ActionRun } from './helpers/action.js';
import { startReceiver, type Receiver } from './helpers/receiver.js';
import { armToken } from './sandbox-arm-helpers.js';
import type { Sandbox } from '../sandbox/index.js';

function report(r: ActionRun) {
  return JSON.parse(r.outputs.report);
}

describe('lost partner topic', () => {
  let sb: Sandbox;
  let receiver: Receiver;
  beforeEach(async () => {
    sb = await testSandbox();
    await admin(sb, 'PATCH', 'settings', { partnerTopicName: 'auth0-random', partnerTopicNaming: 'partner-path', partnerTopicSource: 'partner-path', eventDelivery: true });
    receiver = await startReceiver(sb.context.tls);
  });
  afterEach(async () => {
    await receiver.close();
    await sb.stop();
  });

  test('verify reports it; setup recreates the stream from the first failure and the gap arrives', async () => {
    const info = sb.info();
    const tenant = info.auth0[0].tenant;
    const inputs = baseInputs(sb, { 'webhook-url': receiver.url, 'event-categories': 'auth.login.success,auth.login.fail' });
    const first = await runAction(inputs);
    expect({ code: first.code, health: first.outputs.health }).toEqual({ code: 0, health: 'healthy' });
    const oldStream = first.outputs['log-stream-id'];
    const topicName = first.outputs['partner-topic-name'];

    const write = async (type: string) => (await admin(sb, 'POST', `auth0/${tenant}/logs`, { type, user_name: 'ada@example.com' })).value[0];
    const before = await write('s');
    await until('the record before the loss', () => receiver.events.some((e) => e.body.id === before.log_id));

    // Someone deletes the partner topic (as in the portal: ARM DELETE).
    const url = `${info.endpoints.arm}/subscriptions/${info.azure.subscriptionId}/resourceGroups/${info.azure.resourceGroup}/providers/Microsoft.EventGrid/partnerTopics/${topicName}?api-version=2025-02-15`;
    const del = await fetch(url, { method: 'DELETE', headers: { authorization: `Bearer ${await armToken(sb)}` } });
    expect([200, 202, 204]).toContain(del.status);
    await until('the topic to be gone', () => !group(sb).partnerTopics.has(topicName.toLowerCase()));

    // The gap: records Auth0 cannot deliver; it logs the failures after its retries.
    const gap = [await write('s'), await write('f'), await write('s')];
    await admin(sb, 'POST', 'clock', { advance: '10m' });
    const failures = await until('Auth0 to log the failed deliveries', () => {
      const logs = sb.context.world.auth0Tenants.get(tenant)!.logs;
      return logs.filter((l: any) => l.details?.log_stream?.id === oldStream).length >= gap.length && logs.filter((l: any) => l.details?.log_stream?.id === oldStream);
    });
    const firstFailureRecord = failures.slice().sort((x, y) => (x.log_id < y.log_id ? -1 : 1))[0] as any;
    const firstFailure = firstFailureRecord.date;
    // Replayed from the record whose delivery failed first (logged only after Auth0's retries).
    const replayFrom = sb.context.world.auth0Tenants.get(tenant)!.logs.find((l) => l.log_id === firstFailureRecord.details.log_id)!.date;
    expect(gap.map((g) => g.log_id)).toContain(firstFailureRecord.details.log_id);
    // Time passes: the stream has been failing for longer than any partner topic takes to appear.
    await admin(sb, 'POST', 'clock', { advance: '30m' });
    expect(receiver.events.some((e) => gap.some((g) => g.log_id === e.body.id))).toBe(false);

    const v = await runAction({ ...inputs, command: 'verify' });
    expect(v.code).toBe(1);
    expect(v.outputs.health).toBe('unhealthy');
    const lost = report(v).checks.find((c: any) => c.id === 'partner-topic');
    expect(lost).toMatchObject({ status: 'fail' });
    expect(lost.detail).toMatch(/^Lost: .*Auth0 never creates a new topic for an existing stream: nothing has been delivered since /);
    expect(lost.detail).toContain(firstFailure);
    expect(lost.fix).toBe(`Run setup: it recreates the stream and replays the logs since ${replayFrom}`);
    expect(report(v).facts.topicLostSince).toBe(firstFailure);

    // recreate-stream-if-topic-lost: false: setup refuses, naming the input.
    const refused = await runAction({ ...inputs, 'recreate-stream-if-topic-lost': 'false' });
    expect(refused.code).toBe(1);
    expect(refused.all).toMatch(/PartnerTopicLost/);
    expect(refused.all).toMatch(/recreate-stream-if-topic-lost: true/);

    const fixed = await runAction(inputs);
    expect(fixed.stderr).toBe('');
    expect({ code: fixed.code, health: fixed.outputs.health }).toEqual({ code: 0, health: 'healthy' });
    const newStream = fixed.outputs['log-stream-id'];
    expect(newStream).not.toBe(oldStream);
    expect(report(fixed).facts.streamRecreatedFrom).toBe(replayFrom);
    expect(fixed.all).toContain(`replaying the logs since ${replayFrom}`);
    const streams = [...sb.context.world.auth0Tenants.get(tenant)!.logStreams.values()];
    expect(streams.map((s) => s.id)).toEqual([newStream]);
    // The gap arrives through the new stream's topic.
    await until('the records of the gap', () => gap.every((g) => receiver.events.some((e) => e.body.id === g.log_id)));
    const after = await write('s');
    await until('a record after the recovery', () => receiver.events.some((e) => e.body.id === after.log_id));

    const again = await runAction({ ...inputs, command: 'verify' });
    expect(report(again).checks.filter((c: any) => c.status === 'fail')).toEqual([]);
  });

  test('a topic never activated expires after 7 days: verify reports it lost; setup recreates the stream, and a topic appears again', async () => {
    const inputs = baseInputs(sb, { activation: 'manual' });
    const first = await runAction(inputs);
    expect(first.code).toBe(0);
    const oldStream = first.outputs['log-stream-id'];
    const topicName = first.outputs['partner-topic-name'];
    expect(first.outputs['activation-state']).toBe('NeverActivated');
    // Auth0's records fail to publish to the unactivated topic; after 7 days Event Grid deletes it.
    await admin(sb, 'POST', 'clock', { advance: '8d' });
    await until('the topic to expire', () => !group(sb).partnerTopics.has(topicName.toLowerCase()));

    const v = await runAction({ ...inputs, command: 'verify' });
    expect(v.code).toBe(1);
    const lost = report(v).checks.find((c: any) => c.id === 'partner-topic');
    expect(lost.status).toBe('fail');
    // A quiet tenant: no delivery failed, so Auth0's record of the stream's creation shows its age.
    expect(lost.detail).toMatch(/^Lost: no partner topic exists for it, created .* \(8 days ago\)/);

    const fixed = await runAction(inputs);
    expect(fixed.stderr).toBe('');
    expect(fixed.code).toBe(0);
    expect(fixed.outputs['log-stream-id']).not.toBe(oldStream);
    expect(fixed.outputs['partner-topic-name']).not.toBe(topicName);
    // Nothing was ever delivered: the replay starts at the old stream's creation.
    expect(report(fixed).facts.streamRecreatedFrom).toBe(report(v).facts.topicLostSince);
    expect(group(sb).partnerTopics.has(fixed.outputs['partner-topic-name'].toLowerCase())).toBe(true);
    expect([...sb.context.world.auth0Tenants.get(sb.info().auth0[0].tenant)!.logStreams.keys()]).toEqual([fixed.outputs['log-stream-id']]);
  });

  test('a topic that is only slow is not taken for lost: a re-run waits for it and keeps the stream', async () => {
    await admin(sb, 'PATCH', 'settings', { partnerTopicDelayMs: 5000 });
    const cut = await runAction(baseInputs(sb, { 'wait-timeout': '2s' }));
    expect(cut.code).toBe(1);
    expect(cut.all).toMatch(/PartnerTopicNotFound/);
    const stream = cut.outputs['log-stream-id'] || [...sb.context.world.auth0Tenants.get(sb.info().auth0[0].tenant)!.logStreams.keys()][0];
    const again = await runAction(baseInputs(sb));
    expect(again.code).toBe(0);
    expect(again.all).not.toMatch(/Recreat|Lost:|is lost/);
    expect(again.outputs['log-stream-id']).toBe(stream);
    expect(again.outputs['activation-state']).toBe('Activated');
  });
});
