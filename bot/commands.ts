/**
 * The commands: names, arguments, who may run them by default, and how their arguments are read.
 * Arguments are positional or `key=value` (`env=` / `environment=`, `days=`); each command says
 * what it expects, and a bad argument gets that expectation back.
 */
import type { Level } from './permissions.js';

export type CommandName = 'activate-topic' | 'renew-authorization' | 'status' | 'resume-stream' | 'deactivate-topic' | 'plan' | 'apply' | 'unlock' | 'help';

export interface CommandSpec {
  name: CommandName;
  /** Arguments as shown in help and in error replies. */
  usage: string;
  summary: string;
  /** Required repository permission unless the environments file's `chatops:` says otherwise. */
  defaultPermission: Level;
  /** Changes something (Azure, Auth0, or a lock): top-level allow-lists apply. */
  mutating: boolean;
  /** Posts a "working" comment first and edits it with the result. */
  long: boolean;
  /** Only on pull requests that change the environments file. */
  pullRequestOnly: boolean;
  /** Takes `days`. */
  days: boolean;
  /** Takes an environment. */
  env: boolean;
}

const spec = (s: Partial<CommandSpec> & Pick<CommandSpec, 'name' | 'usage' | 'summary'>): CommandSpec => ({
  defaultPermission: 'write',
  mutating: true,
  long: false,
  pullRequestOnly: false,
  days: false,
  env: true,
  ...s,
});

export const COMMAND_SPECS: CommandSpec[] = [
  spec({ name: 'status', usage: '/status [env]', summary: 'The verify report of one environment, or one line per environment.', defaultPermission: 'read', mutating: false }),
  spec({ name: 'activate-topic', usage: '/activate-topic [env]', summary: "Activate the environment's partner topic after checking that its source is your Auth0 tenant." }),
  spec({
    name: 'renew-authorization',
    usage: '/renew-authorization [env] [days]',
    summary: "Extend Auth0's partner authorization to now + days (1-365; default: the environment's authorization-days); closes the tracking issue it is run in once resolved.",
    days: true,
  }),
  spec({ name: 'resume-stream', usage: '/resume-stream [env]', summary: 'Resume a paused or suspended Auth0 log stream.' }),
  spec({ name: 'deactivate-topic', usage: '/deactivate-topic [env]', summary: 'Deactivate the partner topic: Event Grid drops its events until it is activated again.' }),
  spec({
    name: 'plan',
    usage: '/plan [env]',
    summary: "Dry run of setup with this pull request's version of the environments file (also posted when the pull request opens or changes).",
    mutating: false,
    long: true,
    pullRequestOnly: true,
  }),
  spec({ name: 'apply', usage: '/apply [env]', summary: 'Run setup for the environments this pull request changes, once the apply requirements are met; locks each environment.', long: true, pullRequestOnly: true }),
  spec({ name: 'unlock', usage: '/unlock [env]', summary: "Release an environment's apply lock." }),
  spec({ name: 'help', usage: '/help', summary: 'These commands, their arguments, and who may run each here.', defaultPermission: 'read', mutating: false, env: false }),
];

export function commandSpec(name: string): CommandSpec | undefined {
  return COMMAND_SPECS.find((c) => c.name === name);
}

export interface CommandArgs {
  env?: string;
  days?: number;
}

export type ArgsResult = { ok: true; args: CommandArgs } | { ok: false; problem: string };

const ENV_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$/;
const MAX_ARGS = 8;

/** Reads a command's arguments; the problem, when there is one, is plain text (escape it to show it). */
export function parseArgs(s: CommandSpec, words: string[]): ArgsResult {
  const args: CommandArgs = {};
  if (words.length > MAX_ARGS) return { ok: false, problem: `too many arguments (${words.length})` };
  const setEnv = (v: string): string | undefined => {
    if (!s.env) return `takes no environment (got "${v}")`;
    if (args.env !== undefined) return `names more than one environment ("${args.env}" and "${v}")`;
    if (!ENV_NAME.test(v)) return `"${v}" is not an environment name (letters, digits, '.', '_' or '-')`;
    args.env = v;
    return undefined;
  };
  const setDays = (v: string): string | undefined => {
    if (!s.days) return `takes no number of days (got "${v}")`;
    if (args.days !== undefined) return `gives the days twice`;
    if (!/^\d{1,3}$/.test(v) || Number(v) < 1 || Number(v) > 365) return `days must be a whole number from 1 to 365 (got "${v}")`;
    args.days = Number(v);
    return undefined;
  };
  for (const w of words) {
    const eq = w.indexOf('=');
    let problem: string | undefined;
    if (eq > 0) {
      const key = w.slice(0, eq).toLowerCase();
      const value = w.slice(eq + 1);
      if (key === 'env' || key === 'environment') problem = setEnv(value);
      else if (key === 'days') problem = setDays(value);
      else problem = `has no argument "${w.slice(0, eq)}"`;
    } else if (s.days && /^\d+$/.test(w) && args.days === undefined) {
      problem = setDays(w);
    } else if (!s.env && !s.days) {
      problem = `takes no arguments (got "${w}")`;
    } else {
      problem = setEnv(w);
    }
    if (problem) return { ok: false, problem };
  }
  return { ok: true, args };
}

/** Edit distance with transpositions (optimal string alignment). */
function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** The closest command to an unknown name (a typo, a missing hyphen, a prefix), if any is close. */
export function suggestCommand(name: string): CommandSpec | undefined {
  const n = name.toLowerCase().slice(0, 40);
  const flat = n.replace(/[^a-z]/g, '');
  if (!flat) return undefined;
  const byPrefix = COMMAND_SPECS.find((c) => flat.length >= 3 && c.name.replace(/-/g, '').startsWith(flat));
  if (byPrefix) return byPrefix;
  let best: { spec: CommandSpec; d: number } | undefined;
  for (const c of COMMAND_SPECS) {
    const d = Math.min(distance(n, c.name), distance(flat, c.name.replace(/-/g, '')));
    if (d <= Math.max(1, Math.floor(c.name.length / 4)) && (!best || d < best.d)) best = { spec: c, d };
  }
  return best?.spec;
}
