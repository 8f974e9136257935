/**
 * Scripted faults and the request log of a test sandbox (admin API), and checks on how a run of the
 * bundled Action failed: the `::error` line the runner shows, and no stack trace anywhere.
 */
import type { Sandbox } from '../../sandbox/index.js';
import type { Fault, FaultSpec } from '../../sandbox/core/faults.js';
import type { RequestLogEntry } from '../../sandbox/core/http.js';
import { admin } from './sandbox.js';
import { runAction, type ActionRun } from './action.js';

export type { Fault, FaultSpec } from '../../sandbox/core/faults.js';
export type { RequestLogEntry } from '../../sandbox/core/http.js';

/** Adds faults (POST /_sandbox/faults); returns them as the sandbox stored them. */
export async function addFaults(sb: Sandbox, specs: FaultSpec[]): Promise<Fault[]> {
  return (await admin(sb, 'POST', 'faults', specs)).value;
}

/** Faults not yet used up (GET /_sandbox/faults): a fault leaves the list once its count is consumed. */
export async function pendingFaults(sb: Sandbox): Promise<Fault[]> {
  return (await admin(sb, 'GET', 'faults')).value;
}

export async function clearFaults(sb: Sandbox): Promise<void> {
  await admin(sb, 'DELETE', 'faults');
}

/** The request log's current sequence number, to read what comes after it. */
export async function mark(sb: Sandbox): Promise<number> {
  return (await admin(sb, 'GET', 'requests?since=999999999')).mark;
}

export async function requestsSince(sb: Sandbox, since: number): Promise<RequestLogEntry[]> {
  return (await admin(sb, 'GET', `requests?since=${since}`)).value;
}

/** Successful writes (the request log's `write`) after `since`. */
export async function writesSince(sb: Sandbox, since: number): Promise<RequestLogEntry[]> {
  return (await admin(sb, 'GET', `requests?since=${since}&writes=true`)).value;
}

/** The status a fault makes the request log show: 0 for a connection reset. */
export function faultStatus(f: FaultSpec): number {
  return f.reset ? 0 : f.status!;
}

/**
 * Whether a fault was hit and then got past: the log has its failed answer for that operation, and a
 * later request of the same operation that got another answer (the retry).
 */
export function hitAndRetried(log: RequestLogEntry[], f: FaultSpec): boolean {
  const same = log.filter((e) => e.service === f.service && e.operation === f.operation);
  const failedAt = same.findIndex((e) => e.status === faultStatus(f));
  return failedAt >= 0 && same.slice(failedAt + 1).some((e) => e.status !== faultStatus(f));
}

export interface TimedRun extends ActionRun {
  /** Wall time of the process, start to exit. */
  wallMs: number;
  /** The `report` output, parsed. */
  report: any;
}

/** Runs the bundled Action and times the process, so that a run that lingers after its work shows. */
export async function timedRun(inputs: Record<string, string>, env: Record<string, string> = {}, timeoutMs?: number): Promise<TimedRun> {
  const t0 = Date.now();
  const r = await runAction(inputs, env, timeoutMs);
  const wallMs = Date.now() - t0;
  let report: any;
  try {
    report = r.outputs.report ? JSON.parse(r.outputs.report) : undefined;
  } catch {
    report = undefined;
  }
  return { ...r, wallMs, report };
}

/** The `::error` workflow commands a run printed (a multi-line message is one line, `%0A`-escaped). */
export function errorLines(r: ActionRun): string[] {
  return r.stdout.split('\n').filter((l) => l.startsWith('::error'));
}

/** Lines of a stack trace anywhere in the run's output. */
export function stackLines(r: ActionRun): string[] {
  return r.all.split('\n').filter((l) => /^\s{4}at \S/.test(l));
}

/**
 * A run that failed as the design asks: exit code 1, one `::error` line that names the step, the
 * service's error code and the fix (each `fix` part must appear after "Fix:"), and no stack trace.
 * Returns that line, unescaped.
 */
export function expectCleanFailure(r: ActionRun, expected: { step: string; code: string; message?: (string | RegExp)[]; fix: (string | RegExp)[] }): string {
  expect(r.code).toBe(1);
  expect(stackLines(r)).toEqual([]);
  const failed = errorLines(r).filter((l) => l.includes(`failed at "${expected.step}"`));
  expect(failed).toHaveLength(1);
  const line = failed[0].replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%25/g, '%');
  expect(line).toContain(` ${expected.code}: `);
  const [head, fix] = line.split('\nFix: ');
  expect(fix).toBeDefined();
  for (const m of expected.message ?? []) expect(head).toMatch(m);
  for (const f of expected.fix) expect(fix).toMatch(f);
  return line;
}
