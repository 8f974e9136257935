/**
 * check-expiry and renew-authorization end to end: the bundled Action over an environments file,
 * against the sandbox (Azure, Entra ID, Auth0 and GitHub), moving the sandbox clock across the
 * thresholds (healthy → warn → critical → expired; with the topics activated, an expiry degrades) and
 * following the tracking issues' life.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testSandbox, admin } from './helpers/sandbox.js';
import { runAction, type ActionRun } from './helpers/action.js';
import { defaultSeed, type Sandbox } from '../sandbox/index.js';

async function mark(sb: Sandbox): Promise<number> {
  return (await admin(sb, 'GET', 'requests?since=999999999')).mark;
}

async function writesSince(sb: Sandbox, m: number, service?: string): Promise<any[]> {
  return (await admin(sb, 'GET', `requests?since=${m}&writes=true${service ? `&service=${service}` : ''}`)).value;
}

async function trackingIssues(sb: Sandbox): Promise<any[]> {
  const all = (await admin(sb, 'GET', 'github/issues')).value as any[];
  return all.filter((i) => /auth0-eventgrid:tracking/.test(i.body ?? ''));
}

function envs(run: ActionRun): any[] {
  return JSON.parse(run.outputs.environments);
}

describe('check-expiry and renewal over an environments file', () => {
  let sb: Sandbox;
  let workspace: string;
  let env: Record<string, string>;

  beforeEach(async () => {
    const seed = defaultSeed();
    seed.subscriptions![0].resourceGroups!.push({ name: 'auth0-staging', location: 'westus2' });
    sb = await testSandbox({ seed });
    const info = sb.info();
    const tenant = info.auth0[0];
    workspace = mkdtempSync(join(tmpdir(), 'a0eg-ws-'));
    mkdirSync(join(workspace, '.github'));
    writeFileSync(
      join(workspace, '.github', 'auth0-eventgrid.yml'),
      [
        'defaults:',
        `  azure-subscription-id: ${info.azure.subscriptionId}`,
        `  azure-client-id: ${info.azure.clientId}`,
        `  azure-tenant-id: ${info.azure.tenantId}`,
        '  azure-client-secret-env: SBX_AZURE_SECRET',
        `  azure-resource-manager-endpoint: ${info.endpoints.arm}`,
        `  azure-authority-host: ${info.endpoints.entra}`,
        '  azure-region: westus2',
        `  auth0-domain: "${tenant.domain}"`,
        `  auth0-client-id: ${tenant.clientId}`,
        '  auth0-client-secret-env: SBX_AUTH0_SECRET',
        `  auth0-tenant: ${tenant.tenant}`,
        '  authorization-days: 30',
        '  wait-timeout: 30s',
        'environments:',
        '  prod:',
        '    azure-resource-group: auth0-events',
        '    stream-name: prod-logs',
        '  staging:',
        '    azure-resource-group: auth0-staging',
        '    stream-name: staging-logs',
        '',
      ].join('\n'),
    );
    env = {
      GITHUB_WORKSPACE: workspace,
      SBX_AZURE_SECRET: info.azure.clientSecret,
      SBX_AUTH0_SECRET: tenant.clientSecret,
      GITHUB_REPOSITORY: info.github.repository,
    };
  });
  afterEach(async () => {
    await sb.stop();
    rmSync(workspace, { recursive: true, force: true });
  });

  const check = (extra: Record<string, string> = {}) =>
    runAction(
      { command: 'check-expiry', environment: 'all', 'github-token': sb.info().github.token, 'github-api-url': sb.info().endpoints.github!, ...extra },
      env,
    );

  test('healthy → warn → critical → expired, one tracking issue per environment, closed after renewal', async () => {
    const setup = await runAction({ command: 'setup', environment: 'all' }, env);
    expect(setup.code).toBe(0);
    // no event subscription destination: events go nowhere (degraded)
    expect(envs(setup).map((e) => e.health)).toEqual(['degraded', 'degraded']);

    const healthy = await check();
    expect(healthy.code).toBe(0);
    expect(healthy.outputs.health).toBe('healthy');
    expect(healthy.outputs['days-until-expiry']).toBe('30');
    expect(await trackingIssues(sb)).toHaveLength(0);

    // 17 days later: 13 days left, inside warn-days (14).
    await admin(sb, 'POST', 'clock', { advance: '17d' });
    const warn = await check();
    expect(warn.code).toBe(0); // fail-on: unhealthy
    expect(warn.outputs.health).toBe('degraded');
    expect(warn.outputs['days-until-expiry']).toBe('13');
    expect(warn.stdout).toMatch(/::warning title=\[prod\] Auth0 authorized::Expires in 13 days/);
    let issues = await trackingIssues(sb);
    expect(issues.map((i) => i.title).sort()).toEqual([
      'auth0-eventgrid: Auth0 authorization for prod expires in 13 days (warning)',
      'auth0-eventgrid: Auth0 authorization for staging expires in 13 days (warning)',
    ]);
    expect(issues.every((i) => i.state === 'open' && i.labels.some((l: any) => l.name === 'auth0-eventgrid'))).toBe(true);
    const prodIssue = issues.find((i) => i.title.includes('prod'))!;
    expect(prodIssue.body).toContain('<!-- auth0-eventgrid:tracking environment=prod problem=authorization -->');
    expect(prodIssue.body).toContain('/renew-authorization prod 30');
    expect(prodIssue.body).toContain('command: renew-authorization');

    // The same run again: found by the marker, not duplicated, not rewritten.
    const m = await mark(sb);
    const again = await check();
    expect(again.code).toBe(0);
    expect(await trackingIssues(sb)).toHaveLength(2);
    expect(await writesSince(sb, m, 'github')).toEqual([]);

    // Critical: 2 days left. The topics exist and are activated, so even the expiry would stop only new
    // or recreated streams: degraded (fail-on: unhealthy passes), the issue titled critical.
    await admin(sb, 'POST', 'clock', { advance: '11d' });
    const critical = await check();
    expect(critical.code).toBe(0);
    expect(critical.outputs.health).toBe('degraded');
    expect(critical.stdout).toMatch(/::warning title=\[prod\] Auth0 authorized::Critical: expires in 2 days .*then Auth0 can no longer create, update or delete partner resources in auth0-events/);
    issues = await trackingIssues(sb);
    expect(issues).toHaveLength(2);
    expect(issues.every((i) => /expires in 2 days \(critical\)/.test(i.title))).toBe(true);

    // Expired.
    await admin(sb, 'POST', 'clock', { advance: '3d' });
    const expired = await check();
    expect(expired.code).toBe(0);
    expect(envs(expired).map((e: any) => e.health)).toEqual(['degraded', 'degraded']);
    expect(envs(expired).every((e: any) => e.daysUntilExpiry < 0)).toBe(true);
    issues = await trackingIssues(sb);
    expect(issues.map((i) => i.title).sort()).toEqual(['auth0-eventgrid: Auth0 authorization for prod has expired', 'auth0-eventgrid: Auth0 authorization for staging has expired']);

    // Renew prod only; its issue closes on the next check, staging's stays open.
    const renew = await runAction({ command: 'renew-authorization', environment: 'prod' }, env);
    expect(renew.code).toBe(0);
    expect(renew.outputs['days-until-expiry']).toBe('30');
    expect(JSON.parse(renew.outputs.report).environments[0].facts.previousAuthorizationExpiresAt).toBeDefined();
    const after = await check();
    expect(after.code).toBe(0);
    expect(envs(after).map((e: any) => [e.environment, e.health])).toEqual([
      ['staging', 'degraded'],
      ['prod', 'healthy'],
    ]);
    issues = await trackingIssues(sb);
    const prod = issues.find((i) => i.body.includes('environment=prod'))!;
    const staging = issues.find((i) => i.body.includes('environment=staging'))!;
    expect(prod.state).toBe('closed');
    expect(staging.state).toBe('open');
    const comments = (await admin(sb, 'GET', `github/comments?issue=${prod.number}`)).value;
    expect(comments.map((c: any) => c.body).join('\n')).toMatch(/Resolved: check-expiry finds prod healthy/);
  });

  test('auto-renew renews inside warn-days by authorization-days, and never shortens', async () => {
    expect((await runAction({ command: 'setup', environment: 'all', 'authorization-days': '20' }, env)).code).toBe(0);
    await admin(sb, 'POST', 'clock', { advance: '8d' }); // 12 days left: inside warn-days 14
    const r = await check({ 'auto-renew': 'true' });
    expect(r.code).toBe(0);
    expect(r.outputs.health).toBe('healthy');
    // authorization-days from the file (30), not the maximum
    expect(envs(r).map((e: any) => e.daysUntilExpiry)).toEqual([30, 30]);
    expect(await trackingIssues(sb)).toHaveLength(0);

    // Renewing for fewer days than are left is refused unless allow-shorten.
    const refused = await runAction({ command: 'renew-authorization', environment: 'prod', 'authorization-days': '5' }, env);
    expect(refused.code).toBe(1);
    expect(refused.all).toMatch(/WouldShorten/);
    expect(refused.all).toMatch(/allow-shorten: true/);
    const m = await mark(sb);
    const dry = await runAction({ command: 'renew-authorization', environment: 'prod', 'authorization-days': '5', 'allow-shorten': 'true', 'dry-run': 'true' }, env);
    expect(dry.code).toBe(0);
    expect(await writesSince(sb, m)).toEqual([]);
    const shortened = await runAction({ command: 'renew-authorization', environment: 'prod', 'authorization-days': '5', 'allow-shorten': 'true' }, env);
    expect(shortened.code).toBe(0);
    expect(shortened.outputs['days-until-expiry']).toBe('5');
  });

  test("renewal keeps another partner's authorization written between our read and our write", async () => {
    expect((await runAction({ command: 'setup', environment: 'prod' }, env)).code).toBe(0);
    // Hold our authorizePartner call for a moment; meanwhile another writer authorizes its partner.
    await admin(sb, 'POST', 'faults', { service: 'arm', operation: 'PartnerConfigurations_AuthorizePartner', delayMs: 1500 });
    const pending = runAction({ command: 'renew-authorization', environment: 'prod', 'authorization-days': '60' }, env);
    await new Promise((r) => setTimeout(r, 700));
    const group = sb.context.world.subscriptions.get(sb.info().azure.subscriptionId)!.resourceGroups.get('auth0-events')!;
    group.partnerConfiguration!.properties.partnerAuthorization.authorizedPartnersList.push({
      partnerRegistrationImmutableId: '941892bc-f5d0-4d1c-8fb5-477570fc2b71',
      partnerName: 'Contoso.Finance',
      authorizationExpirationTimeInUtc: new Date(Date.now() + 5 * 86400_000).toISOString(),
    });
    const r = await pending;
    expect(r.code).toBe(0);
    expect(r.outputs['days-until-expiry']).toBe('60');
    const names = group.partnerConfiguration!.properties.partnerAuthorization.authorizedPartnersList.map((p: any) => p.partnerName).sort();
    expect(names).toEqual(['Auth0', 'Contoso.Finance']);
    expect(group.partnerConfiguration!.properties.partnerAuthorization.defaultMaximumExpirationTimeInDays).toBeGreaterThanOrEqual(60);
  });

  test('a topic never activated warns with its deletion time, and fails once within critical-days', async () => {
    expect((await runAction({ command: 'setup', environment: 'staging', activation: 'manual' }, env)).code).toBe(0);
    const r = await check({ environment: 'staging' });
    expect(r.code).toBe(0);
    expect(r.outputs.health).toBe('degraded');
    expect(r.all).toMatch(/Never activated: Event Grid deletes it at .* \(in 7 days\)/);
    const issues = await trackingIssues(sb);
    expect(issues.map((i) => i.title)).toEqual(['auth0-eventgrid: partner topic for staging is not activated']);
    expect(issues[0].body).toContain('/activate-topic staging');
    await admin(sb, 'POST', 'clock', { advance: '5d' });
    const critical = await check({ environment: 'staging' });
    expect(critical.code).toBe(1);
    expect(critical.all).toMatch(/in 2 days/);
  });

  test("one environment's failure is reported in its row and does not stop the others", async () => {
    expect((await runAction({ command: 'setup', environment: 'all' }, env)).code).toBe(0);
    writeFileSync(join(workspace, '.github', 'auth0-eventgrid.yml'), (await import('node:fs')).readFileSync(join(workspace, '.github', 'auth0-eventgrid.yml'), 'utf8').replace('    stream-name: staging-logs', '    stream-name: staging-logs\n    auth0-client-secret-env: SBX_WRONG_SECRET'));
    const r = await runAction({ command: 'check-expiry', environment: 'all' }, { ...env, SBX_WRONG_SECRET: 'not-the-right-secret-123' });
    expect(r.code).toBe(1);
    const rows = envs(r);
    expect(rows[0]).toMatchObject({ environment: 'staging', failed: true });
    expect(rows[1]).toMatchObject({ environment: 'prod', failed: false, health: 'healthy' });
    expect(r.all).toMatch(/staging: .*access_denied/);
    const visible = r.all.split('\n').filter((l) => !l.startsWith('::add-mask::')).join('\n');
    expect(r.stdout).toContain('::add-mask::not-the-right-secret-123');
    expect(visible).not.toContain('not-the-right-secret-123');
  });

  test('throttling by ARM slows the run down instead of failing it', async () => {
    expect((await runAction({ command: 'setup', environment: 'all' }, env)).code).toBe(0);
    await admin(sb, 'PATCH', 'settings', { armRateLimitPerSecond: 1, armRateLimitScope: 'global', retryAfterSeconds: 1 });
    const m = await mark(sb);
    const r = await runAction({ command: 'check-expiry', environment: 'all' }, env);
    expect(r.code).toBe(0);
    expect(envs(r).every((e: any) => !e.failed)).toBe(true);
    const throttled = (await admin(sb, 'GET', `requests?since=${m}&service=arm`)).value.filter((x: any) => x.status === 429);
    expect(throttled.length).toBeGreaterThan(0);
  });
});
