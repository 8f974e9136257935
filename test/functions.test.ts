/**
 * The Azure Functions app (bot/functions.ts compiled to lib/, package.json `main`) as the Functions host
 * loads it: a worker process provides `@azure/functions-core`, the module registers its HTTP functions
 * through `app.http`, and the host invokes the registered handler with an HttpRequest. Here a child
 * process plays the worker (the same core API: setProgrammingModel, registerFunction), then invokes the
 * registered handlers with deliveries built and signed by the sandbox, whose GitHub API the app calls.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildWebhook } from '../sandbox/github/index.js';
import type { Sandbox } from '../sandbox/index.js';
import { testSandbox } from './helpers/sandbox.js';
import { commitFiles, configText, CONFIG_PATH, environment, mark, newIssue, replies, requestsSince, serverEnv } from './helpers/bot.js';

const MAIN = resolve(JSON.parse(readFileSync('package.json', 'utf8')).main);

// The worker's side: what the Functions host gives `@azure/functions` as `@azure/functions-core`.
const WORKER = `
const Module = require('node:module');
const registered = new Map();
const core = {
  setProgrammingModel() {},
  getProgrammingModel() {},
  registerHook() { return { dispose() {} }; },
  log() {},
  registerFunction(metadata, handler) { registered.set(metadata.name, { metadata, handler }); return { dispose() {} }; },
};
const load = Module._load;
Module._load = function (request, ...rest) { return request === '@azure/functions-core' ? core : load.call(this, request, ...rest); };
globalThis.__functions = registered;
`;

// The host's side: load the app (package.json main), then invoke the registered functions one by one.
const HOST = `
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
const [main, requestsFile] = process.argv.slice(2);
const { HttpRequest, InvocationContext } = createRequire(main)('@azure/functions');
const requests = JSON.parse((await import('node:fs')).readFileSync(requestsFile, 'utf8'));
await import(pathToFileURL(main).href);
const fns = globalThis.__functions;
const out = { functions: [...fns.values()].map(({ metadata }) => ({ name: metadata.name, bindings: metadata.bindings })), responses: [] };
for (const r of requests) {
  const fn = fns.get(r.function);
  const context = new InvocationContext({ functionName: r.function, logHandler: () => {} });
  const res = await fn.handler(new HttpRequest({ method: r.method, url: 'https://example.azurewebsites.net' + r.path, headers: r.headers, body: r.body === undefined ? undefined : { string: r.body } }), context);
  out.responses.push({ status: res.status ?? 200, body: typeof res.body === 'string' ? res.body : '' });
}
(await import('node:fs')).writeFileSync(requestsFile + '.out', JSON.stringify(out));
process.exit(0);
`;

let sb: Sandbox;
let tmp: string;

beforeAll(async () => {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is not built: run \`npm run build:lib\` (npm ci does it).`);
  tmp = mkdtempSync(join(tmpdir(), 'a0eg-func-'));
  writeFileSync(join(tmp, 'worker.cjs'), WORKER);
  writeFileSync(join(tmp, 'host.mjs'), HOST);
  sb = await testSandbox();
  await commitFiles(sb, { [CONFIG_PATH]: configText({ prod: environment(sb) }) });
});

afterAll(async () => {
  await sb?.stop();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

interface Req {
  function: string;
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

function host(requests: Req[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  writeFileSync(join(tmp, 'requests.json'), JSON.stringify(requests));
  return new Promise((res) => {
    const child = spawn(process.execPath, ['--require', join(tmp, 'worker.cjs'), join(tmp, 'host.mjs'), MAIN, join(tmp, 'requests.json')], {
      env: { PATH: process.env.PATH ?? '', NODE_EXTRA_CA_CERTS: process.env.NODE_EXTRA_CA_CERTS ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => {
      const file = join(tmp, 'requests.json.out');
      res({ code: code ?? 1, stdout: existsSync(file) ? readFileSync(file, 'utf8') : '', stderr: stdout + stderr });
      rmSync(file, { force: true });
    });
  });
}

test('registers POST github/webhooks and GET healthz; a signed delivery is handled against GitHub, an unsigned or forged one gets 400 and causes no call', async () => {
  const n = await newIssue(sb, 'Functions');
  const d = buildWebhook(sb.context, 'issue_comment.created', { issue: n, body: '/help', user: 'octo-triager' });
  const unsigned = Object.fromEntries(Object.entries(d.headers).filter(([k]) => !/^x-hub-signature/i.test(k)));
  const forged = { ...unsigned, 'X-Hub-Signature-256': `sha256=${'0'.repeat(64)}` };
  const m = await mark(sb);
  const r = await host(
    [
      { function: 'githubWebhooks', method: 'POST', path: '/api/github/webhooks', headers: unsigned, body: d.body },
      { function: 'githubWebhooks', method: 'POST', path: '/api/github/webhooks', headers: forged, body: d.body },
      { function: 'healthz', method: 'GET', path: '/api/healthz' },
    ],
    serverEnv(sb),
  );
  expect(r.stderr).not.toContain(sb.info().github.webhookSecret);
  expect(r.code).toBe(0);
  const out = JSON.parse(r.stdout);
  const hook = out.functions.find((f: any) => f.name === 'githubWebhooks');
  const trigger = Object.values<any>(hook.bindings).find((b) => b.type === 'httpTrigger');
  expect(trigger).toEqual(expect.objectContaining({ route: 'github/webhooks', methods: ['POST'], authLevel: 'anonymous' }));
  expect(out.functions.map((f: any) => f.name).sort()).toEqual(['githubWebhooks', 'healthz']);
  expect(out.responses.map((x: any) => x.status)).toEqual([400, 400, 200]);
  // Refused before anything: no call to GitHub at all.
  expect(await requestsSince(sb, m)).toEqual([]);

  const signed = await host([{ function: 'githubWebhooks', method: 'POST', path: '/api/github/webhooks', headers: d.headers, body: d.body }], serverEnv(sb));
  expect(signed.code).toBe(0);
  expect(JSON.parse(signed.stdout).responses[0].status).toBe(200);
  const [help] = await replies(sb, n);
  expect(help).toMatch(/\*\*\/help\*\* · run by @&#8203;octo-triager/);
}, 120_000);

test('missing settings stop the app when it loads, naming each variable', async () => {
  const r = await host([], { WEBHOOK_SECRET: 'short' });
  expect(r.code).not.toBe(0);
  expect(r.stderr).toMatch(/APP_ID is required/);
  expect(r.stderr).toMatch(/WEBHOOK_SECRET is required \(at least 16 characters\)/);
});
