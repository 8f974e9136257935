/**
 * Clients nobody here wrote, against the sandbox: the Azure SDK for Python and the Azure CLI (Debian's
 * `python3-azure` and `azure-cli` 2.45). Run with `npm run test:clients` (jest.clients.config.js); `npm test`
 * does not need them. Each part starts its own sandbox and its own temporary folder (the CLI's
 * AZURE_CONFIG_DIR, the CA bundle), removed afterwards.
 *
 * Both sign in as the sandbox tells any client to: the cloud comes from `GET /metadata/endpoints`, the CA
 * through REQUESTS_CA_BUNDLE. MSAL inside the CLI 2.45 checks a non-Microsoft authority with
 * login.microsoftonline.com's instance discovery, which no setting of that version turns off: `az login
 * --service-principal` cannot sign in (asserted below, so a CLI that can is noticed); the CLI signs in through
 * the sandbox's managed-identity endpoint instead (`MSI_ENDPOINT`, `az login --identity`). azure-identity
 * 1.13 takes `instance_discovery=False`, so the Python SDK signs in with the service principal's secret.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { admin, testSandbox } from '../helpers/sandbox.js';
import { auth0Token } from '../conformance/tokens.js';
import { DEFAULT_IDS, defaultSeed, type Sandbox } from '../../sandbox/index.js';

const AUTH0_ID = '804a11ca-ce9b-4158-8e94-3c8dc7a072ec';
const PYTHON_FLOW = fileURLToPath(new URL('./python_sdk_flow.py', import.meta.url));
const SYSTEM_CAS = '/etc/ssl/certs/ca-certificates.crt';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs = 120_000): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (e) => (clearTimeout(timer), reject(e)));
    child.on('close', (code) => (clearTimeout(timer), resolve({ code, stdout, stderr })));
  });
}

/** The interpreter that has the Azure SDK for Python (PYTHON, Debian's /usr/bin/python3, or python3 on PATH). */
function findPython(): string {
  const candidates = [process.env.PYTHON, '/usr/bin/python3', 'python3'].filter((c): c is string => !!c);
  for (const py of candidates) {
    const r = spawnSync(py, ['-c', 'import azure.identity, azure.mgmt.resource, azure.mgmt.eventgrid, msrestazure'], { stdio: 'ignore' });
    if (r.status === 0) return py;
  }
  throw new Error(
    `npm run test:clients needs the Azure SDK for Python (azure-identity, azure-mgmt-resource, azure-mgmt-eventgrid, msrestazure); tried ${candidates.join(', ')}. ` +
      'Install it with `apt-get install -y python3-azure`, or set PYTHON to an interpreter that has it.',
  );
}

function requireAz(): void {
  const r = spawnSync('az', ['version', '-o', 'none'], { stdio: 'ignore', env: { ...process.env, AZURE_CORE_COLLECT_TELEMETRY: 'false' } });
  if (r.status !== 0) throw new Error('npm run test:clients needs the Azure CLI: install it with `apt-get install -y azure-cli`.');
}

/** The environment of a client: nothing of the host's Azure sign-in, the sandbox CA trusted, its managed-identity endpoint. */
function clientEnv(sb: Sandbox, dir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^(AZURE_|MSI_|IDENTITY_|ARM_|REQUESTS_CA_BUNDLE$)/.test(k)) env[k] = v;
  const bundle = join(dir, 'ca-bundle.pem');
  writeFileSync(bundle, (existsSync(SYSTEM_CAS) ? readFileSync(SYSTEM_CAS, 'utf8') + '\n' : '') + readFileSync(sb.caCertPath, 'utf8'));
  return {
    ...env,
    REQUESTS_CA_BUNDLE: bundle,
    AZURE_CONFIG_DIR: join(dir, 'azure'),
    AZURE_CORE_COLLECT_TELEMETRY: 'false',
    AZURE_CORE_NO_COLOR: 'true',
    AZURE_CORE_ONLY_SHOW_ERRORS: 'true',
    AZURE_CORE_SURVEY_MESSAGE: 'false',
    MSI_ENDPOINT: `${sb.endpoints.entra}/msi/token`,
  };
}

/** `operation api-version` of every ARM request the sandbox served. */
async function armOperations(sb: Sandbox): Promise<Set<string>> {
  const { value } = await admin(sb, 'GET', 'requests');
  return new Set(
    (value as { service: string; operation: string; query: string }[])
      .filter((r) => r.service === 'arm')
      .map((r) => `${r.operation} ${new URLSearchParams(r.query).get('api-version') ?? ''}`),
  );
}

describe('the Azure SDK for Python', () => {
  let sb: Sandbox;
  let dir: string;
  let python: string;

  beforeAll(async () => {
    python = findPython();
    // Retry-After: 1 (the tests' 0 makes azure-core fall back to its 30-second polling interval).
    sb = await testSandbox({ settings: { retryAfterSeconds: 1 } });
    dir = mkdtempSync(join(tmpdir(), 'a0eg-clients-py-'));
  });
  afterAll(async () => {
    await sb?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('the whole procedure end to end: cloud metadata, sign-in, subscriptions, provider, group, partner authorization, Auth0 stream, topic, activation, event subscription LRO, resource lists, delete', async () => {
    const info = join(dir, 'sandbox.json');
    writeFileSync(info, JSON.stringify(sb.info()));
    const r = await run(python, [PYTHON_FLOW, info, DEFAULT_IDS.resourceGroup], clientEnv(sb, dir));
    const steps = r.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as { step: string; ok: boolean });
    if (r.code !== 0) throw new Error(`python exited ${r.code} after ${steps.map((s) => s.step).join(' → ')}\n${r.stderr.slice(-4000)}`);
    expect(steps.map((s) => s.step)).toEqual([
      'cloud metadata',
      'subscriptions, tenants, locations',
      'managed identity',
      'provider registered',
      'group',
      'partner authorized',
      'auth0 stream created',
      'topic found',
      'resources listed',
      'topic activated',
      'event subscription created',
      'deleted',
      'errors',
    ]);
    // It all went through the sandbox, at the api-versions this SDK sends.
    const ops = await armOperations(sb);
    for (const op of [
      'Metadata_Endpoints 2015-01-01',
      'Subscriptions_List 2021-01-01',
      'Tenants_List 2021-01-01',
      'Subscriptions_ListLocations 2021-01-01',
      'Providers_Get 2022-09-01',
      'Resources_ListByResourceGroup 2022-09-01',
      'Resources_List 2022-09-01',
      'PartnerConfigurations_AuthorizePartner 2022-06-15',
      'PartnerTopicEventSubscriptions_CreateOrUpdate 2022-06-15',
    ]) {
      expect(ops).toContain(op);
    }
    // And left nothing behind.
    const sub = sb.context.world.subscriptions.get(DEFAULT_IDS.subscriptionId)!;
    const group = sub.resourceGroups.get(DEFAULT_IDS.resourceGroup)!;
    expect([...group.partnerTopics.keys()]).toEqual([]);
    expect(group.partnerConfiguration).toBeUndefined();
    expect([...sb.context.world.auth0Tenants.get(DEFAULT_IDS.auth0Tenant)!.logStreams.keys()]).toEqual([]);
  });
});

describe('the Azure CLI', () => {
  const GROUP = 'cli-events';
  const CLOUD = 'AuthZeroSandbox';
  let sb: Sandbox;
  let dir: string;
  let env: NodeJS.ProcessEnv;
  let arm = '';

  /** `az …` as JSON (with -o json), failing with its stderr. */
  const az = async (...args: string[]): Promise<any> => {
    const r = await run('az', [...args, '-o', 'json'], env);
    if (r.code !== 0) throw new Error(`az ${args.join(' ')} exited ${r.code}: ${r.stderr.slice(-2000)}`);
    return r.stdout.trim() ? JSON.parse(r.stdout) : undefined;
  };
  const eg = (p: string, version = '2025-02-15') =>
    `/subscriptions/${DEFAULT_IDS.subscriptionId}/resourceGroups/${GROUP}/providers/Microsoft.EventGrid${p}?api-version=${version}`;
  const poll = async <T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const v = await probe();
      if (v !== undefined) return v;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  };

  beforeAll(async () => {
    requireAz();
    const seed = defaultSeed();
    seed.subscriptions![0].resourceGroups!.push({ name: GROUP, location: 'westus2' });
    sb = await testSandbox({ seed });
    arm = sb.endpoints.arm;
    dir = mkdtempSync(join(tmpdir(), 'a0eg-clients-az-'));
    env = clientEnv(sb, dir);
  });
  afterAll(async () => {
    await sb?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('a custom cloud from the metadata endpoint alone: az cloud register --endpoint-resource-manager', async () => {
    await az('cloud', 'register', '-n', CLOUD, '--endpoint-resource-manager', `${arm}/`);
    await az('cloud', 'set', '-n', CLOUD);
    const cloud = await az('cloud', 'show', '-n', CLOUD);
    expect(cloud.endpoints).toMatchObject({
      resourceManager: `${arm}/`,
      activeDirectory: `${sb.endpoints.entra}/`,
      activeDirectoryResourceId: 'https://management.core.windows.net/',
    });
    expect(cloud.isActive).toBe(true);
  });

  test('sign-in: a service principal stops at MSAL’s instance discovery (login.microsoftonline.com); a managed identity signs in', async () => {
    const sp = await run('az', ['login', '--service-principal', '-u', DEFAULT_IDS.clientId, '-p', DEFAULT_IDS.clientSecret, '--tenant', DEFAULT_IDS.tenantId, '-o', 'json'], env);
    expect(sp.code).not.toBe(0);
    expect(sp.stderr).toMatch(/login\.microsoftonline\.com|invalid_instance/);

    const accounts = await az('login', '--identity', '--username', DEFAULT_IDS.clientId);
    expect(accounts).toEqual([
      expect.objectContaining({ id: DEFAULT_IDS.subscriptionId, tenantId: DEFAULT_IDS.tenantId, environmentName: CLOUD, isDefault: true, state: 'Enabled' }),
    ]);
    expect(await az('account', 'show')).toMatchObject({ id: DEFAULT_IDS.subscriptionId, name: 'Sandbox subscription' });
    const locations = await az('account', 'list-locations');
    expect(locations).toContainEqual(expect.objectContaining({ name: 'westus2', displayName: 'West US 2', regionalDisplayName: '(US) West US 2' }));
    const tenants = await az('rest', '--method', 'get', '--url', `${arm}/tenants?api-version=2022-12-01`);
    expect(tenants.value.map((t: any) => t.tenantId)).toEqual([DEFAULT_IDS.tenantId]);
  });

  test('providers and groups: az provider show/register, az group show (and its 404)', async () => {
    expect(await az('provider', 'show', '-n', 'Microsoft.EventGrid', '--query', 'registrationState')).toBe('NotRegistered');
    await az('provider', 'register', '-n', 'Microsoft.EventGrid', '--wait');
    expect(await az('provider', 'show', '-n', 'Microsoft.EventGrid', '--query', 'registrationState')).toBe('Registered');
    expect(await az('group', 'show', '-n', GROUP)).toMatchObject({ name: GROUP, location: 'westus2', properties: { provisioningState: 'Succeeded' } });
    const missing = await run('az', ['group', 'show', '-n', 'no-such-group', '-o', 'json'], env);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain('ResourceGroupNotFound');
  });

  test('the partner APIs through az rest, with an Auth0 stream between: authorize, find the topic, activate, event subscription (LRO), az resource list, delete', async () => {
    const expiry = new Date(sb.context.clock.now() + 3 * 86_400_000).toISOString();
    const cfg = await az('rest', '--method', 'post', '--url', eg('/partnerConfigurations/default/authorizePartner'), '--body',
      JSON.stringify({ partnerRegistrationImmutableId: AUTH0_ID, partnerName: 'Auth0', authorizationExpirationTimeInUtc: expiry }));
    expect(cfg.properties.partnerAuthorization.authorizedPartnersList).toEqual([expect.objectContaining({ partnerName: 'Auth0', partnerRegistrationImmutableId: AUTH0_ID })]);

    // The Auth0 side (no Azure client involved): the stream that makes Auth0 create the partner topic.
    const tenant = sb.context.world.auth0Tenants.get(DEFAULT_IDS.auth0Tenant)!;
    const token = await auth0Token(sb, tenant.name, DEFAULT_IDS.auth0ClientId, DEFAULT_IDS.auth0ClientSecret);
    const res = await fetch(`${sb.endpoints.auth0[tenant.name].url}/api/v2/log-streams`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'eventgrid', name: 'az-cli', sink: { azureSubscriptionId: DEFAULT_IDS.subscriptionId, azureRegion: 'westus2', azureResourceGroup: GROUP } }),
    });
    expect(res.status).toBe(200);
    const stream = (await res.json()) as { id: string };
    expect(stream.id).toMatch(/^lst_/);

    const topic = await poll('the partner topic', async () => {
      const list = await az('rest', '--method', 'get', '--url', eg('/partnerTopics'));
      // Auth0's topic in the group: its partner registration, a source naming the tenant (whatever shape
      // the source takes, see the sandbox's partnerTopicSource), still waiting for activation.
      return list.value.find(
        (t: any) => t.properties.partnerRegistrationImmutableId === AUTH0_ID && t.properties.source.includes(tenant.name) && t.properties.activationState === 'NeverActivated',
      ) as { name: string } | undefined;
    });
    const activated = await az('rest', '--method', 'post', '--url', eg(`/partnerTopics/${topic.name}/activate`));
    expect(activated.properties.activationState).toBe('Activated');

    const es = eg(`/partnerTopics/${topic.name}/eventSubscriptions/cli-hook`);
    const created = await az('rest', '--method', 'put', '--url', es, '--body',
      JSON.stringify({ properties: { destination: { endpointType: 'WebHook', properties: { endpointUrl: 'https://hooks.example.com/auth0?code=az' } }, eventDeliverySchema: 'CloudEventSchemaV1_0' } }));
    expect(created.properties.provisioningState).not.toBe('Failed');
    await poll('the event subscription to succeed', async () => ((await az('rest', '--method', 'get', '--url', es)).properties.provisioningState === 'Succeeded' ? true : undefined));

    const inGroup = await az('resource', 'list', '-g', GROUP);
    expect(inGroup.map((r: any) => `${r.type} ${r.name}`).sort()).toEqual(['Microsoft.EventGrid/partnerConfigurations default', `Microsoft.EventGrid/partnerTopics ${topic.name}`]);
    expect(await az('resource', 'list', '--resource-type', 'Microsoft.EventGrid/partnerTopics', '--query', '[].name')).toEqual([topic.name]);

    await az('rest', '--method', 'delete', '--url', es);
    await poll('the event subscription to go', async () => {
      const gone = await run('az', ['rest', '--method', 'get', '--url', es, '-o', 'json'], env);
      return gone.code !== 0 && /NotFound/.test(gone.stderr) ? true : undefined;
    });
    await az('rest', '--method', 'delete', '--url', eg(`/partnerTopics/${topic.name}`));
    await az('rest', '--method', 'delete', '--url', eg('/partnerConfigurations/default'));
    await poll('the group to be empty', async () => ((await az('resource', 'list', '-g', GROUP)).length === 0 ? true : undefined));

    const ops = await armOperations(sb);
    for (const op of ['Metadata_Endpoints 2015-01-01', 'Subscriptions_List 2019-11-01', 'Subscriptions_ListLocations 2019-11-01', 'Providers_Register 2021-04-01', 'ResourceGroups_Get 2021-04-01', 'Resources_List 2021-04-01']) {
      expect(ops).toContain(op);
    }
  });
});
