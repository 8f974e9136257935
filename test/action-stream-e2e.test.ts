/**
 * The stream and subscription steps of setup end to end (bundled Action against the sandbox), and
 * the CLI over the same operations.
 */
import { spawn } from 'node:child_process';

import { testSandbox, admin } from './helpers/sandbox.js';
import { baseInputs, runAction } from './helpers/action.js';
import type { Sandbox } from '../sandbox/index.js';
import { cliEntry } from './helpers/dist.js';

const WEBHOOK = 'https://127.0.0.1:9/auth0-events?code=hookKey_5f2c9a77e1';

function streams(sb: Sandbox): any[] {
  return [...sb.context.world.auth0Tenants.get('dev-tenant')!.logStreams.values()];
}

function eventSubscriptions(sb: Sandbox): any[] {
  const info = sb.info();
  const g = sb.context.world.subscriptions.get(info.azure.subscriptionId)!.resourceGroups.get(info.azure.resourceGroup)!;
  return [...g.partnerTopics.values()].flatMap((t) => [...t.eventSubscriptions.values()]);
}

describe('setup: the stream and the event subscription', () => {
  let sb: Sandbox;
  beforeEach(async () => {
    sb = await testSandbox();
  });
  afterEach(async () => {
    await sb.stop();
  });

  test('changed categories update the stream filters in place; a paused stream is reported, and resumed when asked', async () => {
    expect((await runAction(baseInputs(sb, { 'event-categories': 'auth.login.fail' }))).code).toBe(0);
    const [s] = streams(sb);
    expect(s.filters).toEqual([{ type: 'category', name: 'auth.login.fail' }]);

    const changed = await runAction(baseInputs(sb, { 'event-categories': 'auth.login.fail, auth.login.success' }));
    expect(changed.code).toBe(0);
    expect(streams(sb)).toHaveLength(1);
    expect(streams(sb)[0].id).toBe(s.id);
    expect(streams(sb)[0].filters.map((f: any) => f.name).sort()).toEqual(['auth.login.fail', 'auth.login.success']);

    await admin(sb, 'PATCH', `auth0/dev-tenant/log-streams/${s.id}`, { status: 'paused' });
    const paused = await runAction(baseInputs(sb, { 'event-categories': 'auth.login.fail, auth.login.success' }));
    expect(paused.code).toBe(0); // degraded: fail-on unhealthy
    expect(paused.outputs['stream-status']).toBe('paused');
    expect(paused.stdout).toMatch(/::warning.*paused.*resume-stream: true/);
    const resumed = await runAction(baseInputs(sb, { 'event-categories': 'auth.login.fail, auth.login.success', 'resume-stream': 'true' }));
    expect(resumed.code).toBe(0);
    expect(resumed.outputs['stream-status']).toBe('active');
    expect(streams(sb)[0].status).toBe('active');
  });

  test('a stream whose sink points elsewhere is reported with the fix, and recreated only when asked', async () => {
    expect((await runAction(baseInputs(sb))).code).toBe(0);
    const old = streams(sb)[0];
    const info = sb.info();
    // The same stream name, now wanted in another region: a sink cannot change in place.
    const moved = await runAction(baseInputs(sb, { 'azure-region': 'eastus' }));
    expect(moved.code).toBe(1);
    expect(moved.all).toMatch(/StreamSinkMismatch/);
    expect(moved.all).toMatch(/recreate-on-sink-change: true/);
    expect(streams(sb)).toEqual([old]);
    const recreated = await runAction(baseInputs(sb, { 'azure-region': 'eastus', 'recreate-on-sink-change': 'true' }));
    expect(recreated.code).toBe(0);
    const now = streams(sb);
    expect(now).toHaveLength(1);
    expect(now[0].id).not.toBe(old.id);
    expect(now[0].sink).toMatchObject({ azureRegion: 'eastus', azureResourceGroup: info.azure.resourceGroup });
  });

  test('event subscriptions: a webhook, then a Storage queue with dead-lettering; a re-run after a change updates in place', async () => {
    expect((await runAction(baseInputs(sb, { 'webhook-url': WEBHOOK, 'included-event-types': 's, f', 'max-delivery-attempts': '5' }))).code).toBe(0);
    let [es] = eventSubscriptions(sb);
    expect(es.properties.destination).toMatchObject({ endpointType: 'WebHook', properties: { endpointBaseUrl: 'https://127.0.0.1:9/auth0-events' } });
    expect(es.properties.filter.includedEventTypes.sort()).toEqual(['f', 's']);
    expect(es.properties.retryPolicy.maxDeliveryAttempts).toBe(5);

    const sub = sb.info().azure.subscriptionId;
    const account = `/subscriptions/${sub}/resourceGroups/storage/providers/Microsoft.Storage/storageAccounts/auth0logs`;
    const r = await runAction(
      baseInputs(sb, {
        'destination-resource-id': account,
        'queue-name': 'auth0-events',
        'dead-letter-blob-container': `${account}/blobServices/default/containers/deadletters`,
      }),
    );
    expect(r.code).toBe(0);
    expect(eventSubscriptions(sb)).toHaveLength(1);
    [es] = eventSubscriptions(sb);
    expect(es.properties.destination).toMatchObject({ endpointType: 'StorageQueue', properties: { resourceId: account, queueName: 'auth0-events' } });
    expect(es.properties.deadLetterDestination).toMatchObject({ endpointType: 'StorageBlob', properties: { resourceId: account, blobContainerName: 'deadletters' } });
  });

  test('the CLI runs the same operations from a terminal', async () => {
    const inputs = baseInputs(sb);
    const env: Record<string, string> = { PATH: process.env.PATH ?? '', NODE_EXTRA_CA_CERTS: process.env.NODE_EXTRA_CA_CERTS ?? '' };
    for (const [k, v] of Object.entries(inputs)) env[`AUTH0_EVENTGRID_${k.toUpperCase().replace(/-/g, '_')}`] = v;
    const run = (args: string[]) =>
      new Promise<{ code: number; stdout: string; stderr: string }>((res) => {
        const c = spawn(process.execPath, [cliEntry(), ...args], { env });
        let stdout = '';
        let stderr = '';
        c.stdout.on('data', (d) => (stdout += d));
        c.stderr.on('data', (d) => (stderr += d));
        c.on('close', (code) => res({ code: code ?? 1, stdout, stderr }));
      });
    const before = await run(['verify']);
    expect(before.code).toBe(1);
    expect(before.stdout).toMatch(/UNHEALTHY/);
    const setup = await run(['setup', '--authorization-days', '10']);
    expect(setup.code).toBe(0);
    expect(setup.stdout).toMatch(/auth0-eventgrid setup: (HEALTHY|DEGRADED)/);
    const json = await run(['verify', '--json']);
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout);
    expect(report.command).toBe('verify');
    expect(report.facts.activationState).toBe('Activated');
    for (const s of [inputs['azure-client-secret'], inputs['auth0-client-secret']]) {
      expect(before.stdout + before.stderr + setup.stdout + setup.stderr + json.stdout + json.stderr).not.toContain(s);
    }
  });
});
