import { AUTH0_EVENTGRID_REGIONS } from '../src/config/facts.js';
import { ConfigError, parseSettings, type InputProblem, type Settings } from '../src/config/settings.js';

const SUB = '11111111-2222-3333-4444-555555555555';
const CLIENT = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';
const TENANT = '99999999-8888-7777-6666-555555555555';
const AUTH0_SECRET = 'auth0-Secret-Value-0123456789';
const WEBHOOK = 'https://hooks.example.com/auth0?code=HookKey0123456789';
const RID = `/subscriptions/${SUB}/resourceGroups/rg-dest/providers`;

/** A complete valid set of inputs (with some values in forms that parsing normalizes). */
const VALID: Record<string, string> = {
  command: 'setup',
  'azure-subscription-id': SUB.toUpperCase(),
  'azure-resource-group': 'rg-auth0',
  'azure-region': 'westus2',
  'azure-client-id': CLIENT,
  'azure-tenant-id': TENANT,
  'auth0-domain': 'https://Dev-Tenant.us.auth0.com/',
  'auth0-client-id': 'm2mClientId',
  'auth0-client-secret': AUTH0_SECRET,
  'event-categories': 'auth.login.success, auth.login.fail\nauth.login.fail',
  'authorization-days': '30',
  'webhook-url': WEBHOOK,
};

type Inputs = Record<string, string | undefined>;

function parse(overrides: Inputs = {}): Settings {
  const inputs: Inputs = { ...VALID, ...overrides };
  return parseSettings((name) => inputs[name]);
}

function problemsOf(overrides: Inputs): InputProblem[] {
  try {
    parse(overrides);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  throw new Error(`parsed without problems: ${JSON.stringify(overrides)}`);
}

/** Expects exactly one problem, on `input`, whose message matches every pattern. */
function expectProblem(overrides: Inputs, input: string, ...patterns: (string | RegExp)[]): string {
  const problems = problemsOf(overrides);
  expect(problems.map((p) => p.input)).toEqual([input]);
  for (const p of patterns) {
    if (typeof p === 'string') expect(problems[0].message).toContain(p);
    else expect(problems[0].message).toMatch(p);
  }
  return problems[0].message;
}

describe('parseSettings: a valid set', () => {
  test('parses into the expected settings, with defaults and normalized values', () => {
    expect(parse()).toEqual<Settings>({
      command: 'setup',
      azure: { subscriptionId: SUB, resourceGroup: 'rg-auth0', region: 'westus2' },
      azureSignIn: {
        kind: 'oidc',
        clientId: CLIENT,
        tenantId: TENANT,
        clientSecret: undefined,
        audience: 'api://AzureADTokenExchange',
        environment: 'AzureCloud',
        resourceManagerEndpoint: 'https://management.azure.com',
        authorityHost: 'https://login.microsoftonline.com',
        resourceManagerScope: 'https://management.azure.com/.default',
        customCloud: false,
      },
      auth0: { domain: 'dev-tenant.us.auth0.com', clientId: 'm2mClientId', clientSecret: AUTH0_SECRET, tenant: 'dev-tenant' },
      stream: {
        name: 'azure-eventgrid-rg-auth0-11111111',
        categories: ['auth.login.fail', 'auth.login.success'],
        startFrom: undefined,
        priority: false,
        recreateOnSinkChange: false,
        resume: false,
        recreateIfTopicLost: true,
      },
      partnerTopic: undefined,
      authorizationDays: 30,
      activation: 'auto',
      eventSubscription: {
        name: 'auth0-logs',
        destination: { endpointType: 'WebHook', webhookUrl: WEBHOOK },
        includedEventTypes: [],
        logTypes: [],
        deliverySchema: 'CloudEventSchemaV1_0',
        maxDeliveryAttempts: 30,
        eventTtlMinutes: 1440,
        deadLetter: undefined,
      },
      waitTimeoutMs: 600_000,
      verify: { metricsWindowMs: 86_400_000, probe: false },
      dryRun: false,
      failOn: 'unhealthy',
      expiry: { warnDays: 14, criticalDays: 3, autoRenew: false, allowShorten: false },
      github: { token: undefined, apiUrl: process.env.GITHUB_API_URL ?? 'https://api.github.com', repository: process.env.GITHUB_REPOSITORY },
      concurrency: 8,
      secrets: [AUTH0_SECRET, WEBHOOK],
    });
  });

  test('expiry thresholds: critical-days may not exceed warn-days', () => {
    expectProblem({ 'warn-days': '5', 'critical-days': '9' }, 'critical-days', 'at most warn-days');
    expectProblem({ 'warn-days': '400' }, 'warn-days', '0 to 365');
    expectProblem({ concurrency: '0' }, 'concurrency', '1 to 64');
    expectProblem({ repository: 'not a repo' }, 'repository', 'owner/name');
    expect(parse({ 'warn-days': '30', 'critical-days': '7', 'auto-renew': 'true' }).expiry).toEqual({ warnDays: 30, criticalDays: 7, autoRenew: true, allowShorten: false });
  });

  test('empty and blank inputs take their defaults', () => {
    const s = parse({ command: '', 'authorization-days': '  ', 'event-categories': '', 'fail-on': undefined });
    expect(s.command).toBe('setup');
    expect(s.authorizationDays).toBe(7);
    expect(s.stream.categories).toEqual([]);
    expect(s.failOn).toBe('unhealthy');
  });

  test('explicit optional values', () => {
    const s = parse({
      'stream-name': 'my-stream',
      'start-from': '2026-01-31T00:00:00Z',
      'included-event-types': 's, f\nsapi',
      'delivery-schema': 'eventgridschema',
      'max-delivery-attempts': '5',
      'event-ttl-minutes': '60',
      'event-subscription-name': 'logs-to-hook',
    });
    expect(s.stream.name).toBe('my-stream');
    expect(s.stream.startFrom).toBe('2026-01-31T00:00:00Z');
    expect(s.eventSubscription).toEqual(
      expect.objectContaining({ name: 'logs-to-hook', includedEventTypes: ['s', 'f', 'sapi'], deliverySchema: 'EventGridSchema', maxDeliveryAttempts: 5, eventTtlMinutes: 60 }),
    );
  });
});

describe('parseSettings: each validation names the input, the value and what is allowed', () => {
  test('GUIDs', () => {
    expectProblem({ 'azure-subscription-id': 'not-a-guid' }, 'azure-subscription-id', '"not-a-guid"', 'is not a GUID like 00000000-0000-0000-0000-000000000000');
    expectProblem({ 'azure-subscription-id': '' }, 'azure-subscription-id', 'is required');
    expectProblem({ 'azure-client-id': '12345' }, 'azure-client-id', '"12345"', 'GUID');
    expectProblem({ 'azure-tenant-id': 'not a tenant!' }, 'azure-tenant-id', '"not a tenant!"', 'tenant GUID or domain');
    expect(parse({ 'azure-tenant-id': 'contoso.onmicrosoft.com' }).azureSignIn.tenantId).toBe('contoso.onmicrosoft.com');
  });

  test('resource-group naming rules', () => {
    const long = 'r'.repeat(91);
    expectProblem({ 'azure-resource-group': long }, 'azure-resource-group', `"${long.slice(0, 117)}`, '1 to 90 characters');
    expectProblem({ 'azure-resource-group': 'rg with space' }, 'azure-resource-group', '"rg with space"', 'letters, digits, underscores, hyphens, periods and parentheses');
    expectProblem({ 'azure-resource-group': 'rg.' }, 'azure-resource-group', '"rg."', 'must not end with a period');
    expectProblem({ 'azure-resource-group': 'rg/x' }, 'azure-resource-group', '"rg/x"');
    expect(parse({ 'azure-resource-group': 'rg_(prod).eu-ñ' }).azure.resourceGroup).toBe('rg_(prod).eu-ñ');
    expect(parse({ 'azure-resource-group': 'r'.repeat(90) }).azure.resourceGroup).toHaveLength(90);
  });

  test('region: one of the 34 Auth0 accepts', () => {
    const message = expectProblem({ 'azure-region': 'mars' }, 'azure-region', '"mars"', 'not a region Auth0 can stream to');
    const listed = message.slice(message.indexOf('use one of: ') + 'use one of: '.length).split(', ');
    expect(listed).toEqual([...AUTH0_EVENTGRID_REGIONS]);
    expect(listed).toHaveLength(34);
    // A real Azure region Auth0 does not offer is refused too.
    expectProblem({ 'azure-region': 'eastus3' }, 'azure-region', '"eastus3"');
    expect(parse({ 'azure-region': 'West US 2' }).azure.region).toBe('westus2');
  });

  test('event categories: known names or "all"', () => {
    expectProblem({ 'event-categories': 'auth.login.fail,auth.login.maybe' }, 'event-categories', 'unknown "auth.login.maybe"', 'use "all" or any of:', 'auth.login.success', 'scim.event');
    // "all" only on its own.
    expectProblem({ 'event-categories': 'all, auth.login.fail' }, 'event-categories', 'unknown "all"');
    expect(parse({ 'event-categories': 'ALL' }).stream.categories).toEqual([]);
    expect(parse({ 'event-categories': 'all' }).stream.categories).toEqual([]);
  });

  test.each(['0', '366', '7.5', 'seven', '-1'])('authorization-days %p is refused', (days) => {
    expectProblem({ 'authorization-days': days }, 'authorization-days', JSON.stringify(days), 'whole number from 1 to 365');
  });

  test('authorization-days bounds 1 and 365 are allowed', () => {
    expect(parse({ 'authorization-days': '1' }).authorizationDays).toBe(1);
    expect(parse({ 'authorization-days': '365' }).authorizationDays).toBe(365);
  });

  test('activation', () => {
    expectProblem({ activation: 'sometimes' }, 'activation', '"sometimes"', 'use one of: auto, manual, never');
    expect(parse({ activation: 'Manual' }).activation).toBe('manual');
  });

  test('other enumerations and ranges', () => {
    expectProblem({ command: 'renew' }, 'command', '"renew"', 'setup, verify, activate-topic, teardown');
    expectProblem({ 'delivery-schema': 'Xml' }, 'delivery-schema', '"Xml"', 'CloudEventSchemaV1_0, EventGridSchema, CustomInputSchema');
    expectProblem({ 'max-delivery-attempts': '31' }, 'max-delivery-attempts', '"31"', 'from 1 to 30');
    expectProblem({ 'event-ttl-minutes': '0' }, 'event-ttl-minutes', '"0"', 'from 1 to 1440');
    expectProblem({ 'event-subscription-name': 'ab' }, 'event-subscription-name', '"ab"', '3-64 letters, digits or hyphens');
    expectProblem({ 'start-from': 'yesterday' }, 'start-from', '"yesterday"', 'ISO 8601');
    expectProblem({ 'auth0-domain': 'tenant.auth0.com/api' }, 'auth0-domain', '"tenant.auth0.com/api"', 'no scheme, path or query');
    expectProblem({ 'auth0-tenant': 'Bad_Tenant' }, 'auth0-tenant', '"bad_tenant"', 'lower-case letters, digits, hyphens');
  });
});

describe('parseSettings: destinations', () => {
  test('webhook-url and destination-resource-id are mutually exclusive', () => {
    expectProblem({ 'destination-resource-id': `${RID}/Microsoft.EventHub/namespaces/ns/eventhubs/hub` }, 'webhook-url', 'one destination', 'not both');
  });

  test('a webhook must be https', () => {
    expectProblem({ 'webhook-url': 'http://hooks.example.com/x' }, 'webhook-url', 'https://');
  });

  test('no destination at all is allowed (the subscription step is skipped)', () => {
    expect(parse({ 'webhook-url': '' }).eventSubscription.destination).toBeUndefined();
  });

  test.each([
    ['Azure Function', `${RID}/Microsoft.Web/sites/app/functions/onAuth0Log`, 'AzureFunction'],
    ['Event Hub', `${RID}/Microsoft.EventHub/namespaces/ns/eventhubs/hub`, 'EventHub'],
    ['Service Bus queue', `${RID}/Microsoft.ServiceBus/namespaces/ns/queues/q`, 'ServiceBusQueue'],
    ['Service Bus topic', `${RID}/Microsoft.ServiceBus/namespaces/ns/topics/t`, 'ServiceBusTopic'],
  ])('recognizes a %s resource id', (_kind, id, endpointType) => {
    expect(parse({ 'webhook-url': '', 'destination-resource-id': id }).eventSubscription.destination).toEqual({ endpointType, resourceId: id });
  });

  test('a Storage account needs queue-name, and queue-name needs a Storage account', () => {
    const storage = `${RID}/Microsoft.Storage/storageAccounts/acct`;
    expectProblem({ 'webhook-url': '', 'destination-resource-id': storage }, 'queue-name', 'is required with a Storage account');
    expect(parse({ 'webhook-url': '', 'destination-resource-id': storage, 'queue-name': 'auth0-logs' }).eventSubscription.destination).toEqual({
      endpointType: 'StorageQueue',
      resourceId: storage,
      queueName: 'auth0-logs',
    });
    expectProblem({ 'webhook-url': '', 'destination-resource-id': storage, 'queue-name': 'Bad_Queue' }, 'queue-name', '"Bad_Queue"', '3-63 lower-case letters');
    expectProblem({ 'queue-name': 'auth0-logs' }, 'queue-name', 'only applies to a Storage account');
  });

  test('an unknown resource type is refused with the kinds allowed', () => {
    const id = `${RID}/Microsoft.Sql/servers/db`;
    expectProblem({ 'webhook-url': '', 'destination-resource-id': id }, 'destination-resource-id', JSON.stringify(id), 'Azure Function', 'Event Hub', 'Storage account', 'Service Bus queue or topic');
    expectProblem({ 'webhook-url': '', 'destination-resource-id': '/providers/Microsoft.EventHub/namespaces/ns/eventhubs/hub' }, 'destination-resource-id');
  });

  test("log-types: Auth0 log codes from the published list, at most 25 (Event Grid's filter values)", () => {
    expect(parse({ 'log-types': 'FP, f\ns, f' }).eventSubscription.logTypes).toEqual(['f', 'fp', 's']);
    expect(parse({}).eventSubscription.logTypes).toEqual([]);
    expectProblem({ 'log-types': 's, fx, sapii' }, 'log-types', 'unknown Auth0 log event codes "fx" (did you mean', '"sapii" (did you mean sapi', 'Log Event Type Codes');
    expectProblem({ 'log-types': 'auth0.logs.s' }, 'log-types', 'unknown Auth0 log event code "auth0.logs.s"');
    const codes = ['s', 'f', 'fp', 'fu', 'fc', 'fco', 'fcoa', 'fens', 'fs', 'ss', 'sapi', 'fapi', 'slo', 'flo', 'seacft', 'feacft', 'sce', 'fce', 'scp', 'fcp', 'scu', 'fcu', 'sd', 'fd', 'du', 'sv'];
    expect(parse({ 'log-types': codes.slice(0, 25).join(',') }).eventSubscription.logTypes).toHaveLength(25);
    expectProblem({ 'log-types': codes.join(',') }, 'log-types', '26 codes', 'at most 25 filter values', 'event-categories');
    // Commands that do not subscribe run without the destination (e.g. its secret not passed to check-expiry).
    expect(parse({ 'log-types': 's', 'webhook-url': '' }).eventSubscription.logTypes).toEqual(['s']);
  });

  test('dead-letter container format', () => {
    const account = `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/acct`;
    expect(parse({ 'dead-letter-blob-container': `${account}/blobServices/default/containers/dead-letters` }).eventSubscription.deadLetter).toEqual({
      resourceId: account,
      container: 'dead-letters',
    });
    expectProblem({ 'dead-letter-blob-container': `${account}/containers/x` }, 'dead-letter-blob-container', 'must look like', '/blobServices/default/containers/{container}');
    expectProblem({ 'dead-letter-blob-container': `${account}/blobServices/default/containers/Bad--Name` }, 'dead-letter-blob-container');
  });
});

describe('parseSettings: timing, booleans, fail-on', () => {
  test.each([
    ['90s', 90_000],
    ['10m', 600_000],
    ['1.5h', 5_400_000],
    ['45', 45_000],
    ['6h', 21_600_000],
  ])('wait-timeout %p is %i ms', (v, ms) => {
    expect(parse({ 'wait-timeout': v }).waitTimeoutMs).toBe(ms);
  });

  test.each(['500ms', '7h', 'soon', '10 minutes'])('wait-timeout %p is refused', (v) => {
    expectProblem({ 'wait-timeout': v }, 'wait-timeout', JSON.stringify(v), 'duration from 1s to 6h');
  });

  test.each([
    ['1m', 60_000],
    ['90m', 5_400_000],
    ['24h', 86_400_000],
    ['7d', 604_800_000],
    ['30d', 2_592_000_000],
  ])('metrics-window %p is %i ms', (v, ms) => {
    expect(parse({ 'metrics-window': v }).verify.metricsWindowMs).toBe(ms);
  });

  test.each(['30s', '31d', 'yesterday', '-1h'])('metrics-window %p is refused', (v) => {
    expectProblem({ 'metrics-window': v }, 'metrics-window', JSON.stringify(v), 'duration from 1m to 30d');
  });

  test('probe takes a boolean, off by default', () => {
    expect(parse().verify.probe).toBe(false);
    expect(parse({ probe: 'true' }).verify.probe).toBe(true);
    expectProblem({ probe: 'sometimes' }, 'probe', '"sometimes"', 'use true or false');
  });

  test.each(['dry-run', 'priority', 'recreate-on-sink-change', 'resume-stream'])('%s takes booleans', (input) => {
    expectProblem({ [input]: 'maybe' }, input, '"maybe"', 'use true or false');
    const key = { 'dry-run': 'dryRun', priority: 'priority', 'recreate-on-sink-change': 'recreateOnSinkChange', 'resume-stream': 'resume' }[input]!;
    const read = (s: Settings) => (key === 'dryRun' ? s.dryRun : (s.stream as unknown as Record<string, boolean>)[key]);
    expect(read(parse({ [input]: 'yes' }))).toBe(true);
    expect(read(parse({ [input]: 'TRUE' }))).toBe(true);
    expect(read(parse({ [input]: 'off' }))).toBe(false);
  });

  test('fail-on', () => {
    expectProblem({ 'fail-on': 'always' }, 'fail-on', '"always"', 'unhealthy, degraded, never');
    expect(parse({ 'fail-on': 'Degraded' }).failOn).toBe('degraded');
    expect(parse({ 'fail-on': 'never' }).failOn).toBe('never');
  });
});

describe('parseSettings: Azure sign-in and clouds', () => {
  test('no Azure credentials: the default chain', () => {
    const s = parse({ 'azure-client-id': '', 'azure-tenant-id': '' });
    expect(s.azureSignIn.kind).toBe('default');
    expect(s.azureSignIn.clientId).toBeUndefined();
  });

  test('client and tenant without a secret: OIDC federation', () => {
    expect(parse().azureSignIn.kind).toBe('oidc');
    expect(parse({ 'azure-audience': 'api://custom' }).azureSignIn.audience).toBe('api://custom');
  });

  test('with a client secret: secret sign-in, and the secret is listed for masking', () => {
    const s = parse({ 'azure-client-secret': 'azure-Secret~Value.123' });
    expect(s.azureSignIn.kind).toBe('secret');
    expect(s.azureSignIn.clientSecret).toBe('azure-Secret~Value.123');
    expect(s.secrets).toContain('azure-Secret~Value.123');
  });

  test('incomplete credentials name what is missing', () => {
    const onlySecret = problemsOf({ 'azure-client-id': '', 'azure-tenant-id': '', 'azure-client-secret': 'azure-Secret~Value.123' });
    expect(onlySecret.map((p) => p.input).sort()).toEqual(['azure-client-id', 'azure-tenant-id']);
    expectProblem({ 'azure-tenant-id': '' }, 'azure-tenant-id', 'is required with azure-client-id');
    expectProblem({ 'azure-client-id': '' }, 'azure-client-id', 'is required with azure-tenant-id');
  });

  test('AzureUSGovernment endpoints', () => {
    const s = parse({ 'azure-environment': 'azureusgovernment' }).azureSignIn;
    expect(s).toEqual(
      expect.objectContaining({
        environment: 'AzureUSGovernment',
        resourceManagerEndpoint: 'https://management.usgovcloudapi.net',
        authorityHost: 'https://login.microsoftonline.us',
        resourceManagerScope: 'https://management.usgovcloudapi.net/.default',
        customCloud: false,
      }),
    );
    expectProblem({ 'azure-environment': 'AzureGermanCloud' }, 'azure-environment', '"AzureGermanCloud"', 'AzureCloud, AzureUSGovernment, AzureChinaCloud');
  });

  test('a custom ARM endpoint and authority host make a custom cloud', () => {
    const arm = parse({ 'azure-resource-manager-endpoint': 'https://127.0.0.1:8443/' }).azureSignIn;
    expect(arm.resourceManagerEndpoint).toBe('https://127.0.0.1:8443');
    expect(arm.customCloud).toBe(true);
    expect(arm.authorityHost).toBe('https://login.microsoftonline.com');
    expect(arm.resourceManagerScope).toBe('https://management.azure.com/.default');

    const both = parse({
      'azure-resource-manager-endpoint': 'https://arm.private.example',
      'azure-authority-host': 'https://login.private.example/',
      'azure-resource-manager-audience': 'https://management.private.example/.default',
    }).azureSignIn;
    expect(both).toEqual(
      expect.objectContaining({
        resourceManagerEndpoint: 'https://arm.private.example',
        authorityHost: 'https://login.private.example',
        resourceManagerScope: 'https://management.private.example/.default',
        customCloud: true,
      }),
    );
    expect(parse({ 'azure-authority-host': 'https://login.private.example' }).azureSignIn.customCloud).toBe(true);
    expectProblem({ 'azure-resource-manager-endpoint': 'http://127.0.0.1:8443' }, 'azure-resource-manager-endpoint', '"http://127.0.0.1:8443"', 'https:// URL');
    expectProblem({ 'azure-authority-host': 'login.private.example' }, 'azure-authority-host', '"login.private.example"', 'https:// URL');
  });
});

describe('parseSettings: reporting', () => {
  test('several problems are reported together', () => {
    let error: unknown;
    try {
      parse({ 'azure-subscription-id': 'x', 'azure-region': 'mars', 'authorization-days': '0', 'fail-on': 'always', 'auth0-client-id': '' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const e = error as ConfigError;
    expect(e.problems.map((p) => p.input)).toEqual(['azure-subscription-id', 'azure-region', 'auth0-client-id', 'authorization-days', 'fail-on']);
    expect(e.message.split('\n')[0]).toBe('5 inputs need fixing:');
    for (const p of e.problems) expect(e.message).toContain(`'${p.input}': ${p.message}`);
  });

  test('one problem reads as one line', () => {
    try {
      parse({ 'fail-on': 'always' });
      throw new Error('expected a ConfigError');
    } catch (err) {
      expect((err as Error).message).toBe(`Input 'fail-on': "always" is not allowed; use one of: unhealthy, degraded, never`);
    }
  });

  test('a bad secret value is never echoed', () => {
    const key = 'ZXhhbXBsZS1zZWNyZXQta2V5';
    const cases: Inputs[] = [
      { 'webhook-url': `http://hooks.example.com/x?code=${key}` },
      { 'webhook-url': `not a url ${key}` },
      { 'webhook-url': `https://hooks.example.com/x?code=${key}`, 'destination-resource-id': `${RID}/Microsoft.EventHub/namespaces/ns/eventhubs/hub` },
      { 'azure-client-secret': key, 'azure-client-id': '', 'azure-tenant-id': '' },
      { 'auth0-client-secret': key, 'auth0-domain': 'bad domain', 'azure-region': 'mars' },
    ];
    for (const c of cases) {
      let message = '';
      try {
        parse(c);
      } catch (err) {
        message = `${(err as Error).message} ${JSON.stringify((err as ConfigError).problems)}`;
      }
      expect(message).not.toBe('');
      expect(message).not.toContain(key);
    }
    // A missing secret is named without a value.
    expectProblem({ 'auth0-client-secret': '   ' }, 'auth0-client-secret', 'is required');
  });
});
