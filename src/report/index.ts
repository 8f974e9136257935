/**
 * The one renderer of operation results. Pure functions: the Action, the CLI and the bot turn the
 * same OperationResult into a job summary / comment (markdown), a terminal table (text), the
 * `report` output (JSON), annotations, outputs and an exit code.
 *
 * Results carry no secrets by design; still, every renderer takes the secrets to mask (settings.secrets)
 * and masks them before escaping and again in the final text, and the shells pass everything they
 * print through redact() as well.
 */
import type { FailOn } from '../config/settings.js';
import { OUTPUTS } from '../config/inputs.js';
import { isFleet, type AnyResult, type FleetResult, type OperationResult } from '../operations/types.js';
import { fleetMarkdown, fleetText, headline } from './fleet.js';
import { markdownOf } from './markdown.js';
import { changeItems, failuresOf, serviceName } from './model.js';
import { redact, redactDeep } from './redact.js';
import { textOf } from './text.js';

export { redact, expandSecrets, MASK } from './redact.js';
export { md, code, textLine, neutralizeWorkflowCommands } from './escape.js';
export { formatDuration, expiryPhrase } from './model.js';

export interface RenderOptions {
  /** Values to mask (settings.secrets). */
  secrets?: readonly string[];
}

const secretsOf = (o?: RenderOptions) => (o?.secrets ?? []).filter(Boolean);

/** Job summary / bot comment body. */
export function renderMarkdown(result: AnyResult, options?: RenderOptions): string {
  const secrets = secretsOf(options);
  const r = redactDeep(result, secrets);
  return redact(isFleet(r) ? fleetMarkdown(r) : markdownOf(r), secrets);
}

/** Plain aligned table for terminals. */
export function renderText(result: AnyResult, options?: RenderOptions & { details?: boolean }): string {
  const secrets = secretsOf(options);
  const r = redactDeep(result, secrets);
  return redact(isFleet(r) ? fleetText(r, options?.details ?? true) : textOf(r), secrets);
}

/** Sorts object keys recursively so the same result always gives the same text. */
function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') {
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]),
    );
  }
  return v;
}

/** The whole result as stable JSON (keys sorted, 2-space indent): the `report` output and `--json`. */
export function renderJson(result: AnyResult, options?: RenderOptions): string {
  const secrets = secretsOf(options);
  return redact(JSON.stringify(sortKeys(redactDeep(result, secrets)), null, 2), secrets);
}

export type AnnotationLevel = 'error' | 'warning' | 'notice';

export interface Annotation {
  level: AnnotationLevel;
  title: string;
  message: string;
  /** What it is about; the Action leaves out 'failure' when core.setFailed already reports it. */
  kind: 'failure' | 'check' | 'plan';
}

const withFix = (text: string, fix?: string) => (fix ? `${text}\nFix: ${fix}` : text);

/**
 * Annotations for the run: an error per failure (with its fix), an error or warning per failing or
 * warning check (the authorization check carries Auth0's authorization expiry, judged against
 * warn-days and critical-days), and a notice listing a dry run's plan.
 */
export function annotations(result: AnyResult, options?: RenderOptions): Annotation[] {
  if (isFleet(result)) {
    const out: Annotation[] = [];
    for (const env of result.environments) {
      for (const a of annotations(env, options)) out.push({ ...a, title: `[${env.environment}] ${a.title}` });
    }
    if (result.trackingFailure) {
      const f = redactDeep(result.trackingFailure, secretsOf(options));
      out.push({ level: 'warning', kind: 'check', title: 'Tracking issues not kept', message: withFix(`${f.code}: ${f.message}`, f.fix) });
    }
    return out;
  }
  const r = redactDeep(result, secretsOf(options));
  const out: Annotation[] = [];
  for (const f of failuresOf(r)) {
    out.push({
      level: 'error',
      kind: 'failure',
      title: `${r.command} failed at: ${f.step}`,
      message: withFix(`${serviceName(f.service)} ${f.code}: ${f.message}`, f.fix),
    });
  }
  for (const c of r.checks) {
    if (c.status === 'pass') continue;
    out.push({ level: c.status === 'fail' ? 'error' : 'warning', kind: 'check', title: c.title, message: withFix(c.detail, c.fix) });
  }
  if (r.dryRun) {
    const changes = changeItems(r);
    out.push({
      level: 'notice',
      kind: 'plan',
      title: changes.length ? `Dry run: ${changes.length} ${changes.length === 1 ? 'change' : 'changes'} planned` : 'Dry run: nothing to change',
      message: changes.length ? changes.map((c) => `- ${c.step}: ${c.change}`).join('\n') : 'Everything already matches the inputs.',
    });
  }
  return out;
}

/** Every Action output (OUTPUTS), empty when unknown. */
export function outputs(result: AnyResult, options?: RenderOptions): Record<string, string> {
  if (isFleet(result)) return fleetOutputs(result, options);
  const f = result.facts;
  const values: Record<string, string | number | undefined> = {
    'partner-topic-name': f.partnerTopicName,
    'partner-topic-id': f.partnerTopicId,
    'log-stream-id': f.logStreamId,
    'stream-status': f.streamStatus,
    'activation-state': f.activationState,
    'authorization-expires-at': f.authorizationExpiresAt,
    'days-until-expiry': f.daysUntilExpiry,
    'event-subscription-id': f.eventSubscriptionId,
    health: result.health,
    changes: changeItems(result).length,
    environments: JSON.stringify(result.environment ? [envSummary(result)] : []),
    'environment-names': JSON.stringify(result.environment ? [result.environment] : []),
  };
  const secrets = secretsOf(options);
  return Object.fromEntries(
    OUTPUTS.map(({ name }) => [
      name,
      name === 'report' ? renderJson(result, options) : redact(values[name] === undefined ? '' : String(values[name]), secrets),
    ]),
  );
}

/**
 * The process exit code: 1 when the operation failed (whatever fail-on says), or when health is
 * unhealthy (fail-on unhealthy), unhealthy or degraded (fail-on degraded); never for health alone
 * with fail-on never. A dry run succeeds whenever its plan was computed: its health is that of the
 * present state, which the plan is there to change. Else 0.
 */
export function exitCodeFor(result: AnyResult, failOn: FailOn): 0 | 1 {
  if (isFleet(result)) {
    if (result.environments.some((r) => failuresOf(r).length)) return 1;
    return exitCodeFor({ ...result.environments[0], checks: [], steps: [], failure: undefined, health: result.health, dryRun: result.dryRun } as OperationResult, failOn);
  }
  if (failuresOf(result).length) return 1;
  if (failOn === 'never' || result.dryRun) return 0;
  if (result.health === 'unhealthy') return 1;
  if (failOn === 'degraded' && result.health === 'degraded') return 1;
  return 0;
}

/** One message saying why exitCodeFor fails (for core.setFailed / stderr), or undefined when it does not. */
export function failureMessage(result: AnyResult, failOn: FailOn, options?: RenderOptions): string | undefined {
  if (!exitCodeFor(result, failOn)) return undefined;
  if (isFleet(result)) {
    const r = redactDeep(result, secretsOf(options));
    const bad = r.environments.filter((e) => e.failure || e.health === 'unhealthy' || (failOn === 'degraded' && e.health === 'degraded'));
    return [`${bad.length} of ${r.environments.length} environments need attention (fail-on: ${failOn}):`, ...bad.map((e) => `- ${e.environment}: ${headline(e)}`)].join('\n');
  }
  const r = redactDeep(result, secretsOf(options));
  const [f] = failuresOf(r);
  if (f) return `${r.command} failed at "${f.step}": ${serviceName(f.service)} ${f.code}: ${f.message}\nFix: ${f.fix}`;
  const bad = r.checks.filter((c) => (r.health === 'unhealthy' ? c.status === 'fail' : c.status !== 'pass'));
  const lines = bad.map((c) => `- ${c.title}: ${c.detail}${c.fix ? ` Fix: ${c.fix}` : ''}`);
  return [`Health is ${r.health} (fail-on: ${failOn}).`, ...lines].join('\n');
}

function envSummary(r: OperationResult) {
  return {
    environment: r.environment ?? '',
    health: r.failure ? 'unhealthy' : r.health,
    failed: !!r.failure,
    authorizationExpiresAt: r.facts.authorizationExpiresAt ?? null,
    daysUntilExpiry: r.facts.daysUntilExpiry ?? null,
    streamStatus: r.facts.streamStatus ?? null,
    activationState: r.facts.activationState ?? null,
  };
}

/** Outputs of a fleet run: the worst health, the soonest expiry, a per-environment summary, the report. */
function fleetOutputs(result: FleetResult, options?: RenderOptions): Record<string, string> {
  const one = result.environments.length === 1 ? result.environments[0] : undefined;
  const base = one ? outputs(one, options) : Object.fromEntries(OUTPUTS.map(({ name }) => [name, '']));
  const secrets = secretsOf(options);
  return {
    ...base,
    'authorization-expires-at': result.soonest?.authorizationExpiresAt ?? base['authorization-expires-at'] ?? '',
    'days-until-expiry': result.soonest ? String(result.soonest.daysUntilExpiry) : (base['days-until-expiry'] ?? ''),
    health: result.health,
    changes: String(result.environments.reduce((n, r) => n + changeItems(r).length, 0)),
    environments: redact(JSON.stringify(result.environments.map(envSummary)), secrets),
    'environment-names': JSON.stringify(result.environments.map((e) => e.environment ?? '').filter(Boolean)),
    report: renderJson(result, options),
  };
}
