/**
 * Two environments of one environments file share a resource group and an Auth0 tenant (streams
 * stream-a and stream-b), with the partner-topic shape that tells them apart least: the same partner
 * path as every topic's source and as both streams' azurePartnerTopic, and random topic names. Setup
 * of b starts while a's topic is still appearing; both end healthy, each on its own topic; teardown of
 * a mistyped environment and then of each in turn touches nothing of the other, and Auth0's
 * authorization stays while a stream still needs it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testSandbox, admin, group, mark, writesSince } from './helpers/sandbox.js';
import { runAction, type ActionRun } from './helpers/action.js';
import type { Sandbox } from '../sandbox/index.js';
import { AUTH0_PARTNER } from '../sandbox/core/eventgrid.js';

/** Whether the group's partner configuration authorizes Auth0. */
function auth0Authorized(sb: Sandbox): boolean {
  const list: any[] = group(sb).partnerConfiguration?.properties.partnerAuthorization?.authorizedPartnersList ?? [];
  return list.some((p) => p.partnerRegistrationImmutableId?.toLowerCase() === AUTH0_PARTNER.immutableId);
}

/** The result of the one environment a run was given. */
function report(r: ActionRun) {
  const out = JSON.parse(r.outputs.report);
  return out.environments ? out.environments[0] : out;
}

describe('two environments in one group and tenant', () => {
  let sb: Sandbox;
  let dir: string;
  let file: string;
  const env = { AZURE_SECRET: '', AUTH0_SECRET: '' };
  beforeAll(async () => {
    sb = await testSandbox({ settings: { partnerTopicDelayMs: 1500 } });
    await admin(sb, 'PATCH', 'settings', { partnerTopicName: 'auth0-random', partnerTopicNaming: 'partner-path', partnerTopicSource: 'partner-path', eventDelivery: false });
    const info = sb.info();
    const t = info.auth0[0];
    env.AZURE_SECRET = info.azure.clientSecret;
    env.AUTH0_SECRET = t.clientSecret;
    dir = mkdtempSync(join(tmpdir(), 'a0eg-neighbours-'));
    file = join(dir, 'environments.yml');
    const common = [
      `    azure-subscription-id: ${info.azure.subscriptionId}`,
      `    azure-resource-group: ${info.azure.resourceGroup}`,
      `    azure-region: ${info.azure.region}`,
      `    azure-client-id: ${info.azure.clientId}`,
      `    azure-tenant-id: ${info.azure.tenantId}`,
      '    azure-client-secret-env: AZURE_SECRET',
      `    azure-resource-manager-endpoint: ${info.endpoints.arm}`,
      `    azure-authority-host: ${info.endpoints.entra}`,
      `    auth0-domain: "${t.domain}"`,
      `    auth0-client-id: ${t.clientId}`,
      '    auth0-client-secret-env: AUTH0_SECRET',
      `    auth0-tenant: ${t.tenant}`,
      '    wait-timeout: 40s',
      '    webhook-url: https://127.0.0.1:9/auth0-events',
    ];
    const envBlock = (name: string, stream: string, es: string) => [`  ${name}:`, ...common, `    stream-name: ${stream}`, `    event-subscription-name: ${es}`];
    writeFileSync(
      file,
      ['environments:', ...envBlock('a', 'stream-a', 'logs-a'), ...envBlock('b', 'stream-b', 'logs-b'), ...envBlock('c', 'stream-c-mistyped', 'logs-c')].join('\n') + '\n',
    );
  });
  afterAll(async () => {
    await sb.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const run = (environment: string, command: string) => runAction({ 'config-file': file, environment, command }, env);

  test('setup both (b while a topic appears), verify, teardown each in turn', async () => {
    const tenant = sb.info().auth0[0].tenant;
    const streams = () => [...sb.context.world.auth0Tenants.get(tenant)!.logStreams.values()];
    // a first; b as soon as a's stream exists (a's topic appears 1.5 s after it).
    const a = run('a', 'setup');
    while (!streams().some((s) => s.name === 'stream-a')) await new Promise((r) => setTimeout(r, 50));
    const b = run('b', 'setup');
    const [ra, rb] = await Promise.all([a, b]);
    for (const r of [ra, rb]) {
      expect(r.stderr).toBe('');
      expect({ code: r.code, health: r.outputs.health }).toEqual({ code: 0, health: 'healthy' });
    }
    const streamA = streams().find((s) => s.name === 'stream-a')!;
    const streamB = streams().find((s) => s.name === 'stream-b')!;
    const topics = [...group(sb).partnerTopics.values()];
    expect(topics).toHaveLength(2);
    const topicA = topics.find((t) => t.resource.tags?.['auth0-eventgrid-stream'] === streamA.id)!;
    const topicB = topics.find((t) => t.resource.tags?.['auth0-eventgrid-stream'] === streamB.id)!;
    expect(topicA.resource.tags).toEqual({ 'auth0-eventgrid-stream': streamA.id, 'auth0-eventgrid-environment': 'a' });
    expect(topicB.resource.tags).toEqual({ 'auth0-eventgrid-stream': streamB.id, 'auth0-eventgrid-environment': 'b' });
    // Each on the topic Auth0 created for its own stream.
    expect(topicA.createdBy?.streamId).toBe(streamA.id);
    expect(topicB.createdBy?.streamId).toBe(streamB.id);
    expect([...topicA.eventSubscriptions.keys()]).toEqual(['logs-a']);
    expect([...topicB.eventSubscriptions.keys()]).toEqual(['logs-b']);
    expect(ra.outputs['partner-topic-name']).toBe(topicA.resource.name);
    expect(rb.outputs['partner-topic-name']).toBe(topicB.resource.name);

    for (const e of ['a', 'b']) {
      const v = await run(e, 'verify');
      expect({ e, code: v.code, health: v.outputs.health, failing: report(v).checks.filter((c: any) => c.status !== 'pass') }).toEqual({ e, code: 0, health: 'healthy', failing: [] });
    }

    // A mistyped environment (its stream does not exist): nothing of a or b is touched.
    let m = await mark(sb);
    const c = await run('c', 'teardown');
    expect(c.code).toBe(0);
    expect(await writesSince(sb, m)).toEqual([]);
    expect(c.all).toMatch(/Auth0's authorization stays: still needed by stream 'stream-a'/);

    // Teardown of a: only a's subscription, topic and stream; the authorization stays for b.
    m = await mark(sb);
    const da = await run('a', 'teardown');
    expect(da.code).toBe(0);
    const writes = (await writesSince(sb, m)).map((w) => `${w.method} ${w.path}`);
    expect(writes.filter((w) => w.includes(topicB.resource.name) || w.includes(streamB.id) || /partnerConfigurations/.test(w))).toEqual([]);
    expect(group(sb).partnerTopics.has(topicA.resource.name.toLowerCase())).toBe(false);
    expect(streams().map((s) => s.name)).toEqual(['stream-b']);
    expect(auth0Authorized(sb)).toBe(true);
    const vb = await run('b', 'verify');
    expect({ code: vb.code, health: vb.outputs.health }).toEqual({ code: 0, health: 'healthy' });

    // Teardown of b: the last stream into the group; now the authorization goes too.
    const db = await run('b', 'teardown');
    expect(db.code).toBe(0);
    expect(group(sb).partnerTopics.size).toBe(0);
    expect(streams()).toEqual([]);
    expect(auth0Authorized(sb)).toBe(false);
  });

  test('topics that cannot be told apart: setup lists the candidates and says to set partner-topic; with it, the topic is bound and tagged', async () => {
    await admin(sb, 'POST', 'reset');
    const tenant = sb.info().auth0[0].tenant;
    const streams = () => [...sb.context.world.auth0Tenants.get(tenant)!.logStreams.values()];
    // activation: manual: nothing is tagged, so nothing but the topics' sources (the same partner path) is there to tell them apart.
    const a = await runAction({ 'config-file': file, environment: 'a', command: 'setup', activation: 'manual' }, env);
    expect(a.code).toBe(0);
    const b = await runAction({ 'config-file': file, environment: 'b', command: 'setup', activation: 'manual', 'wait-timeout': '4s' }, env);
    expect(b.code).toBe(1);
    expect(b.all).toMatch(/PartnerTopicAmbiguous/);
    const streamA = streams().find((x) => x.name === 'stream-a')!;
    const streamB = streams().find((x) => x.name === 'stream-b')!;
    expect(b.all).toContain(`stream ${streamA.id} of the same tenant also waits for a topic in this group`);
    const topics = [...group(sb).partnerTopics.values()];
    const topicB = topics.find((t) => t.createdBy?.streamId === streamB.id)!.resource;
    for (const t of topics) expect(b.all).toContain(`${t.resource.name} (source ${t.resource.properties.source}, NeverActivated, created `);
    expect(b.all).toMatch(/name it with partner-topic/);
    // b attached nothing anywhere; a's topic carries only a's subscription.
    const topicA = topics.find((t) => t.createdBy?.streamId === streamA.id)!;
    expect([...topicA.eventSubscriptions.keys()]).toEqual(['logs-a']);
    expect(group(sb).partnerTopics.get(topicB.name.toLowerCase())!.eventSubscriptions.size).toBe(0);

    const named = await runAction({ 'config-file': file, environment: 'b', command: 'activate-topic', 'partner-topic': topicB.name }, env);
    expect(named.code).toBe(0);
    expect(report(named).facts.partnerTopicBinding).toBe('named by the partner-topic input');
    expect(topicB.properties.activationState).toBe('Activated');
    expect(topicB.tags).toEqual({ 'auth0-eventgrid-stream': streamB.id, 'auth0-eventgrid-environment': 'b' });
    // From now on b is bound by its tags, without the input.
    const again = await runAction({ 'config-file': file, environment: 'b', command: 'setup' }, env);
    expect({ code: again.code, health: again.outputs.health }).toEqual({ code: 0, health: 'healthy' });
    expect(report(again).facts.partnerTopicBinding).toMatch(/tag/);
    expect(again.outputs['partner-topic-name']).toBe(topicB.name);
    expect([...group(sb).partnerTopics.get(topicB.name.toLowerCase())!.eventSubscriptions.keys()]).toEqual(['logs-b']);
    expect([...topicA.eventSubscriptions.keys()]).toEqual(['logs-a']);
  });
});
