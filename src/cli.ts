#!/usr/bin/env node
/**
 * auth0-eventgrid: the Action's operations from a terminal.
 *
 *   auth0-eventgrid <command> [--<input> <value> …] [--json] [--help]
 *
 * Every Action input is a `--<name>` flag and an environment variable AUTH0_EVENTGRID_<NAME> (flag
 * wins). Secrets belong in the environment: a flag lands in shell history and process lists.
 * The report goes to stdout (text, or JSON with --json), progress to stderr.
 * Exit codes: 0 ok, 1 failed or unhealthy (per fail-on), 2 bad usage or inputs.
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { COMMANDS, INPUTS, type Command } from './config/inputs.js';
import { existsSync, readFileSync } from 'node:fs';
import { ConfigError, type Settings } from './config/settings.js';
import { EnvironmentsFileError, resolveInvocation, type Invocation } from './config/environments.js';
import type { RunContext } from './operations/index.js';
import type { OperationResult } from './operations/types.js';
import { expandSecrets, failureMessage, exitCodeFor, redact, renderJson, renderText, textLine } from './report/index.js';

export const BIN = 'auth0-eventgrid';
export const ENV_PREFIX = 'AUTH0_EVENTGRID_';

const COMMAND_HELP: Record<Command, string> = {
  setup: 'Register the provider, authorize Auth0, create the log stream, activate the topic, subscribe (idempotent; also renews).',
  verify: 'Check the whole chain and report health; changes nothing.',
  'activate-topic': "Activate the Auth0 partner topic after checking that it comes from your tenant.",
  teardown: "Delete the event subscription, the partner topic and the log stream, and remove Auth0's authorization (other partners stay).",
  'check-expiry': "Report days left of Auth0's authorization, unactivated topics' deletion times and stream status; keep tracking issues; optionally renew.",
  'renew-authorization': "Extend Auth0's authorization to now + authorization-days (never shortening it unless allow-shorten).",
  'resume-stream': 'Resume a paused or suspended Auth0 log stream.',
  'deactivate-topic': 'Deactivate the Auth0 partner topic (Event Grid drops its events until it is activated again).',
  chatops: 'Answer the slash commands of an issue_comment or pull_request event (the Action in a workflow; not from a terminal).',
};

/** Inputs whose values are secret: the declared ones, and the webhook URL (it often carries a key). */
const SECRET_INPUTS = new Set([...INPUTS.filter((i) => i.secret).map((i) => i.name), 'webhook-url']);
/** Inputs that take true/false: a bare `--dry-run` means true. */
const BOOLEAN_INPUTS = new Set(INPUTS.filter((i) => i.default === 'true' || i.default === 'false').map((i) => i.name));
const INPUT_NAMES = new Set(INPUTS.map((i) => i.name));

/** AUTH0_EVENTGRID_AZURE_SUBSCRIPTION_ID for azure-subscription-id. */
export function envName(input: string): string {
  return ENV_PREFIX + input.toUpperCase().replace(/-/g, '_');
}

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

export interface CliDeps {
  /** Replaces the operations entry (tests). */
  runCommand?: (settings: Settings, ctx: RunContext) => Promise<OperationResult>;
  fetch?: typeof fetch;
}

export class UsageError extends Error {}

export interface ParsedArgs {
  help: boolean;
  json: boolean;
  /** Inputs given as flags (and the positional command as `command`). */
  flags: Map<string, string>;
}

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const flags = new Map<string, string>();
  let help = false;
  let json = false;
  let positional: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') help = true;
    else if (arg === '--json') json = true;
    else if (arg === '--') throw new UsageError(`unexpected "--"`);
    else if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
      if (!INPUT_NAMES.has(name)) throw new UsageError(`unknown option --${name}${suggest(name)}`);
      let value: string | undefined = eq === -1 ? undefined : arg.slice(eq + 1);
      if (value === undefined) {
        const next = argv[i + 1];
        if (BOOLEAN_INPUTS.has(name) && (next === undefined || next.startsWith('--') || !/^(true|false|yes|no|on|off|1|0)$/i.test(next))) {
          value = 'true';
        } else if (next === undefined || (next.startsWith('--') && next.length > 2)) {
          throw new UsageError(`--${name} needs a value`);
        } else {
          value = next;
          i++;
        }
      }
      if (flags.has(name)) throw new UsageError(`--${name} is given more than once (use a comma-separated list for lists)`);
      flags.set(name, value);
    } else if (arg.startsWith('-') && arg.length > 1) {
      throw new UsageError(`unknown option ${arg}`);
    } else if (positional === undefined) {
      positional = arg;
    } else {
      throw new UsageError(`unexpected argument "${arg}": give one command`);
    }
  }
  if (positional !== undefined) {
    const flagged = flags.get('command');
    if (flagged !== undefined && flagged !== positional) throw new UsageError(`two commands given: "${positional}" and --command "${flagged}"`);
    flags.set('command', positional);
  }
  return { help, json, flags };
}

function suggest(name: string): string {
  const close = [...INPUT_NAMES].find((n) => n.includes(name) || name.includes(n));
  return close ? ` (did you mean --${close}?)` : '';
}

export function helpText(): string {
  const lines = [
    `Usage: ${BIN} <command> [--<input> <value> ...] [--json] [--help]`,
    '',
    'Stream Auth0 tenant logs into Azure Event Grid: the same operations as the GitHub Action.',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.padEnd(21)}${COMMAND_HELP[c]}`),
    '',
    'Tools for building consumers:',
    `  ${'sandbox'.padEnd(21)}Start the local sandbox of Azure, Entra ID, Auth0 and GitHub; ${BIN} sandbox --help.`,
    `  ${'send-test-event'.padEnd(21)}Send realistic Auth0 events to a webhook (handshake first) or through the sandbox; ${BIN} send-test-event --help.`,
    '',
    `Inputs (each a --<name> flag or the environment variable shown; a flag wins):`,
  ];
  for (const input of INPUTS) {
    if (input.name === 'command') continue;
    const value = BOOLEAN_INPUTS.has(input.name) ? '[true|false]' : '<value>';
    lines.push(`  --${input.name} ${value}`);
    lines.push(`      ${input.description}`);
    const extra = [`env ${envName(input.name)}`];
    if (input.default !== undefined) extra.push(`default: ${input.default}`);
    if (SECRET_INPUTS.has(input.name)) extra.push('secret: set it in the environment, not as a flag');
    lines.push(`      (${extra.join('; ')})`);
  }
  lines.push(
    '',
    'Options:',
    '  --json          Print the report as JSON instead of a table.',
    '  --help, -h      Show this help.',
    '',
    'Exit codes: 0 done and healthy enough, 1 failed or unhealthy (see --fail-on), 2 bad usage or inputs.',
    'Progress goes to stderr, the report to stdout.',
  );
  return lines.join('\n') + '\n';
}

/**
 * Gets a GitHub Actions OIDC token the way core.getIDToken does: GET the request URL with the
 * audience appended, bearer the request token, read `.value`.
 */
export function idTokenGetter(env: NodeJS.ProcessEnv, fetchImpl: typeof fetch): (audience: string) => Promise<string> {
  return async (audience) => {
    const url = env.ACTIONS_ID_TOKEN_REQUEST_URL;
    const token = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
    if (!url || !token) {
      throw new Error(
        `No workflow OIDC token to sign in to Azure with (ACTIONS_ID_TOKEN_REQUEST_URL and ACTIONS_ID_TOKEN_REQUEST_TOKEN are not set). ` +
          `Set ${envName('azure-client-secret')} to use a client secret, or run inside a GitHub Actions job with "permissions: id-token: write".`,
      );
    }
    const res = await fetchImpl(`${url}${url.includes('?') ? '&' : '?'}audience=${encodeURIComponent(audience)}`, {
      headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
    });
    if (!res.ok) throw new Error(`Could not get the workflow OIDC token: HTTP ${res.status} from the token service. Does the job have "permissions: id-token: write"?`);
    const body = (await res.json().catch(() => undefined)) as { value?: unknown } | undefined;
    if (typeof body?.value !== 'string' || !body.value) throw new Error('Could not get the workflow OIDC token: the answer has no "value".');
    return body.value;
  };
}

/** Runs the CLI; returns the exit code. */
export async function main(argv: readonly string[], env: NodeJS.ProcessEnv, io: CliIo, deps: CliDeps = {}): Promise<number> {
  // The tools for consumer developers (sandbox, send-test-event) are loaded only when asked for.
  if (argv[0] === 'sandbox' || argv[0] === 'send-test-event') {
    const { runTool } = await import('./cli-sandbox.js');
    return runTool(argv[0], argv.slice(1), io);
  }
  const secrets: string[] = [];
  const clean = (text: string) => redact(text, secrets);
  const err = (text: string) => io.stderr(clean(text).replace(/\n?$/, '\n'));

  // Mask secret values from the first message on, even when the arguments turn out to be invalid.
  for (const name of SECRET_INPUTS) if (env[envName(name)]) secrets.push(...expandSecrets([env[envName(name)]!]));
  argv.forEach((arg, i) => {
    const m = /^--([^=]+)(?:=(.*))?$/s.exec(arg);
    const v = m && SECRET_INPUTS.has(m[1]) ? (m[2] ?? argv[i + 1]) : undefined;
    if (v) secrets.push(...expandSecrets([v]));
  });

  let args: ParsedArgs;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    err(`${BIN}: ${e.message}\nRun "${BIN} --help" for the commands and inputs.`);
    return 2;
  }
  if (args.help) {
    io.stdout(helpText());
    return 0;
  }

  const value = (name: string): string | undefined => args.flags.get(name) ?? env[envName(name)];
  if (!value('command')) {
    err(`${BIN}: give a command: ${COMMANDS.join(', ')}\nRun "${BIN} --help" for the commands and inputs.`);
    return 2;
  }
  if (value('command') === 'chatops') {
    err(`${BIN}: chatops answers the slash commands of a workflow's issue_comment or pull_request event (the Action with command: chatops), or runs as the GitHub App (npm run bot); not from a terminal.`);
    return 2;
  }
  for (const name of SECRET_INPUTS) {
    const isUrlWithKey = name === 'webhook-url' && args.flags.get(name)?.includes('?');
    if (args.flags.has(name) && (name !== 'webhook-url' || isUrlWithKey)) {
      err(`warning: --${name} on the command line lands in shell history and process lists; set ${envName(name)} in the environment instead.`);
    }
  }

  let inv: Invocation;
  try {
    inv = resolveInvocation(value, (p) => (existsSync(p) ? readFileSync(p, 'utf8') : undefined), env);
  } catch (e) {
    if (!(e instanceof ConfigError) && !(e instanceof EnvironmentsFileError)) throw e;
    err(`${BIN}: ${e.message}\nRun "${BIN} --help" for the inputs and their allowed values.`);
    return 2;
  }
  const settings: Settings = inv.run;
  for (const s of expandSecrets(inv.secrets)) if (!secrets.includes(s)) secrets.push(s);

  try {
    const ops = deps.runCommand ? undefined : await import('./operations/index.js');
    const runAll = (i: Invocation, ctx: RunContext) => (deps.runCommand ? deps.runCommand(i.run, ctx) : ops!.runInvocation(i, ctx));
    const getToken = idTokenGetter(env, deps.fetch ?? fetch);
    const result = await runAll(inv, {
      progress: {
        info: (m) => err(textLine(m)),
        warn: (m) => err(`warning: ${textLine(m)}`),
      },
      getIdToken: async (audience) => {
        const token = await getToken(audience);
        secrets.push(token);
        return token;
      },
    });
    const opts = { secrets };
    io.stdout(args.json ? renderJson(result, opts) + '\n' : renderText(result, opts));
    const code = exitCodeFor(result, settings.failOn);
    const why = failureMessage(result, settings.failOn, opts);
    if (why) err(`${BIN}: ${why}`);
    return code;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    err(`${BIN}: ${message.split(/\r?\n/)[0]}`);
    if ((env.AUTH0_EVENTGRID_DEBUG === '1' || env.RUNNER_DEBUG === '1') && e instanceof Error && e.stack) err(e.stack);
    return 1;
  }
}

/** True when this file is the program being run (not imported by a test or the bundle of another entry). */
function invokedDirectly(): boolean {
  try {
    return !!process.argv[1] && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (invokedDirectly()) {
  const code = await main(process.argv.slice(2), process.env, {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
  });
  // Exit once stdout is flushed, even if an SDK keeps a keep-alive socket open.
  process.stdout.write('', () => process.exit(code));
}
