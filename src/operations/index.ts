/** Entry to the use cases: builds the adapters for the settings, runs one command (or one per environment), returns a typed result. */
import type { Settings } from '../config/settings.js';
import type { Invocation } from '../config/environments.js';
import { fromAzureError } from '../azure/errors.js';
import { Run, type Adapters } from './run.js';
import { toFailure } from './failures.js';
import type { AnyResult, FleetResult, OperationResult, Progress } from './types.js';
import { setup } from './setup.js';
import { activateTopic, teardown, verify } from './commands.js';
import { checkExpiry, renewAuthorization } from './expiry.js';
import { deactivateTopic, resumeStream } from './stream.js';
import { adapterPool, fleetResult, mapLimit, type AdapterPool } from './fleet.js';

export type { OperationResult, FleetResult, AnyResult, Progress } from './types.js';
export { isFleet } from './types.js';

export interface RunContext {
  progress: Progress;
  /** Gets the workflow's OIDC token for the given audience (federated sign-in to Azure). */
  getIdToken?: (audience: string) => Promise<string>;
}

const COMMAND_IMPL: Record<string, (run: Run) => Promise<void>> = {
  setup,
  verify,
  'activate-topic': activateTopic,
  teardown,
  'check-expiry': checkExpiry,
  'renew-authorization': renewAuthorization,
  'resume-stream': resumeStream,
  'deactivate-topic': deactivateTopic,
};

function prefixed(progress: Progress, env?: string): Progress {
  if (!env) return progress;
  return { info: (m) => progress.info(`[${env}] ${m}`), warn: (m) => progress.warn(`[${env}] ${m}`) };
}

/** Runs the settings' command for one environment. */
export async function runCommand(settings: Settings, ctx: RunContext, adapters?: Adapters | AdapterPool): Promise<OperationResult> {
  const progress = prefixed(ctx.progress, settings.environment);
  let a: Adapters;
  try {
    const pool = adapters && 'adaptersFor' in adapters ? adapters : adapters ? undefined : adapterPool(ctx.getIdToken);
    a = pool ? await pool.adaptersFor(settings) : (adapters as Adapters);
  } catch (err) {
    const run = new Run(settings.command, settings, undefined as unknown as Adapters, progress);
    run.failure = toFailure('Sign in', fromAzureError(err), settings);
    return { ...run.result(), health: 'unhealthy' };
  }
  const run = new Run(settings.command, settings, a, progress);
  try {
    await COMMAND_IMPL[settings.command](run);
  } catch (err) {
    // Steps catch their own errors; this is for anything between them.
    run.failure ??= toFailure('Run', fromAzureError(err), settings);
  }
  return run.result();
}

/** Runs the invocation: one environment (an OperationResult) or the selected environments of the file (a FleetResult). */
export async function runInvocation(inv: Invocation, ctx: RunContext): Promise<AnyResult> {
  const pool = adapterPool(ctx.getIdToken);
  if (!inv.fromFile) return runCommand(inv.run, ctx, pool);
  const started = Date.now();
  const results = await mapLimit(inv.environments, inv.run.concurrency, (s) => runCommand(s, ctx, pool));
  const fleet: FleetResult = fleetResult(inv.run.command, results, started, inv.run.dryRun, inv.configFile);
  if (inv.run.command === 'check-expiry' && inv.run.github.token && !inv.run.dryRun) {
    const { syncTrackingIssues } = await import('../github/tracking.js');
    await syncTrackingIssues(fleet, inv, ctx.progress);
  }
  fleet.durationMs = Date.now() - started;
  return fleet;
}
