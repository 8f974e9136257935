/**
 * End to end: the bundled Action (node dist/index.js) against the sandbox, as a runner runs it.
 */
import { testSandbox, admin } from './helpers/sandbox.js';
import { baseInputs, oidcEnv, runAction } from './helpers/action.js';
import type { Sandbox } from '../sandbox/index.js';
import { AUTH0_PARTNER } from '../sandbox/core/eventgrid.js';

const WEBHOOK = 'https://127.0.0.1:9/auth0-events?code=hookKey_5f2c9a77e1';

async function requestsSince(sb: Sandbox, mark: number): Promise<any[]> {
  return (await admin(sb, 'GET', `requests?since=${mark}`)).value;
}

async function mark(sb: Sandbox): Promise<number> {
  return (await admin(sb, 'GET', 'requests?since=999999999')).mark;
}

function group(sb: Sandbox) {
  const info = sb.info();
  const sub = sb.context.world.subscriptions.get(info.azure.subscriptionId.toLowerCase())!;
  return sub.resourceGroups.get(info.azure.resourceGroup.toLowerCase())!;
}

describe('the Action against the sandbox', () => {
  let sb: Sandbox;
  beforeEach(async () => {
    sb = await testSandbox();
  });
  afterEach(async () => {
    await sb.stop();
  });

  test('setup takes an empty subscription to healthy; a re-run and verify make no writes', async () => {
    const first = await runAction(baseInputs(sb, { 'webhook-url': WEBHOOK }));
    expect(first.stdout).not.toContain('::error');
    expect(first.code).toBe(0);
    expect(first.outputs.health).toBe('healthy');
    expect(first.outputs['stream-status']).toBe('active');
    expect(first.outputs['activation-state']).toBe('Activated');
    expect(first.outputs['log-stream-id']).toMatch(/^lst_/);
    expect(first.outputs['partner-topic-id']).toContain('/providers/Microsoft.EventGrid/partnerTopics/');
    expect(first.outputs['event-subscription-id']).toContain('/eventSubscriptions/auth0-logs');
    expect(Number(first.outputs['days-until-expiry'])).toBe(7);
    expect(first.summary).toContain('setup');
    const g = group(sb);
    expect([...g.partnerTopics.values()][0].resource.properties.activationState).toBe('Activated');

    const m = await mark(sb);
    const second = await runAction(baseInputs(sb, { 'webhook-url': WEBHOOK }));
    expect(second.code).toBe(0);
    expect(second.outputs.health).toBe('healthy');
    const reqs = await requestsSince(sb, m);
    expect(reqs.filter((r) => r.write)).toEqual([]);
    expect(reqs.length).toBeLessThanOrEqual(10);

    const m2 = await mark(sb);
    const v = await runAction(baseInputs(sb, { command: 'verify', 'webhook-url': WEBHOOK }));
    expect(v.code).toBe(0);
    // The webhook is unreachable: Auth0's records of these runs (token exchanges) fail delivery, which
    // verify reads in the topic's metrics (setup does not read them): degraded, for that reason only.
    expect(v.outputs.health).toBe('degraded');
    expect(JSON.parse(v.outputs.report).checks.filter((c: any) => c.status !== 'pass').map((c: any) => c.id)).toEqual(['delivery-metrics']);
    expect((await requestsSince(sb, m2)).filter((r) => r.write)).toEqual([]);
  });

  test('dry-run writes nothing and prints the plan', async () => {
    const m = await mark(sb);
    const r = await runAction(baseInputs(sb, { 'dry-run': 'true', 'webhook-url': WEBHOOK }));
    expect((await requestsSince(sb, m)).filter((x) => x.write)).toEqual([]);
    expect(r.all).toMatch(/Register resource provider Microsoft\.EventGrid/);
    expect(r.all).toMatch(/Authorize Auth0 until/);
    expect(r.all).toMatch(/Create Auth0 log stream/);
    expect(sb.context.world.auth0Tenants.get('dev-tenant')!.logStreams.size).toBe(0);
  });

  test('signs in through the OIDC federated credential, without a secret', async () => {
    const inputs = baseInputs(sb);
    delete inputs['azure-client-secret'];
    const r = await runAction(inputs, oidcEnv(sb));
    expect(r.code).toBe(0);
    expect(r.outputs.health).toBe('degraded'); // no destination: events go nowhere
    expect(r.all).toMatch(/events go nowhere/);
  });

  test('no Azure credential at all fails with the fix', async () => {
    const inputs = baseInputs(sb);
    delete inputs['azure-client-secret'];
    delete inputs['azure-client-id'];
    delete inputs['azure-tenant-id'];
    const r = await runAction(inputs, { AZURE_CONFIG_DIR: '/nonexistent' });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/::error/);
    expect(r.all).toMatch(/azure-client-id and azure-tenant-id|azure\/login/);
    expect((await requestsSince(sb, 0)).filter((x) => x.write)).toEqual([]);
  });

  test('finds the topic when Auth0 names it by partner path, not by resource name', async () => {
    await admin(sb, 'PATCH', 'settings', { partnerTopicNaming: 'partner-path' });
    const r = await runAction(baseInputs(sb, { 'webhook-url': WEBHOOK }));
    expect(r.code).toBe(0);
    expect(r.outputs['activation-state']).toBe('Activated');
    const stream = [...sb.context.world.auth0Tenants.get('dev-tenant')!.logStreams.values()][0];
    expect(stream.sink.azurePartnerTopic).toMatch(/^azure\.partner\//);
  });

  test('refuses to activate a topic whose source does not name the tenant', async () => {
    const r = await runAction(baseInputs(sb, { 'auth0-tenant': 'someone-else' }));
    expect(r.code).toBe(1);
    expect(r.all).toMatch(/ActivationRefused/);
    expect(r.all).toMatch(/does not name tenant 'someone-else'/);
    expect([...group(sb).partnerTopics.values()][0].resource.properties.activationState).toBe('NeverActivated');
  });

  test('activation manual leaves the topic; activate-topic activates it', async () => {
    const r = await runAction(baseInputs(sb, { activation: 'manual' }));
    expect(r.code).toBe(0);
    expect(r.all).toMatch(/activate-topic/);
    expect(r.outputs['activation-state']).toBe('NeverActivated');
    const a = await runAction(baseInputs(sb, { command: 'activate-topic' }));
    expect(a.code).toBe(0);
    expect(a.outputs['activation-state']).toBe('Activated');
  });

  test('teardown removes what setup made and leaves another partner authorized', async () => {
    expect((await runAction(baseInputs(sb, { 'webhook-url': WEBHOOK }))).code).toBe(0);
    const cfg = group(sb).partnerConfiguration!;
    cfg.properties.partnerAuthorization.authorizedPartnersList.push({
      partnerRegistrationImmutableId: '941892bc-f5d0-4d1c-8fb5-477570fc2b71',
      partnerName: 'Contoso.Finance',
      authorizationExpirationTimeInUtc: new Date(Date.now() + 3 * 86400_000).toISOString(),
    });
    const t = await runAction(baseInputs(sb, { command: 'teardown', 'webhook-url': WEBHOOK }));
    expect(t.code).toBe(0);
    const g = group(sb);
    expect(g.partnerTopics.size).toBe(0);
    expect(sb.context.world.auth0Tenants.get('dev-tenant')!.logStreams.size).toBe(0);
    const list = g.partnerConfiguration!.properties.partnerAuthorization.authorizedPartnersList;
    expect(list.map((p: any) => p.partnerName)).toEqual(['Contoso.Finance']);
    expect(list.some((p: any) => p.partnerRegistrationImmutableId === AUTH0_PARTNER.immutableId)).toBe(false);
    // and a second teardown converges with no writes
    const m = await mark(sb);
    expect((await runAction(baseInputs(sb, { command: 'teardown' }))).code).toBe(0);
    expect((await requestsSince(sb, m)).filter((x) => x.write)).toEqual([]);
  });

  test('no secret appears in stdout, stderr, the summary or the outputs', async () => {
    const inputs = baseInputs(sb, { 'webhook-url': WEBHOOK });
    const secrets = [inputs['azure-client-secret'], inputs['auth0-client-secret'], 'hookKey_5f2c9a77e1'];
    // `::add-mask::` lines are how the runner learns what to mask; it never shows them.
    const visible = (text: string) => text.split('\n').filter((l) => !l.startsWith('::add-mask::')).join('\n');
    for (const command of ['setup', 'verify', 'activate-topic', 'teardown']) {
      const r = await runAction({ ...inputs, command });
      expect(r.stdout).toContain('::add-mask::');
      for (const s of secrets) expect(visible(r.all)).not.toContain(s);
    }
    const failing = await runAction({ ...inputs, 'auth0-client-secret': 'wrong-secret-value-77' });
    expect(failing.code).toBe(1);
    expect(failing.all).toMatch(/access_denied/);
    expect(visible(failing.all)).not.toContain('wrong-secret-value-77');
  });
});
