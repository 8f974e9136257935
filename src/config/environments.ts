/**
 * The environments file (`.github/auth0-eventgrid.yml` by default): named environments, each with the
 * Azure target, Auth0 domain, stream and subscription settings of the Action's inputs, and credential
 * *references* — the names of environment variables holding secrets — never secret values.
 *
 *   defaults:                      # optional, applied to every environment
 *     azure-region: westus2
 *     authorization-days: 14
 *   environments:
 *     prod:
 *       azure-subscription-id: 5f1c9a3e-…
 *       azure-resource-group: auth0-events
 *       azure-client-id: …
 *       azure-tenant-id: …
 *       auth0-domain: prod-tenant.eu.auth0.com
 *       auth0-client-id: …
 *       auth0-client-secret-env: AUTH0_PROD_CLIENT_SECRET
 *       event-categories: [auth.login.fail, auth.login.success]
 *
 * Structure is checked against the published JSON Schema (schema/auth0-eventgrid.schema.json) and
 * values by the same parser as the inputs; every problem is reported with its file, line and column.
 */
import { LineCounter, parseDocument, isMap, isScalar, type Node } from 'yaml';
import { INPUTS } from './inputs.js';
import { ConfigError, parseSettings, type InputProblem, type RawInputs, type Settings } from './settings.js';

/** Inputs that belong to a run, not to an environment. */
export const RUN_LEVEL_INPUTS = ['command', 'config-file', 'environment', 'reports', 'concurrency', 'dry-run', 'fail-on', 'github-token', 'github-api-url', 'repository', 'allow-shorten'];
/** Secret inputs: the file names an environment variable instead (`<input>-env`). */
export const SECRET_REFERENCE_INPUTS = ['azure-client-secret', 'auth0-client-secret', 'webhook-url'];
/**
 * Commands that use a secret input; a reference to a variable that is not set fails only those (the
 * webhook URL is the event subscription's destination, which only setup writes). Inputs not listed are
 * used by every command.
 */
export const SECRET_NEEDED_BY: Record<string, readonly string[]> = { 'webhook-url': ['setup'] };

/** Whether `command` uses the secret input `input` (see SECRET_NEEDED_BY). */
export function secretNeeded(input: string, command: string | undefined): boolean {
  const only = SECRET_NEEDED_BY[input];
  return !only || only.includes((command ?? '').trim() || 'setup');
}

/** Secret inputs that may never be written in the file (webhook-url may, when it carries no key). */
const NEVER_LITERAL = ['azure-client-secret', 'auth0-client-secret'];
export const ENVIRONMENT_KEYS = INPUTS.map((i) => i.name).filter((n) => !RUN_LEVEL_INPUTS.includes(n) && !NEVER_LITERAL.includes(n));
const ENV_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$/;
const VAR_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export interface EnvironmentsFile {
  path: string;
  names: string[];
  /** The raw (stringified) values of an environment, defaults applied. */
  values(name: string): Record<string, string>;
  /** "file:line:col" of a key of an environment (or the environment, or the file). */
  where(name?: string, key?: string): string;
}

function stringify(v: unknown): string {
  if (Array.isArray(v)) return v.map((x) => String(x)).join(',');
  if (v === null || v === undefined) return '';
  return String(v);
}

export class EnvironmentsFileError extends Error {
  constructor(
    public path: string,
    public problems: string[],
  ) {
    super(problems.length === 1 ? problems[0] : `${path} has ${problems.length} problems:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'EnvironmentsFileError';
  }
}

/** Parses and structurally validates the file's text. */
export function parseEnvironmentsFile(path: string, text: string): EnvironmentsFile {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (node: Node | null | undefined): string => {
    const offset = (node as any)?.range?.[0];
    if (typeof offset !== 'number') return path;
    const { line, col } = lineCounter.linePos(offset);
    return `${path}:${line}:${col}`;
  };
  const problems: string[] = [];
  for (const e of doc.errors) {
    const { line, col } = lineCounter.linePos(e.pos[0]);
    problems.push(`${path}:${line}:${col}: ${e.message.split('\n')[0]}`);
  }
  if (problems.length) throw new EnvironmentsFileError(path, problems);
  const root = doc.contents;
  if (!isMap(root)) throw new EnvironmentsFileError(path, [`${at(root as Node)}: the file must be a mapping with an "environments" key`]);

  const sections: Record<string, Record<string, unknown>> = {};
  const keyNodes = new Map<string, Node>();
  const checkSection = (label: string, node: unknown, envName?: string) => {
    if (!isMap(node)) {
      problems.push(`${at(node as Node)}: ${label} must be a mapping of input names to values`);
      return;
    }
    const values: Record<string, unknown> = {};
    for (const pair of node.items) {
      const k = isScalar(pair.key) ? String(pair.key.value) : '';
      const keyNode = pair.key as Node;
      keyNodes.set(`${envName ?? ''}\u0000${k}`, keyNode);
      const value = isScalar(pair.value) ? pair.value.value : (pair.value as any)?.toJSON?.();
      if (k.endsWith('-env') && SECRET_REFERENCE_INPUTS.includes(k.slice(0, -4))) {
        if (typeof value !== 'string' || !VAR_NAME.test(value)) {
          problems.push(`${at(keyNode)}: ${label}.${k} must name an environment variable (letters, digits, underscores), e.g. AUTH0_PROD_CLIENT_SECRET`);
        }
      } else if (NEVER_LITERAL.includes(k)) {
        problems.push(`${at(keyNode)}: ${label}.${k} must not hold a secret value; use ${k}-env: <NAME OF AN ENVIRONMENT VARIABLE> and pass the secret to the step's env`);
        continue;
      } else if (RUN_LEVEL_INPUTS.includes(k)) {
        problems.push(`${at(keyNode)}: ${label}.${k} belongs to the run, not to an environment: give it as the Action's input`);
        continue;
      } else if (!ENVIRONMENT_KEYS.includes(k)) {
        problems.push(`${at(keyNode)}: ${label}.${k} is not a known setting; known: ${ENVIRONMENT_KEYS.join(', ')} (and ${SECRET_REFERENCE_INPUTS.map((s) => `${s}-env`).join(', ')})`);
        continue;
      } else if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
        problems.push(`${at(keyNode)}: ${label}.${k} must be a string, number, boolean or list`);
        continue;
      }
      values[k] = value;
    }
    sections[envName ?? ''] = values;
  };

  const defaults = root.get('defaults', true);
  if (defaults !== undefined) checkSection('defaults', defaults);
  const envs = root.get('environments', true);
  for (const pair of root.items) {
    const k = isScalar(pair.key) ? String(pair.key.value) : '';
    if (!['defaults', 'environments', 'chatops'].includes(k)) problems.push(`${at(pair.key as Node)}: unknown top-level key "${k}" (use defaults, environments, chatops)`);
  }
  const names: string[] = [];
  if (envs === undefined) problems.push(`${path}: the "environments" mapping is missing`);
  else if (!isMap(envs) || !envs.items.length) problems.push(`${at(envs as Node)}: "environments" must map environment names to their settings`);
  else {
    for (const pair of envs.items) {
      const name = isScalar(pair.key) ? String(pair.key.value) : '';
      if (!ENV_NAME.test(name)) {
        problems.push(`${at(pair.key as Node)}: environment name "${name}" must be 1-63 letters, digits, '.', '_' or '-', starting with a letter or digit`);
        continue;
      }
      keyNodes.set(`${name}\u0000`, pair.key as Node);
      names.push(name);
      checkSection(`environments.${name}`, pair.value, name);
    }
  }
  if (problems.length) throw new EnvironmentsFileError(path, problems);

  return {
    path,
    names,
    values(name) {
      const merged: Record<string, string> = {};
      for (const [k, v] of Object.entries({ ...(sections[''] ?? {}), ...(sections[name] ?? {}) })) merged[k] = stringify(v);
      return merged;
    },
    where(name, key) {
      const node = keyNodes.get(`${name ?? ''}\u0000${key ?? ''}`) ?? (key ? keyNodes.get(`\u0000${key}`) : undefined) ?? keyNodes.get(`${name ?? ''}\u0000`);
      return node ? at(node) : path;
    },
  };
}

/**
 * The environments `environment` selects from the file (`all`, a name or a list), in the file's order
 * for `all` and in the given order otherwise. Only the file's structure is checked: no credentials are
 * needed (list-environments, for a job matrix).
 */
export function selectEnvironments(raw: RawInputs, readFile: (path: string) => string | undefined): { file: EnvironmentsFile; names: string[]; path: string } {
  const selection = (raw('environment') ?? '').trim() || 'all';
  const path = (raw('config-file') ?? '').trim() || '.github/auth0-eventgrid.yml';
  const text = readFile(path);
  if (text === undefined) {
    throw new ConfigError([{ input: 'config-file', message: `"${path}" was not found; create it (see docs/environments.md) or set config-file (environment: ${selection})` }]);
  }
  const file = parseEnvironmentsFile(path, text);
  const names = selection.toLowerCase() === 'all' ? file.names : [...new Set(selection.split(/[,\n]/).map((s) => s.trim()).filter(Boolean))];
  const unknown = names.filter((w) => !file.names.includes(w));
  if (unknown.length) {
    throw new ConfigError([{ input: 'environment', message: `unknown environment ${unknown.map((u) => `"${u}"`).join(', ')}; ${path} defines: ${file.names.join(', ')} (or use "all")` }]);
  }
  return { file, names, path };
}

export interface Invocation {
  /** The environments to act on: one unnamed one when no environment was selected. */
  environments: Settings[];
  /** Run-level settings (command, dry-run, fail-on, concurrency, GitHub) — those of the first environment. */
  run: Settings;
  /** Whether environments came from the file (the result is then a fleet result). */
  fromFile: boolean;
  configFile?: string;
  /** Every secret value to mask. */
  secrets: string[];
}

/**
 * Builds the invocation: the inputs alone, or — with `environment` — each selected environment of the
 * file, its values over the file's defaults over the inputs. Every problem of every environment is
 * reported at once, with the file position of the offending key.
 */
export function resolveInvocation(raw: RawInputs, readFile: (path: string) => string | undefined, env: NodeJS.ProcessEnv = process.env): Invocation {
  const selection = (raw('environment') ?? '').trim();
  if (!selection) {
    const settings = parseSettings(raw);
    return { environments: [settings], run: settings, fromFile: false, secrets: settings.secrets };
  }
  const { file, names: wanted, path } = selectEnvironments(raw, readFile);
  const problems: string[] = [];
  const environments: Settings[] = [];
  for (const name of wanted) {
    const values = file.values(name);
    // An input given to this run wins (e.g. authorization-days for a renewal), then the environment's
    // value, then the file's defaults; built-in defaults last (action.yml declares none for these, so
    // that an input left out is empty and does not mask the file).
    const envRaw: RawInputs = (input) => {
      if (RUN_LEVEL_INPUTS.includes(input)) return raw(input);
      const given = raw(input);
      if (given !== undefined && given.trim() !== '') return given;
      if (SECRET_REFERENCE_INPUTS.includes(input) && values[`${input}-env`] !== undefined) {
        const v = env[values[`${input}-env`]];
        return v ?? '';
      }
      return values[input] ?? raw(input);
    };
    // A referenced variable that is not set is its own, clearer problem, for the commands that use it.
    for (const s of SECRET_REFERENCE_INPUTS) {
      const ref = values[`${s}-env`];
      if (ref !== undefined && !env[ref] && secretNeeded(s, raw('command'))) problems.push(`${file.where(name, `${s}-env`)}: environments.${name}.${s}-env names ${ref}, which is not set: pass the secret to the step, e.g. env: ${ref}: \${{ secrets.${ref} }}`);
    }
    try {
      const settings = parseSettings(envRaw);
      settings.environment = name;
      environments.push(settings);
    } catch (err) {
      if (!(err instanceof ConfigError)) throw err;
      for (const p of err.problems as InputProblem[]) {
        if (SECRET_REFERENCE_INPUTS.includes(p.input) && values[`${p.input}-env`] !== undefined && !env[values[`${p.input}-env`]]) continue;
        const inFile = values[p.input] !== undefined || (SECRET_REFERENCE_INPUTS.includes(p.input) && values[`${p.input}-env`] !== undefined);
        problems.push(inFile ? `${file.where(name, values[p.input] !== undefined ? p.input : `${p.input}-env`)}: environments.${name}.${p.input}: ${p.message}` : `${file.where(name)}: environments.${name}: '${p.input}' ${p.message.replace(/^is required/, 'is required (in the file or as an input)')}`);
      }
    }
  }
  if (problems.length) throw new EnvironmentsFileError(path, problems);
  const secrets = [...new Set(environments.flatMap((e) => e.secrets))];
  return { environments, run: environments[0], fromFile: true, configFile: path, secrets };
}
