/**
 * Runs a workflow file's jobs here the way a runner would, for the workflows in .github/ and
 * docs/workflows/: jobs in `needs` order with their `if:`, matrices (fromJSON of another job's
 * output, max-parallel), permissions (the OIDC token service only with `id-token: write`), steps with
 * `if:`, `env:` and `${{ }}` expressions over secrets, vars, inputs, env, steps, needs, matrix and
 * github. This Action's steps (`uses: ./` or `…/auth0-eventgrid@…`) run the bundle (node dist/index.js)
 * with INPUT_* variables and action.yml's defaults; `run:` steps run in bash with GITHUB_OUTPUT,
 * GITHUB_ENV and GITHUB_STEP_SUMMARY; checkout and setup-node are the prepared workspace;
 * upload-artifact / download-artifact copy files through a folder.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { parse } from 'yaml';
import { actionEntry, actionNode } from './dist.js';
import { parseOutputFile } from './action.js';
import { condition, interpolate, toText, type ExpressionContext } from './expressions.js';

export interface WorkflowOptions {
  /** The checkout: the environments file and whatever the steps read. */
  workspace: string;
  secrets?: Record<string, string>;
  vars?: Record<string, string>;
  /** workflow_dispatch inputs given (the workflow's defaults fill the rest). */
  inputs?: Record<string, string | boolean>;
  event?: string;
  /** The event's payload (github.event), beside the dispatch inputs. */
  eventPayload?: Record<string, unknown>;
  /** Environment of every step (PATH, NODE_EXTRA_CA_CERTS, GITHUB_API_URL, …). */
  env?: Record<string, string>;
  /** The OIDC token service, handed to steps only when the job may ask for a token (id-token: write). */
  oidc?: { url: string; token: string };
  /** github.token */
  githubToken?: string;
  repository?: string;
  /** `run:` scripts that are already done in the workspace (e.g. `npm ci` in this checkout): not run again. */
  preparedRuns?: RegExp;
  /** Step timeout. */
  timeoutMs?: number;
}

export interface StepRun {
  name: string;
  id?: string;
  outcome: 'success' | 'failure' | 'skipped';
  outputs: Record<string, string>;
  log: string;
}

export interface JobRun {
  job: string;
  matrix?: Record<string, unknown>;
  result: 'success' | 'failure' | 'skipped';
  outputs: Record<string, string>;
  steps: StepRun[];
  summary: string;
}

export interface WorkflowRun {
  jobs: JobRun[];
  /** Everything printed and written, for secret checks. */
  log: string;
  /** Processes the steps left running in the background (e.g. a server), already stopped. */
  background: number;
}

const ACTION_USES = /^(\.\/?|[^/]+\/auth0-eventgrid@.+)$/;

function actionDefaults(): Record<string, string> {
  const doc = parse(readFileSync(resolve('action.yml'), 'utf8')) as { inputs: Record<string, { default?: unknown }> };
  const out: Record<string, string> = {};
  for (const [name, def] of Object.entries(doc.inputs)) if (def.default !== undefined) out[name] = String(def.default);
  return out;
}

function grantsIdToken(perms: unknown): boolean {
  if (perms === 'write-all') return true;
  return !!perms && typeof perms === 'object' && (perms as Record<string, string>)['id-token'] === 'write';
}

export async function runWorkflow(file: string, opts: WorkflowOptions): Promise<WorkflowRun> {
  const wf = parse(readFileSync(file, 'utf8')) as any;
  const home = mkdtempSync(join(tmpdir(), 'a0eg-workflow-'));
  const artifacts = join(home, 'artifacts');
  mkdirSync(artifacts);
  const defaults = actionDefaults();
  const children = new Set<ChildProcess>();
  let background = 0;
  let log = '';
  const inputs: Record<string, unknown> = {};
  for (const [name, def] of Object.entries<any>(wf.on?.workflow_dispatch?.inputs ?? {})) if (def?.default !== undefined) inputs[name] = def.default;
  Object.assign(inputs, opts.inputs ?? {});
  const github = {
    event_name: opts.event ?? 'workflow_dispatch',
    repository: opts.repository ?? 'octo-org/octo-repo',
    ref: 'refs/heads/main',
    workspace: opts.workspace,
    token: opts.githubToken ?? '',
    event: { ...(opts.eventPayload ?? {}), inputs },
  };
  const jobs: JobRun[] = [];
  const done = new Map<string, { result: JobRun['result']; outputs: Record<string, string> }>();
  const order: string[] = [];
  const visit = (name: string, seen: string[] = []) => {
    if (order.includes(name)) return;
    if (seen.includes(name)) throw new Error(`needs cycle at ${name}`);
    for (const n of [wf.jobs[name].needs ?? []].flat()) visit(n, [...seen, name]);
    order.push(name);
  };
  Object.keys(wf.jobs).forEach((j) => visit(j));

  try {
    for (const name of order) {
      const job = wf.jobs[name];
      const needNames: string[] = [job.needs ?? []].flat();
      const needs = Object.fromEntries(needNames.map((n) => [n, done.get(n)]));
      const upstreamFailed = needNames.some((n) => done.get(n)?.result !== 'success');
      const base: ExpressionContext = {
        contexts: { github, inputs, secrets: opts.secrets ?? {}, vars: opts.vars ?? {}, needs, env: { ...(wf.env ?? {}) }, matrix: {}, steps: {}, runner: { temp: home, os: 'Linux' } },
        status: upstreamFailed ? 'failure' : 'success',
      };
      if (!condition(job.if, base)) {
        done.set(name, { result: 'skipped', outputs: {} });
        jobs.push({ job: name, result: 'skipped', outputs: {}, steps: [], summary: '' });
        continue;
      }
      // Matrix legs: each dimension a list (or an expression giving one).
      const matrixDef = job.strategy?.matrix;
      let legs: Record<string, unknown>[] = [{}];
      if (matrixDef !== undefined) {
        const dims = interpolate(matrixDef, base) as Record<string, unknown>;
        const resolved = typeof dims === 'object' && dims ? dims : {};
        for (const [k, v] of Object.entries(resolved)) {
          if (k === 'include' || k === 'exclude') continue;
          const values = (interpolate(v, base) as unknown[]) ?? [];
          if (!Array.isArray(values)) throw new Error(`matrix.${k} of job ${name} is not a list`);
          legs = legs.flatMap((l) => values.map((x) => ({ ...l, [k]: x })));
        }
        if (!legs.length) throw new Error(`the matrix of job ${name} is empty (GitHub fails such a job)`);
      }
      const maxParallel = Number(job.strategy?.['max-parallel'] ?? legs.length) || legs.length;
      const perms = job.permissions ?? wf.permissions;
      const runs: JobRun[] = new Array(legs.length);
      let next = 0;
      await Promise.all(
        Array.from({ length: Math.min(maxParallel, legs.length) }, async () => {
          while (next < legs.length) {
            const i = next++;
            runs[i] = await runJob(name, job, matrixDef === undefined ? undefined : legs[i], base, perms);
          }
        }),
      );
      jobs.push(...runs);
      const result = runs.some((r) => r.result === 'failure') ? 'failure' : 'success';
      done.set(name, { result, outputs: runs[runs.length - 1]?.outputs ?? {} });
    }
  } finally {
    // What `run:` steps left running (their process groups): stopped like a runner ends a job.
    for (const c of children) {
      const alive = () => {
        try {
          process.kill(-c.pid!, 0);
          return true;
        } catch {
          return false;
        }
      };
      if (!alive()) continue;
      background++;
      process.kill(-c.pid!, 'SIGTERM');
      for (let i = 0; i < 100 && alive(); i++) await new Promise((r) => setTimeout(r, 50));
      if (alive()) process.kill(-c.pid!, 'SIGKILL');
    }
    rmSync(home, { recursive: true, force: true });
  }
  return { jobs, log, background };

  async function runJob(name: string, job: any, matrix: Record<string, unknown> | undefined, base: ExpressionContext, perms: unknown): Promise<JobRun> {
    const dir = mkdtempSync(join(home, 'job-'));
    const envFile = join(dir, 'env');
    const summaryFile = join(dir, 'summary');
    writeFileSync(envFile, '');
    writeFileSync(summaryFile, '');
    const jobEnvFromFile: Record<string, string> = {};
    const steps: StepRun[] = [];
    const stepsCtx: Record<string, { outcome: string; conclusion: string; outputs: Record<string, string> }> = {};
    let status: 'success' | 'failure' = 'success';
    const ctx = (): ExpressionContext => ({
      contexts: { ...base.contexts, matrix: matrix ?? {}, steps: stepsCtx, env: envCtx() },
      status,
    });
    const envCtx = (extra: Record<string, unknown> = {}) => ({ ...(wf.env ?? {}), ...(job.env ?? {}), ...jobEnvFromFile, ...extra });
    for (const [i, step] of (job.steps as any[]).entries()) {
      const label = step.name ?? step.uses ?? `run #${i + 1}`;
      if (!condition(step.if, ctx())) {
        steps.push({ name: label, id: step.id, outcome: 'skipped', outputs: {}, log: '' });
        if (step.id) stepsCtx[step.id] = { outcome: 'skipped', conclusion: 'skipped', outputs: {} };
        continue;
      }
      const c = ctx();
      const stepEnv: Record<string, string> = {};
      for (const [k, v] of Object.entries({ ...(wf.env ?? {}), ...(job.env ?? {}) })) stepEnv[k] = toText(interpolate(v, c));
      Object.assign(stepEnv, jobEnvFromFile);
      for (const [k, v] of Object.entries(step.env ?? {})) stepEnv[k] = toText(interpolate(v, { ...c, contexts: { ...c.contexts, env: envCtx(stepEnv) } }));
      const outputFile = join(dir, `output-${i}`);
      writeFileSync(outputFile, '');
      const runnerEnv: Record<string, string> = {
        ...(opts.env ?? {}),
        GITHUB_ACTIONS: 'true',
        GITHUB_REPOSITORY: github.repository,
        GITHUB_REF: github.ref,
        GITHUB_EVENT_NAME: github.event_name,
        GITHUB_WORKSPACE: opts.workspace,
        GITHUB_OUTPUT: outputFile,
        GITHUB_ENV: envFile,
        GITHUB_STEP_SUMMARY: summaryFile,
        RUNNER_TEMP: dir,
        ...(grantsIdToken(perms) && opts.oidc ? { ACTIONS_ID_TOKEN_REQUEST_URL: opts.oidc.url, ACTIONS_ID_TOKEN_REQUEST_TOKEN: opts.oidc.token } : {}),
      };
      let code = 0;
      let out = '';
      if (step.uses && ACTION_USES.test(step.uses)) {
        const inputEnv: Record<string, string> = {};
        const withs: Record<string, string> = { ...defaults };
        for (const [k, v] of Object.entries(step.with ?? {})) withs[k] = toText(interpolate(v, c));
        for (const [k, v] of Object.entries(withs)) inputEnv[`INPUT_${k.replace(/ /g, '_').toUpperCase()}`] = v;
        ({ code, out } = await exec(actionNode(), [actionEntry()], { ...runnerEnv, ...stepEnv, ...inputEnv }, false));
      } else if (step.uses && /^actions\/(checkout|setup-node)@/.test(step.uses)) {
        code = 0;
      } else if (step.uses && /^actions\/upload-artifact@/.test(step.uses)) {
        const w = Object.fromEntries(Object.entries(step.with ?? {}).map(([k, v]) => [k, toText(interpolate(v, c))]));
        const src = resolve(opts.workspace, w.path);
        if (existsSync(src)) {
          const to = join(artifacts, w.name ?? 'artifact');
          if (existsSync(to)) throw new Error(`artifact ${w.name} uploaded twice (GitHub refuses it)`);
          mkdirSync(to, { recursive: true });
          cpSync(src, statSync(src).isDirectory() ? to : join(to, basename(src)), { recursive: true });
        } else out = `Warning: No files were found with the provided path: ${w.path}. No artifacts will be uploaded.\n`;
      } else if (step.uses && /^actions\/download-artifact@/.test(step.uses)) {
        const w = Object.fromEntries(Object.entries(step.with ?? {}).map(([k, v]) => [k, toText(interpolate(v, c))]));
        const pattern = new RegExp(`^${(w.pattern ?? w.name ?? '*').replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
        const dest = resolve(opts.workspace, w.path ?? '.');
        mkdirSync(dest, { recursive: true });
        for (const a of readdirSync(artifacts).filter((n) => pattern.test(n))) cpSync(join(artifacts, a), w['merge-multiple'] === 'true' || w.name ? dest : join(dest, a), { recursive: true });
      } else if (step.run !== undefined && opts.preparedRuns?.test(String(step.run).trim())) {
        out = `(already done in the workspace: ${String(step.run).trim()})\n`;
      } else if (step.run !== undefined) {
        const script = toText(interpolate(step.run, c));
        ({ code, out } = await exec('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], { ...runnerEnv, ...stepEnv }, true));
      } else {
        throw new Error(`step "${label}" of job ${name} uses ${step.uses}, which this runner does not know`);
      }
      log += out;
      const outputs = parseOutputFile(readFileSync(outputFile, 'utf8'));
      Object.assign(jobEnvFromFile, parseOutputFile(readFileSync(envFile, 'utf8')));
      const outcome = code === 0 ? 'success' : 'failure';
      if (outcome === 'failure' && !step['continue-on-error']) status = 'failure';
      steps.push({ name: label, id: step.id, outcome, outputs, log: out });
      if (step.id) stepsCtx[step.id] = { outcome, conclusion: outcome, outputs };
    }
    const c = ctx();
    const outputs: Record<string, string> = {};
    for (const [k, v] of Object.entries(job.outputs ?? {})) outputs[k] = toText(interpolate(v, c));
    const summary = readFileSync(summaryFile, 'utf8');
    log += summary;
    return { job: name, ...(matrix ? { matrix } : {}), result: status, outputs, steps, summary };
  }

  /** Runs a step's process; a `run:` step may leave background processes (its own process group), stopped at the end. */
  function exec(cmd: string, args: string[], env: Record<string, string>, detached: boolean): Promise<{ code: number; out: string }> {
    return new Promise((resolvePromise) => {
      const child = spawn(cmd, args, { cwd: opts.workspace, env, stdio: ['ignore', 'pipe', 'pipe'], detached });
      if (detached) children.add(child);
      let out = '';
      child.stdout!.on('data', (d) => (out += d));
      child.stderr!.on('data', (d) => (out += d));
      const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 120_000);
      // A step ends when its shell exits, even if it started a server in the background (which keeps
      // the pipes open); what it printed so far is its log.
      child.once('exit', (code) => {
        clearTimeout(timer);
        setTimeout(() => resolvePromise({ code: code ?? 1, out }), 50);
      });
    });
  }
}
