/**
 * Running the project's operations in-process for a command: the environments file's text (from the
 * default branch, or a pull request's head) is resolved by src/config exactly as the Action resolves
 * it, with credential values taken from this process's environment through the file's `*-env`
 * references; then src/operations runs it. Clients (Azure credentials, ARM and Auth0 clients) are
 * shared through one adapter pool, renewed every few minutes, so a busy bot does not sign in for
 * every command.
 */
import type { RawInputs } from '../src/config/settings.js';
import { ConfigError } from '../src/config/settings.js';
import { repoConfigFrom } from './config.js';
import { bindingProblems, boundVariables, destinationsOfSettings, fileBindingProblems, usesOfValues, type CredentialBindings } from './bindings.js';
import { EnvironmentsFileError, resolveInvocation, SECRET_REFERENCE_INPUTS, type EnvironmentsFile, type Invocation } from '../src/config/environments.js';
import { expandSecrets } from '../src/report/redact.js';
import { runCommand, type RunContext } from '../src/operations/index.js';
import { adapterPool, fleetResult, mapLimit, type AdapterPool } from '../src/operations/fleet.js';
import type { AnyResult, OperationResult, Progress } from '../src/operations/types.js';

export interface OpsContext {
  /** Where credential values come from (the file's `*-env` references). */
  env: NodeJS.ProcessEnv;
  /** Inputs of the run (the Action's, in a workflow): fallbacks for settings the file leaves out. */
  inputs?: RawInputs;
  getIdToken?: (audience: string) => Promise<string>;
  pool: () => AdapterPool;
  progress?: Progress;
  /** How many environments run at once (/status of all, /plan and /apply of several). */
  concurrency?: number;
  /**
   * The GitHub App server's credential bindings (bot/bindings.ts): which repositories may use which
   * variables, toward which endpoints. Set by the server (even empty: then it lends nothing); a
   * workflow has none, its secrets being its repository's own.
   */
  bindings?: CredentialBindings;
  /** The repository of the event (owner/name): whose file is resolved, judged by the bindings. */
  repository?: string;
}

/** A pool that is replaced every `ttlMs` (tokens and cached lists do not live forever). */
export function rotatingPool(getIdToken?: (audience: string) => Promise<string>, ttlMs = 10 * 60_000): () => AdapterPool {
  let pool = adapterPool(getIdToken);
  let made = Date.now();
  return () => {
    if (Date.now() - made > ttlMs) {
      pool = adapterPool(getIdToken);
      made = Date.now();
    }
    return pool;
  };
}

/** `refused`: the settings are valid but may not use the credentials they name (bindings). */
export type Resolved = { ok: true; inv: Invocation } | { ok: false; problems: string[]; refused?: boolean };

/**
 * Settings for `command` over the named environments of the file's text. `overrides` are inputs of
 * this run (e.g. authorization-days of /renew-authorization 30, dry-run of /plan); they win over the file.
 */
const resolvedCache = new Map<string, Resolved>();

export function resolveFor(path: string, text: string, environments: string[], command: string, overrides: Record<string, string>, ctx: OpsContext): Resolved {
  if (ctx.bindings) {
    // The server lends a credential only to the repositories, environments and endpoints it is bound
    // to: judged from the file before any variable is read; only the variables that pass are visible.
    // Parsed once per text (bot/config.ts keeps the parsed files).
    const parsed = repoConfigFrom(path, '', text);
    if (!parsed.file) return { ok: false, problems: parsed.fileProblems };
    const file = parsed.file;
    const unknown = environments.filter((e) => !file.names.includes(e));
    if (unknown.length) return resolveCached(path, text, environments, command, overrides, { ...ctx, env: {} });
    {
      const problems = fileBindingProblems(ctx.bindings, ctx.repository ?? '', file, environments);
      if (problems.length) return { ok: false, refused: true, problems };
      const visible: NodeJS.ProcessEnv = {};
      for (const v of boundVariables(file, environments)) if (ctx.env[v] !== undefined) visible[v] = ctx.env[v];
      const out = resolveCached(path, text, environments, command, overrides, { ...ctx, env: visible });
      if (!out.ok) return out;
      // The same judgement on the settings as resolved (what the operations will actually use).
      const after = out.inv.environments.flatMap((s) => {
        const v = file.values(s.environment ?? '');
        return bindingProblems(ctx.bindings!, ctx.repository ?? '', s.environment ?? '', usesOfValues(v), destinationsOfSettings(s));
      });
      return after.length ? { ok: false, refused: true, problems: after } : out;
    }
  }
  return resolveCached(path, text, environments, command, overrides, ctx);
}

function resolveCached(path: string, text: string, environments: string[], command: string, overrides: Record<string, string>, ctx: OpsContext): Resolved {
  // The same file, environments and command resolve to the same settings (operations only read them):
  // parsed once. Keyed by the credential values too, so a changed secret is picked up.
  const key = JSON.stringify([path, text, environments, command, overrides]);
  const envKey = JSON.stringify(Object.entries(ctx.env).filter(([k]) => text.includes(k)).sort());
  const cacheKey = `${key}\u0000${envKey}`;
  const hit = ctx.inputs ? undefined : resolvedCache.get(cacheKey);
  if (hit) return hit;
  const out = resolveUncached(path, text, environments, command, overrides, ctx);
  if (!ctx.inputs) {
    if (resolvedCache.size >= 64) resolvedCache.delete(resolvedCache.keys().next().value!);
    resolvedCache.set(cacheKey, out);
  }
  return out;
}

function resolveUncached(path: string, text: string, environments: string[], command: string, overrides: Record<string, string>, ctx: OpsContext): Resolved {
  const given: Record<string, string> = { ...overrides, command, environment: environments.join(','), 'config-file': path };
  const raw: RawInputs = (name) => {
    if (given[name] !== undefined) return given[name];
    if (['command', 'environment', 'config-file', 'dry-run', 'fail-on', 'github-token'].includes(name)) return undefined;
    return ctx.inputs?.(name);
  };
  try {
    const inv = resolveInvocation(raw, (p) => (p === path ? text : undefined), ctx.env);
    // The run's own values win even where the file sets them.
    for (const s of inv.environments) {
      if (overrides['authorization-days']) s.authorizationDays = Number(overrides['authorization-days']);
      if (overrides['dry-run'] === 'true') s.dryRun = true;
    }
    return { ok: true, inv };
  } catch (err) {
    if (err instanceof EnvironmentsFileError) return { ok: false, problems: err.problems };
    if (err instanceof ConfigError) return { ok: false, problems: err.problems.map((p) => `'${p.input}': ${p.message}`) };
    throw err;
  }
}

const quiet: Progress = { info: () => undefined, warn: () => undefined };

function runContext(ctx: OpsContext): RunContext {
  return { progress: ctx.progress ?? quiet, getIdToken: ctx.getIdToken };
}

/** One environment: its OperationResult. */
export async function runOne(inv: Invocation, ctx: OpsContext): Promise<OperationResult> {
  return runCommand(inv.environments[0], runContext(ctx), ctx.pool());
}

/** One environment (its OperationResult) or several (a FleetResult, most urgent first). */
export async function runAll(inv: Invocation, ctx: OpsContext): Promise<AnyResult> {
  if (inv.environments.length === 1) return runOne(inv, ctx);
  const started = Date.now();
  const pool = ctx.pool();
  const results = await mapLimit(inv.environments, ctx.concurrency ?? 8, (s) => runCommand(s, runContext(ctx), pool));
  const fleet = fleetResult(inv.run.command, results, started, inv.run.dryRun, inv.configFile);
  fleet.durationMs = Date.now() - started;
  return fleet;
}

/**
 * The values of every credential the file references (set in this process's environment): masked in
 * everything the bot writes from the start, even in replies to commands that never resolve settings
 * (someone pasting a secret into a comment sees *** echoed).
 */
export function credentialValues(file: EnvironmentsFile | undefined, env: NodeJS.ProcessEnv, bindings?: CredentialBindings, repository?: string): string[] {
  if (!file) return [];
  const out = new Set<string>();
  for (const name of file.names) {
    // The server reads only what it lends to this repository's environment.
    if (bindings && fileBindingProblems(bindings, repository ?? '', file, [name]).length) continue;
    const v = file.values(name);
    for (const ref of SECRET_REFERENCE_INPUTS) {
      const value = v[`${ref}-env`] ? env[v[`${ref}-env`]] : undefined;
      if (value && value.length >= 4) out.add(value);
    }
  }
  return expandSecrets([...out]);
}
