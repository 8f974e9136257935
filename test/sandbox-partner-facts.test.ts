/**
 * What the sandbox models of Auth0's partner topics, over real HTTPS: each setting for what is not
 * public (partnerTopicName, partnerTopicNaming, partnerTopicSource, partnerTopicDescription,
 * streamDeletionTopicEffect) in every variant, and the recorded facts (activation drops the expiry and
 * activation texts and needs no event subscription, unactivated topics expire after 7 days, deleting
 * a topic deletes the stream's channel for good, Auth0's creates fail once its authorization expired),
 * plus the admin API that puts decoy topics into a group and the PATCH of a topic's tags.
 */
import { DEFAULT_IDS, type Sandbox } from '../sandbox/index.js';
import { DEFAULT_SETTINGS, type SandboxSettings } from '../sandbox/core/context.js';
import { AUTH0_PARTNER } from '../sandbox/core/eventgrid.js';
import { sandboxCommand } from '../sandbox/cli.js';
import { admin, testSandbox, FAST } from './helpers/sandbox.js';
import { raw, registerEventGrid, EG, egPath, RG, SUB } from './sandbox-arm-helpers.js';

const TENANT = DEFAULT_IDS.auth0Tenant;
const DAY = 86_400_000;
const SAP = '68e84d61-202a-4d5e-b028-f1afea4b41a6';
const PARTNER_PATH = `azure.partner/auth0.com/${TENANT}-${SUB}/auth0.logs`;
const EVENT_GRID_TEXT = (name: string, source: string) =>
  new RegExp(
    `^The partner topic ${name} was created on behalf of the publisher for source ${source.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} on \\d{1,2}/\\d{1,2}/\\d{4} \\d{1,2}:\\d{2}:\\d{2} (AM|PM)\\. ` +
      'If you do not recognize or authorize this creation operation, please delete this partner topic and/or reach out to the customer service for the publisher\\. $',
  );

describe('sandbox: what Auth0 and Event Grid do with partner topics (settings and facts)', () => {
  let sb: Sandbox;

  beforeAll(async () => {
    sb = await testSandbox();
  });
  afterAll(async () => {
    await sb.stop();
  });
  beforeEach(async () => {
    await admin(sb, 'POST', 'reset');
    // Every partner-topic setting back to its default, with the fast timings of the tests.
    const { partnerTopicName, partnerTopicNaming, partnerTopicSource, partnerTopicDescription, streamDeletionTopicEffect, publishRequiresAuthorization, unactivatedTopicTtlDays } = DEFAULT_SETTINGS;
    await admin(sb, 'PATCH', 'settings', {
      ...FAST,
      partnerTopicName,
      partnerTopicNaming,
      partnerTopicSource,
      partnerTopicDescription,
      streamDeletionTopicEffect,
      publishRequiresAuthorization,
      unactivatedTopicTtlDays,
      // Topics appear only when a test moves the clock (not while it is still reading the create answer).
      partnerTopicDelayMs: 30_000,
      streamPublishAttempts: 1,
      streamSuspendAfterFailures: 10,
      streamSuspendAfterMs: DEFAULT_SETTINGS.streamSuspendAfterMs,
      streamRetryErroredMs: DEFAULT_SETTINGS.streamRetryErroredMs,
    });
    registerEventGrid(sb);
    await arm('POST', '/partnerConfigurations/default/authorizePartner', { partnerRegistrationImmutableId: AUTH0_PARTNER.immutableId, partnerName: 'Auth0' });
  });

  /** A Management API token, fresh for each call (the tests move the sandbox clock by days). */
  async function auth0Token(): Promise<string> {
    const t = await fetch(`${sb.endpoints.auth0[TENANT].url}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'client_credentials', client_id: DEFAULT_IDS.auth0ClientId, client_secret: DEFAULT_IDS.auth0ClientSecret, audience: `https://${sb.endpoints.auth0[TENANT].domain}/api/v2/` }),
    });
    return ((await t.json()) as { access_token: string }).access_token;
  }

  const settings = (s: Partial<SandboxSettings>) => admin(sb, 'PATCH', 'settings', s);
  const advance = (by: string) => admin(sb, 'POST', 'clock', { advance: by });

  /** An ARM call under the group's Microsoft.EventGrid path; throws unless 2xx (or `expect`). */
  async function arm(method: string, path: string, body?: unknown, expect?: number) {
    const r = await raw(sb, method, `${egPath}${path}${path.includes('?') ? '&' : '?'}api-version=${EG}`, { body });
    if (expect !== undefined ? r.status !== expect : r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(r.body)}`);
    return r;
  }

  async function auth0(method: string, path: string, body?: unknown) {
    const res = await fetch(`${sb.endpoints.auth0[TENANT].url}/api/v2${path}`, {
      method,
      headers: { authorization: `Bearer ${await auth0Token()}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  }

  async function createStream(name = 'azure-events') {
    const r = await auth0('POST', '/log-streams', { name, type: 'eventgrid', sink: { azureSubscriptionId: SUB, azureResourceGroup: RG, azureRegion: 'westus2' } });
    if (r.status !== 200) throw new Error(`create stream: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body as { id: string; sink: Record<string, string> };
  }

  async function topics(): Promise<any[]> {
    return (await arm('GET', '/partnerTopics')).body.value;
  }

  /** Creates a stream and lets its topic appear; returns both as ARM and the Management API answer them. */
  async function streamWithTopic(name?: string) {
    const before = new Set((await topics()).map((t) => t.name));
    const created = await createStream(name);
    await advance('1m');
    const topic = (await topics()).find((t) => !before.has(t.name));
    if (!topic) throw new Error(`no partner topic appeared: ${JSON.stringify(await topics())} ${JSON.stringify(await streamView(created.id))}`);
    return { created, topic, stream: (await auth0('GET', `/log-streams/${created.id}`)).body };
  }

  async function streamView(id: string) {
    return (await admin(sb, 'GET', `auth0/${TENANT}/log-streams`)).value.find((s: any) => s.id === id);
  }

  describe('partnerTopicName', () => {
    test("'stream-digits': auth0-{tenant}-{the last 16 digits of the stream id}", async () => {
      await settings({ partnerTopicName: 'stream-digits' });
      const { created, topic } = await streamWithTopic();
      expect(topic.name).toBe(`auth0-${TENANT}-${created.id.replace(/\D/g, '').slice(-16)}`);
      expect(topic.properties.partnerRegistrationImmutableId).toBe(AUTH0_PARTNER.immutableId);
    });

    test("'auth0-random' (default): auth0-{tenant}-{10 mixed-case characters} like the real auth0-axpoit-P-BK1VpOIA, nothing of the stream id", async () => {
      await settings({ partnerTopicName: 'auth0-random' });
      const names: string[] = [];
      for (let i = 0; i < 6; i++) {
        const { created, topic } = await streamWithTopic(`s${i}`);
        expect(topic.name).toMatch(new RegExp(`^auth0-${TENANT}-[A-Za-z0-9][A-Za-z0-9-]{8}[A-Za-z0-9]$`));
        expect(topic.name).not.toContain(created.id.replace(/\D/g, '').slice(-6));
        expect(topic.properties.partnerRegistrationImmutableId).toBe(AUTH0_PARTNER.immutableId);
        names.push(topic.name);
      }
      expect(new Set(names).size).toBe(6);
      // Over six names both letter cases show (the real one mixes them).
      expect(names.join('').slice(0)).toMatch(/[A-Z]/);
      expect(names.map((n) => n.slice(-10)).join('')).toMatch(/[a-z]/);
    });
  });

  describe('partnerTopicNaming (sink.azurePartnerTopic)', () => {
    test("'resource-name': absent from the create answer, the topic's ARM name once it exists", async () => {
      await settings({ partnerTopicNaming: 'resource-name' });
      const created = await createStream();
      expect(created.sink.azurePartnerTopic).toBeUndefined();
      expect((await auth0('GET', `/log-streams/${created.id}`)).body.sink.azurePartnerTopic).toBeUndefined();
      await advance('1m');
      const [topic] = await topics();
      expect((await auth0('GET', `/log-streams/${created.id}`)).body.sink.azurePartnerTopic).toBe(topic.name);
    });

    test("'partner-path' (default): Auth0's azure.partner path already in the create answer (as recorded), and after", async () => {
      await settings({ partnerTopicNaming: 'partner-path' });
      const created = await createStream();
      expect(created.sink.azurePartnerTopic).toBe(PARTNER_PATH);
      await advance('1m');
      expect((await topics()).map((t) => t.name)).not.toContain(PARTNER_PATH);
      expect((await auth0('GET', `/log-streams/${created.id}`)).body.sink.azurePartnerTopic).toBe(PARTNER_PATH);
      expect((await auth0('GET', '/log-streams')).body[0].sink.azurePartnerTopic).toBe(PARTNER_PATH);
    });

    test("'absent': never present, before or after the topic exists", async () => {
      await settings({ partnerTopicNaming: 'absent' });
      const { created, stream } = await streamWithTopic();
      expect(created.sink).not.toHaveProperty('azurePartnerTopic');
      expect(stream.sink).not.toHaveProperty('azurePartnerTopic');
      expect((await streamView(created.id)).partnerTopic).toMatchObject({ naming: 'absent', created: true, exists: true });
    });
  });

  describe('partnerTopicSource', () => {
    test("'tenant-and-stream': auth0.com/{tenant}/log-streams/{streamId}", async () => {
      await settings({ partnerTopicSource: 'tenant-and-stream' });
      const { created, topic } = await streamWithTopic();
      expect(topic.properties.source).toBe(`auth0.com/${TENANT}/log-streams/${created.id}`);
    });

    test("'partner-path' (default): the azure.partner path, the same for every stream of the tenant in the subscription", async () => {
      await settings({ partnerTopicSource: 'partner-path' });
      const a = await streamWithTopic('a');
      const b = await streamWithTopic('b');
      expect(a.topic.properties.source).toBe(PARTNER_PATH);
      expect(b.topic.properties.source).toBe(PARTNER_PATH);
      expect(a.topic.name).not.toBe(b.topic.name);
    });

    test("'opaque': names neither the tenant nor the stream", async () => {
      await settings({ partnerTopicSource: 'opaque' });
      const a = await streamWithTopic('a');
      const b = await streamWithTopic('b');
      for (const { created, topic } of [a, b]) {
        expect(typeof topic.properties.source).toBe('string');
        expect(topic.properties.source).not.toContain(TENANT);
        expect(topic.properties.source).not.toContain(created.id);
        expect(topic.properties.source).not.toContain(created.id.replace(/\D/g, '').slice(-8));
      }
      expect(a.topic.properties.source).not.toBe(b.topic.properties.source);
    });
  });

  describe('partnerTopicDescription, and what activation drops', () => {
    test("'event-grid-default' (default): Event Grid's recorded text in both fields; activating (with no event subscription) drops them and the expiry", async () => {
      await settings({ partnerTopicDescription: 'event-grid-default' });
      const { topic } = await streamWithTopic();
      const p = topic.properties;
      expect(p.partnerTopicFriendlyDescription).toMatch(EVENT_GRID_TEXT(topic.name, p.source));
      expect(p.messageForActivation).toBe(p.partnerTopicFriendlyDescription);
      expect(p.activationState).toBe('NeverActivated');
      expect(Date.parse(p.expirationTimeIfNotActivatedUtc) - sb.context.clock.now()).toBeGreaterThan(6.9 * DAY);

      expect((await arm('GET', `/partnerTopics/${topic.name}/eventSubscriptions`)).body.value).toEqual([]);
      const activated = await arm('POST', `/partnerTopics/${topic.name}/activate`, undefined, 200);
      for (const answer of [activated.body, (await arm('GET', `/partnerTopics/${topic.name}`)).body, (await topics())[0]]) {
        expect(answer.properties.activationState).toBe('Activated');
        expect(answer.properties).not.toHaveProperty('expirationTimeIfNotActivatedUtc');
        expect(answer.properties).not.toHaveProperty('messageForActivation');
        expect(answer.properties).not.toHaveProperty('partnerTopicFriendlyDescription');
        expect(answer.properties).toMatchObject({ source: p.source, partnerRegistrationImmutableId: AUTH0_PARTNER.immutableId, provisioningState: 'Succeeded' });
      }
      // Deactivating does not bring them back.
      const deactivated = await arm('POST', `/partnerTopics/${topic.name}/deactivate`, undefined, 200);
      expect(deactivated.body.properties).not.toHaveProperty('messageForActivation');
      expect(deactivated.body.properties).not.toHaveProperty('expirationTimeIfNotActivatedUtc');
    });

    test("'partner': Auth0's own texts naming the tenant and the stream; activation drops them too", async () => {
      await settings({ partnerTopicDescription: 'partner' });
      const { created, topic } = await streamWithTopic();
      expect(topic.properties.partnerTopicFriendlyDescription).toContain(TENANT);
      expect(topic.properties.messageForActivation).toContain(created.id);
      expect(topic.properties.messageForActivation).not.toMatch(/on behalf of the publisher/);
      const activated = await arm('POST', `/partnerTopics/${topic.name}/activate`, undefined, 200);
      expect(activated.body.properties).not.toHaveProperty('partnerTopicFriendlyDescription');
      expect(activated.body.properties).not.toHaveProperty('messageForActivation');
    });
  });

  describe('lifecycle: topic and channel', () => {
    test('an unactivated topic is deleted after 7 days on the sandbox clock; the stream stays but never delivers again, and no new topic comes', async () => {
      // Suspension by count only (every record of the tenant fails: the logins, the token records), no hourly retries.
      await settings({ streamSuspendAfterFailures: 4, streamSuspendAfterMs: 0, streamRetryErroredMs: 0 });
      const { created, topic } = await streamWithTopic();
      await advance('6d');
      expect((await arm('GET', `/partnerTopics/${topic.name}`)).status).toBe(200);
      await advance('1d');
      expect((await arm('GET', `/partnerTopics/${topic.name}`, undefined, 404)).body.error.code).toBe('ResourceNotFound');
      expect((await auth0('GET', `/log-streams/${created.id}`)).status).toBe(200);
      expect((await streamView(created.id)).partnerTopic).toMatchObject({ exists: false, channelDeleted: true });

      // Publishing fails (one failure record each), then Auth0 suspends the stream; no topic is ever created again.
      for (let i = 0; i < 3; i++) await admin(sb, 'POST', `auth0/${TENANT}/logs`, { type: 's', description: `login ${i}` });
      await advance('1h');
      const failures = (await admin(sb, 'GET', `auth0/${TENANT}/logs?type=wn`)).value.filter((f: any) => /was deleted .*channel/.test(f.description));
      expect(failures.length).toBeGreaterThanOrEqual(2); // the logins and the Management API token records, until suspended
      expect((await auth0('GET', `/log-streams/${created.id}`)).body.status).toBe('suspended');
      await advance('2d');
      expect(await topics()).toEqual([]);
    });

    test('deleting the topic (ARM DELETE, as a person would) deletes the channel: a topic of the same name put back does not revive the stream', async () => {
      const { created, topic } = await streamWithTopic();
      await arm('POST', `/partnerTopics/${topic.name}/activate`);
      await advance('1s');
      const publishedBefore = (await streamView(created.id)).delivery.published;
      const deleting = await arm('DELETE', `/partnerTopics/${topic.name}`, undefined, 202);
      expect(deleting.headers.get('azure-asyncoperation')).toBeTruthy();
      await advance('1s');
      await arm('GET', `/partnerTopics/${topic.name}`, undefined, 404);
      expect((await streamView(created.id)).partnerTopic.channelDeleted).toBe(true);

      // Someone puts a topic of the same name back, activated: the stream's channel is still gone.
      await admin(sb, 'POST', 'partner-topics', { resourceGroup: RG, name: topic.name, source: topic.properties.source, activationState: 'Activated', stream: { tenant: TENANT, streamId: created.id } });
      await admin(sb, 'POST', `auth0/${TENANT}/logs`, { type: 's' });
      await advance('10s');
      const view = await streamView(created.id);
      expect(view.delivery.published).toBe(publishedBefore);
      expect(view.delivery.recentErrors.at(-1).message).toMatch(/deleted .*channel/);
    });

    test("streamDeletionTopicEffect 'delete-topic' (default): deleting the stream deletes its topic", async () => {
      const { created, topic } = await streamWithTopic();
      expect((await auth0('DELETE', `/log-streams/${created.id}`)).status).toBe(204);
      await arm('GET', `/partnerTopics/${topic.name}`, undefined, 404);
    });

    test("streamDeletionTopicEffect 'idle': deleting the stream leaves the topic IdleDueToMirroredChannelResourceDeletion", async () => {
      await settings({ streamDeletionTopicEffect: 'idle' });
      const { created, topic } = await streamWithTopic();
      await arm('POST', `/partnerTopics/${topic.name}/activate`);
      expect((await auth0('DELETE', `/log-streams/${created.id}`)).status).toBe(204);
      const idle = (await arm('GET', `/partnerTopics/${topic.name}`)).body;
      expect(idle.properties).toMatchObject({ provisioningState: 'IdleDueToMirroredChannelResourceDeletion', activationState: 'Activated' });
      // It can still be deleted as any topic.
      await arm('DELETE', `/partnerTopics/${topic.name}`, undefined, 202);
      await advance('1s');
      await arm('GET', `/partnerTopics/${topic.name}`, undefined, 404);
    });

    test("an expired authorization fails Auth0's create (a new stream's topic), whatever publishRequiresAuthorization says", async () => {
      await settings({ publishRequiresAuthorization: false });
      await advance('8d');
      const r = await auth0('POST', '/log-streams', { name: 'late', type: 'eventgrid', sink: { azureSubscriptionId: SUB, azureResourceGroup: RG, azureRegion: 'westus2' } });
      expect(r.status).toBe(400);
      expect(r.body.message).toMatch(/authorization .* expired/);
      expect(await topics()).toEqual([]);
    });
  });

  describe('admin API: partner topics put into a group (decoys)', () => {
    test("another partner's topic, an Auth0 topic of another tenant and a topic in a given state, as ARM lists them; a never-activated one expires on the clock", async () => {
      const value = (
        await admin(sb, 'POST', 'partner-topics', [
          { resourceGroup: RG, name: 'sap-events', partnerRegistrationImmutableId: SAP, source: 'sap.com/tenant-42' },
          { resourceGroup: RG, name: 'auth0-other-tenant-Q7xk2LmN0p', source: `azure.partner/auth0.com/other-tenant-${SUB}/auth0.logs`, activationState: 'Activated', tags: { team: 'other' } },
          { resourceGroup: RG, name: 'auth0-deactivated', source: 'auth0.com/dev-tenant/log-streams/lst_0000000000000001', activationState: 'Deactivated' },
        ])
      ).value;
      expect(value).toHaveLength(3);
      const listed = Object.fromEntries((await topics()).map((t) => [t.name, t]));
      expect(listed['sap-events'].properties).toMatchObject({ partnerRegistrationImmutableId: SAP, source: 'sap.com/tenant-42', activationState: 'NeverActivated' });
      expect(listed['sap-events'].properties.messageForActivation).toMatch(EVENT_GRID_TEXT('sap-events', 'sap.com/tenant-42'));
      expect(listed['auth0-other-tenant-Q7xk2LmN0p']).toMatchObject({ tags: { team: 'other' }, properties: { partnerRegistrationImmutableId: AUTH0_PARTNER.immutableId, activationState: 'Activated' } });
      expect(listed['auth0-other-tenant-Q7xk2LmN0p'].properties).not.toHaveProperty('expirationTimeIfNotActivatedUtc');
      expect(listed['auth0-deactivated'].properties.activationState).toBe('Deactivated');

      await advance('7d');
      expect((await topics()).map((t) => t.name).sort()).toEqual(['auth0-deactivated', 'auth0-other-tenant-Q7xk2LmN0p']);
    });

    test('a seed can hold them too (POST /_sandbox/seed, or a --seed file)', async () => {
      await admin(sb, 'POST', 'seed', { partnerTopics: [{ resourceGroup: RG, name: 'seeded-sap', partnerRegistrationImmutableId: SAP, source: 'sap.com/x', activationState: 'Activated' }] });
      const seeded = (await arm('GET', '/partnerTopics/seeded-sap')).body;
      expect(seeded.properties).toMatchObject({ partnerRegistrationImmutableId: SAP, source: 'sap.com/x', activationState: 'Activated' });
      const res = await fetch(`${sb.endpoints.arm}/_sandbox/seed`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ partnerTopics: [{ name: 'no-group' }] }) });
      expect(res.status).toBe(400);
      expect(((await res.json()) as any).error.message).toContain('seed.partnerTopics[0]');
    });

    test('bad input is a 400 naming the field; a taken name is a 409', async () => {
      const bad = async (body: unknown, status = 400) => {
        const res = await fetch(`${sb.endpoints.arm}/_sandbox/partner-topics`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
        expect(res.status).toBe(status);
        return ((await res.json()) as any).error.message as string;
      };
      expect(await bad({ resourceGroup: 'nope', name: 'x-topic' })).toContain('resource group "nope"');
      expect(await bad({ resourceGroup: RG, name: 'a' })).toContain('"name"');
      expect(await bad({ resourceGroup: RG, name: 'ok-name', partnerRegistrationImmutableId: 'sap' })).toContain('GUID');
      expect(await bad({ resourceGroup: RG, name: 'ok-name', activationState: 'On' })).toContain('activationState');
      await admin(sb, 'POST', 'partner-topics', { resourceGroup: RG, name: 'taken' });
      expect(await bad({ resourceGroup: RG, name: 'TAKEN' }, 409)).toContain('already exists');
    });
  });

  test('PATCH of a partner topic changes its tags only (PartnerTopics_Update)', async () => {
    const { topic } = await streamWithTopic();
    const patched = await arm('PATCH', `/partnerTopics/${topic.name}`, { tags: { 'auth0-eventgrid-stream': 'lst_1', 'auth0-eventgrid-environment': 'prod' } });
    expect([200, 201]).toContain(patched.status);
    const got = (await arm('GET', `/partnerTopics/${topic.name}`)).body;
    expect(got.tags).toEqual({ 'auth0-eventgrid-stream': 'lst_1', 'auth0-eventgrid-environment': 'prod' });
    expect(got.properties).toEqual(topic.properties);
    // Only tags (and identity) are updatable: anything else leaves the topic as it was.
    await raw(sb, 'PATCH', `${egPath}/partnerTopics/${topic.name}?api-version=${EG}`, { body: { properties: { source: 'changed' } } });
    expect((await arm('GET', `/partnerTopics/${topic.name}`)).body.properties.source).toBe(topic.properties.source);
  });

  describe('the settings are checked where they are set', () => {
    test('admin API: an unknown value is a 400 listing the values', async () => {
      for (const [k, v] of [
        ['partnerTopicName', 'random'],
        ['partnerTopicNaming', 'name'],
        ['partnerTopicSource', 'tenant'],
        ['partnerTopicDescription', 'none'],
        ['streamDeletionTopicEffect', 'keep'],
      ]) {
        const res = await fetch(`${sb.endpoints.arm}/_sandbox/settings`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ [k]: v }) });
        expect(res.status).toBe(400);
        expect(((await res.json()) as any).error.message).toMatch(new RegExp(`"${k}" must be one of "`));
      }
      const ok = await admin(sb, 'PATCH', 'settings', { partnerTopicName: 'auth0-random', partnerTopicNaming: 'absent', partnerTopicSource: 'opaque', partnerTopicDescription: 'event-grid-default', streamDeletionTopicEffect: 'idle' });
      expect(ok).toMatchObject({ partnerTopicName: 'auth0-random', partnerTopicNaming: 'absent', partnerTopicSource: 'opaque', partnerTopicDescription: 'event-grid-default', streamDeletionTopicEffect: 'idle' });
    });

    test('sandbox CLI: --set with an unknown value fails before starting, naming the values', async () => {
      const io = { stdout: () => undefined, stderr: () => undefined };
      await expect(sandboxCommand(['--set', 'partnerTopicSource=tenant'], io)).rejects.toThrow(/partnerTopicSource" takes one of partner-path, tenant-and-stream, opaque/);
      await expect(sandboxCommand(['--set', 'streamDeletionTopicEffect=keep'], io)).rejects.toThrow(/delete-topic, idle/);
    });
  });
});
