/**
 * npm run demo: starts the sandbox, then runs the bundled Action (node dist/index.js) exactly as a
 * GitHub runner would — INPUT_* variables, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY and the OIDC request
 * variables of a job with `permissions: id-token: write` — first `setup`, then `verify`, and prints
 * what a person would see: the log, the job summary and the outputs.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:https';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DEFAULT_IDS, startSandbox } from '../sandbox/index.js';
import { writeLogRecord } from '../sandbox/auth0/index.js';

const bold = (s: string) => (process.stdout.isTTY ? `\x1b[1m${s}\x1b[0m` : s);

const sandbox = await startSandbox({
  caDir: resolve('.sandbox/ca'),
  // validateWebhooks: Event Grid's handshake runs against the receiver below when setup subscribes it.
  settings: { providerRegistrationDelayMs: 1500, partnerTopicDelayMs: 2000, lroDurationMs: 1000, retryAfterSeconds: 1, validateWebhooks: true },
});
// A local HTTPS endpoint for the event subscription (the sandbox's certificate, so it is trusted the same way).
const received: string[] = [];
const receiver = createServer({ cert: sandbox.context.tls.certPem, key: sandbox.context.tls.keyPem }, (req, res) => {
  let body = '';
  req.on('data', (d) => (body += d));
  req.on('end', () => {
    if (req.method === 'OPTIONS') res.setHeader('WebHook-Allowed-Origin', String(req.headers['webhook-request-origin'] ?? '*'));
    else if (body) received.push(body);
    res.end();
  });
});
await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', () => r()));
const receiverPort = (receiver.address() as { port: number }).port;

const info = sandbox.info();
const auth0 = info.auth0[0];
const inputs: Record<string, string> = {
  'azure-subscription-id': info.azure.subscriptionId,
  'azure-resource-group': info.azure.resourceGroup,
  'azure-region': info.azure.region,
  'azure-client-id': info.azure.clientId,
  'azure-tenant-id': info.azure.tenantId,
  'azure-resource-manager-endpoint': info.endpoints.arm,
  'azure-authority-host': info.endpoints.entra,
  'auth0-domain': auth0.domain,
  'auth0-client-id': auth0.clientId,
  'auth0-client-secret': auth0.clientSecret,
  'auth0-tenant': auth0.tenant,
  'event-categories': 'auth.login.fail, auth.login.success, management.success',
  'authorization-days': '30',
  'webhook-url': `https://127.0.0.1:${receiverPort}/api/auth0-events`,
};

/**
 * The step's output as the runner shows it in the job log: workflow commands are consumed (add-mask
 * values become ***, debug lines only with RUNNER_DEBUG=1, groups fold), annotations read "Error: …",
 * "Warning: …", "Notice: …" with their properties' escapes undone.
 */
function runnerLog(): { write(chunk: string): void; end(): void } {
  const masks: string[] = [];
  let pending = '';
  const unescape = (v: string) => v.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
  const mask = (line: string) => masks.reduce((l, m) => l.split(m).join('***'), line);
  const show = (line: string) => {
    const m = /^::([a-z-]+)(?: ([^:]*))?::(.*)$/.exec(line);
    if (!m) return process.stdout.write(mask(line) + '\n');
    const [, cmd, , value] = m;
    if (cmd === 'add-mask') masks.push(unescape(value));
    else if (cmd === 'debug') {
      if (process.env.RUNNER_DEBUG === '1') process.stdout.write(`##[debug]${mask(unescape(value))}\n`);
    } else if (cmd === 'error' || cmd === 'warning' || cmd === 'notice') {
      process.stdout.write(`${cmd[0].toUpperCase()}${cmd.slice(1)}: ${mask(unescape(value))}\n`);
    } else if (cmd === 'group') process.stdout.write(`▸ ${mask(unescape(value))}\n`);
    else if (cmd !== 'endgroup') process.stdout.write(mask(line) + '\n');
  };
  return {
    write(chunk) {
      const lines = (pending + chunk).split('\n');
      pending = lines.pop() ?? '';
      lines.forEach(show);
    },
    end() {
      if (pending) show(pending);
    },
  };
}

async function runStep(command: string): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'auth0-eventgrid-demo-'));
  const outputFile = join(dir, 'output');
  const summaryFile = join(dir, 'summary.md');
  try {
    return await runStepIn(command, outputFile, summaryFile, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function runStepIn(command: string, outputFile: string, summaryFile: string, dir: string): Promise<number> {
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    NODE_EXTRA_CA_CERTS: info.caCertPath,
    GITHUB_ACTIONS: 'true',
    GITHUB_REPOSITORY: DEFAULT_IDS.githubRepository,
    GITHUB_REF: 'refs/heads/main',
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    RUNNER_TEMP: dir,
    ACTIONS_ID_TOKEN_REQUEST_URL: info.github.idTokenRequestUrl,
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: info.github.idTokenRequestToken,
    INPUT_COMMAND: command,
  };
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
  process.stdout.write(`\n${bold(`━━ Run auth0-eventgrid (command: ${command}) ━━`)}\n`);
  const child = spawn(process.execPath, [resolve(process.env.AUTH0_EVENTGRID_DIST ?? 'dist', 'index.js')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const log = runnerLog();
  child.stdout.on('data', (d) => log.write(String(d)));
  child.stderr.on('data', (d) => log.write(String(d)));
  const code: number = await new Promise((r) => child.on('close', (c) => r(c ?? 1)));
  log.end();
  // The job summary is the same report as the log's, as Markdown on the run's page: its title here, not a second copy.
  const summary = readFileSync(summaryFile, 'utf8');
  const title = /^#+ (.*)$/m.exec(summary)?.[1] ?? '(empty)';
  process.stdout.write(`\n${bold('── Job summary ──')} ${title} (the report above, as Markdown tables on the run's page; ${summary.split('\n').length} lines)\n`);
  const outputs = readFileSync(outputFile, 'utf8')
    .split('\n')
    .reduce<{ lines: string[]; key?: string; delim?: string }>(
      (acc, line) => {
        const m = /^([^=<]+)<<(.+)$/.exec(line);
        if (m) return { ...acc, key: m[1], delim: m[2] };
        if (acc.key && line === acc.delim) return { lines: acc.lines, key: undefined, delim: undefined };
        if (acc.key && acc.key !== 'report') acc.lines.push(`  ${acc.key} = ${line}`);
        return acc;
      },
      { lines: [] },
    ).lines;
  process.stdout.write(`${bold('── Outputs ──')} (report: the same as JSON)\n${outputs.join('\n')}\n${bold(`exit code ${code}`)}\n`);
  return code;
}

/** "Try invoking any of the Auth0 actions that trigger an event to see events flow": two logins, then what arrived. */
async function showEvents(): Promise<void> {
  process.stdout.write(`\n${bold('── Events ──')} a successful and a failed login in Auth0 …\n`);
  const before = received.length;
  // In-process, like POST /_sandbox/auth0/{tenant}/logs (this process does not trust the sandbox CA).
  writeLogRecord(sandbox.context, auth0.tenant, { type: 's', user_name: 'ada@example.com' });
  writeLogRecord(sandbox.context, auth0.tenant, { type: 'f', user_name: 'ada@example.com', description: 'Wrong email or password.' });
  const deadline = Date.now() + 5000;
  while (received.slice(before).filter((b) => /"type":"auth0\.logs\.(s|f)"/.test(b)).length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  for (const body of received.slice(before)) {
    const e = JSON.parse(body);
    process.stdout.write(`  received CloudEvent ${e.type}  id ${e.id}  subject ${e.subject}  data.description "${e.data?.description}"\n`);
  }
}

let failed = 0;
try {
  failed += await runStep('setup');
  failed += await runStep('verify');
  await showEvents();
} finally {
  receiver.close();
  await sandbox.stop();
}
process.exit(failed ? 1 : 0);
