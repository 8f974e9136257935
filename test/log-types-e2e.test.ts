/**
 * log-types end to end: the bundled Action turns Auth0 log event codes into an Event Grid advanced
 * filter (StringIn on data.type) on the event subscription, and the sandbox's Event Grid delivers only
 * those records to a webhook that had to pass the validation handshake. A re-run writes nothing, a
 * changed list updates the subscription in place; bad lists are refused before any write.
 */
import { ClientSecretCredential } from '@azure/identity';
import { EventGridManagementClient } from '@azure/arm-eventgrid';
import { until } from './helpers/until.js';
import { testSandbox, admin, mark } from './helpers/sandbox.js';
import { baseInputs, runAction } from './helpers/action.js';
import { startReceiver, type Receiver } from './helpers/receiver.js';
import { DEFAULT_IDS, type Sandbox } from '../sandbox/index.js';

async function writesSince(sb: Sandbox, m: number): Promise<string[]> {
  return ((await admin(sb, 'GET', `requests?since=${m}&writes=true`)).value as any[]).map((e) => `${e.service} ${e.operation}`);
}

function eventSubscriptions(sb: Sandbox): any[] {
  const info = sb.info();
  const g = sb.context.world.subscriptions.get(info.azure.subscriptionId)!.resourceGroups.get(info.azure.resourceGroup)!;
  return [...g.partnerTopics.values()].flatMap((t) => [...t.eventSubscriptions.values()]);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('log-types: only the chosen Auth0 log codes reach the destination', () => {
  let sb: Sandbox;
  let receiver: Receiver;
  beforeAll(async () => {
    sb = await testSandbox({ settings: { validateWebhooks: true, cloudEventType: 'com.auth0.log.{category}' } });
    receiver = await startReceiver(sb.context.tls);
  });
  afterAll(async () => {
    await receiver?.close();
    await sb?.stop();
  });

  const write = async (...types: string[]) => (await admin(sb, 'POST', 'auth0/dev-tenant/logs', types.map((type) => ({ type, user_name: 'ada@example.com' })))).value as any[];
  /** The log records of `ids` that arrived (others may be records of the Action's own Management API calls). */
  const arrived = (ids: string[]) => receiver.events.filter((e) => ids.includes(e.body.id)).map((e) => e.body.data.type);

  test('the filter is set, only f and fp arrive, a re-run writes nothing, a changed list updates in place', async () => {
    const inputs = baseInputs(sb, { 'webhook-url': receiver.url, 'log-types': 'fp, F' });
    const setup = await runAction(inputs);
    expect(setup.code).toBe(0);
    expect(setup.outputs.health).toBe('healthy');
    expect(receiver.validations.length + receiver.options.length).toBeGreaterThan(0); // the endpoint was validated
    let [es] = eventSubscriptions(sb);
    expect(es.properties.filter.advancedFilters).toEqual([{ operatorType: 'StringIn', key: 'data.type', values: ['f', 'fp'] }]);
    expect(es.properties.filter.includedEventTypes ?? []).toEqual([]);

    let records = await write('s', 'f', 'sapi', 'fp', 'f', 'seacft');
    let ids = records.map((r) => r.log_id);
    await until('three filtered events', () => arrived(ids).length >= 3);
    await sleep(300); // nothing else comes
    expect(arrived(ids)).toEqual(['f', 'fp', 'f']);

    // The same list (other order and case): nothing written anywhere.
    let m = await mark(sb);
    const again = await runAction({ ...inputs, 'log-types': 'f\nFP' });
    expect(again.code).toBe(0);
    expect(again.outputs.changes).toBe('0');
    expect(await writesSince(sb, m)).toEqual([]);

    // A dry run of a new list plans one change and writes nothing.
    m = await mark(sb);
    const plan = await runAction({ ...inputs, 'log-types': 's', 'dry-run': 'true' });
    expect(plan.code).toBe(0);
    expect(plan.outputs.changes).toBe('1');
    expect(plan.all).toMatch(/Update event subscription auth0-logs \(log types\)/);
    expect(await writesSince(sb, m)).toEqual([]);

    // A changed list: the subscription is updated in place, and only s arrives from now on.
    m = await mark(sb);
    const changed = await runAction({ ...inputs, 'log-types': 's' });
    expect(changed.code).toBe(0);
    expect(await writesSince(sb, m)).toEqual(['arm PartnerTopicEventSubscriptions_CreateOrUpdate']);
    [es] = eventSubscriptions(sb);
    expect(es.properties.filter.advancedFilters).toEqual([{ operatorType: 'StringIn', key: 'data.type', values: ['s'] }]);
    records = await write('f', 's', 'fp');
    ids = records.map((r) => r.log_id);
    await until('the s event', () => arrived(ids).length >= 1);
    await sleep(300);
    expect(arrived(ids)).toEqual(['s']);

    // Without log-types the filter goes away: everything arrives.
    const all = await runAction({ ...inputs, 'log-types': '' });
    expect(all.code).toBe(0);
    [es] = eventSubscriptions(sb);
    expect(es.properties.filter.advancedFilters ?? []).toEqual([]);
    records = await write('f', 'sapi');
    ids = records.map((r) => r.log_id);
    await until('both events', () => arrived(ids).length >= 2);
    expect(arrived(ids).sort()).toEqual(['f', 'sapi']);
  });

  test('included-event-types warns that the type strings are not public and points to log-types; codes outside event-categories are named', async () => {
    const r = await runAction(baseInputs(sb, { 'webhook-url': receiver.url, 'included-event-types': 'auth0.logs.s', 'log-types': 's, fp', 'event-categories': 'auth.login.success' }));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/::warning::included-event-types \(auth0\.logs\.s\) filters on the CloudEvents type of Auth0's events, and Auth0 does not publish the type strings it uses.*Filter on log-types instead/);
    expect(r.stdout).toMatch(/::warning::log-types fp \(auth\.login\.fail\) never arrive: event-categories \(auth\.login\.success\) does not stream their categories/);
  });

  test("the sandbox's Event Grid refuses more than 25 filter values on a subscription, as Azure documents", async () => {
    const credential = new ClientSecretCredential(DEFAULT_IDS.tenantId, DEFAULT_IDS.clientId, DEFAULT_IDS.clientSecret, { authorityHost: sb.endpoints.entra, disableInstanceDiscovery: true });
    const eg = new EventGridManagementClient(credential, DEFAULT_IDS.subscriptionId, { endpoint: sb.endpoints.arm, credentialScopes: ['https://management.azure.com/.default'], apiVersion: '2025-02-15' });
    const [topic] = [...sb.context.world.subscriptions.get(DEFAULT_IDS.subscriptionId)!.resourceGroups.get(DEFAULT_IDS.resourceGroup)!.partnerTopics.values()];
    const values = Array.from({ length: 13 }, (_, i) => `v${i}`);
    const body = (n: number) => ({
      destination: { endpointType: 'WebHook' as const, endpointUrl: receiver.url },
      filter: { advancedFilters: [{ operatorType: 'StringIn' as const, key: 'data.type', values }, { operatorType: 'StringNotIn' as const, key: 'data.user_name', values: values.slice(0, n) }] },
    });
    await expect(eg.partnerTopicEventSubscriptions.beginCreateOrUpdateAndWait(DEFAULT_IDS.resourceGroup, topic.resource.name, 'too-many', body(13), { updateIntervalInMs: 25 })).rejects.toThrow(
      /at most 25 advanced filter values across all its filters; this one has 26/,
    );
    const ok = await eg.partnerTopicEventSubscriptions.beginCreateOrUpdateAndWait(DEFAULT_IDS.resourceGroup, topic.resource.name, 'just-enough', body(12), { updateIntervalInMs: 25 });
    expect(ok.provisioningState).toBe('Succeeded');
    await eg.partnerTopicEventSubscriptions.beginDeleteAndWait(DEFAULT_IDS.resourceGroup, topic.resource.name, 'just-enough', { updateIntervalInMs: 25 });
  });

  test('an unknown code or more than 25 are refused before any write, naming the input, the value and the fix', async () => {
    const m = await mark(sb);
    const unknown = await runAction(baseInputs(sb, { 'webhook-url': receiver.url, 'log-types': 's, auth0.logs.f, fpp' }));
    expect(unknown.code).toBe(1);
    expect(unknown.all).toMatch(/Input 'log-types': unknown Auth0 log event codes "auth0\.logs\.f", "fpp" \(did you mean [^)]*fp[^)]*\?\)/);
    const many = ['s', 'f', 'fp', 'fu', 'fc', 'fco', 'fcoa', 'fens', 'fs', 'ss', 'sapi', 'fapi', 'slo', 'flo', 'seacft', 'feacft', 'sce', 'fce', 'scp', 'fcp', 'scu', 'fcu', 'sd', 'fd', 'du', 'sv'];
    const tooMany = await runAction(baseInputs(sb, { 'webhook-url': receiver.url, 'log-types': many.join(',') }));
    expect(tooMany.code).toBe(1);
    expect(tooMany.all).toMatch(/Input 'log-types': 26 codes: Event Grid allows at most 25 filter values on an event subscription/);
    expect(await writesSince(sb, m)).toEqual([]);
  });
});
