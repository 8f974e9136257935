/**
 * The workflow files a user finds (.github/workflows, .github/dependabot.yml) and copies
 * (docs/workflows): valid against SchemaStore's schemas (vendored in test/schemas/schemastore), and the
 * documented ones run here, step by step, against the sandbox with the docs' own environments file.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Ajv from 'ajv';
import { parse, stringify } from 'yaml';
import { defaultSeed, DEFAULT_IDS, type Sandbox, type Seed } from '../sandbox/index.js';
import { testSandbox } from './helpers/sandbox.js';
import { commitFiles, newIssue, replies, CONFIG_PATH } from './helpers/bot.js';
import { buildWebhook } from '../sandbox/github/index.js';
import { runWorkflow, type WorkflowOptions, type WorkflowRun } from './helpers/workflow.js';
import { evaluate, interpolate } from './helpers/expressions.js';

const SCHEMAS = resolve('test/schemas/schemastore');
const workflowFiles = [
  ...readdirSync('.github/workflows').map((f) => join('.github/workflows', f)),
  ...readdirSync('docs/workflows').map((f) => join('docs/workflows', f)),
].filter((f) => /\.ya?ml$/.test(f));

function validator(schemaFile: string) {
  const schema = JSON.parse(readFileSync(join(SCHEMAS, schemaFile), 'utf8'));
  // The schemas are draft-07, Ajv's default draft.
  expect(schema.$schema).toMatch(/draft-07/);
  const ajv = new (Ajv as unknown as typeof Ajv.default)({ strict: false, allErrors: true });
  return ajv.compile(schema);
}

describe('workflow files against SchemaStore', () => {
  const validate = validator('github-workflow.json');

  test('the repository has its workflows', () => {
    for (const f of ['ci.yml', 'check-dist.yml', 'self-test.yml', 'codeql.yml', 'release.yml']) expect(workflowFiles).toContain(join('.github/workflows', f));
    for (const f of ['setup.yml', 'check-expiry.yml', 'renew.yml', 'chatops.yml', 'fleet.yml']) expect(workflowFiles).toContain(join('docs/workflows', f));
  });

  test.each(workflowFiles)('%s is a valid workflow', (file) => {
    const ok = validate(parse(readFileSync(file, 'utf8')));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  test('the schema check catches a broken workflow', () => {
    const wf = parse(readFileSync('docs/workflows/setup.yml', 'utf8'));
    wf.permissions['id-token'] = 'admin';
    delete wf.jobs.setup['runs-on'];
    expect(validate(wf)).toBe(false);
  });

  test('.github/dependabot.yml is valid and updates npm and github-actions', () => {
    const check = validator('dependabot-2.0.json');
    const config = parse(readFileSync('.github/dependabot.yml', 'utf8'));
    expect(check(config)).toBe(true);
    expect(config.updates.map((u: { 'package-ecosystem': string }) => u['package-ecosystem']).sort()).toEqual(['github-actions', 'npm']);
    expect(check({ ...config, updates: [{ ...config.updates[0], schedule: { interval: 'hourly' } }] })).toBe(false);
  });

  test('the vendored schemas keep their license beside them', () => {
    expect(readFileSync(join(SCHEMAS, 'LICENSE'), 'utf8')).toContain('Apache License');
    expect(readFileSync(join(SCHEMAS, 'README.md'), 'utf8')).toMatch(/SchemaStore\/schemastore/);
  });

  test('every action a workflow uses is pinned to a major version or more', () => {
    for (const file of workflowFiles) {
      for (const m of readFileSync(file, 'utf8').matchAll(/^\s*(?:-\s+)?uses:\s*(\S+)/gm)) if (m[1] !== './') expect(m[1]).toMatch(/@v\d+/);
    }
  });
});

describe('expressions', () => {
  const ctx = { contexts: { inputs: { environment: '' }, needs: { list: { outputs: { environments: '["a","b"]' } } }, steps: { x: { outputs: { 'environment-names': '[]' } } } } };
  test.each([
    ["inputs.environment || 'all'", 'all'],
    ["needs.list.outputs.environments != '[]'", true],
    ['fromJSON(needs.list.outputs.environments)', ['a', 'b']],
    ["steps.x.outputs.environment-names == '[]'", true],
    ["!(1 == 2) && 'yes'", 'yes'],
  ])('%s', (src, want) => expect(evaluate(src, ctx)).toEqual(want));
  test('interpolation', () => expect(interpolate('report-${{ inputs.environment || 1 }}.json', ctx)).toBe('report-1.json'));
});

// ---------------------------------------------------------------- the documented workflows, run

const PROD_SECRET = 'sbx-prod-auth0-secret-0123456789abcdef';
const STAGING_SECRET = 'sbx-staging-auth0-secret-0123456789ab';
const STAGING_SUBSCRIPTION = '0c6f2d4e-8a1b-4c3d-9e5f-7a6b5c4d3e2f';

/** The environments file exactly as docs/environments.md shows it. */
function docsEnvironmentsFile(): string {
  const md = readFileSync('docs/environments.md', 'utf8');
  const m = /```yaml\n([\s\S]*?)```/.exec(md);
  if (!m) throw new Error('docs/environments.md has no yaml block');
  return m[1];
}

/** A sandbox world with what the docs' file names: its subscriptions, groups, principal and tenants. */
function docsSeed(file: any): Seed {
  const seed = defaultSeed();
  const prod = file.environments.prod;
  const staging = file.environments.staging;
  seed.subscriptions![0].resourceGroups!.push({ name: prod['azure-resource-group'], location: 'westus2' });
  seed.subscriptions!.push({ subscriptionId: staging['azure-subscription-id'], resourceGroups: [{ name: staging['azure-resource-group'], location: 'westus2' }] });
  seed.principals![0].roleAssignments!.push({ role: 'Contributor', scope: `/subscriptions/${STAGING_SUBSCRIPTION}` });
  seed.auth0Tenants = [
    { name: 'prod-tenant', clients: [{ clientId: prod['auth0-client-id'], clientSecret: PROD_SECRET }] },
    { name: 'staging-tenant', clients: [{ clientId: staging['auth0-client-id'], clientSecret: STAGING_SECRET }] },
  ];
  return seed;
}

/**
 * The docs' file pointed at the sandbox: what any private cloud needs (the ARM endpoint and authority
 * host) added to defaults, each Auth0 domain replaced by the sandbox tenant's (with auth0-tenant, which
 * a *.auth0.com domain would have given). Everything else, the credential references included, as written.
 */
function pointAtSandbox(file: any, sb: Sandbox): string {
  const info = sb.info();
  const out = structuredClone(file);
  out.defaults = { ...out.defaults, 'azure-resource-manager-endpoint': info.endpoints.arm, 'azure-authority-host': info.endpoints.entra };
  for (const env of Object.values<any>(out.environments)) {
    const tenant = /^([a-z0-9-]+)\./.exec(env['auth0-domain'])![1];
    env['auth0-domain'] = info.auth0.find((t) => t.tenant === tenant)!.domain;
    env['auth0-tenant'] = tenant;
  }
  return stringify(out);
}

describe('the documented workflows, run against the sandbox with the docs\' environments file', () => {
  let sb: Sandbox;
  let workspace: string;
  let options: Omit<WorkflowOptions, 'inputs' | 'event'>;
  const file = parse(docsEnvironmentsFile());
  const secrets = {
    AUTH0_PROD_CLIENT_SECRET: PROD_SECRET,
    AUTH0_STAGING_CLIENT_SECRET: STAGING_SECRET,
    PROD_EVENTS_WEBHOOK: 'https://127.0.0.1:9/prod-events?code=HookKey0123456789',
  };

  beforeAll(async () => {
    sb = await testSandbox({ seed: docsSeed(file) });
    workspace = mkdtempSync(join(tmpdir(), 'a0eg-docs-workspace-'));
    mkdirSync(join(workspace, '.github'));
    writeFileSync(join(workspace, '.github/auth0-eventgrid.yml'), pointAtSandbox(file, sb));
    const info = sb.info();
    options = {
      workspace,
      secrets,
      env: { PATH: process.env.PATH!, HOME: process.env.HOME ?? '', NODE_EXTRA_CA_CERTS: process.env.NODE_EXTRA_CA_CERTS!, GITHUB_API_URL: info.github.apiUrl },
      oidc: { url: info.github.idTokenRequestUrl, token: info.github.idTokenRequestToken },
      githubToken: info.github.token,
      repository: DEFAULT_IDS.githubRepository,
    };
  });
  afterAll(async () => {
    rmSync(workspace, { recursive: true, force: true });
    await sb?.stop();
  });

  const failed = (run: WorkflowRun) => run.jobs.flatMap((j) => j.steps.filter((s) => s.outcome === 'failure').map((s) => `${j.job}/${s.name}:\n${s.log}`));
  const noSecrets = (run: WorkflowRun) => {
    // ::add-mask:: lines are the runner's, never shown: everything else must not hold a secret.
    const shown = run.log.split('\n').filter((l) => !l.startsWith('::add-mask::')).join('\n');
    expect(shown).toContain('::'); // the filter left the workflow commands that are shown
    for (const s of Object.values(secrets)) expect(shown).not.toContain(s);
    expect(shown).not.toContain('HookKey0123456789');
  };

  test('setup.yml sets up both environments', async () => {
    const run = await runWorkflow('docs/workflows/setup.yml', { ...options, event: 'push' });
    expect(failed(run)).toEqual([]);
    const step = run.jobs[0].steps.find((s) => s.name === 'OWNER/auth0-eventgrid@v1')!;
    expect(JSON.parse(step.outputs['environment-names']).sort()).toEqual(['prod', 'staging']);
    const rows = JSON.parse(step.outputs.environments);
    expect(rows.find((r: any) => r.environment === 'prod').activationState).toBe('Activated');
    expect(rows.find((r: any) => r.environment === 'staging').activationState).toBe('NeverActivated'); // activation: manual
    noSecrets(run);
  }, 120_000);

  test('check-expiry.yml runs without the webhook secret it does not use', async () => {
    const run = await runWorkflow('docs/workflows/check-expiry.yml', { ...options, event: 'schedule' });
    expect(failed(run)).toEqual([]);
    const last = run.jobs[0].steps.at(-1)!;
    expect(last.log).toMatch(/Soonest expiry in \d+ days; health (healthy|degraded)/);
    noSecrets(run);
  }, 120_000);

  test('renew.yml renews one environment', async () => {
    const run = await runWorkflow('docs/workflows/renew.yml', { ...options, inputs: { environment: 'prod', days: '45' } });
    expect(failed(run)).toEqual([]);
    const step = run.jobs[0].steps.find((s) => s.name === 'OWNER/auth0-eventgrid@v1')!;
    expect(Number(step.outputs['days-until-expiry'])).toBeGreaterThanOrEqual(44);
    noSecrets(run);
  }, 120_000);

  test('fleet.yml: list → a matrix job per environment (max-parallel) → one summary', async () => {
    const run = await runWorkflow('docs/workflows/fleet.yml', { ...options, inputs: { command: 'check-expiry', environment: 'all' } });
    expect(failed(run)).toEqual([]);
    const list = run.jobs.find((j) => j.job === 'list')!;
    expect(JSON.parse(list.outputs.environments)).toEqual(['prod', 'staging']);
    const legs = run.jobs.filter((j) => j.job === 'run');
    expect(legs.map((l) => l.matrix?.environment)).toEqual(['prod', 'staging']);
    for (const leg of legs) expect(JSON.parse(leg.steps[1].outputs['environment-names'])).toEqual([leg.matrix!.environment]);
    const summary = run.jobs.find((j) => j.job === 'summary')!;
    expect(summary.result).toBe('success');
    expect(summary.summary).toContain('prod');
    expect(summary.summary).toContain('staging');
    const gathered = JSON.parse(summary.steps.find((s) => s.id === 'summary')!.outputs.report);
    expect(gathered.environments.map((e: any) => e.environment).sort()).toEqual(['prod', 'staging']);
    expect(summary.steps.at(-1)!.log).toMatch(/^Health (healthy|degraded); soonest expiry in \d+ days/m);
    noSecrets(run);
  }, 180_000);

  test('chatops.yml answers /status in an issue, with the job\'s token and OIDC sign-in', async () => {
    // The default branch holds the docs' environments file (pointed at the sandbox): the Action reads it through the API.
    await commitFiles(sb, { [CONFIG_PATH]: readFileSync(join(workspace, CONFIG_PATH), 'utf8') });
    const issue = await newIssue(sb, 'Is prod streaming?');
    const hook = buildWebhook(sb.context, 'issue_comment.created', { issue, body: '/status', user: 'octo-triager' });
    const eventPath = join(workspace, 'event.json');
    writeFileSync(eventPath, hook.body);
    const run = await runWorkflow('docs/workflows/chatops.yml', {
      ...options,
      event: 'issue_comment',
      eventPayload: JSON.parse(hook.body),
      env: { ...options.env!, GITHUB_EVENT_PATH: eventPath, GITHUB_RUN_ID: '4243' },
    });
    expect(failed(run)).toEqual([]);
    expect(run.jobs[0].result).toBe('success');
    const [reply] = await replies(sb, issue, 'github-actions[bot]');
    expect(reply).toMatch(/\*\*\/status\*\* · run by @&#8203;octo-triager \(triage\) · 🚀 done/);
    expect(reply).toContain('prod');
    expect(reply).toContain('staging');
    noSecrets(run);
  }, 120_000);

  test('without permissions: id-token: write, the step says exactly that', async () => {
    const wf = parse(readFileSync('docs/workflows/setup.yml', 'utf8'));
    delete wf.permissions['id-token'];
    const path = join(workspace, 'no-id-token.yml');
    writeFileSync(path, stringify(wf));
    const run = await runWorkflow(path, { ...options, event: 'push' });
    const step = run.jobs[0].steps.find((s) => s.name === 'OWNER/auth0-eventgrid@v1')!;
    expect(step.outcome).toBe('failure');
    const errors = step.log.split('\n').filter((l) => l.startsWith('::error::'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('ACTIONS_ID_TOKEN_REQUEST_URL is not set');
    expect(errors[0]).toContain('permissions: id-token: write');
    // Nothing was asked of Entra ID: the message comes before any sign-in.
    const log = await (await fetch(`${sb.endpoints.arm}/_sandbox/requests?service=entra`)).json();
    expect(JSON.stringify(log)).not.toMatch(/oauth2\/v2\.0\/token.*client_assertion/);
  }, 60_000);

  test('setup still needs the webhook secret it uses, and says which', async () => {
    const wf = parse(readFileSync('docs/workflows/setup.yml', 'utf8'));
    delete wf.jobs.setup.steps[1].env.PROD_EVENTS_WEBHOOK;
    const path = join(workspace, 'setup-without-webhook.yml');
    writeFileSync(path, stringify(wf));
    const run = await runWorkflow(path, { ...options, event: 'push' });
    const step = run.jobs[0].steps.find((s) => s.name === 'OWNER/auth0-eventgrid@v1')!;
    expect(step.outcome).toBe('failure');
    expect(step.log).toMatch(/^::error title=[^,]+,file=\.github\/auth0-eventgrid\.yml,line=\d+,col=\d+::.*webhook-url-env names PROD_EVENTS_WEBHOOK, which is not set/m);
  }, 60_000);
});

describe('.github/workflows/self-test.yml, run here', () => {
  test('starts the sandbox in the background, runs setup → verify → check-expiry → teardown with uses: ./ and OIDC', async () => {
    const workspace = mkdtempSync(join(tmpdir(), 'a0eg-self-test-'));
    try {
      // The checkout is this repository: the steps run `npm run sandbox` and the Action from here.
      const run = await runWorkflow('.github/workflows/self-test.yml', {
        workspace: process.cwd(),
        env: { PATH: process.env.PATH!, HOME: process.env.HOME ?? '', TMPDIR: workspace },
        event: 'push',
        preparedRuns: /^npm ci$/,
        timeoutMs: 120_000,
      });
      expect(failed(run)).toEqual([]);
      const steps = run.jobs[0].steps;
      expect(steps.filter((s) => s.outcome === 'skipped').map((s) => s.name)).toEqual(['Sandbox log']); // if: failure()
      expect(steps.find((s) => s.id === 'setup')!.outputs['activation-state']).toBe('Activated');
      expect(steps.find((s) => s.id === 'verify')!.outputs.health).toBe('healthy');
      expect(steps.find((s) => s.name === 'teardown')!.log).toMatch(/Delete|deleted|removed/i);
      expect(run.background).toBe(1); // the sandbox, stopped at the end
      // The sandbox's own CA folder went with it (tsx keeps its cache folder there).
      expect(readdirSync(workspace).filter((n) => n !== 'tsx-0' && !n.startsWith('tsx-'))).toEqual([]);
    } finally {
      rmSync(workspace, { recursive: true, force: true });
    }
  }, 240_000);

  function failed(run: WorkflowRun) {
    return run.jobs.flatMap((j) => j.steps.filter((s) => s.outcome === 'failure').map((s) => `${j.job}/${s.name}:\n${s.log}`));
  }
});

describe('.github/workflows/release.yml, run here', () => {
  const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: cwd } }).trim();

  test('a published vX.Y.Z moves vX to it; other tags and pre-releases leave it alone', async () => {
    const root = mkdtempSync(join(tmpdir(), 'a0eg-release-'));
    try {
      const origin = join(root, 'origin.git');
      const work = join(root, 'work');
      git(root, 'init', '-q', '--bare', origin);
      git(root, 'clone', '-q', origin, work);
      git(work, 'config', 'user.email', 'dev@example.com');
      git(work, 'config', 'user.name', 'dev');
      mkdirSync(join(work, 'dist'));
      const release = (n: number) => {
        writeFileSync(join(work, 'dist', 'index.js'), `// build ${n}\n`);
        git(work, 'add', '-A');
        git(work, 'commit', '-q', '-m', `build ${n}`);
        return git(work, 'rev-parse', 'HEAD');
      };
      const first = release(1);
      git(work, 'tag', 'v1.0.0');
      const second = release(2);
      git(work, 'tag', 'v1.1.0');
      git(work, 'tag', 'v1.2.0-rc.1');
      git(work, 'push', '-q', 'origin', 'HEAD:refs/heads/main', '--tags');
      const env = { PATH: process.env.PATH!, HOME: root, GIT_CONFIG_NOSYSTEM: '1' };
      const publish = (tag: string, prerelease = false) =>
        runWorkflow('.github/workflows/release.yml', { workspace: work, env, event: 'release', eventPayload: { release: { tag_name: tag, prerelease } } });
      const v1 = () => git(origin, 'rev-parse', 'refs/tags/v1^{commit}');

      let run = await publish('v1.0.0');
      expect(run.jobs[0].result).toBe('success');
      expect(v1()).toBe(first);
      run = await publish('v1.1.0');
      expect(run.jobs[0].result).toBe('success');
      expect(v1()).toBe(second);
      expect(run.jobs[0].summary).toContain('v1 → v1.1.0');
      // Pre-releases and other names: the major tag stays.
      git(work, 'tag', '-f', 'v1', first);
      git(work, 'push', '-q', '-f', 'origin', 'refs/tags/v1');
      expect((await publish('v1.2.0-rc.1', true)).jobs[0].result).toBe('success');
      expect((await publish('v1.1.0', true)).jobs[0].result).toBe('success');
      expect(v1()).toBe(first);
      // A release without its bundle does not move the major tag.
      rmSync(join(work, 'dist'), { recursive: true });
      git(work, 'add', '-A');
      git(work, 'commit', '-q', '-m', 'no bundle');
      git(work, 'tag', 'v1.3.0');
      git(work, 'push', '-q', 'origin', '--tags');
      expect((await publish('v1.3.0')).jobs[0].result).toBe('failure');
      expect(v1()).toBe(first);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }, 120_000);
});
