/**
 * bench/fleet: check-expiry over 200 environments (20 subscriptions x 10 resource groups, 5 Auth0
 * tenants) seeded in the sandbox (own process), with 20 ms latency injected on every answer.
 * Reports wall time at concurrency 1 and 8 (target: 8 is >= 6x faster), requests per environment
 * (target <= 4), and a run with ARM throttled to 50 requests/s overall (target: no environment fails).
 * Run: npm run bench:fleet   (prints JSON lines)
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { call, emit, httpsAgent, startSandboxProcess } from './lib.js';

const SUBS = 20;
const GROUPS = 10;
const TENANTS = ['tenant-a', 'tenant-b', 'tenant-c', 'tenant-d', 'tenant-e'];
const CLIENT_ID = '3b9d5c7e-1a2f-4b6c-8d0e-9f1a2b3c4d5e';
const CLIENT_SECRET = 'sbx~FleetSecret.0123456789';
const sub = (i: number) => `${(0x10000000 + i).toString(16)}-0000-4000-8000-${String(i).padStart(12, '0')}`;

const work = mkdtempSync(join(tmpdir(), 'a0eg-fleet-'));
const seed = {
  tenantId: '8d3c6a2b-5f4e-4c1a-9b7d-2e6f1a0c3b5d',
  subscriptions: Array.from({ length: SUBS }, (_, i) => ({
    subscriptionId: sub(i),
    registeredProviders: ['Microsoft.EventGrid'],
    resourceGroups: Array.from({ length: GROUPS }, (_, j) => ({ name: `rg-${String(j).padStart(2, '0')}`, location: 'westus2' })),
  })),
  principals: [{ clientId: CLIENT_ID, secret: CLIENT_SECRET, roleAssignments: Array.from({ length: SUBS }, (_, i) => ({ role: 'Contributor', scope: `/subscriptions/${sub(i)}` })) }],
  auth0Tenants: TENANTS.map((name, t) => ({ name, streamLimit: 100, clients: [{ clientId: `FleetClient${t}`, clientSecret: `fleet-secret-${name}-0123456789` }] })),
};
writeFileSync(join(work, 'seed.json'), JSON.stringify(seed));

const sb = await startSandboxProcess(['--seed', join(work, 'seed.json'), '--set', 'providerRegistrationDelayMs=0', '--set', 'partnerTopicDelayMs=0', '--set', 'lroDurationMs=0', '--set', 'retryAfterSeconds=1']);
const { info } = sb;
const agent = httpsAgent(info.caCertPath);
const admin = async (method: string, path: string, body?: unknown) => {
  const r = await call(agent, method, `${info.endpoints.arm}/_sandbox/${path}`, body);
  if (r.status >= 400) throw new Error(`admin ${method} ${path}: ${r.status} ${r.body}`);
  return r.body ? JSON.parse(r.body) : undefined;
};

// The environments file and the secrets it references.
const secretEnv: Record<string, string> = {};
const lines = ['defaults:', `  azure-client-id: ${CLIENT_ID}`, `  azure-tenant-id: ${seed.tenantId}`, '  azure-client-secret-env: FLEET_AZURE_SECRET', '  azure-region: westus2', '  authorization-days: 30', `  azure-resource-manager-endpoint: ${info.endpoints.arm}`, `  azure-authority-host: ${info.endpoints.entra}`, 'environments:'];
secretEnv.FLEET_AZURE_SECRET = CLIENT_SECRET;
for (let i = 0; i < SUBS; i++) {
  for (let j = 0; j < GROUPS; j++) {
    const t = (i * GROUPS + j) % TENANTS.length;
    const tenant = info.auth0.find((x) => x.tenant === TENANTS[t])!;
    secretEnv[`AUTH0_SECRET_${t}`] = tenant.clientSecret;
    lines.push(
      `  s${i}-g${j}:`,
      `    azure-subscription-id: ${sub(i)}`,
      `    azure-resource-group: rg-${String(j).padStart(2, '0')}`,
      `    auth0-domain: "${tenant.domain}"`,
      `    auth0-client-id: ${tenant.clientId}`,
      `    auth0-client-secret-env: AUTH0_SECRET_${t}`,
      `    auth0-tenant: ${tenant.tenant}`,
      `    stream-name: fleet-s${i}-g${j}`,
    );
  }
}
mkdirSync(join(work, '.github'), { recursive: true });
writeFileSync(join(work, '.github', 'auth0-eventgrid.yml'), lines.join('\n') + '\n');

function runAction(command: string, concurrency: number): Promise<{ ms: number; runMs: number; code: number; environments: any[] }> {
  const out = join(work, `out-${command}-${concurrency}-${Date.now()}`);
  writeFileSync(out, '');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    NODE_EXTRA_CA_CERTS: info.caCertPath,
    GITHUB_WORKSPACE: work,
    GITHUB_OUTPUT: out,
    INPUT_COMMAND: command,
    INPUT_ENVIRONMENT: 'all',
    INPUT_CONCURRENCY: String(concurrency),
    'INPUT_WAIT-TIMEOUT': '2m',
    ...secretEnv,
  };
  return new Promise((res) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [resolve('dist/index.js')], { env, stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('close', (code) => {
      const text = readFileSync(out, 'utf8');
      const m = /^environments<<(.+)\n([\s\S]*?)\n\1$/m.exec(text);
      const r = /^report<<(.+)\n([\s\S]*?)\n\1$/m.exec(text);
      // runMs: the fleet run itself (sign-in and every environment), from the report; ms adds Node's start and module loading.
      res({ ms: performance.now() - t0, runMs: r ? JSON.parse(r[2]).durationMs : NaN, code: code ?? 1, environments: m ? JSON.parse(m[2]) : [] });
    });
  });
}

async function requestsSince(mark: number) {
  const log = await admin('GET', `requests?since=${mark}`);
  const by: Record<string, number> = {};
  let throttled = 0;
  for (const e of log.value) {
    by[e.service] = (by[e.service] ?? 0) + 1;
    if (e.status === 429) throttled++;
  }
  return { total: log.value.length, by, throttled, mark: log.mark };
}

try {
  const envCount = SUBS * GROUPS;
  const prep = await runAction('setup', 16);
  const failedSetup = prep.environments.filter((e) => e.failed).length;
  if (failedSetup) throw new Error(`setup failed for ${failedSetup} environments`);
  emit('fleet', 'setup_all_ms', Math.round(prep.ms), { environments: envCount, concurrency: 16, latency_ms: 0 });

  await admin('PATCH', 'settings', { latencyMs: 20 });
  let mark = (await requestsSince(0)).mark;
  const c1 = await runAction('check-expiry', 1);
  const r1 = await requestsSince(mark);
  emit('fleet', 'check_expiry_c1_ms', Math.round(c1.ms), {
    run_ms: c1.runMs, environments: c1.environments.length, failed: c1.environments.filter((e) => e.failed).length, latency_ms: 20 });
  emit('fleet', 'requests_per_environment', Number((r1.total / envCount).toFixed(2)), { total: r1.total, by_service: r1.by, target: '<= 4' });

  mark = r1.mark;
  const c8 = await runAction('check-expiry', 8);
  const r8 = await requestsSince(mark);
  emit('fleet', 'check_expiry_c8_ms', Math.round(c8.ms), {
    run_ms: c8.runMs, environments: c8.environments.length, failed: c8.environments.filter((e) => e.failed).length, requests: r8.total });
  emit('fleet', 'speedup_c8_vs_c1', Number((c1.runMs / c8.runMs).toFixed(2)), { measured: 'fleet run time from the report (sign-in and all environments)', target: '>= 6' });
  emit('fleet', 'speedup_c8_vs_c1_process_wall', Number((c1.ms / c8.ms).toFixed(2)), { measured: 'whole process, including Node start and module loading (~0.4 s fixed)' });

  await admin('PATCH', 'settings', { armRateLimitPerSecond: 50, armRateLimitScope: 'global' });
  mark = r8.mark;
  const th = await runAction('check-expiry', 8);
  const rt = await requestsSince(mark);
  emit('fleet', 'check_expiry_c8_throttled_ms', Math.round(th.ms), {
    run_ms: th.runMs,
    arm_limit_per_second: 50,
    environments: th.environments.length,
    failed: th.environments.filter((e) => e.failed).length,
    throttled_answers: rt.throttled,
    requests: rt.total,
    target: 'failed 0',
  });
} finally {
  agent.destroy();
  await sb.stop();
  rmSync(work, { recursive: true, force: true });
}
