/**
 * Tracking issues (kept by check-expiry, src/github/tracking.ts) carry a hidden marker naming their
 * environment and problem. A command run in such an issue defaults to the environment, and
 * when it resolves the problem the issue is closed: /renew-authorization for `authorization`
 * (once the new expiry passes check-expiry's judgement, else check-expiry would reopen it at once),
 * /activate-topic for `activation`, /resume-stream for `stream`.
 */
import { marker, type Problem } from '../src/github/tracking.js';
import type { OperationResult } from '../src/operations/types.js';
import type { CommandName } from './commands.js';

export interface TrackingMarker {
  environment: string;
  problem: Problem;
}

const PROBLEMS: Problem[] = ['authorization', 'activation', 'stream', 'provider'];

/** The account workflows act as with their GITHUB_TOKEN (check-expiry keeps tracking issues with it). */
export const ACTIONS_BOT = 'github-actions[bot]';

/**
 * Whether an issue's markers may choose the environment of a bare command and be closed by it: only
 * when the issue was opened by GitHub Actions or by this GitHub App (`performed_via_github_app`), the
 * two that keep tracking issues. Anyone can open an issue, and a hidden marker in it must not decide
 * which environment a maintainer's `/deactivate-topic` acts on.
 */
export function markersTrusted(author: { login: string; type: string } | undefined, viaAppId: number | undefined, appId: number | undefined): boolean {
  if (!author || author.type !== 'Bot') return false;
  if (author.login.toLowerCase() === ACTIONS_BOT) return true;
  return appId !== undefined && viaAppId === appId;
}

/** The markers in an issue body, in the format src/github/tracking.ts writes. */
export function trackingMarkers(body: string): TrackingMarker[] {
  const out: TrackingMarker[] = [];
  const [prefix] = marker('\u0000', 'authorization').split('\u0000');
  for (let i = body.indexOf(prefix); i !== -1; i = body.indexOf(prefix, i + prefix.length)) {
    const rest = body.slice(i + prefix.length, i + prefix.length + 200);
    const environment = /^[^\s]*/.exec(rest)![0];
    if (!/^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$/.test(environment)) continue;
    const problem = PROBLEMS.find((p) => marker(environment, p) === body.slice(i, i + marker(environment, p).length));
    if (problem) out.push({ environment, problem });
  }
  return out;
}

export const RESOLVES: Partial<Record<CommandName, Problem>> = {
  'renew-authorization': 'authorization',
  'activate-topic': 'activation',
  'resume-stream': 'stream',
};

/** Whether the result resolves the problem (undefined: it does not; else why it does). */
export function resolution(problem: Problem, r: OperationResult): { resolved: boolean; detail: string } {
  if (r.failure) return { resolved: false, detail: 'the command failed' };
  if (problem === 'authorization') {
    // renew-authorization judges the new expiry as check-expiry does (the same thresholds, relative to
    // authorization-days): resolved when that judgement passes, else check-expiry would reopen the issue.
    const check = r.checks.find((c) => c.id === 'authorization');
    if (!check || !r.facts.authorizationExpiresAt) return { resolved: false, detail: 'the new expiry is unknown' };
    return check.status === 'pass'
      ? { resolved: true, detail: `Auth0 is authorized until ${r.facts.authorizationExpiresAt}` }
      : { resolved: false, detail: `${check.detail.replace(/\.$/, '')}: check-expiry would reopen it; renew for more days to resolve it` };
  }
  if (problem === 'activation') {
    return r.facts.activationState === 'Activated' ? { resolved: true, detail: `partner topic ${r.facts.partnerTopicName} is activated` } : { resolved: false, detail: `the topic is ${r.facts.activationState ?? 'unknown'}` };
  }
  if (problem === 'stream') {
    return r.facts.streamStatus === 'active' ? { resolved: true, detail: 'the Auth0 log stream is active' } : { resolved: false, detail: `the stream is ${r.facts.streamStatus ?? 'unknown'}` };
  }
  return { resolved: false, detail: 'not resolved by this command' };
}
