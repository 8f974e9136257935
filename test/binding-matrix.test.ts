/**
 * The stream ↔ partner topic binding across the shapes Auth0 and Event Grid may use (none is public):
 * the topic's name, the stream's `sink.azurePartnerTopic` and the topic's `source`. For each
 * combination the bundled Action runs setup → verify → setup again (no writes) → teardown against the
 * sandbox, with decoy topics in the same group: another partner's topic whose source names our tenant,
 * and an Auth0 topic of another tenant. Every combination ends healthy, and no decoy is written to.
 *
 * All 3 × 3 azurePartnerTopic × source combinations run; the two topic-name shapes alternate over them
 * (each with every naming and source value, and the hardest combination, no azurePartnerTopic with an
 * opaque source, with the realistic random name).
 */
import { randomUUID } from 'node:crypto';
import { testSandbox, admin, group, mark, writesSince } from './helpers/sandbox.js';
import { baseInputs, runAction, type ActionRun } from './helpers/action.js';
import type { Sandbox } from '../sandbox/index.js';

type Naming = 'resource-name' | 'partner-path' | 'absent';
type Source = 'partner-path' | 'tenant-and-stream' | 'opaque';
type Name = 'auth0-random' | 'stream-digits';

const OTHER_PARTNER = '941892bc-f5d0-4d1c-8fb5-477570fc2b71';
const WEBHOOK = 'https://127.0.0.1:9/auth0-events?code=matrixKey_5f2c9a77e1';

const COMBOS: { naming: Naming; source: Source; name: Name }[] = [
  { naming: 'absent', source: 'opaque', name: 'auth0-random' },
  { naming: 'absent', source: 'partner-path', name: 'stream-digits' },
  { naming: 'absent', source: 'tenant-and-stream', name: 'auth0-random' },
  { naming: 'partner-path', source: 'opaque', name: 'stream-digits' },
  { naming: 'partner-path', source: 'partner-path', name: 'auth0-random' },
  { naming: 'partner-path', source: 'tenant-and-stream', name: 'stream-digits' },
  { naming: 'resource-name', source: 'opaque', name: 'stream-digits' },
  { naming: 'resource-name', source: 'partner-path', name: 'auth0-random' },
  { naming: 'resource-name', source: 'tenant-and-stream', name: 'stream-digits' },
];

function checks(r: ActionRun): { id: string; status: string; detail: string }[] {
  return JSON.parse(r.outputs.report).checks;
}

/** A source for another tenant's topic in the shape of the variant. */
function otherTenantSource(source: Source, sub: string): string {
  if (source === 'partner-path') return `azure.partner/auth0.com/other-tenant-${sub}/auth0.logs`;
  if (source === 'tenant-and-stream') return 'auth0.com/other-tenant/log-streams/lst_4417093385520017';
  return randomUUID();
}

describe('binding matrix: setup → verify → re-run → teardown with decoys', () => {
  let sb: Sandbox;
  beforeAll(async () => {
    sb = await testSandbox();
  });
  afterAll(async () => {
    await sb.stop();
  });

  test.each(COMBOS)('azurePartnerTopic $naming, source $source, name $name', async ({ naming, source, name }) => {
    await admin(sb, 'POST', 'reset');
    await admin(sb, 'PATCH', 'settings', { partnerTopicNaming: naming, partnerTopicSource: source, partnerTopicName: name, eventDelivery: false });
    const info = sb.info();
    const tenant = info.auth0[0].tenant;
    const sub = info.azure.subscriptionId;
    const rg = info.azure.resourceGroup;
    // The group must exist with Event Grid registered for decoys: a first setup creates the configuration; decoys go in before it.
    const decoys = [
      // Another partner, whose source even names our tenant: never Auth0's.
      { resourceGroup: rg, name: 'contoso-finance-events', partnerRegistrationImmutableId: OTHER_PARTNER, source: `azure.partner/auth0.com/${tenant}-${sub}/auth0.logs` },
      // Auth0, another tenant.
      { resourceGroup: rg, name: 'auth0-other-tenant-Qx7rT2mWbZ', source: otherTenantSource(source, sub) },
      // Auth0, another tenant, activated and tagged by another installation.
      { resourceGroup: rg, name: 'auth0-other-tenant-k3Jd9LpQ0a', source: otherTenantSource(source, sub), activationState: 'Activated', tags: { 'auth0-eventgrid-stream': 'lst_0000000000000042', team: 'payments' } },
    ];
    await admin(sb, 'POST', 'partner-topics', decoys);
    const snapshot = () =>
      decoys.map((d) => {
        const t = group(sb).partnerTopics.get(d.name.toLowerCase())?.resource;
        return t && { name: t.name, state: t.properties.activationState, tags: t.tags, subs: group(sb).partnerTopics.get(d.name.toLowerCase())!.eventSubscriptions.size };
      });
    const before = JSON.stringify(snapshot());
    const inputs = baseInputs(sb, { 'webhook-url': WEBHOOK });

    const m0 = await mark(sb);
    const setup = await runAction(inputs);
    expect(setup.stderr).toBe('');
    expect({ code: setup.code, health: setup.outputs.health, failing: checks(setup).filter((c) => c.status !== 'pass') }).toEqual({ code: 0, health: 'healthy', failing: [] });
    const ours = [...group(sb).partnerTopics.values()].map((t) => t.resource).filter((t) => !decoys.some((d) => d.name === t.name));
    expect(ours).toHaveLength(1);
    const topic = ours[0];
    expect(setup.outputs['partner-topic-name']).toBe(topic.name);
    expect(topic.properties.activationState).toBe('Activated');
    const streamId = setup.outputs['log-stream-id'];
    expect(topic.tags).toEqual({ 'auth0-eventgrid-stream': streamId });
    const decoyWrites = (w: any[]) => w.filter((r) => decoys.some((d) => r.path.toLowerCase().includes(`/partnertopics/${d.name.toLowerCase()}`)));
    expect(decoyWrites(await writesSince(sb, m0))).toEqual([]);

    const verify = await runAction({ ...inputs, command: 'verify' });
    expect({ code: verify.code, health: verify.outputs.health, failing: checks(verify).filter((c) => c.status !== 'pass') }).toEqual({ code: 0, health: 'healthy', failing: [] });
    expect(JSON.parse(verify.outputs.report).facts.partnerTopicBinding).toMatch(/tag/);

    const m1 = await mark(sb);
    const again = await runAction(inputs);
    expect({ code: again.code, health: again.outputs.health }).toEqual({ code: 0, health: 'healthy' });
    expect(await writesSince(sb, m1)).toEqual([]);

    const down = await runAction({ ...inputs, command: 'teardown' });
    expect(down.code).toBe(0);
    expect(group(sb).partnerTopics.has(topic.name.toLowerCase())).toBe(false);
    expect(sb.context.world.auth0Tenants.get(tenant)!.logStreams.size).toBe(0);
    // The decoy Auth0 topics (another tenant's) still need Auth0's authorization: it stays.
    expect(down.all).toMatch(/Auth0's authorization stays: still needed by partner topic auth0-other-tenant/);
    expect(decoyWrites(await writesSince(sb, m0))).toEqual([]);
    expect(JSON.stringify(snapshot())).toBe(before);
  });
});
