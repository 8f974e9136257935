/**
 * The frame every operation runs in: the settings, the adapters, progress, the deadline, and a step
 * runner that times each step, records what it changed, and turns errors into Failures (the first
 * failure stops the operation after the steps already running have finished).
 */
import type { Settings } from '../config/settings.js';
import type { AzureAdapter } from '../azure/arm.js';
import type { Auth0Adapter } from '../auth0/log-streams.js';
import { ServiceError } from '../azure/errors.js';
import { toFailure } from './failures.js';
import { healthOf, type Check, type Facts, type Failure, type OperationResult, type Progress, type StepResult, type StepStatus } from './types.js';

export interface Adapters {
  azure: AzureAdapter;
  auth0: Auth0Adapter;
}

export interface StepOutcome<T> {
  status: Exclude<StepStatus, 'failed'>;
  detail: string;
  changes?: string[];
  value: T;
}

export class Run {
  readonly steps: StepResult[] = [];
  readonly checks: Check[] = [];
  readonly facts: Facts = {};
  failure?: Failure;
  readonly started = Date.now();
  readonly deadline: number;

  constructor(
    readonly command: string,
    readonly settings: Settings,
    readonly adapters: Adapters,
    readonly progress: Progress,
  ) {
    this.deadline = this.started + settings.waitTimeoutMs;
  }

  get dryRun(): boolean {
    return this.settings.dryRun;
  }

  get failed(): boolean {
    return !!this.failure;
  }

  /** Azure's current time. */
  now(): Date {
    return this.adapters.azure.clock.now();
  }

  /** Runs one step; on error records the failure and returns undefined. */
  async step<T>(id: string, title: string, fn: () => Promise<StepOutcome<T>>): Promise<T | undefined> {
    const t0 = Date.now();
    const index = this.steps.length;
    const placeholder: StepResult = { id, title, status: 'skipped', detail: '', durationMs: 0, changes: [] };
    this.steps.push(placeholder);
    try {
      const out = await fn();
      Object.assign(placeholder, { status: out.status, detail: out.detail, changes: out.changes ?? [], durationMs: Date.now() - t0 });
      const verb = out.status === 'planned' ? 'plan' : out.status;
      this.progress.info(`${title}: ${verb} (${((Date.now() - t0) / 1000).toFixed(1)}s) ${out.detail}`);
      return out.value;
    } catch (err) {
      const failure = toFailure(title, err, this.settings);
      Object.assign(placeholder, { status: 'failed', detail: `${failure.code}: ${failure.message}`, durationMs: Date.now() - t0, failure });
      this.failure ??= failure;
      this.progress.info(`${title}: failed (${((Date.now() - t0) / 1000).toFixed(1)}s) ${failure.code}`);
      void index;
      return undefined;
    }
  }

  skip(id: string, title: string, detail: string): void {
    this.steps.push({ id, title, status: 'skipped', detail, durationMs: 0, changes: [] });
  }

  check(c: Check): void {
    this.checks.push(c);
  }

  /**
   * Waits until `probe` returns a value, printing progress; throws `onTimeout()` at the deadline.
   * The poll interval grows with the time already waited (a twentieth of it, from `initialMs` up to
   * `maxMs`), so a short wait is noticed within a fraction of a second and a long one costs few calls.
   */
  async waitFor<T>(what: string, probe: () => Promise<T | undefined>, onTimeout: () => Error, opts: { initialMs?: number; maxMs?: number } = {}): Promise<T> {
    const t0 = Date.now();
    let lastReport = 0;
    for (;;) {
      const v = await probe();
      if (v !== undefined) return v;
      const now = Date.now();
      if (now >= this.deadline) throw onTimeout();
      if (lastReport === 0 || now - lastReport >= 5000) {
        lastReport = now;
        this.progress.info(`Waiting for ${what}: ${((now - t0) / 1000).toFixed(0)}s elapsed, deadline in ${((this.deadline - now) / 1000).toFixed(0)}s`);
      }
      const delay = Math.min(Math.max((now - t0) / 20, opts.initialMs ?? 100), opts.maxMs ?? 5000);
      await new Promise((r) => setTimeout(r, Math.min(delay, Math.max(0, this.deadline - now))));
    }
  }

  /** An abort signal for long-running operations, firing at the deadline. */
  signal(): AbortSignal {
    return AbortSignal.timeout(Math.max(1000, this.deadline - Date.now()));
  }

  result(): OperationResult {
    const s = this.settings;
    return {
      command: this.command,
      ...(s.environment ? { environment: s.environment } : {}),
      target: { subscriptionId: s.azure.subscriptionId, resourceGroup: s.azure.resourceGroup, region: s.azure.region, auth0Domain: s.auth0.domain, streamName: s.stream.name },
      health: healthOf(this.checks, this.failure),
      dryRun: s.dryRun,
      startedAt: new Date(this.started).toISOString(),
      durationMs: Date.now() - this.started,
      steps: this.steps,
      checks: this.checks,
      facts: this.facts,
      failure: this.failure,
    };
  }
}

export function notFoundError(code: string, message: string): ServiceError {
  return new ServiceError('azure', 404, code, message);
}

export const DAY_MS = 86_400_000;
