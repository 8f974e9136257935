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
import { dirname, join } from 'node:path';
import { parseArgs as nodeParseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { COMMANDS, INPUTS, type Command } from './config/inputs.js';
import { existsSync, readFileSync } from 'node:fs';
import { ConfigError, type Settings } from './config/settings.js';
import { EnvironmentsFileError, resolveInvocation, selectEnvironments, type Invocation } from './config/environments.js';
import { inputsFromSandbox } from './config/sandbox-inputs.js';
import { closest } from './config/suggest.js';

export { closest, editDistance } from './config/suggest.js';
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
  'list-environments': 'Print the names --environment selects from the environments file as a JSON array (for a job matrix); signs in nowhere.',
  summarize: 'Gather the JSON reports of other runs (--reports FILES or FOLDERS) into one report: most urgent environment first, the worst health.',
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
  version: boolean;
  /** --sandbox FILE: the sandbox's settings (the JSON `auth0-eventgrid sandbox --json` prints). */
  sandbox?: string;
  /** Inputs given as flags (and the positional command as `command`). */
  flags: Map<string, string>;
}

/** The CLI's own options, beside one --<name> per input. */
const OWN_OPTIONS = { help: { type: 'boolean', short: 'h' }, json: { type: 'boolean' }, version: { type: 'boolean', short: 'V' }, sandbox: { type: 'string' } } as const;
const BOOLEAN_WORD = /^(true|false|yes|no|on|off|1|0)$/i;

function suggest(name: string): string {
  const close = closest(name, [...INPUT_NAMES, ...Object.keys(OWN_OPTIONS)]);
  return close ? ` (did you mean --${close}?)` : '';
}

/**
 * Reads the command line with node:util parseArgs (strict): one positional command, --<input> <value>
 * or --<input>=<value> for every input, a bare --<boolean input> meaning true, and the CLI's own options.
 */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  // A bare boolean input (`--dry-run`, not followed by a boolean word) means true.
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const m = /^--([^=]+)$/.exec(argv[i]);
    if (m && BOOLEAN_INPUTS.has(m[1])) {
      const next = argv[i + 1];
      if (next !== undefined && BOOLEAN_WORD.test(next)) {
        args.push(`--${m[1]}=${next}`);
        i++;
      } else args.push(`--${m[1]}=true`);
    } else args.push(argv[i]);
  }
  const options: Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }> = { ...OWN_OPTIONS };
  for (const name of INPUT_NAMES) options[name] = { type: 'string', multiple: true };
  let parsed: ReturnType<typeof nodeParseArgs>;
  try {
    parsed = nodeParseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    const code = (e as { code?: string }).code;
    const option = /'(-{1,2}[^' <]+)/.exec((e as Error).message)?.[1] ?? '';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new UsageError(`unknown option ${option}${option.startsWith('--') ? suggest(option.slice(2)) : ''}`);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') throw new UsageError(`${option} needs a value`);
    throw new UsageError((e as Error).message.split('\n')[0]);
  }
  const values = parsed.values as Record<string, string | boolean | string[] | undefined>;
  const flags = new Map<string, string>();
  for (const name of INPUT_NAMES) {
    const given = values[name] as string[] | undefined;
    if (!given) continue;
    if (given.length > 1) throw new UsageError(`--${name} is given more than once (use a comma-separated list for lists)`);
    flags.set(name, given[0]);
  }
  const positionals = parsed.positionals;
  if (positionals.length > 1) throw new UsageError(`unexpected argument "${positionals[1]}": give one command`);
  if (positionals.length === 1) {
    const flagged = flags.get('command');
    if (flagged !== undefined && flagged !== positionals[0]) throw new UsageError(`two commands given: "${positionals[0]}" and --command "${flagged}"`);
    flags.set('command', positionals[0]);
  }
  return { help: !!values.help, json: !!values.json, version: !!values.version, sandbox: values.sandbox as string | undefined, flags };
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
    `  --sandbox FILE  Take the inputs neither a flag nor the environment gives from a running sandbox's settings (${BIN} sandbox --json --out FILE).`,
    '  --version, -V   Print the version.',
    '  --help, -h      Show this help.',
    '',
    'Exit codes: 0 done and healthy enough, 1 failed or unhealthy (see --fail-on), 2 bad usage or inputs.',
    'Progress goes to stderr, the report to stdout.',
  );
  return lines.join('\n') + '\n';
}

/** The package's version: from the package.json above this file (source, bundle or installed package). */
export function version(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === BIN && pkg.version) return pkg.version;
    } catch {
      // not here: look further up
    }
    dir = dirname(dir);
  }
  return 'unknown';
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
  if (args.version) {
    io.stdout(`${version()}\n`);
    return 0;
  }

  // --sandbox FILE: the sandbox's settings fill the inputs that neither a flag nor the environment gives.
  let fromSandbox: Record<string, string> = {};
  if (args.sandbox) {
    try {
      fromSandbox = inputsFromSandbox(JSON.parse(readFileSync(args.sandbox, 'utf8')), args.flags.get('auth0-tenant') ?? env[envName('auth0-tenant')]);
    } catch (e) {
      err(`${BIN}: --sandbox ${args.sandbox}: ${(e as Error).message.split('\n')[0]}\nGive the file "${BIN} sandbox --json --out FILE" wrote.`);
      return 2;
    }
    for (const name of SECRET_INPUTS) if (fromSandbox[name]) secrets.push(...expandSecrets([fromSandbox[name]]));
    const ca = JSON.parse(readFileSync(args.sandbox, 'utf8')).caCertPath;
    if (ca && !env.NODE_EXTRA_CA_CERTS) err(`warning: the sandbox's certificates are trusted only with NODE_EXTRA_CA_CERTS=${ca} in the environment (Node reads it at start).`);
  }

  const value = (name: string): string | undefined => args.flags.get(name) ?? env[envName(name)] ?? fromSandbox[name];
  const command = value('command');
  if (!command) {
    err(`${BIN}: give a command: ${COMMANDS.join(', ')}\nRun "${BIN} --help" for the commands and inputs.`);
    return 2;
  }
  if (!(COMMANDS as readonly string[]).includes(command.trim())) {
    const close = closest(command.trim(), [...COMMANDS, 'sandbox', 'send-test-event']);
    err(`${BIN}: unknown command "${command}"${close ? ` (did you mean ${close}?)` : ''}; the commands: ${COMMANDS.join(', ')}, sandbox, send-test-event\nRun "${BIN} --help" for the commands and inputs.`);
    return 2;
  }
  const readFile = (p: string) => (existsSync(p) ? readFileSync(p, 'utf8') : undefined);
  if (command === 'list-environments') {
    try {
      const { names } = selectEnvironments(value, readFile);
      io.stdout(JSON.stringify(names) + '\n');
      return 0;
    } catch (e) {
      if (!(e instanceof ConfigError) && !(e instanceof EnvironmentsFileError)) throw e;
      err(`${BIN}: ${e.message}`);
      return 2;
    }
  }
  if (command === 'summarize') {
    const failOn = (value('fail-on') ?? 'unhealthy').trim() as Settings['failOn'];
    let fleet;
    try {
      if (!['unhealthy', 'degraded', 'never'].includes(failOn)) throw new ConfigError([{ input: 'fail-on', message: `"${failOn}" is not allowed; use one of: unhealthy, degraded, never` }]);
      fleet = (await import('./operations/gather.js')).gatherReports(value('reports') ?? '');
    } catch (e) {
      if (!(e instanceof ConfigError)) throw e;
      err(`${BIN}: ${e.message}`);
      return 2;
    }
    io.stdout(args.json ? renderJson(fleet, { secrets }) + '\n' : renderText(fleet, { secrets }));
    const why = failureMessage(fleet, failOn, { secrets });
    if (why) err(`${BIN}: ${why}`);
    return exitCodeFor(fleet, failOn);
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
    inv = resolveInvocation(value, readFile, env);
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
