/**
 * The sandbox from a terminal: `npm run sandbox [--json] -- [--port N] [--seed file.json] [--ca-dir DIR]
 * [--set key=value …]` (and `auth0-eventgrid sandbox`, which calls sandboxCommand). Starts the sandbox and
 * keeps it running until interrupted. With --json the first stdout line is one JSON object with every
 * endpoint, the tenants' domains, seeded ids and credentials, and the CA path.
 */
import { readFileSync, realpathSync, renameSync, writeFileSync } from 'node:fs';
import { resolve as resolvePath } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startSandbox } from './index.js';
import { DEFAULT_SETTINGS, SETTING_CHOICES } from './core/context.js';
import { sandboxEnvLines } from '../src/config/sandbox-inputs.js';

interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** A bad option: the caller prints it with a pointer to --help. */
export class SandboxUsageError extends Error {}

const help = (bin: string) => `Usage: ${bin} [options]

Starts the sandbox: Azure Resource Manager, Microsoft Entra ID (with a GitHub Actions OIDC issuer), the
Auth0 Management API (one HTTPS listener per tenant) and the GitHub API on loopback over HTTPS, with
event delivery (Auth0 log streams → partner topics → event subscriptions → your webhooks). Runs until
interrupted (Ctrl-C).

Options:
  --json            print one JSON line with the endpoints, ids, credentials and the CA path
                    (through npm: npm run sandbox --json, npm's own --json, which moves npm's banner
                    to stderr; with npm run sandbox -- --json the banner comes first on stdout)
  --env             print the settings as NAME=value lines instead: AUTH0_EVENTGRID_<INPUT> for the
                    CLI, NODE_EXTRA_CA_CERTS, SANDBOX_ID_TOKEN_REQUEST_URL/_TOKEN (a dotenv file; the
                    format of $GITHUB_ENV): set -a; . ./sandbox.env; set +a
  --out FILE        also write them (JSON, or NAME=value lines with --env) to FILE once the sandbox is
                    ready: wait for FILE to start it in the background
  --port N          port of the Azure Resource Manager listener (0: any free port; default 0)
  --seed FILE       seed file (JSON) describing subscriptions, principals and Auth0 tenants
  --ca-dir DIR      keep the CA in DIR and reuse it on later starts (trust it once)
  --set KEY=VALUE   a sandbox setting, e.g. --set validateWebhooks=true (repeatable)
  --help, -h        show this help
`;

export async function sandboxCommand(argv: readonly string[], io: Io, bin = 'npm run sandbox --'): Promise<number> {
  const { values: v } = parseArgs({
    args: [...argv],
    options: {
      json: { type: 'boolean', default: false },
      env: { type: 'boolean', default: false },
      out: { type: 'string' },
      port: { type: 'string', default: '0' },
      seed: { type: 'string' },
      'ca-dir': { type: 'string' },
      set: { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: false,
    strict: true,
  });
  if (v.help) {
    io.stdout(help(bin));
    return 0;
  }
  const port = Number(v.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new SandboxUsageError(`--port "${v.port}" must be an integer from 0 to 65535`);
  let seed;
  if (v.seed) {
    try {
      seed = JSON.parse(readFileSync(v.seed, 'utf8'));
    } catch (e) {
      throw new SandboxUsageError(`--seed ${v.seed}: ${(e as Error).message}`);
    }
  }
  const settings: Record<string, unknown> = {};
  const known = Object.keys(DEFAULT_SETTINGS).join(', ');
  for (const kv of v.set ?? []) {
    const [k, ...rest] = kv.split('=');
    const val = rest.join('=');
    if (!(k in DEFAULT_SETTINGS)) throw new SandboxUsageError(`--set ${kv}: unknown setting "${k}" (known: ${known})`);
    const def = DEFAULT_SETTINGS[k as keyof typeof DEFAULT_SETTINGS];
    if (typeof def === 'boolean') {
      if (val !== 'true' && val !== 'false') throw new SandboxUsageError(`--set ${kv}: "${k}" takes true or false`);
      settings[k] = val === 'true';
    } else if (typeof def === 'number') {
      if (!(Number(val) >= 0) || val.trim() === '') throw new SandboxUsageError(`--set ${kv}: "${k}" takes a non-negative number`);
      settings[k] = Number(val);
    } else {
      const choices = SETTING_CHOICES[k as keyof typeof DEFAULT_SETTINGS];
      if (choices && !choices.includes(val)) throw new SandboxUsageError(`--set ${kv}: "${k}" takes one of ${choices.join(', ')}`);
      settings[k] = val;
    }
  }
  let sandbox;
  try {
    sandbox = await startSandbox({ seed, settings, port, caDir: v['ca-dir'] });
  } catch (e) {
    io.stderr(`sandbox: ${(e as Error).message}\n`);
    return 1;
  }
  const info = sandbox.info();
  const envText = () => sandboxEnvLines(info, resolvePath(info.caCertPath)).join('\n') + '\n';
  if (v.out) {
    // Written whole under another name, then renamed: whoever waits for the file never reads half of it.
    const tmp = `${v.out}.${process.pid}.tmp`;
    writeFileSync(tmp, v.env ? envText() : JSON.stringify(info) + '\n', { mode: 0o600 });
    renameSync(tmp, v.out);
  }
  if (v.json) io.stdout(JSON.stringify(info) + '\n');
  else if (v.env) io.stdout(envText());
  else {
    io.stdout(
      [
        'auth0-eventgrid sandbox is running (Ctrl-C stops it)',
        `  trust its CA:          export NODE_EXTRA_CA_CERTS=${resolvePath(info.caCertPath)}`,
        `  Azure Resource Manager ${info.endpoints.arm}`,
        `  Entra ID authority     ${info.endpoints.entra}`,
        `  GitHub Actions OIDC    ${info.endpoints.oidc}`,
        ...info.auth0.map((t) => `  Auth0 tenant           ${t.tenant}: ${t.domain} (client id ${t.clientId})`),
        `  subscription           ${info.azure.subscriptionId}  group ${info.azure.resourceGroup} (${info.azure.region})`,
        `  service principal      ${info.azure.clientId} in tenant ${info.azure.tenantId}`,
        `  admin API              ${info.endpoints.arm}/_sandbox/state`,
        `  test events:           auth0-eventgrid send-test-event --via-sandbox ${info.endpoints.arm} --type s`,
        '  (credentials: --json prints them)',
        '',
      ].join('\n'),
    );
  }
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await sandbox.stop();
  return 0;
}

function invokedDirectly(): boolean {
  try {
    return !!process.argv[1] && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

/**
 * `npm run sandbox --json`: npm takes --json as its own option, prints its `> package script` banner on
 * stderr instead of stdout (its errors stay visible), and passes the option on as npm_config_json; the
 * script honours it. (`npm run sandbox -- --json` cannot give clean stdout: npm prints its banner there
 * before the script starts, and nothing in a package turns that off for one script.)
 */
function argsFromNpm(argv: readonly string[], env: NodeJS.ProcessEnv): string[] {
  const npmJson = env.npm_lifecycle_event === 'sandbox' && env.npm_config_json === 'true';
  return npmJson && !argv.includes('--json') && !argv.includes('--env') ? ['--json', ...argv] : [...argv];
}

if (invokedDirectly()) {
  const io: Io = { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) };
  sandboxCommand(argsFromNpm(process.argv.slice(2), process.env), io)
    .then((code) => process.exit(code))
    .catch((e) => {
      const usage = e instanceof SandboxUsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
      io.stderr(`sandbox: ${(e as Error).message}${usage ? '\nRun with --help for the options.' : ''}\n`);
      process.exit(2);
    });
}
