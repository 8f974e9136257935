import { OUTPUTS } from '../src/config/inputs.js';
import type { OperationResult } from '../src/operations/types.js';
import {
  annotations,
  exitCodeFor,
  expandSecrets,
  failureMessage,
  neutralizeWorkflowCommands,
  outputs,
  redact,
  renderJson,
  renderMarkdown,
  renderText,
} from '../src/report/index.js';
import { HOSTILE, degraded, dryRun, failed, healthy, hostile } from './fixtures/results.js';

/** Cells of a markdown table row: split on pipes not escaped with a backslash. */
function cells(row: string): string[] {
  return row.split(/(?<!\\)\|/).slice(1, -1);
}

function section(text: string, heading: string): string {
  const start = text.indexOf(heading);
  if (start === -1) throw new Error(`no section ${heading} in:\n${text}`);
  const rest = text.slice(start + heading.length);
  const end = rest.search(/\n### /);
  return end === -1 ? rest : rest.slice(0, end);
}

describe('renderMarkdown', () => {
  test('healthy: heading with badge, command and target; steps, checks, facts and changes', () => {
    const md = renderMarkdown(healthy());
    expect(md.split('\n')[0]).toBe('## ✅ Healthy: auth0-eventgrid setup');
    expect(md).toContain('subscription `11111111-2222-3333-4444-555555555555`');
    expect(md).toContain('resource group `rg-auth0`');
    expect(md).toContain('region `westus2`');

    const steps = section(md, '### Steps').trim().split('\n');
    expect(cells(steps[0]).map((c) => c.trim())).toEqual(['Step', 'Status', 'Detail', 'Duration']);
    expect(steps).toHaveLength(2 + 3);
    expect(cells(steps[3]).map((c) => c.trim())).toEqual(['Authorize Auth0', '🛠️ changed', 'Authorized until 2026-03-31', '850 ms']);

    const checks = section(md, '### Checks');
    expect(checks).toContain('✅ pass');

    const facts = section(md, '### Facts');
    expect(facts).toContain('`auth0-logs-topic`');
    expect(facts).toContain('2026-03-31T10:00:00Z (30 days left)');
    expect(facts).toMatch(/Stream status \| active/);
    expect(facts).toMatch(/Activation state \| Activated/);
    expect(facts).toContain('/eventSubscriptions/auth0-logs`');

    expect(md).toContain('### Changes made');
    expect(md).toContain('1. **Authorize Auth0:** Authorize partner Auth0 in rg-auth0 until 2026-03-31T10:00:00Z');
    expect(md).not.toContain('### Plan');
    expect(md).not.toContain('Failure');
  });

  test('degraded: warning badge, the check with its fix, days left', () => {
    const md = renderMarkdown(degraded());
    expect(md.split('\n')[0]).toBe('## ⚠️ Degraded: auth0-eventgrid verify');
    const row = section(md, '### Checks').split('\n').find((l) => l.includes('Log stream active'))!;
    expect(cells(row).map((c) => c.trim())).toEqual(['Log stream active', '⚠️ warn', 'Status is paused', 'Set resume-stream: true and run setup']);
    expect(md).toContain('(3 days left)');
  });

  test('failed: one failure section with step, service, code, message and fix', () => {
    const md = renderMarkdown(failed());
    expect(md.split('\n')[0]).toBe('## ❌ Unhealthy: auth0-eventgrid setup');
    // The step's failure and the operation's failure are the same: shown once.
    expect(md.match(/### ❌ Failure/g)).toHaveLength(1);
    const f = section(md, '### ❌ Failure');
    expect(f).toMatch(/\*\*Step\*\* \| Authorize Auth0 \|/);
    expect(f).toContain('Azure Resource Manager (HTTP 403)');
    expect(f).toContain('`AuthorizationFailed`');
    expect(f).toContain('does not have authorization to perform action');
    expect(f).toMatch(/\*\*Fix\*\* \| Grant the EventGrid Contributor role/);
    expect(cells(section(md, '### Steps').split('\n').find((l) => l.includes('Authorize'))!)[1].trim()).toBe('❌ failed');
  });

  test('dry run: says nothing changed and lists every planned change in a Plan section', () => {
    const md = renderMarkdown(dryRun());
    expect(md.split('\n')[0]).toBe('## ✅ Healthy: auth0-eventgrid setup (dry run)');
    expect(md).toContain('Dry run: nothing was changed');
    const plan = section(md, '### Plan');
    expect(plan).toContain('Would make 4 changes:');
    const items = plan.split('\n').filter((l) => /^\d+\. /.test(l));
    expect(items).toEqual([
      '1. **Register Microsoft.EventGrid:** Register resource provider Microsoft.EventGrid',
      '2. **Authorize Auth0:** Raise defaultMaximumExpirationTimeInDays to 7',
      '3. **Authorize Auth0:** Authorize partner Auth0 until 2026-03-08T10:00:00Z',
      '4. **Create log stream:** Create Auth0 log stream azure-eventgrid-rg-auth0-11111111',
    ]);
    expect(md).not.toContain('### Changes made');

    const converged = dryRun();
    converged.steps.forEach((s) => (s.changes = []));
    expect(section(renderMarkdown(converged), '### Plan')).toContain('Nothing to change');
  });

  test('hostile strings cannot break tables, inject HTML, links or images, or mention people', () => {
    const md = renderMarkdown(hostile());
    // Every table row keeps its column count: pipes and newlines from values are neutralized.
    const tables = md.split('\n### ').map((s) => s.split('\n').filter((l) => l.startsWith('|')));
    for (const rows of tables) {
      if (!rows.length) continue;
      const width = cells(rows[0]).length;
      for (const row of rows) {
        expect(row.endsWith('|')).toBe(true);
        expect(cells(row)).toHaveLength(width);
      }
    }
    // The value's second line stays in the same cell.
    expect(md).toMatch(/a \\\| b<br>second line/);
    expect(md).not.toMatch(/<script|<\/script|<b>/i);
    expect(md).toContain('&lt;script&gt;');
    expect(md).not.toMatch(/@(?!&#8203;)[A-Za-z]/);
    expect(md).toContain('@&#8203;octocat');
    expect(md).not.toContain('![x](');
    expect(md).not.toContain('[click](');
    // A backtick in an identifier cannot end a code span early.
    expect(md).toContain('stream\\|\\`name\\`');
    expect(md).not.toContain('`bad`code`');
  });

  test('secrets given to the renderer are masked, also inside escaped values', () => {
    const r = healthy();
    const hook = 'https://fn.example/api/hook?code=Sup3r&Key|<x>';
    r.steps[0].changes = [`Create event subscription to ${hook}`];
    r.steps[0].detail = `posted to ${encodeURIComponent(hook)}`;
    const md = renderMarkdown(r, { secrets: [hook] });
    expect(md).not.toContain('Sup3r');
    expect(md).toContain('Create event subscription to \\*\\*\\*');
    expect(md).toContain('posted to \\*\\*\\*');
  });
});

describe('renderText', () => {
  test('healthy: plain aligned table with the same content, no markdown', () => {
    const text = renderText(healthy());
    const lines = text.split('\n');
    expect(lines[0]).toBe('auth0-eventgrid setup: HEALTHY');
    expect(text).not.toMatch(/\*\*|\|---|###|`/);
    const start = lines.indexOf('Steps');
    const rows = lines.slice(start + 1, start + 5);
    expect(rows[0]).toMatch(/^ {2}STEP +STATUS +TIME +DETAIL$/);
    // Columns line up: each row's status starts where the STATUS header does.
    const col = rows[0].indexOf('STATUS');
    expect(rows.slice(1).map((r) => r.slice(col).split(' ')[0])).toEqual(['unchanged', 'changed', 'unchanged']);
    const timeCol = rows[0].indexOf('TIME');
    expect(rows[2].slice(timeCol).startsWith('850 ms')).toBe(true);
    expect(text).toMatch(/Authorization expires +2026-03-31T10:00:00Z \(30 days left\)/);
    expect(text).toContain('Changes made\n  1. Authorize Auth0: Authorize partner Auth0 in rg-auth0 until 2026-03-31T10:00:00Z');
  });

  test('failed: the failure with its fix; dry run: the plan', () => {
    const f = renderText(failed());
    expect(f.split('\n')[0]).toBe('auth0-eventgrid setup: UNHEALTHY');
    expect(f).toMatch(/FAILURE\n {2}Step +Authorize Auth0\n {2}Service +Azure Resource Manager \(HTTP 403\)\n {2}Code +AuthorizationFailed\n {2}Message +The client/);
    expect(f).toMatch(/ {2}Fix +Grant the EventGrid Contributor role/);

    const d = renderText(dryRun());
    expect(d.split('\n')[0]).toBe('auth0-eventgrid setup: HEALTHY (dry run: nothing was changed)');
    expect(d).toContain('Plan (4 changes)\n  1. Register Microsoft.EventGrid: Register resource provider Microsoft.EventGrid\n  2. Authorize Auth0: Raise');
    expect(d).toContain('  4. Create log stream: Create Auth0 log stream azure-eventgrid-rg-auth0-11111111');
  });

  test('degraded check shows its fix', () => {
    expect(renderText(degraded())).toMatch(/Log stream active +warn +Status is paused Fix: Set resume-stream: true and run setup/);
  });

  test('service strings cannot add lines or terminal escapes', () => {
    const r = healthy();
    r.steps[0].detail = 'one\ntwo\r\nthree \u001b[31mred\u001b[0m\u0007';
    const text = renderText(r);
    // eslint-disable-next-line no-control-regex
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/);
    expect(text).toContain('one two three [31mred[0m');
    const lines = text.split('\n');
    const start = lines.indexOf('Steps');
    expect(lines[start + 2]).toContain('one two three');
    expect(lines[start + 3]).toContain('Authorize Auth0');
  });
});

describe('renderJson', () => {
  test('round-trips the result with sorted keys, whatever order the keys were built in', () => {
    const r = failed();
    const json = renderJson(r);
    expect(JSON.parse(json)).toEqual(r);
    expect(Object.keys(JSON.parse(json))).toEqual([...Object.keys(r)].sort());
    const reordered = Object.fromEntries(Object.entries(r).reverse()) as unknown as OperationResult;
    expect(renderJson(reordered)).toBe(json);
  });

  test('masks secrets, including their JSON-escaped form', () => {
    const secret = 'pa"ss\\word-123';
    const r = healthy();
    r.steps[0].detail = `token ${secret}`;
    const json = renderJson(r, { secrets: [secret] });
    expect(json).not.toContain('pa\\"ss');
    expect(JSON.parse(json).steps[0].detail).toBe('token ***');
  });
});

describe('redact', () => {
  const secret = 'S3cr3t "value" & more/+=';

  test.each([
    ['raw', secret],
    ['URL-encoded', encodeURIComponent(secret)],
    ['URL-encoded, lower-case hex', encodeURIComponent(secret).replace(/%[0-9A-F]{2}/g, (h) => h.toLowerCase())],
    ['form-encoded', new URLSearchParams({ v: secret }).toString().slice(2)],
    ['JSON-escaped', JSON.stringify(secret).slice(1, -1)],
    ['JSON-escaped twice', JSON.stringify(JSON.stringify(secret).slice(1, -1)).slice(1, -1)],
    ['HTML-escaped', secret.replace(/&/g, '&amp;').replace(/"/g, '&quot;')],
  ])('masks the %s form', (_name, form) => {
    const out = redact(`before ${form} after`, [secret]);
    expect(out).toBe('before *** after');
  });

  test('masks the markdown-escaped form that renderMarkdown produces', () => {
    const r = healthy();
    r.steps[0].detail = `x ${secret} y`;
    const md = renderMarkdown(r); // rendered without knowing the secret
    expect(md).toContain('S3cr3t "value" &amp; more/+=');
    const masked = redact(md, [secret]);
    expect(masked).not.toContain('S3cr3t');
    expect(masked).toContain('x *** y');
  });

  test('masks the key of a webhook URL on its own and the URL in normalized form', () => {
    const hook = 'https://App.example.net/api/fn?code=abcDEF123456&clientId=default';
    expect(expandSecrets([hook])).toEqual(expect.arrayContaining([hook, 'abcDEF123456', 'https://app.example.net/api/fn?code=abcDEF123456&clientId=default']));
    expect(redact('key was abcDEF123456.', [hook])).toBe('key was ***.');
    expect(redact('to https://app.example.net/api/fn?code=abcDEF123456&clientId=default', [hook])).toBe('to ***');
    // Short query values (api-version=1) are not keys.
    expect(redact('api-version=1', ['https://h.example/?api-version=1'])).toBe('api-version=1');
  });

  test('masks a longer secret whole even when a shorter one is inside it; ignores empty secrets', () => {
    expect(redact('x abcdefgh y', ['abcd', 'abcdefgh'])).toBe('x *** y');
    expect(redact('nothing to hide', ['', 'zzzz'])).toBe('nothing to hide');
  });
});

describe('annotations', () => {
  test('healthy with 30 days left: nothing to annotate', () => {
    expect(annotations(healthy())).toEqual([]);
  });

  test('degraded: a warning for the check, with its fix', () => {
    expect(annotations(degraded())).toEqual([
      { level: 'warning', kind: 'check', title: 'Log stream active', message: 'Status is paused\nFix: Set resume-stream: true and run setup' },
    ]);
  });

  test("the authorization's expiry is annotated by its check alone, as judged against warn-days and critical-days", () => {
    const r = degraded();
    r.checks.push({ id: 'authorization', title: 'Auth0 authorized', status: 'warn', detail: 'Expires in 3 days (2026-03-04T10:00:00.000Z), within warn-days 14', fix: 'Renew it' });
    const a = annotations(r);
    expect(a.filter((x) => /authoriz|expir/i.test(`${x.title} ${x.message}`))).toEqual([
      { level: 'warning', kind: 'check', title: 'Auth0 authorized', message: 'Expires in 3 days (2026-03-04T10:00:00.000Z), within warn-days 14\nFix: Renew it' },
    ]);
    // Facts alone (days left, as any result carries them) annotate nothing: only a check judges.
    const h = healthy();
    h.facts.daysUntilExpiry = -2;
    expect(annotations(h)).toEqual([]);
  });

  test('failed: one error naming the step, service and code, with the fix', () => {
    const a = annotations(failed());
    expect(a).toHaveLength(1);
    expect(a[0]).toEqual({
      level: 'error',
      kind: 'failure',
      title: 'setup failed at: Authorize Auth0',
      message: expect.stringMatching(/^Azure Resource Manager AuthorizationFailed: The client .*\nFix: Grant the EventGrid Contributor role/s),
    });
  });

  test('a failing check is an error', () => {
    const r = healthy();
    r.health = 'unhealthy';
    r.checks[1] = { id: 'topic-activated', title: 'Partner topic activated', status: 'fail', detail: 'NeverActivated', fix: 'Run activate-topic' };
    expect(annotations(r)).toEqual([{ level: 'error', kind: 'check', title: 'Partner topic activated', message: 'NeverActivated\nFix: Run activate-topic' }]);
  });

  test('dry run: a notice listing the plan', () => {
    const a = annotations(dryRun());
    expect(a).toEqual([
      {
        level: 'notice',
        kind: 'plan',
        title: 'Dry run: 4 changes planned',
        message: [
          '- Register Microsoft.EventGrid: Register resource provider Microsoft.EventGrid',
          '- Authorize Auth0: Raise defaultMaximumExpirationTimeInDays to 7',
          '- Authorize Auth0: Authorize partner Auth0 until 2026-03-08T10:00:00Z',
          '- Create log stream: Create Auth0 log stream azure-eventgrid-rg-auth0-11111111',
        ].join('\n'),
      },
    ]);
  });

  test('secrets are masked in annotations', () => {
    const r = failed();
    r.failure!.message = 'rejected secret hunter2-xyz';
    expect(JSON.stringify(annotations(r, { secrets: ['hunter2-xyz'] }))).not.toContain('hunter2');
  });
});

describe('outputs', () => {
  test('one value for every OUTPUTS name', () => {
    const o = outputs(healthy());
    expect(Object.keys(o)).toEqual(OUTPUTS.map((x) => x.name));
    expect(o).toEqual({
      'partner-topic-name': 'auth0-logs-topic',
      'partner-topic-id': healthy().facts.partnerTopicId,
      'log-stream-id': 'lst_0000000000000001',
      'stream-status': 'active',
      'activation-state': 'Activated',
      'authorization-expires-at': '2026-03-31T10:00:00Z',
      'days-until-expiry': '30',
      'event-subscription-id': healthy().facts.eventSubscriptionId,
      health: 'healthy',
      changes: String(healthy().steps.reduce((n, x) => n + x.changes.length, 0)),
      'environment-names': '[]',
      environments: '[]',
      report: renderJson(healthy()),
    });
  });

  test('environment-names: the environments a fleet run acted on, as JSON for strategy.matrix', async () => {
    const { fleetResult } = await import('../src/operations/fleet.js');
    const fleet = fleetResult('check-expiry', [{ ...healthy(), environment: 'prod' }, { ...degraded(), environment: 'staging' }], Date.now(), false);
    expect(JSON.parse(outputs(fleet)['environment-names']).sort()).toEqual(['prod', 'staging']);
    expect(outputs({ ...healthy(), environment: 'dev' })['environment-names']).toBe('["dev"]');
  });

  test('unknown facts are empty strings; days 0 is "0", not empty', () => {
    const r = failed();
    r.facts.daysUntilExpiry = 0;
    const o = outputs(r);
    expect(Object.keys(o)).toEqual(OUTPUTS.map((x) => x.name));
    expect(o['partner-topic-name']).toBe('');
    expect(o['event-subscription-id']).toBe('');
    expect(o['days-until-expiry']).toBe('0');
    expect(o.health).toBe('unhealthy');
    expect(JSON.parse(o.report).failure.code).toBe('AuthorizationFailed');
  });
});

describe('exitCodeFor', () => {
  const withHealth = (health: OperationResult['health']) => ({ ...healthy(), health });
  test.each([
    ['healthy', 'unhealthy', 0],
    ['degraded', 'unhealthy', 0],
    ['unhealthy', 'unhealthy', 1],
    ['healthy', 'degraded', 0],
    ['degraded', 'degraded', 1],
    ['unhealthy', 'degraded', 1],
    ['healthy', 'never', 0],
    ['degraded', 'never', 0],
    ['unhealthy', 'never', 0],
  ] as const)('health %s with fail-on %s → %i', (health, failOn, code) => {
    expect(exitCodeFor(withHealth(health), failOn)).toBe(code);
  });

  test('a dry run succeeds whenever its plan was computed, whatever the present health; a failed plan fails', () => {
    for (const health of ['healthy', 'degraded', 'unhealthy'] as const) {
      for (const failOn of ['unhealthy', 'degraded', 'never'] as const) expect(exitCodeFor({ ...withHealth(health), dryRun: true }, failOn)).toBe(0);
    }
    expect(failureMessage({ ...withHealth('unhealthy'), dryRun: true }, 'degraded')).toBeUndefined();
    expect(exitCodeFor({ ...failed(), dryRun: true }, 'never')).toBe(1);
  });

  test('an operation failure always fails, even with fail-on never', () => {
    expect(exitCodeFor(failed(), 'never')).toBe(1);
    // A failed step without the operation-level failure counts too.
    const r = failed();
    delete r.failure;
    expect(exitCodeFor(r, 'never')).toBe(1);
  });

  test('failureMessage explains a non-zero exit, and is undefined for zero', () => {
    expect(failureMessage(healthy(), 'unhealthy')).toBeUndefined();
    expect(failureMessage(degraded(), 'unhealthy')).toBeUndefined();
    expect(failureMessage(degraded(), 'degraded')).toBe(
      'Health is degraded (fail-on: degraded).\n- Log stream active: Status is paused Fix: Set resume-stream: true and run setup',
    );
    expect(failureMessage(failed(), 'never')).toMatch(/^setup failed at "Authorize Auth0": Azure Resource Manager AuthorizationFailed: .*\nFix: Grant/s);
  });
});

describe('neutralizeWorkflowCommands', () => {
  test('no line of the result starts a workflow command', () => {
    const out = neutralizeWorkflowCommands(`ok\n::add-mask::x\n  ::set-output name=a::b\nfine :: here`);
    expect(out.split('\n').some((l) => l.trimStart().startsWith('::'))).toBe(false);
    expect(out).toContain('fine :: here');
    expect(neutralizeWorkflowCommands(HOSTILE)).toBe(HOSTILE);
  });
});
