/**
 * A partner topic left idle: someone deletes the Auth0 log stream, and Event Grid keeps its topic with
 * provisioningState IdleDueToMirroredChannelResourceDeletion (Auth0's side of it, the channel, is gone).
 * Such a topic never delivers again. verify says so, with the fix; setup creates a new stream, binds the
 * new topic Auth0 creates for it (never the idle one), and ends healthy, events arriving again.
 * check-expiry judges the authorization as verify does: an idle topic has to be replaced, so its
 * stream needs the authorization as much as a first one.
 */
import { until } from './helpers/until.js';
import { testSandbox, admin, group } from './helpers/sandbox.js';
import { baseInputs, runAction, type ActionRun } from './helpers/action.js';
import { startReceiver, type Receiver } from './helpers/receiver.js';
import type { Sandbox } from '../sandbox/index.js';

const IDLE = 'IdleDueToMirroredChannelResourceDeletion';

function report(r: ActionRun) {
  return JSON.parse(r.outputs.report);
}

/** Deletes a log stream as a user would: the Auth0 Management API, with a client-credentials token. */
async function deleteStream(sb: Sandbox, id: string): Promise<void> {
  const { domain, clientId, clientSecret } = sb.info().auth0[0];
  const tok = await fetch(`https://${domain}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret, audience: `https://${domain}/api/v2/` }),
  });
  const { access_token } = (await tok.json()) as { access_token: string };
  const del = await fetch(`https://${domain}/api/v2/log-streams/${id}`, { method: 'DELETE', headers: { authorization: `Bearer ${access_token}` } });
  expect(del.status).toBe(204);
}

describe('idle partner topic (its stream deleted)', () => {
  let sb: Sandbox;
  let receiver: Receiver;
  beforeEach(async () => {
    sb = await testSandbox();
    await admin(sb, 'PATCH', 'settings', { streamDeletionTopicEffect: 'idle', eventDelivery: true });
    receiver = await startReceiver(sb.context.tls);
  });
  afterEach(async () => {
    await receiver.close();
    await sb.stop();
  });

  test('verify reports the idle topic with the fix; setup creates a new stream and topic, leaves the idle one unbound, and ends healthy', async () => {
    const tenant = sb.info().auth0[0].tenant;
    const inputs = baseInputs(sb, { 'webhook-url': receiver.url });
    const first = await runAction(inputs);
    expect({ code: first.code, health: first.outputs.health }).toEqual({ code: 0, health: 'healthy' });
    const oldStream = first.outputs['log-stream-id'];
    const idleName = first.outputs['partner-topic-name'];

    await deleteStream(sb, oldStream);
    const idle = group(sb).partnerTopics.get(idleName.toLowerCase())!;
    expect(idle.resource.properties).toMatchObject({ provisioningState: IDLE, activationState: 'Activated' });

    const v = await runAction({ ...inputs, command: 'verify' });
    expect(v.code).toBe(1);
    expect(v.outputs.health).toBe('unhealthy');
    const checks = report(v).checks;
    expect(checks.find((c: any) => c.id === 'stream')).toMatchObject({ status: 'fail', fix: 'Run setup to create it' });
    const topic = checks.find((c: any) => c.id === 'partner-topic');
    expect(topic.status).toBe('fail');
    // The idle topic is named as what it is, never offered as a candidate to bind.
    expect(topic.detail).toContain(`${idleName} (stream ${oldStream}) is ${IDLE}: its stream was deleted, so it never delivers again`);
    expect(topic.detail).not.toMatch(/name it with partner-topic/);
    expect(topic.fix).toMatch(/^Run setup: it creates a new stream, and Auth0 a new topic for it/);
    expect(topic.fix).toContain(idleName);

    // teardown leaves the idle topic alone unless it is named, and says so.
    const plan = await runAction({ ...inputs, command: 'teardown', 'dry-run': 'true' });
    expect(report(plan).steps.find((x: any) => x.id === 'partner-topic').detail).toBe(`none bound to this stream; ${idleName} is ${IDLE} (its stream deleted): left alone (name it with partner-topic to delete it)`);
    // Named with partner-topic, it is refused for the new stream setup creates: it never delivers again.
    const pinned = await runAction({ ...inputs, 'partner-topic': idleName });
    expect(pinned.code).toBe(1);
    expect(pinned.all).toContain(`partner topic '${idleName}' (partner-topic) is ${IDLE}: the stream it belonged to (${oldStream}) was deleted and it never delivers again; remove partner-topic`);
    expect(idle.resource.properties.provisioningState).toBe(IDLE);
    const [pinnedStream] = [...sb.context.world.auth0Tenants.get(tenant)!.logStreams.keys()];

    const fixed = await runAction(inputs);
    expect(fixed.stderr).toBe('');
    expect({ code: fixed.code, health: fixed.outputs.health }).toEqual({ code: 0, health: 'healthy' });
    const newStream = fixed.outputs['log-stream-id'];
    const newTopic = fixed.outputs['partner-topic-name'];
    expect(newStream).not.toBe(oldStream);
    expect(newStream).toBe(pinnedStream); // the stream the refused run created, taken up again
    expect(newTopic).not.toBe(idleName);
    expect(group(sb).partnerTopics.get(newTopic.toLowerCase())!.resource.properties).toMatchObject({ provisioningState: 'Succeeded', activationState: 'Activated' });
    // The idle topic is left as it was: not activated again, not tagged with the new stream.
    expect(idle.resource.properties.provisioningState).toBe(IDLE);
    expect(Object.values(idle.resource.tags ?? {})).not.toContain(newStream);
    expect([...sb.context.world.auth0Tenants.get(tenant)!.logStreams.keys()]).toEqual([newStream]);

    const rec = (await admin(sb, 'POST', `auth0/${tenant}/logs`, { type: 's', user_name: 'ada@example.com' })).value[0];
    await until('a record through the new topic', () => receiver.events.some((e) => e.body.id === rec.log_id));

    const again = await runAction({ ...inputs, command: 'verify' });
    expect(again.code).toBe(0);
    expect(report(again).checks.filter((c: any) => c.status === 'fail')).toEqual([]);
    expect(again.outputs['partner-topic-name']).toBe(newTopic);
  });

  test('check-expiry judges an idle topic as verify does: its replacement still has to be created, so an expired authorization is unhealthy', async () => {
    const inputs = baseInputs(sb);
    const first = await runAction(inputs);
    expect(first.code).toBe(0);
    // Auth0's channel is gone while the stream is still listed: Event Grid leaves the topic idle.
    group(sb).partnerTopics.get(first.outputs['partner-topic-name'].toLowerCase())!.resource.properties.provisioningState = IDLE;
    await admin(sb, 'POST', 'clock', { advance: '8d' }); // the default 7-day authorization is over

    const authorization = (r: ActionRun) => report(r).checks.find((c: any) => c.id === 'authorization');
    const v = await runAction({ ...inputs, command: 'verify' });
    expect(report(v).checks.find((c: any) => c.id === 'partner-topic').detail).toMatch(/^Lost: its partner topic .* is IdleDueToMirroredChannelResourceDeletion/);
    expect(authorization(v)).toMatchObject({ status: 'fail' });
    expect(authorization(v).detail).toMatch(/the stream has no partner topic yet, and Auth0 cannot create it/);

    const check = await runAction({ ...inputs, command: 'check-expiry' });
    expect(check.code).toBe(1);
    expect(check.outputs.health).toBe('unhealthy');
    expect(authorization(check)).toEqual(authorization(v));
  });
});
