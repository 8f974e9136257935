/**
 * bench/action: the Action as a runner runs it (node dist/index.js), against the sandbox in its own process.
 *  (a) cold start: median wall time of `verify` on a converged setup, beside `node -e 0` in the same run
 *      (target: <= 3.5x);
 *  (b) critical path: `setup` from nothing with provider registration 2 s, topic after 3 s, LROs 2 s
 *      (target: <= 1.15x the sum of the waits it cannot avoid);
 *  (c) requests per service for setup from nothing and for a converged re-run (target: reads only, <= 10).
 * Run: npm run bench:action   (prints JSON lines)
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { call, emit, httpsAgent, startSandboxProcess } from './lib.js';
import { targetInputsFromSandbox } from '../src/config/sandbox-inputs.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 11);
const sb = await startSandboxProcess(['--set', 'providerRegistrationDelayMs=0', '--set', 'partnerTopicDelayMs=0', '--set', 'lroDurationMs=0', '--set', 'retryAfterSeconds=1']);
const { info } = sb;
const agent = httpsAgent(info.caCertPath);
const adminUrl = `${info.endpoints.arm}/_sandbox`;
const admin = async (method: string, path: string, body?: unknown) => {
  const r = await call(agent, method, `${adminUrl}/${path}`, body);
  if (r.status >= 400) throw new Error(`admin ${method} ${path}: ${r.status} ${r.body}`);
  return r.body ? JSON.parse(r.body) : undefined;
};

const inputs: Record<string, string> = {
  ...targetInputsFromSandbox(info),
  'authorization-days': '30',
  'webhook-url': 'https://127.0.0.1:9/auth0-events?code=benchKey',
};

function run(args: string[], env: Record<string, string>): Promise<{ ms: number; code: number }> {
  return new Promise((res) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, args, { env, stdio: 'ignore' });
    child.on('close', (code) => res({ ms: performance.now() - t0, code: code ?? 1 }));
  });
}

/** Each run's GITHUB_OUTPUT and summary files, removed at the end. */
const runDirs: string[] = [];

function actionEnv(command: string): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'a0eg-bench-'));
  runDirs.push(dir);
  writeFileSync(join(dir, 'out'), '');
  writeFileSync(join(dir, 'sum'), '');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    NODE_EXTRA_CA_CERTS: info.caCertPath,
    GITHUB_OUTPUT: join(dir, 'out'),
    GITHUB_STEP_SUMMARY: join(dir, 'sum'),
    INPUT_COMMAND: command,
  };
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
  return env;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
// AUTH0_EVENTGRID_DIST measures another build (as the tests take it: test/helpers/dist.ts).
const dist = resolve(process.env.AUTH0_EVENTGRID_DIST ?? 'dist', 'index.js');

async function requestsBy(since: number) {
  const log: { value: { service: string; write: boolean }[] } = await admin('GET', `requests?since=${since}`);
  const by: Record<string, number> = {};
  for (const e of log.value) by[e.service] = (by[e.service] ?? 0) + 1;
  return { total: log.value.length, writes: log.value.filter((e) => e.write).length, byService: by };
}

try {
  // (c) requests: setup from nothing, then a converged re-run.
  let mark = (await admin('GET', 'requests?since=999999999')).mark;
  const first = await run([dist], actionEnv('setup'));
  if (first.code !== 0) throw new Error('setup failed');
  const fromNothing = await requestsBy(mark);
  emit('action', 'requests_setup_from_nothing', fromNothing.total, { writes: fromNothing.writes, by_service: fromNothing.byService });
  mark = (await admin('GET', 'requests?since=999999999')).mark;
  await run([dist], actionEnv('setup'));
  const rerun = await requestsBy(mark);
  emit('action', 'requests_converged_rerun', rerun.total, { writes: rerun.writes, by_service: rerun.byService, target: '<= 10, writes 0' });

  // (a) cold start: verify vs node -e 0, interleaved.
  // Beside them, two floors: loading @actions/core alone (a dependency of record, imported by every
  // Action), and the bundle's entry up to a configuration error (no network, no SDK loaded).
  const verifyMs: number[] = [];
  const nodeMs: number[] = [];
  const coreMs: number[] = [];
  const entryMs: number[] = [];
  const core = resolve('node_modules/@actions/core/lib/core.js');
  await run([dist], actionEnv('verify'));
  for (let i = 0; i < RUNS; i++) {
    nodeMs.push((await run(['-e', '0'], { PATH: process.env.PATH ?? '' })).ms);
    coreMs.push((await run(['--input-type=module', '-e', `await import(${JSON.stringify(core)})`], { PATH: process.env.PATH ?? '' })).ms);
    entryMs.push((await run([dist], { PATH: process.env.PATH ?? '', 'INPUT_AZURE-REGION': 'nowhere' })).ms);
    const v = await run([dist], actionEnv('verify'));
    if (v.code !== 0) throw new Error('verify failed');
    verifyMs.push(v.ms);
  }
  const base = median(nodeMs);
  const ratio = median(verifyMs) / base;
  emit('action', 'cold_start_verify_median_ms', Math.round(median(verifyMs)), { runs: RUNS });
  emit('action', 'cold_start_node_e0_median_ms', Math.round(base), { runs: RUNS });
  emit('action', 'cold_start_ratio', Number(ratio.toFixed(2)), { target: '<= 3.5' });
  emit('action', 'floor_import_actions_core_ratio', Number((median(coreMs) / base).toFixed(2)), { median_ms: Math.round(median(coreMs)) });
  emit('action', 'floor_bundle_entry_config_error_ratio', Number((median(entryMs) / base).toFixed(2)), { median_ms: Math.round(median(entryMs)) });

  // (b) critical path: setup from nothing with realistic waits.
  await admin('POST', 'reset');
  await admin('PATCH', 'settings', { providerRegistrationDelayMs: 2000, partnerTopicDelayMs: 3000, lroDurationMs: 2000, retryAfterSeconds: 1 });
  const unavoidable = 2000 + 3000 + 2000;
  const s = await run([dist], actionEnv('setup'));
  if (s.code !== 0) throw new Error('setup (critical path) failed');
  emit('action', 'critical_path_setup_ms', Math.round(s.ms), { unavoidable_waits_ms: unavoidable });
  emit('action', 'critical_path_ratio', Number((s.ms / unavoidable).toFixed(3)), { target: '<= 1.15' });
} finally {
  agent.destroy();
  await sb.stop();
  for (const d of runDirs) rmSync(d, { recursive: true, force: true });
}
