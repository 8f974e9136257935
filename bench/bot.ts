/**
 * bench/bot: the ChatOps bot server under load. The sandbox (GitHub, Azure, Auth0) and the bot
 * (`bot/main.ts`, as `npm run bot` starts it) run in their own processes; this process is the load:
 * 200 commands from 20 concurrent senders (each its own issue, one command per comment, the next sent
 * when the bot has answered the last), as signed deliveries built by the sandbox. Cheap commands
 * only: /status of a converged environment (verify: reads of Azure and Auth0) and /help.
 * Measured from the sandbox's request log (which time-stamps every answer) against the send time:
 *  - webhook → 👀 (the reaction created) p50/p99 (target p99 <= 150 ms),
 *  - webhook → reply (the reply comment created) p50/p99,
 *  - commands/s over the whole run (target >= 50), lost commands (no reply or no 👀; target 0).
 * The bot starts warm (BENCH_WARMUP commands per sender first, default 3; 0 measures a cold server),
 * with its defaults (MAX_CONCURRENT_COMMENTS=4 unless set) and GITHUB_CLIENT_THROTTLE=false (Probot's
 * one-write-per-second pacing is for github.com, not for a local API).
 * Run: npm run bench:bot   (prints JSON lines; BENCH_COMMANDS, BENCH_SENDERS override the sizes,
 * BENCH_MIX=help sends /help only, BENCH_DEBUG=1 prints 👀 latency per tenth of the run to stderr,
 * BENCH_BOT_NODE_ARGS adds node flags to the bot, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof")
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest, Agent as HttpAgent } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { stringify } from 'yaml';
import { call, emit, httpsAgent, percentile, startSandboxProcess } from './lib.js';

const COMMANDS = Number(process.env.BENCH_COMMANDS ?? 200);
const SENDERS = Number(process.env.BENCH_SENDERS ?? 20);
const OWNER = 'octo-org';
const REPO = 'octo-repo';
const CONFIG_PATH = '.github/auth0-eventgrid.yml';

const sb = await startSandboxProcess(['--set', 'providerRegistrationDelayMs=0', '--set', 'partnerTopicDelayMs=0', '--set', 'lroDurationMs=0', '--set', 'retryAfterSeconds=1']);
const { info } = sb;
const agent = httpsAgent(info.caCertPath, 128);
const admin = async (method: string, path: string, body?: unknown) => {
  const r = await call(agent, method, `${info.endpoints.arm}/_sandbox/${path}`, body);
  if (r.status >= 400) throw new Error(`admin ${method} ${path}: ${r.status} ${r.body}`);
  return r.body ? JSON.parse(r.body) : undefined;
};
let bot: ChildProcess | undefined;

function startBot(env: Record<string, string>): Promise<{ url: string; child: ChildProcess; audit: string[] }> {
  // As `npm run bot` (tsx), in one process: node --import tsx (BENCH_BOT_NODE_ARGS adds node flags, e.g. --cpu-prof).
  const extra = (process.env.BENCH_BOT_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...extra, '--import', 'tsx', 'bot/main.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const audit: string[] = [];
  createInterface({ input: child.stdout! }).on('line', (l) => audit.push(l));
  return new Promise((res, rej) => {
    createInterface({ input: child.stderr! }).on('line', (l) => {
      const m = /listening on (\S+)/.exec(l);
      if (m) res({ url: m[1], child, audit });
      else process.stderr.write(`[bot] ${l}\n`);
    });
    child.once('exit', (c) => rej(new Error(`bot exited with ${c}`)));
  });
}

function postHttp(agentHttp: HttpAgent, url: string, headers: Record<string, string>, body: string): Promise<number> {
  return new Promise((res, rej) => {
    const req = httpRequest(url, { method: 'POST', agent: agentHttp, headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) } }, (r) => {
      r.resume();
      r.on('end', () => res(r.statusCode ?? 0));
    });
    req.on('error', rej);
    req.end(body);
  });
}

try {
  await admin('POST', 'seed', { github: { rateLimits: { core: 1_000_000 } } });
  // The environments file on the default branch, and the environment converged by the Action.
  const t = info.auth0[0];
  const environment = {
    'azure-subscription-id': info.azure.subscriptionId,
    'azure-resource-group': info.azure.resourceGroup,
    'azure-region': info.azure.region,
    'azure-client-id': info.azure.clientId,
    'azure-tenant-id': info.azure.tenantId,
    'azure-client-secret-env': 'BENCH_AZURE_SECRET',
    'azure-resource-manager-endpoint': info.endpoints.arm,
    'azure-authority-host': info.endpoints.entra,
    'auth0-domain': t.domain,
    'auth0-client-id': t.clientId,
    'auth0-client-secret-env': 'BENCH_AUTH0_SECRET',
    'auth0-tenant': t.tenant,
    'authorization-days': 30,
    'webhook-url': 'https://127.0.0.1:9/auth0-events',
  };
  const text = stringify({ environments: { prod: environment } });
  const secrets = { BENCH_AZURE_SECRET: info.azure.clientSecret, BENCH_AUTH0_SECRET: t.clientSecret };
  await admin('PUT', 'github/contents', { files: { [CONFIG_PATH]: text }, message: 'bench: environments file' });
  const work = mkdtempSync(join(tmpdir(), 'a0eg-bench-bot-'));
  mkdirSync(join(work, '.github'), { recursive: true });
  writeFileSync(join(work, CONFIG_PATH), text);
  writeFileSync(join(work, 'out'), '');
  const setupCode: number = await new Promise((res) => {
    const child = spawn(process.execPath, [resolve('dist/index.js')], {
      env: { PATH: process.env.PATH ?? '', NODE_EXTRA_CA_CERTS: info.caCertPath, GITHUB_WORKSPACE: work, GITHUB_OUTPUT: join(work, 'out'), INPUT_COMMAND: 'setup', INPUT_ENVIRONMENT: 'prod', ...secrets },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    child.on('close', (c) => res(c ?? 1));
  });
  const health = /^health<<(.+)\n([\s\S]*?)\n\1$/m.exec(readFileSync(join(work, 'out'), 'utf8'))?.[2];
  rmSync(work, { recursive: true, force: true });
  if (setupCode !== 0 || health !== 'healthy') throw new Error(`setup: exit ${setupCode}, health ${health}`);

  // The bot, in its own process, as `npm run bot` runs it.
  const started = await startBot({
    PATH: process.env.PATH ?? '',
    NODE_EXTRA_CA_CERTS: info.caCertPath,
    APP_ID: String(info.github.appId),
    PRIVATE_KEY: info.github.appPrivateKey,
    WEBHOOK_SECRET: info.github.webhookSecret,
    GITHUB_API_URL: info.github.apiUrl,
    GITHUB_CLIENT_THROTTLE: 'false',
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'warn',
    ...(process.env.MAX_CONCURRENT_COMMENTS ? { MAX_CONCURRENT_COMMENTS: process.env.MAX_CONCURRENT_COMMENTS } : {}),
    // The server lends the two credentials to the sandbox repository only, toward the sandbox's endpoints.
    CREDENTIAL_BINDINGS: JSON.stringify({
      credentials: {
        prod: {
          repositories: [`${OWNER}/${REPO}`],
          variables: Object.keys(secrets),
          'auth0-domain': t.domain,
          'azure-authority-host': info.endpoints.entra,
          'azure-resource-manager-endpoint': info.endpoints.arm,
        },
      },
    }),
    ...secrets,
  });
  bot = started.child;
  const webhookUrl = started.url;

  // One issue per sender; every delivery built (and its comment made) before the clock starts.
  const users = ['octo-writer', 'octo-maintainer', 'octo-admin', 'octo-triager', 'octo-reader'];
  const perSender = Math.ceil(COMMANDS / SENDERS);
  const senders: { issue: number; deliveries: { body: string; headers: Record<string, string>; commentId: number }[] }[] = [];
  for (let s = 0; s < SENDERS; s++) {
    const issue = (await call(agent, 'POST', `${info.github.apiUrl}/repos/${OWNER}/${REPO}/issues`, { title: `bench sender ${s}` }, { authorization: `Bearer ${info.github.token}` })).body;
    const number = JSON.parse(issue).number;
    const deliveries = [];
    for (let k = 0; k < perSender && s * perSender + k < COMMANDS; k++) {
      const body = process.env.BENCH_MIX === 'help' ? '/help' : k % 2 === 0 ? '/status prod' : '/help';
      const d = await admin('POST', 'github/webhooks', { kind: 'issue_comment.created', issue: number, body, user: users[(s + k) % users.length] });
      deliveries.push({ body: d.body, headers: d.headers, commentId: d.payload.comment.id });
    }
    senders.push({ issue: number, deliveries });
  }
  // Warm-up outside the measurement, as a server that has been running: the installation token and
  // Azure/Auth0 credentials fetched, code compiled, connections to GitHub, Azure and Auth0 open.
  // SENDERS concurrent senders, WARMUP commands each (BENCH_WARMUP=0 measures a cold server).
  const WARMUP = Number(process.env.BENCH_WARMUP ?? 3);
  const warmDeliveries: { headers: Record<string, string>; body: string }[][] = [];
  for (let s = 0; s < SENDERS && WARMUP > 0; s++) {
    const warm = await call(agent, 'POST', `${info.github.apiUrl}/repos/${OWNER}/${REPO}/issues`, { title: `bench warm-up ${s}` }, { authorization: `Bearer ${info.github.token}` });
    const warmIssue = JSON.parse(warm.body).number;
    const list = [];
    for (let k = 0; k < WARMUP; k++) list.push(await admin('POST', 'github/webhooks', { kind: 'issue_comment.created', issue: warmIssue, body: k % 2 ? '/help' : '/status prod', user: 'octo-writer' }));
    warmDeliveries.push(list);
  }
  const warmAgent = new HttpAgent({ keepAlive: true, maxSockets: SENDERS * 2 });
  await Promise.all(warmDeliveries.map(async (list) => {
    for (const d of list) await postHttp(warmAgent, webhookUrl, d.headers, d.body);
  }));
  warmAgent.destroy();

  const mark = (await admin('GET', 'requests')).mark;
  const clock = await admin('GET', 'clock');
  const offsetMs = Date.parse(clock.now) - Date.now(); // the sandbox clock vs ours (0 unless moved)
  const httpAgent = new HttpAgent({ keepAlive: true, maxSockets: SENDERS * 2 });
  const sent = new Map<number, number>(); // comment id → send time (ms, sandbox clock)
  const order = new Map<number, number[]>(); // issue → comment ids in order
  const statuses: number[] = [];
  const t0 = performance.now();
  await Promise.all(
    senders.map(async (s) => {
      order.set(s.issue, []);
      for (const d of s.deliveries) {
        sent.set(d.commentId, Date.now() + offsetMs);
        order.get(s.issue)!.push(d.commentId);
        statuses.push(await postHttp(httpAgent, webhookUrl, d.headers, d.body));
      }
    }),
  );
  const wallMs = performance.now() - t0;
  await new Promise((r) => setTimeout(r, 200));

  // Match the sandbox's log to the commands: the first reaction on a comment is 👀; the k-th reply in an issue answers its k-th command.
  const log = (await admin('GET', `requests?since=${mark}&service=github`)).value as { time: string; method: string; path: string; operation: string; status: number }[];
  const eyes = new Map<number, number>();
  const repliesByIssue = new Map<number, number[]>();
  for (const e of log) {
    if (e.status >= 300) continue;
    const r = /\/issues\/comments\/(\d+)\/reactions$/.exec(e.path);
    if (e.operation === 'reactions.create-for-issue-comment' && r && !eyes.has(Number(r[1]))) eyes.set(Number(r[1]), Date.parse(e.time));
    const c = /\/issues\/(\d+)\/comments$/.exec(e.path);
    if (e.operation === 'issues.comments.create' && c) {
      const list = repliesByIssue.get(Number(c[1])) ?? [];
      list.push(Date.parse(e.time));
      repliesByIssue.set(Number(c[1]), list);
    }
  }
  const toEyes: number[] = [];
  const toReply: number[] = [];
  let lost = 0;
  for (const s of senders) {
    const ids = order.get(s.issue)!;
    const replies = repliesByIssue.get(s.issue) ?? [];
    ids.forEach((id, k) => {
      const at = sent.get(id)!;
      const e = eyes.get(id);
      const r = replies[k];
      if (e === undefined || r === undefined) {
        lost++;
        return;
      }
      toEyes.push(e - at);
      toReply.push(r - at);
    });
  }
  if (process.env.BENCH_DEBUG) {
    const series = [...sent.entries()].sort((a, b) => a[1] - b[1]).map(([id, at]) => (eyes.get(id) ?? NaN) - at);
    const chunk = Math.ceil(series.length / 10);
    process.stderr.write(`eyes latency by tenth of the run: ${Array.from({ length: 10 }, (_, i) => Math.round(series.slice(i * chunk, (i + 1) * chunk).reduce((a, b) => a + b, 0) / chunk)).join(' ')}\n`);
  }
  toEyes.sort((a, b) => a - b);
  toReply.sort((a, b) => a - b);
  const total = senders.reduce((n, s) => n + s.deliveries.length, 0);
  const audited = started.audit.filter((l) => l.includes('"audit":"auth0-eventgrid-chatops"') && l.includes('"result":"success"')).length;
  const round = (n: number) => Math.round(n * 10) / 10;
  emit('bot', 'webhook_to_eyes_p50_ms', round(percentile(toEyes, 50)), { commands: total, senders: SENDERS, warmup_commands: SENDERS * WARMUP });
  emit('bot', 'webhook_to_eyes_p99_ms', round(percentile(toEyes, 99)), { target: '<= 150', met: percentile(toEyes, 99) <= 150 });
  emit('bot', 'webhook_to_reply_p50_ms', round(percentile(toReply, 50)));
  emit('bot', 'webhook_to_reply_p99_ms', round(percentile(toReply, 99)));
  emit('bot', 'commands_per_second', round(total / (wallMs / 1000)), { wall_ms: Math.round(wallMs), target: '>= 50', met: total / (wallMs / 1000) >= 50 });
  emit('bot', 'lost_commands', lost, { target: 0, met: lost === 0, http_non_200: statuses.filter((x) => x !== 200).length, successful_audit_lines: audited - SENDERS * WARMUP });
  emit('bot', 'requests', log.length, { github_requests_per_command: round(log.length / total), mix: process.env.BENCH_MIX === 'help' ? '/help' : '/status prod and /help, alternating' });
} finally {
  bot?.kill('SIGTERM');
  agent.destroy();
  await sb.stop();
}
