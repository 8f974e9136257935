/**
 * `npm run sandbox -- [--json] [--port N] [--seed file.json] [--ca-dir DIR] [--set key=value …]`
 * Starts the sandbox and keeps it running until interrupted. With --json the first stdout line is one
 * JSON object with every endpoint, the tenants' domains, seeded ids and credentials, and the CA path.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { startSandbox, type SandboxSettings, type Seed } from './index.js';
import { DEFAULT_SETTINGS } from './core/context.js';

function fail(msg: string): never {
  process.stderr.write(`sandbox: ${msg}\n`);
  process.exit(2);
}

export async function main(argv = process.argv.slice(2)): Promise<void> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      options: {
        json: { type: 'boolean', default: false },
        port: { type: 'string', default: '0' },
        seed: { type: 'string' },
        'ca-dir': { type: 'string' },
        set: { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: false,
    });
  } catch (e) {
    fail(`${(e as Error).message}. Run with --help for the options.`);
  }
  const v = args.values;
  if (v.help) {
    process.stdout.write(
      [
        'Usage: npm run sandbox -- [options]',
        '  --json              print one JSON line with endpoints, ids, credentials and the CA path',
        '  --port N            port of the Azure Resource Manager listener (0: any free port)',
        '  --seed FILE         seed file (JSON) describing subscriptions, principals, Auth0 tenants',
        '  --ca-dir DIR        keep the CA in DIR and reuse it on later starts (trust it once)',
        `  --set KEY=VALUE     a setting (${Object.keys(DEFAULT_SETTINGS).join(', ')})`,
        '',
      ].join('\n'),
    );
    return;
  }
  const port = Number(v.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port "${v.port}" must be an integer from 0 to 65535`);
  let seed: Seed | undefined;
  if (v.seed) {
    try {
      seed = JSON.parse(readFileSync(v.seed, 'utf8'));
    } catch (e) {
      fail(`--seed ${v.seed}: ${(e as Error).message}`);
    }
  }
  const settings: Partial<SandboxSettings> = {};
  for (const kv of v.set ?? []) {
    const [k, ...rest] = kv.split('=');
    const val = rest.join('=');
    if (!(k in DEFAULT_SETTINGS)) fail(`--set ${kv}: unknown setting "${k}" (known: ${Object.keys(DEFAULT_SETTINGS).join(', ')})`);
    const def = DEFAULT_SETTINGS[k as keyof SandboxSettings];
    if (typeof def === 'boolean') {
      if (val !== 'true' && val !== 'false') fail(`--set ${kv}: "${k}" takes true or false`);
      (settings as any)[k] = val === 'true';
      continue;
    }
    (settings as any)[k] = typeof def === 'number' ? Number(val) : val;
    if (typeof def === 'number' && !(Number((settings as any)[k]) >= 0)) fail(`--set ${kv}: "${k}" takes a non-negative number`);
  }
  let sandbox;
  try {
    sandbox = await startSandbox({ seed, settings, port, caDir: v['ca-dir'] });
  } catch (e) {
    fail((e as Error).message);
  }
  const info = sandbox.info();
  if (v.json) {
    process.stdout.write(JSON.stringify(info) + '\n');
  } else {
    const lines = [
      'auth0-eventgrid sandbox is running (Ctrl-C stops it)',
      `  trust its CA:          export NODE_EXTRA_CA_CERTS=${info.caCertPath}`,
      `  Azure Resource Manager ${info.endpoints.arm}`,
      `  Entra ID authority     ${info.endpoints.entra}`,
      `  GitHub Actions OIDC    ${info.endpoints.oidc}`,
      ...info.auth0.map((t) => `  Auth0 tenant ${t.tenant.padEnd(10)}${t.domain}  (client id ${t.clientId})`),
      `  subscription           ${info.azure.subscriptionId}  group ${info.azure.resourceGroup} (${info.azure.region})`,
      `  service principal      ${info.azure.clientId} in tenant ${info.azure.tenantId}`,
      `  admin API              ${info.endpoints.arm}/_sandbox/state`,
      '  (credentials: --json prints them)',
      '',
    ];
    process.stdout.write(lines.join('\n'));
  }
  const stop = async () => {
    await sandbox.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e) => fail((e as Error).message));
