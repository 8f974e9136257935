import { createServer } from 'node:http';
import { COMMANDS, INPUTS } from '../src/config/inputs.js';
import type { Settings } from '../src/config/settings.js';
import { envName, helpText, idTokenGetter, main, parseArgs } from '../src/cli.js';
import type { OperationResult } from '../src/operations/types.js';
import { degraded, failed, healthy } from './fixtures/results.js';

const SECRET = 'auth0-Secret-0123456789';
const ENV: NodeJS.ProcessEnv = {
  AUTH0_EVENTGRID_AZURE_SUBSCRIPTION_ID: '11111111-2222-3333-4444-555555555555',
  AUTH0_EVENTGRID_AZURE_RESOURCE_GROUP: 'rg-from-env',
  AUTH0_EVENTGRID_AZURE_REGION: 'westus2',
  AUTH0_EVENTGRID_AUTH0_DOMAIN: 'dev-tenant.us.auth0.com',
  AUTH0_EVENTGRID_AUTH0_CLIENT_ID: 'm2m',
  AUTH0_EVENTGRID_AUTH0_CLIENT_SECRET: SECRET,
};

async function cli(argv: string[], env: NodeJS.ProcessEnv = ENV, result: OperationResult | Error = healthy()) {
  let stdout = '';
  let stderr = '';
  let settings: Settings | undefined;
  const code = await main(argv, env, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) }, {
    runCommand: async (s, ctx) => {
      settings = s;
      ctx.progress.info('step one');
      if (result instanceof Error) throw result;
      return result;
    },
  });
  return { code, stdout, stderr, settings };
}

describe('parseArgs', () => {
  test('command, --name value, --name=value, bare booleans', () => {
    const a = parseArgs(['verify', '--azure-region', 'westus2', '--stream-name=s1', '--dry-run', '--json']);
    expect(a.json).toBe(true);
    expect(Object.fromEntries(a.flags)).toEqual({ command: 'verify', 'azure-region': 'westus2', 'stream-name': 's1', 'dry-run': 'true' });
    expect(Object.fromEntries(parseArgs(['--dry-run', 'false', 'setup']).flags)).toEqual({ 'dry-run': 'false', command: 'setup' });
  });

  test.each([
    [['setup', '--nope', 'x'], /unknown option --nope/],
    [['setup', '--region', 'x'], /unknown option --region \(did you mean --azure-region\?\)/],
    [['setup', '--azure-region'], /--azure-region needs a value/],
    [['setup', 'verify'], /unexpected argument "verify"/],
    [['setup', '--command', 'verify'], /two commands/],
    [['setup', '--stream-name', 'a', '--stream-name', 'b'], /more than once/],
  ])('%j is a usage error', (argv, message) => {
    expect(() => parseArgs(argv)).toThrow(message);
  });
});

describe('main', () => {
  test('inputs from the environment, a flag wins; text report on stdout, progress on stderr', async () => {
    const r = await cli(['setup', '--azure-resource-group', 'rg-from-flag']);
    expect(r.code).toBe(0);
    expect(r.settings?.azure.resourceGroup).toBe('rg-from-flag');
    expect(r.settings?.azure.region).toBe('westus2');
    expect(r.settings?.auth0.clientSecret).toBe(SECRET);
    expect(r.stdout.split('\n')[0]).toBe('auth0-eventgrid setup: HEALTHY');
    expect(r.stderr).toBe('step one\n');
  });

  test('--json prints the JSON report', async () => {
    const r = await cli(['verify', '--json'], ENV, degraded());
    expect(JSON.parse(r.stdout).health).toBe('degraded');
    expect(r.code).toBe(0);
  });

  test('exit codes follow fail-on; a failure always exits 1 and says why on stderr', async () => {
    expect((await cli(['verify', '--fail-on', 'degraded'], ENV, degraded())).code).toBe(1);
    const f = await cli(['setup', '--fail-on', 'never'], ENV, failed());
    expect(f.code).toBe(1);
    expect(f.stderr).toContain('AuthorizationFailed');
    expect(f.stderr).toContain('Fix: Grant the EventGrid Contributor role');
  });

  test('bad inputs exit 2 with every problem, before any operation runs', async () => {
    const r = await cli(['setup', '--azure-region', 'mars', '--authorization-days', '0']);
    expect(r.code).toBe(2);
    expect(r.settings).toBeUndefined();
    expect(r.stderr).toContain('2 inputs need fixing');
    expect(r.stderr).toContain(`'azure-region': "mars"`);
    expect(r.stderr).toContain(`'authorization-days': "0"`);
    expect(r.stdout).toBe('');
  });

  test('no command or a bad flag exits 2', async () => {
    expect((await cli([])).code).toBe(2);
    const r = await cli(['setup', '--bogus', 'x']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown option --bogus');
  });

  test('a secret passed as a flag works but warns, and is never printed', async () => {
    const flagSecret = 'flag-Secret-0123456789';
    const r = await cli(['setup', '--auth0-client-secret', flagSecret], ENV, { ...failed(), failure: { ...failed().failure!, message: `bad ${flagSecret}` } });
    expect(r.settings?.auth0.clientSecret).toBe(flagSecret);
    expect(r.stderr).toContain('warning: --auth0-client-secret on the command line lands in shell history');
    expect(r.stderr).toContain(envName('auth0-client-secret'));
    expect(r.stdout + r.stderr).not.toContain(flagSecret);
    expect(r.stdout).toContain('bad ***');
    // From the environment: no warning.
    expect((await cli(['setup'])).stderr).not.toContain('warning');
  });

  test('an unexpected error exits 1 with one masked line', async () => {
    const r = await cli(['setup'], ENV, new Error(`kaput ${SECRET}\nmore`));
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('step one\nauth0-eventgrid: kaput ***\n');
  });

  test('--help lists every command and every input with its env variable and default', async () => {
    const r = await cli(['--help'], {});
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(helpText());
    for (const c of COMMANDS) expect(r.stdout).toMatch(new RegExp(`^  ${c} +\\S`, 'm'));
    for (const input of INPUTS.filter((i) => i.name !== 'command')) {
      expect(r.stdout).toContain(`--${input.name} `);
      expect(r.stdout).toContain(input.description);
      expect(r.stdout).toContain(`env ${envName(input.name)}`);
      if (input.default !== undefined) expect(r.stdout).toContain(`default: ${input.default}`);
    }
    expect(envName('azure-subscription-id')).toBe('AUTH0_EVENTGRID_AZURE_SUBSCRIPTION_ID');
  });
});

describe('idTokenGetter', () => {
  test('asks the Actions token service with the audience and bearer, and returns .value', async () => {
    const seen: { url?: string; auth?: string } = {};
    const server = createServer((req, res) => {
      seen.url = req.url;
      seen.auth = req.headers.authorization;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ value: 'the.id.token' }));
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    const { port } = server.address() as { port: number };
    try {
      const get = idTokenGetter({ ACTIONS_ID_TOKEN_REQUEST_URL: `http://127.0.0.1:${port}/token?api-version=2.0`, ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'req-token' }, fetch);
      await expect(get('api://AzureADTokenExchange')).resolves.toBe('the.id.token');
      expect(seen.url).toBe('/token?api-version=2.0&audience=api%3A%2F%2FAzureADTokenExchange');
      expect(seen.auth).toBe('Bearer req-token');
    } finally {
      await new Promise((ok) => server.close(ok));
    }
  });

  test('outside a workflow: a clear error saying what to do', async () => {
    await expect(idTokenGetter({}, fetch)('api://AzureADTokenExchange')).rejects.toThrow(
      /AUTH0_EVENTGRID_AZURE_CLIENT_SECRET.*id-token: write/,
    );
  });
});
