/**
 * A newcomer's first hour, as seen from a fresh clone: what `npm run demo` shows, `npm run sandbox -- --json`
 * and its --env/--out exports, the CLI's --version, "did you mean", --sandbox FILE, list-environments
 * and summarize, the README's list of outputs, and the environments schema's GUIDs.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Ajv from 'ajv';
import { OUTPUTS } from '../src/config/inputs.js';
import { environmentsSchema } from '../src/config/schema.js';
import { main } from '../src/cli.js';
import type { Settings } from '../src/config/settings.js';
import { healthy, degraded } from './fixtures/results.js';

const TSX = resolve('node_modules/tsx/dist/cli.mjs');

/** Runs a command to its end (or until `until` matches stdout, then stops it with SIGTERM). */
function exec(cmd: string, args: string[], opts: { env?: NodeJS.ProcessEnv; until?: RegExp; timeoutMs?: number } = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(cmd, args, { env: opts.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let stdout = '';
    let stderr = '';
    const stop = () => {
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        // gone already
      }
    };
    child.stdout.on('data', (d) => {
      stdout += d;
      if (opts.until?.test(stdout)) stop();
    });
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(stop, opts.timeoutMs ?? 60_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, stdout, stderr });
    });
  });
}

async function cli(argv: string[], env: NodeJS.ProcessEnv = {}) {
  let stdout = '';
  let stderr = '';
  let settings: Settings | undefined;
  const code = await main(argv, env, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) }, {
    runCommand: async (s) => {
      settings = s;
      return healthy();
    },
  });
  return { code, stdout, stderr, settings };
}

describe('npm run demo shows what a person sees on a runner', () => {
  test('no workflow commands, no token, the report once per step', async () => {
    const r = await exec(process.execPath, [TSX, 'scripts/demo.ts'], { timeoutMs: 120_000 });
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines.filter((l) => l.startsWith('::'))).toEqual([]);
    expect(r.stdout).not.toMatch(/eyJ[\w-]+\.eyJ[\w-]+/); // no JWT, masked or not
    expect(r.stdout).not.toContain('::debug::');
    for (const command of ['setup', 'verify']) {
      expect(lines.filter((l) => l === `auth0-eventgrid ${command}: HEALTHY`)).toHaveLength(1);
    }
    // The facts table is part of the report: once per step, not again from the job summary.
    expect(lines.filter((l) => /^\s+Partner topic id\s/.test(l))).toHaveLength(2);
    expect(r.stdout).not.toContain('| --- |');
    expect(r.stdout).toMatch(/── Job summary ── ✅ Healthy: auth0-eventgrid setup/);
    expect(r.stdout).toMatch(/received CloudEvent auth0\.logs\.s/);
  }, 150_000);
});

describe('the sandbox from a terminal', () => {
  test('npm run -s sandbox -- --json: stdout is one JSON object (npm\'s banner stays out)', async () => {
    const r = await exec('npm', ['run', '-s', 'sandbox', '--', '--json'], { until: /\n/ });
    const first = r.stdout.split('\n')[0];
    const info = JSON.parse(first);
    expect(info.endpoints.arm).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(info.auth0[0].domain).toMatch(/^127\.0\.0\.1:\d+$/);
  }, 90_000);

  test("npm run sandbox --json: stdout is the JSON alone; npm's banner goes to stderr, where its errors stay", async () => {
    const r = await exec('npm', ['run', 'sandbox', '--json'], { until: /\n/ });
    const info = JSON.parse(r.stdout);
    expect(info.endpoints.arm).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(info.auth0[0].domain).toMatch(/^127\.0\.0\.1:\d+$/);
    expect(r.stderr).toMatch(/^> auth0-eventgrid@\S+ sandbox$/m);
    // A mistyped option is still reported, on stderr, with the exit code; stdout stays JSON (npm's own error object).
    const bad = await exec('npm', ['run', 'sandbox', '--json', '--', '--prot', '1']);
    expect(bad.code).toBe(2);
    expect(JSON.parse(bad.stdout)).toMatchObject({ error: { code: 2 } });
    expect(bad.stderr).toMatch(/sandbox: Unknown option '--prot'/);
  }, 90_000);

  test('--env --out FILE: the CLI reads every setting from the environment the file sets', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'a0eg-sandbox-env-'));
    let stopSandbox: (() => Promise<void>) | undefined;
    try {
      const out = join(dir, 'sandbox.env');
      // In the background, as a workflow step or a terminal would start it: the file appears once it is ready.
      const child = spawn(process.execPath, [TSX, 'sandbox/cli.ts', '--env', '--out', out, '--ca-dir', resolve('.sandbox/ca')], { stdio: ['ignore', 'pipe', 'inherit'], detached: true });
      let printed = '';
      child.stdout.on('data', (d) => (printed += d));
      const exited = new Promise((r) => child.on('close', r));
      stopSandbox = async () => {
        process.kill(-child.pid!, 'SIGTERM');
        await exited;
      };
      for (let i = 0; i < 600 && !existsSync(out); i++) await new Promise((r) => setTimeout(r, 50));
      expect(existsSync(out)).toBe(true);
      const text = readFileSync(out, 'utf8');
      for (let i = 0; i < 100 && printed !== text; i++) await new Promise((r) => setTimeout(r, 20));
      expect(printed).toBe(text);
      const vars = Object.fromEntries(text.trim().split('\n').map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
      expect(vars.NODE_EXTRA_CA_CERTS).toBe(resolve('.sandbox/ca/ca.pem'));
      expect(vars.SANDBOX_ID_TOKEN_REQUEST_URL).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/_apis\/distributedtask\/idtoken/);
      const c = await cli(['verify'], vars);
      expect(c.stderr).toBe('');
      expect(c.code).toBe(0);
      const s = c.settings!;
      expect(s.azure.subscriptionId).toBe(vars.AUTH0_EVENTGRID_AZURE_SUBSCRIPTION_ID);
      expect(s.azureSignIn).toMatchObject({ kind: 'secret', resourceManagerEndpoint: vars.AUTH0_EVENTGRID_AZURE_RESOURCE_MANAGER_ENDPOINT, authorityHost: vars.AUTH0_EVENTGRID_AZURE_AUTHORITY_HOST, customCloud: true });
      expect(s.auth0).toMatchObject({ domain: vars.AUTH0_EVENTGRID_AUTH0_DOMAIN, tenant: 'dev-tenant' });
      expect(s.github.apiUrl).toBe(vars.AUTH0_EVENTGRID_GITHUB_API_URL);
      // And for real: setup against that sandbox with nothing but the exported environment and one flag.
      let stdout = '';
      let stderr = '';
      const code = await main(['setup', '--webhook-url', 'https://127.0.0.1:9/auth0-events', '--wait-timeout', '60s', '--json'], vars, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
      expect({ code, stderr: code ? stderr : '' }).toEqual({ code: 0, stderr: '' });
      expect(JSON.parse(stdout)).toMatchObject({ command: 'setup', health: 'healthy', facts: { activationState: 'Activated' } });
    } finally {
      await stopSandbox?.();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);
});

describe('the CLI', () => {
  test('--version prints the package version', async () => {
    const r = await cli(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${JSON.parse(readFileSync('package.json', 'utf8')).version}\n`);
  });

  test.each([
    [['verify', '--azure-regin', 'westus2'], 'unknown option --azure-regin (did you mean --azure-region?)'],
    [['verify', '--dryrun'], 'unknown option --dryrun (did you mean --dry-run?)'],
    [['verify', '--jsn'], 'unknown option --jsn (did you mean --json?)'],
    [['verfy'], 'unknown command "verfy" (did you mean verify?)'],
    [['chek-expiry'], 'unknown command "chek-expiry" (did you mean check-expiry?)'],
  ])('%j: did you mean', async (argv, message) => {
    const r = await cli(argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });

  test.each([
    [['sandbox', '--jsn'], 'auth0-eventgrid sandbox: unknown option --jsn (did you mean --json?)'],
    [['send-test-event', '--cout', '2'], 'auth0-eventgrid send-test-event: unknown option --cout (did you mean --count?)'],
  ])('%j: the tools suggest too', async (argv, message) => {
    const r = await cli(argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });

  test('no suggestion for a word close to nothing', async () => {
    const r = await cli(['verify', '--zzzzzzzz']);
    expect(r.stderr).toContain('unknown option --zzzzzzzz\n');
  });

  test('--sandbox FILE: the sandbox\'s settings fill what flags and the environment leave out', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'a0eg-cli-sandbox-'));
    try {
      const file = join(dir, 'sandbox.json');
      const info = {
        caCertPath: '/x/ca.pem',
        endpoints: { arm: 'https://127.0.0.1:4001', entra: 'https://127.0.0.1:4002', github: 'https://127.0.0.1:4003' },
        azure: { subscriptionId: '5f1c9a3e-7b2d-4e8f-a6c1-0d9e8b7a6f54', resourceGroup: 'auth0-events', region: 'westus2', clientId: '3b9d5c7e-1a2f-4b6c-8d0e-9f1a2b3c4d5e', tenantId: '8d3c6a2b-5f4e-4c1a-9b7d-2e6f1a0c3b5d', clientSecret: 'sbx~Secret.0123456789', resourceManagerEndpoint: 'https://127.0.0.1:4001', authorityHost: 'https://127.0.0.1:4002' },
        auth0: [{ tenant: 'dev-tenant', domain: '127.0.0.1:4004', clientId: 'm2m', clientSecret: 'sbx-auth0-0123456789' }],
        github: { apiUrl: 'https://127.0.0.1:4003', repository: 'octo-org/octo-repo', token: 'ghs_0123456789' },
      };
      writeFileSync(file, JSON.stringify(info));
      const r = await cli(['setup', '--sandbox', file, '--azure-resource-group', 'other-group'], { NODE_EXTRA_CA_CERTS: '/x/ca.pem' });
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.settings!.azure).toEqual({ subscriptionId: info.azure.subscriptionId, resourceGroup: 'other-group', region: 'westus2' });
      expect(r.settings!.auth0).toEqual({ domain: '127.0.0.1:4004', clientId: 'm2m', clientSecret: 'sbx-auth0-0123456789', tenant: 'dev-tenant' });
      expect(r.settings!.azureSignIn.resourceManagerEndpoint).toBe('https://127.0.0.1:4001');
      // Without NODE_EXTRA_CA_CERTS, it says how to trust the sandbox.
      expect((await cli(['setup', '--sandbox', file])).stderr).toContain('NODE_EXTRA_CA_CERTS=/x/ca.pem');
      expect((await cli(['setup', '--sandbox', join(dir, 'missing.json')])).code).toBe(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('list-environments prints the selected names as JSON for strategy.matrix, with no credentials', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'a0eg-cli-list-'));
    try {
      const file = join(dir, 'envs.yml');
      writeFileSync(file, 'environments:\n  prod:\n    auth0-client-secret-env: NOT_SET\n  staging: {}\n  dev: {}\n');
      expect((await cli(['list-environments', '--config-file', file, '--environment', 'all'])).stdout).toBe('["prod","staging","dev"]\n');
      expect((await cli(['list-environments', '--config-file', file])).stdout).toBe('["prod","staging","dev"]\n');
      expect((await cli(['list-environments', '--config-file', file, '--environment', 'staging,prod'])).stdout).toBe('["staging","prod"]\n');
      const bad = await cli(['list-environments', '--config-file', file, '--environment', 'qa']);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain('unknown environment "qa"');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('summarize gathers reports (files or folders) into one, most urgent first, and exits by fail-on', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'a0eg-cli-summarize-'));
    try {
      mkdirSync(join(dir, 'reports', 'nested'), { recursive: true });
      writeFileSync(join(dir, 'reports', 'a.json'), JSON.stringify({ ...healthy(), environment: 'prod' }));
      writeFileSync(join(dir, 'reports', 'nested', 'b.json'), JSON.stringify({ ...degraded(), environment: 'staging' }));
      const r = await cli(['summarize', '--reports', join(dir, 'reports'), '--json']);
      expect(r.code).toBe(0);
      const fleet = JSON.parse(r.stdout);
      expect(fleet.kind).toBe('fleet');
      expect(fleet.environments.map((e: { environment: string }) => e.environment)).toEqual(['staging', 'prod']);
      expect(fleet.health).toBe('degraded');
      expect((await cli(['summarize', '--reports', join(dir, 'reports'), '--fail-on', 'degraded'])).code).toBe(1);
      writeFileSync(join(dir, 'reports', 'c.json'), '{"not":"a report"}');
      const bad = await cli(['summarize', '--reports', join(dir, 'reports')]);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain('c.json" is not a report of auth0-eventgrid');
      expect((await cli(['summarize', '--reports', join(dir, 'none')])).stderr).toContain('was not found');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('documentation and schema', () => {
  test('the README lists every output', () => {
    const readme = readFileSync('README.md', 'utf8');
    const missing = OUTPUTS.filter((o) => !readme.includes(`\`${o.name}\``)).map((o) => o.name);
    expect(missing).toEqual([]);
  });

  test('the environments schema refuses what is not a GUID where a GUID belongs', () => {
    const ajv = new (Ajv as unknown as typeof Ajv.default)({ strict: false });
    const validate = ajv.compile(environmentsSchema());
    const file = (env: Record<string, unknown>) => ({ environments: { prod: env } });
    expect(validate(file({ 'azure-subscription-id': '5f1c9a3e-7b2d-4e8f-a6c1-0d9e8b7a6f54', 'azure-client-id': '3b9d5c7e-1a2f-4b6c-8d0e-9f1a2b3c4d5e', 'azure-tenant-id': 'contoso.onmicrosoft.com' }))).toBe(true);
    expect(validate(file({ 'azure-subscription-id': '5f1c9a3e-7b2d' }))).toBe(false);
    expect(validate(file({ 'azure-client-id': 'my-app' }))).toBe(false);
    expect(validate(file({ 'azure-tenant-id': 'not a tenant' }))).toBe(false);
    expect(validate(file({ 'azure-tenant-id': '8d3c6a2b-5f4e-4c1a-9b7d-2e6f1a0c3b5d' }))).toBe(true);
  });
});
