/**
 * The Action with bad inputs, run as the runner runs it (a separate process, inputs in INPUT_*
 * environment variables): it must fail fast, name every bad input, mask the secrets first, never
 * print them, and not touch the network.
 *
 * The Action is started with `node <tsx cli> src/action/index.ts` rather than `npx tsx …`: npx runs
 * the binary through /bin/sh, and sh drops environment variables whose names are not shell
 * identifiers, which is exactly GitHub's INPUT_AZURE-SUBSCRIPTION-ID form.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname ?? '.', '..');
const TSX = join(ROOT, 'node_modules/tsx/dist/cli.mjs');

const AUTH0_SECRET = 'sbx-Auth0-Secret|Value<&>0123';
const AZURE_SECRET = 'sbx~AzureSecret.0123456789';
const HOOK_KEY = 'HookKey-0123456789abcdef';
const OIDC_TOKEN = 'oidc-request-token-0123456789';

/** `INPUT_` + name upper-cased, spaces to underscores, hyphens kept (what @actions/core reads). */
const inputEnv = (name: string) => `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

function runAction(env: NodeJS.ProcessEnv): Promise<Run> {
  const started = Date.now();
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [TSX, 'src/action/index.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('error', fail);
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, stdout, stderr, ms: Date.now() - started });
    });
  });
}

describe('the Action with invalid inputs', () => {
  let server: Server;
  let port: number;
  let connections = 0;
  let run: Run;
  let outputFile: string;
  let summaryFile: string;
  let dir: string;

  beforeAll(async () => {
    // Every endpoint points here; any connection at all is a network call the Action must not make.
    server = createServer((socket) => {
      connections++;
      socket.destroy();
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    port = (server.address() as { port: number }).port;

    dir = mkdtempSync(join(tmpdir(), 'a0eg-action-config-error-'));
    outputFile = join(dir, 'output');
    summaryFile = join(dir, 'summary');
    writeFileSync(outputFile, '');
    writeFileSync(summaryFile, '');

    // Only what a runner would give, not this test process's own INPUT_/GITHUB_ variables.
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, GITHUB_OUTPUT: outputFile, GITHUB_STEP_SUMMARY: summaryFile };
    const inputs: Record<string, string> = {
      command: 'setup',
      'azure-subscription-id': 'not-a-guid',
      'azure-resource-group': 'rg-test',
      'azure-region': 'mars',
      'authorization-days': '0',
      'azure-client-id': 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
      'azure-tenant-id': '99999999-8888-7777-6666-555555555555',
      'azure-client-secret': AZURE_SECRET,
      'azure-resource-manager-endpoint': `https://127.0.0.1:${port}`,
      'azure-authority-host': `https://127.0.0.1:${port}`,
      'auth0-domain': `127.0.0.1:${port}`,
      'auth0-client-id': 'm2m-client',
      'auth0-client-secret': AUTH0_SECRET,
      'webhook-url': `https://127.0.0.1:${port}/api/hook?code=${HOOK_KEY}`,
    };
    for (const [name, value] of Object.entries(inputs)) env[inputEnv(name)] = value;
    Object.assign(env, {
      ACTIONS_ID_TOKEN_REQUEST_URL: `https://127.0.0.1:${port}/token?api-version=2.0`,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: OIDC_TOKEN,
      HTTPS_PROXY: `http://127.0.0.1:${port}`,
      HTTP_PROXY: `http://127.0.0.1:${port}`,
    });
    run = await runAction(env);
  });

  afterAll(async () => {
    await new Promise((ok) => server.close(ok));
    rmSync(dir, { recursive: true, force: true });
  });

  test('fails with exit code 1, quickly, without any connection', () => {
    expect(run.code).toBe(1);
    expect(run.ms).toBeLessThan(15_000);
    expect(connections).toBe(0);
    expect(run.stdout + run.stderr).not.toMatch(/ECONNREFUSED|ECONNRESET|fetch failed|socket hang up|getaddrinfo/);
  });

  test('one ::error:: naming every bad input and what is allowed, without a stack trace', () => {
    const errors = run.stdout.split('\n').filter((l) => l.startsWith('::error'));
    expect(errors).toHaveLength(1);
    // Workflow commands encode newlines as %0A.
    const message = decodeURIComponent(errors[0].slice('::error::'.length));
    expect(message.split('\n')[0]).toBe('3 inputs need fixing:');
    expect(message).toContain(`'azure-subscription-id': "not-a-guid" is not a GUID`);
    expect(message).toContain(`'azure-region': "mars" is not a region Auth0 can stream to; use one of: australiacentral`);
    expect(message).toContain(`'authorization-days': "0" is not a whole number from 1 to 365`);
    expect(run.stdout + run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
  });

  test('masks every secret (and the webhook key) before printing anything else', () => {
    const lines = run.stdout.split('\n').filter(Boolean);
    const firstOther = lines.findIndex((l) => !l.startsWith('::add-mask::'));
    const masks = lines.slice(0, firstOther).map((l) => l.slice('::add-mask::'.length));
    expect(masks).toEqual(expect.arrayContaining([AUTH0_SECRET, AZURE_SECRET, HOOK_KEY, `https://127.0.0.1:${port}/api/hook?code=${HOOK_KEY}`]));
    expect(lines.slice(firstOther).some((l) => l.startsWith('::add-mask::'))).toBe(false);
  });

  test('no secret appears anywhere else: log lines, stderr, outputs file, summary file', () => {
    // The ::add-mask:: commands are consumed by the runner and never shown; everything else is.
    const shown = run.stdout
      .split('\n')
      .filter((l) => !l.startsWith('::add-mask::'))
      .join('\n');
    const places = { stdout: shown, stderr: run.stderr, outputs: readFileSync(outputFile, 'utf8'), summary: readFileSync(summaryFile, 'utf8') };
    for (const [where, text] of Object.entries(places)) {
      for (const secret of [AUTH0_SECRET, AZURE_SECRET, HOOK_KEY, OIDC_TOKEN, encodeURIComponent(AUTH0_SECRET)]) {
        if (text.includes(secret)) throw new Error(`secret found in ${where}`);
      }
    }
    expect(shown).toContain('::error::'); // the check above looked at real output
  });
});
