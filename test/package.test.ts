/**
 * The npm package as a user gets it: `npm pack` (lib/ as `npm run build:lib` made it), installed into an
 * empty project (production dependencies only, from the npm cache), then `npx auth0-eventgrid` and the
 * ChatOps app three ways: `npm start` after `npm ci --omit=dev` (as the container image does), `probot
 * run` with the app's default export, and the Azure Functions module with its registered HTTP handler
 * (test/functions.test.ts).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildWebhook } from '../sandbox/github/index.js';
import type { Sandbox } from '../sandbox/index.js';
import { testSandbox } from './helpers/sandbox.js';
import { commitFiles, configText, CONFIG_PATH, environment, newIssue, replies, serverEnv } from './helpers/bot.js';

import { jest } from '@jest/globals';

jest.setTimeout(240_000);

const ROOT = resolve('.');
const npm = (args: string[], cwd: string) => execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, npm_config_update_notifier: 'false' } });

let tmp: string;
let tgz: string;
let packed: string[];
let consumer: string;
let sb: Sandbox;
const children: ChildProcess[] = [];

function start(cmd: string, args: string[], cwd: string, env: Record<string, string>): { child: ChildProcess; out: () => string } {
  const child = spawn(cmd, args, { cwd, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? tmp, NODE_EXTRA_CA_CERTS: process.env.NODE_EXTRA_CA_CERTS ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  children.push(child);
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  return { child, out: () => out };
}

async function until<T>(what: string, f: () => T | undefined | Promise<T | undefined>, out: () => string, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await f();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}; output:\n${out()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((res) => {
    child.once('close', () => res());
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      res();
    }
  });
}

function freePort(): Promise<number> {
  return new Promise((res) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => res(port));
    });
  });
}

beforeAll(async () => {
  if (!existsSync('lib/src/cli.js') || !existsSync('lib/bot/main.js')) throw new Error('lib/ is not built: run `npm run build:lib` (npm ci does it).');
  tmp = mkdtempSync(join(tmpdir(), 'a0eg-pkg-'));
  // lib/ is what `npm run build:lib` made (other tests use it meanwhile): pack it as it is.
  const [info] = JSON.parse(npm(['pack', '--ignore-scripts', '--json', '--pack-destination', tmp], ROOT));
  tgz = join(tmp, info.filename);
  packed = info.files.map((f: { path: string }) => f.path);
  consumer = join(tmp, 'consumer');
  mkdirSync(consumer);
  writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }));
  // Dependencies from the npm cache where it has them (the registry otherwise).
  npm(['install', tgz, '--prefer-offline', '--no-audit', '--no-fund'], consumer);
  sb = await testSandbox();
  await commitFiles(sb, { [CONFIG_PATH]: configText({ prod: environment(sb) }) });
});

afterAll(async () => {
  await Promise.all(children.map(stop));
  await sb?.stop();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

test('the package holds the compiled code, the licence and the deployment files, and no sources, tests or Action bundle', () => {
  for (const f of ['package.json', 'LICENSE', 'README.md', 'lib/src/cli.js', 'lib/bot/main.js', 'lib/bot/app.js', 'lib/bot/functions.js', 'lib/sandbox/index.js', 'host.json', '.env.example', 'app.yml']) expect(packed).toContain(f);
  expect(packed.filter((f) => /^(src|bot|sandbox|test|bench|dist|scripts)\//.test(f) || f.endsWith('.ts'))).toEqual([]);
});

test('npx auth0-eventgrid --version, --help and sandbox work from a clean project, with no development tools installed', async () => {
  const version = execFileSync('npx', ['--no-install', 'auth0-eventgrid', '--version'], { cwd: consumer, encoding: 'utf8' });
  expect(version.trim()).toContain(JSON.parse(execFileSync('node', ['-p', 'JSON.stringify(require("./package.json").version)'], { cwd: ROOT, encoding: 'utf8' })));
  const help = execFileSync('npx', ['--no-install', 'auth0-eventgrid', '--help'], { cwd: consumer, encoding: 'utf8' });
  expect(help).toMatch(/auth0-eventgrid <command>/);
  expect(help).toContain('check-expiry');
  for (const devTool of ['tsx', 'typescript', 'jest', '@vercel/ncc', 'esbuild']) expect(existsSync(join(consumer, 'node_modules', devTool))).toBe(false);

  const caDir = join(tmp, 'ca');
  const { child, out } = start('npx', ['--no-install', 'auth0-eventgrid', 'sandbox', '--json', '--ca-dir', caDir], consumer, {});
  const info = await until(
    'the sandbox JSON',
    () => {
      const line = out().split('\n').find((l) => l.startsWith('{'));
      try {
        return line ? JSON.parse(line) : undefined;
      } catch {
        return undefined;
      }
    },
    out,
  );
  expect(info.endpoints.arm).toMatch(/^https:\/\/127\.0\.0\.1:\d+/);
  expect(info.caCertPath).toBe(join(caDir, 'ca.pem'));
  await stop(child);
});

test('npm start runs the compiled server after npm ci --omit=dev: health route, signed deliveries handled, unsigned refused', async () => {
  const app = join(tmp, 'app');
  mkdirSync(app);
  execFileSync('tar', ['-xzf', tgz, '-C', app, '--strip-components=1']);
  copyFileSync('package-lock.json', join(app, 'package-lock.json'));
  npm(['ci', '--omit=dev', '--ignore-scripts', '--offline', '--no-audit', '--no-fund'], app);
  expect(existsSync(join(app, 'node_modules', 'probot'))).toBe(true);
  expect(existsSync(join(app, 'node_modules', 'tsx'))).toBe(false);

  const { out } = start('npm', ['start'], app, serverEnv(sb, { PORT: '0', HOST: '127.0.0.1' }));
  const url = await until('the server', () => /listening on (http:\/\/\S+?)\/api\/github\/webhooks/.exec(out())?.[1], out);
  expect((await fetch(`${url}/healthz`)).status).toBe(200);

  const n = await newIssue(sb, 'npm start');
  const d = buildWebhook(sb.context, 'issue_comment.created', { issue: n, body: '/help', user: 'octo-triager' });
  const res = await fetch(`${url}/api/github/webhooks`, { method: 'POST', headers: d.headers, body: d.body });
  expect(res.status).toBe(200);
  await until('the /help reply', async () => ((await replies(sb, n)).some((r) => r.includes('**/help**')) ? true : undefined), out);

  const unsigned = { ...d.headers };
  delete unsigned['x-hub-signature-256'];
  delete unsigned['X-Hub-Signature-256'];
  const refused = await fetch(`${url}/api/github/webhooks`, { method: 'POST', headers: unsigned, body: d.body });
  expect(refused.status).toBe(400);
  expect(out()).not.toContain(sb.info().github.webhookSecret);
});

test('the server from the installed package (npx auth0-eventgrid-bot) refuses WEBHOOK_PROXY_URL without smee-client, a development tool, and says why', async () => {
  const { child, out } = start('npx', ['--no-install', 'auth0-eventgrid-bot'], consumer, serverEnv(sb, { PORT: '0', HOST: '127.0.0.1', WEBHOOK_PROXY_URL: 'https://smee.io/AbCdEf123' }));
  const code = await new Promise<number | null>((res) => (child.exitCode !== null ? res(child.exitCode) : child.once('close', (c) => res(c))));
  expect(code).toBe(2);
  expect(out()).toMatch(/WEBHOOK_PROXY_URL is set but smee-client is not installed: it is for local development/);
  expect(out()).not.toContain('AbCdEf123');
});

test('probot run loads the app from its default export: GitHub Enterprise Server settings (GHE_HOST), deliveries verified and handled', async () => {
  const port = await freePort();
  // Probot's runner knows GitHub Enterprise Server by GHE_HOST (https://HOST/api/v3), and so does the app.
  const env = serverEnv(sb, { PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info', LOG_FORMAT: 'json', GHE_HOST: new URL(sb.info().github.apiUrl).host, GHE_PROTOCOL: 'https' });
  delete env.GITHUB_API_URL;
  const { out } = start(process.execPath, [join('node_modules', 'probot', 'bin', 'probot.js'), 'run', './node_modules/auth0-eventgrid/lib/bot/app.js'], consumer, env);
  await until('probot run listening', () => (/Listening on/i.test(out()) ? true : undefined), out);
  expect(out()).not.toMatch(/TypeError|is not a function/);
  const n = await newIssue(sb, 'probot run');
  const d = buildWebhook(sb.context, 'issue_comment.created', { issue: n, body: '/help', user: 'octo-triager' });
  const ok = await fetch(`http://127.0.0.1:${port}/api/github/webhooks`, { method: 'POST', headers: d.headers, body: d.body });
  expect(ok.status).toBe(200);
  await until('the /help reply', async () => ((await replies(sb, n)).some((r) => r.includes('**/help**')) ? true : undefined), out);
  const forged = await fetch(`http://127.0.0.1:${port}/api/github/webhooks`, { method: 'POST', headers: { ...d.headers, 'X-Hub-Signature-256': `sha256=${'0'.repeat(64)}` }, body: d.body });
  expect(forged.status).toBe(400);
});
