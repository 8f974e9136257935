/**
 * The Action's run() with the operation replaced: what it does with a result (summary, outputs,
 * annotations, log, exit code) and with an operation that throws.
 */
import { jest } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OUTPUTS } from '../src/config/inputs.js';
import type { Settings } from '../src/config/settings.js';
import { run } from '../src/action/main.js';
import type { OperationResult } from '../src/operations/types.js';
import { degraded, dryRun, failed, healthy } from './fixtures/results.js';

const SECRET = 'auth0-Secret-0123456789';
const HOOK_KEY = 'HookKey0123456789';
const INPUTS: Record<string, string> = {
  'azure-subscription-id': '11111111-2222-3333-4444-555555555555',
  'azure-resource-group': 'rg-auth0',
  'azure-region': 'westus2',
  'auth0-domain': 'dev-tenant.us.auth0.com',
  'auth0-client-id': 'm2m',
  'auth0-client-secret': SECRET,
  'webhook-url': `https://hooks.example.com/x?code=${HOOK_KEY}`,
};

let written: string[];
let files: { output: string; summary: string };
let dir: string;
const saved = { ...process.env };

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'a0eg-action-main-'));
  files = { output: join(dir, 'output'), summary: join(dir, 'summary') };
  writeFileSync(files.output, '');
  writeFileSync(files.summary, '');
  for (const k of Object.keys(process.env)) if (k.startsWith('INPUT_') || k.startsWith('GITHUB_') || k === 'RUNNER_DEBUG') delete process.env[k];
  for (const [name, value] of Object.entries(INPUTS)) process.env[`INPUT_${name.toUpperCase()}`] = value;
  process.env.GITHUB_OUTPUT = files.output;
  process.env.GITHUB_STEP_SUMMARY = files.summary;
  written = [];
  jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    written.push(String(chunk));
    return true;
  });
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
  jest.restoreAllMocks();
  process.env = { ...saved };
  process.exitCode = undefined;
});

const log = () => written.join('');

/** Parses the GITHUB_OUTPUT file (name<<delimiter / value / delimiter). */
function readOutputs(): Record<string, string> {
  const text = readFileSync(files.output, 'utf8');
  const out: Record<string, string> = {};
  const re = /^([^<\n]+)<<(\S+)\n([\s\S]*?)\n\2$/gm;
  for (const m of text.matchAll(re)) out[m[1]] = m[3];
  return out;
}

async function runWith(result: OperationResult | Error, inputs: Record<string, string> = {}): Promise<Settings | undefined> {
  for (const [name, value] of Object.entries(inputs)) process.env[`INPUT_${name.toUpperCase()}`] = value;
  let seen: Settings | undefined;
  await run({
    runCommand: async (settings, ctx) => {
      seen = settings;
      ctx.progress.info(`working with ${SECRET}`);
      ctx.progress.info('waiting\n::set-output name=health::healthy');
      ctx.progress.warn('slow');
      if (result instanceof Error) throw result;
      return result;
    },
  });
  return seen;
}

describe('run()', () => {
  test('healthy: summary, every output, log table, progress masked, exit 0', async () => {
    const settings = await runWith(healthy());
    expect(settings?.auth0.clientSecret).toBe(SECRET);
    expect(process.exitCode ?? 0).toBe(0);

    const outputs = readOutputs();
    expect(Object.keys(outputs).sort()).toEqual(OUTPUTS.map((o) => o.name).sort());
    expect(outputs['partner-topic-name']).toBe('auth0-logs-topic');
    expect(outputs['days-until-expiry']).toBe('30');
    expect(outputs.health).toBe('healthy');
    expect(JSON.parse(outputs.report).facts.logStreamId).toBe('lst_0000000000000001');

    expect(readFileSync(files.summary, 'utf8')).toContain('## ✅ Healthy: auth0-eventgrid setup');
    expect(log()).toContain('auth0-eventgrid setup: HEALTHY');
    expect(log()).toContain('working with ***');
    expect(log()).not.toContain(`working with ${SECRET}`);
    // A progress message cannot smuggle in a workflow command.
    expect(log()).toContain('name=health::healthy');
    expect(log()).not.toMatch(/^\s*::set-output/m);
    expect(log()).toContain('::warning::slow');
    expect(log()).not.toMatch(/^::error/m);
  });

  test('secrets are masked first', async () => {
    await runWith(healthy());
    const lines = log().split('\n');
    expect(lines[0]).toBe(`::add-mask::${SECRET}`);
    expect(lines.slice(0, 3)).toEqual(expect.arrayContaining([`::add-mask::${INPUTS['webhook-url']}`, `::add-mask::${HOOK_KEY}`]));
  });

  test('degraded: warning annotations with titles; fail-on degraded fails with the reason', async () => {
    await runWith(degraded());
    expect(process.exitCode ?? 0).toBe(0);
    expect(log()).toContain('::warning title=Log stream active::Status is paused%0AFix: Set resume-stream: true and run setup');

    written = [];
    await runWith(degraded(), { 'fail-on': 'degraded' });
    expect(process.exitCode).toBe(1);
    expect(log()).toContain('::error::Health is degraded (fail-on: degraded).%0A- Log stream active: Status is paused');
  });

  test('failed: exit 1 with the failure and its fix, annotated once', async () => {
    await runWith(failed(), { 'fail-on': 'never' });
    expect(process.exitCode).toBe(1);
    const errors = log().split('\n').filter((l) => l.startsWith('::error'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^::error::setup failed at "Authorize Auth0": Azure Resource Manager AuthorizationFailed: .*%0AFix: Grant the EventGrid Contributor role/);
    expect(readOutputs().health).toBe('unhealthy');
  });

  test('a second failure is still annotated', async () => {
    const r = failed();
    r.steps.push({
      id: 'stream',
      title: 'Auth0 log stream',
      status: 'failed',
      detail: 'refused',
      durationMs: 5,
      changes: [],
      failure: { step: 'Auth0 log stream', service: 'auth0', code: 'insufficient_scope', message: 'Missing scope read:log_streams', fix: 'Grant read:log_streams' },
    });
    await runWith(r);
    const errors = log().split('\n').filter((l) => l.startsWith('::error'));
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/^::error title=setup failed at%3A Auth0 log stream::Auth0 Management API insufficient_scope: Missing scope read:log_streams%0AFix: Grant read:log_streams$/);
    expect(errors[1]).toMatch(/^::error::setup failed at "Authorize Auth0"/);
  });

  test('dry run: a notice with the plan', async () => {
    await runWith(dryRun());
    expect(log()).toContain('::notice title=Dry run%3A 4 changes planned::- Register Microsoft.EventGrid: Register resource provider Microsoft.EventGrid%0A');
  });

  test('a secret echoed in a result is masked in summary, outputs, annotations and log', async () => {
    const r = failed();
    r.failure!.message = `rejected ${SECRET} and ${encodeURIComponent(INPUTS['webhook-url'])}`;
    r.steps[1].failure = r.failure;
    await runWith(r);
    const everything = [log(), readFileSync(files.output, 'utf8'), readFileSync(files.summary, 'utf8')].join('\n').split('\n');
    const leaks = everything.filter((l) => !l.startsWith('::add-mask::') && (l.includes(SECRET) || l.includes(HOOK_KEY)));
    expect(leaks).toEqual([]);
    expect(log()).toContain('rejected *** and ***');
  });

  test('an unexpected error fails with one line, no stack unless RUNNER_DEBUG=1', async () => {
    const err = new Error(`boom with ${SECRET}\nsecond line`);
    await runWith(err);
    expect(process.exitCode).toBe(1);
    const errors = log().split('\n').filter((l) => l.startsWith('::error'));
    expect(errors).toEqual(['::error::auth0-eventgrid failed unexpectedly: boom with ***']);
    expect(log()).not.toContain('    at ');

    written = [];
    process.env.RUNNER_DEBUG = '1';
    await runWith(err);
    expect(log()).toMatch(/::debug::Error: boom with \*\*\*%0Asecond line%0A {4}at /);
  });

  test('no summary file configured: still reports everything else', async () => {
    delete process.env.GITHUB_STEP_SUMMARY;
    await runWith(healthy());
    expect(process.exitCode ?? 0).toBe(0);
    expect(readOutputs().health).toBe('healthy');
  });
});
