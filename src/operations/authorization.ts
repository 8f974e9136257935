/**
 * Granting Auth0's partner authorization, shared by setup, renew-authorization and auto-renew:
 * the expiry wanted (now + days, a little under Azure's limit), and the writes to get there — create
 * the partner configuration or raise its maximum when needed, then `authorizePartner`, which keeps
 * every other partner's entry. And the one judgement of that authorization (thresholds, severity,
 * consequence and fix), used by verify, setup, check-expiry, renew-authorization and the bot.
 */
import type { PartnerConfiguration } from '../azure/arm.js';
import type { Settings } from '../config/settings.js';
import { DAY_MS, type Run } from './run.js';

/** Margin under the maximum so that clock differences never push a grant past Azure's limit. */
const GRANT_MARGIN_MS = 5 * 60_000;

/** The expiry a grant of `days` from now asks for. */
export function wantedExpiry(run: Run, days: number): number {
  return run.now().getTime() + days * DAY_MS - GRANT_MARGIN_MS;
}

/** The changes a grant until `want` makes to `cfg` (for plans and reports). */
export function grantChanges(rg: string, cfg: PartnerConfiguration | undefined, days: number, want: number, verb: string): string[] {
  const changes: string[] = [];
  const maxDays = cfg?.partnerAuthorization?.defaultMaximumExpirationTimeInDays ?? 7;
  if (!cfg) changes.push(`Create the partner configuration of ${rg}${days > 7 ? ` (maximum authorization ${days} days)` : ''}`);
  else if (maxDays < days) changes.push(`Raise the partner configuration's maximum authorization from ${maxDays} to ${days} days`);
  changes.push(`${verb} Auth0 until ${new Date(want).toISOString()} (${days} days)`);
  return changes;
}

/**
 * Makes the writes: the configuration (or its maximum) when needed, then Auth0's entry. The
 * configuration is created only if still absent: when another client created it since it was read
 * (412), it is read again and only its maximum and Auth0's entry are changed, never its partner list.
 */
export async function grant(run: Run, cfg: PartnerConfiguration | undefined, days: number, want: number): Promise<PartnerConfiguration> {
  const { azure } = run.adapters;
  const rg = run.settings.azure.resourceGroup;
  if (!cfg) {
    const created = await azure.createPartnerConfiguration(rg, days > 7 ? days : undefined, run.signal());
    if (!created) cfg = await azure.partnerConfiguration(rg);
  }
  const maxDays = cfg?.partnerAuthorization?.defaultMaximumExpirationTimeInDays ?? 7;
  if (cfg && maxDays < days) await azure.setMaximumExpirationDays(rg, days, run.signal());
  return azure.authorizeAuth0(rg, new Date(want));
}

/**
 * What the integration still needs of Auth0's authorization, which decides how much its expiry matters.
 * The authorization lets Auth0 create, update and delete partner resources (topics, channels) in the
 * group; nothing public says delivery to an already created, activated topic stops when it expires.
 * - `exists`: the stream's partner topic exists: an expiry stops only future creations (degraded);
 * - `needed`: a topic still has to be created (no stream or topic yet): an expiry stops setup (unhealthy);
 * - `unknown`: not read (renew-authorization judges the new expiry only).
 */
export type TopicNeed = 'exists' | 'needed' | 'unknown';

/** The thresholds in force: warn-days and critical-days, capped relative to the granted period. */
export interface ExpiryThresholds {
  warnMs: number;
  criticalMs: number;
  /** How they were derived, for the check's detail. */
  explain: { warn: string; critical: string };
}

/**
 * warn-days and critical-days judged against the period granted (authorization-days): a warning
 * never before half of it is used, critical never before three quarters, so that an authorization
 * renewed with authorization-days is healthy, whatever the thresholds (7 days granted with warn-days
 * 14 warns from 3.5 days left, critical from 1.75). verify, check-expiry, auto-renew, renew-authorization
 * and the ChatOps bot all judge through this.
 */
export function expiryThresholds(s: Settings): ExpiryThresholds {
  const granted = s.authorizationDays * DAY_MS;
  const warnMs = Math.min(s.expiry.warnDays * DAY_MS, granted / 2);
  const criticalMs = Math.min(s.expiry.criticalDays * DAY_MS, granted / 4, warnMs);
  const d = (ms: number) => `${+(ms / DAY_MS).toFixed(2)} days`;
  return {
    warnMs,
    criticalMs,
    explain: {
      warn: warnMs < s.expiry.warnDays * DAY_MS ? `${d(warnMs)}: warn-days ${s.expiry.warnDays}, at most half of authorization-days ${s.authorizationDays}` : `warn-days ${s.expiry.warnDays}`,
      critical: criticalMs < s.expiry.criticalDays * DAY_MS ? `${d(criticalMs)}: critical-days ${s.expiry.criticalDays}, at most a quarter of authorization-days ${s.authorizationDays}` : `critical-days ${s.expiry.criticalDays}`,
    },
  };
}

/** What an expired or missing authorization stops, in the words every report, issue and reply uses. */
export function authorizationConsequence(resourceGroup: string): string {
  return `Auth0 can no longer create, update or delete partner resources in ${resourceGroup}: a recreated log stream or a new environment streaming to this group will fail (a partner topic already activated keeps receiving events)`;
}

/** How to renew, in the words every report, issue and reply uses. */
export function renewalFix(s: Settings): string {
  const env = s.environment ? `${s.environment} ` : '';
  return `Renew it: comment \`/renew-authorization ${env}${s.authorizationDays}\`, or run the workflow with command: renew-authorization (authorization-days: ${s.authorizationDays}; the shortest that is enough)`;
}

export type AuthorizationLevel = 'valid' | 'unlimited' | 'expiring' | 'critical' | 'expired' | 'absent';

/**
 * The one judgement of Auth0's authorization: the `authorization` check and the facts. Missing or
 * expired: unhealthy while a topic still has to be created, else degraded with the consequence
 * spelled out; inside critical-days: as bad as the expiry it announces (unhealthy or degraded);
 * inside warn-days: degraded.
 */
export function judgeAuthorization(run: Run, a: { present: boolean; expiresAt?: number; topic: TopicNeed }): AuthorizationLevel {
  const s = run.settings;
  const rg = s.azure.resourceGroup;
  const now = run.now().getTime();
  const f = run.facts;
  const exp = a.expiresAt !== undefined && Number.isFinite(a.expiresAt) ? a.expiresAt : undefined;
  if (a.present && exp !== undefined) {
    f.authorizationExpiresAt = new Date(exp).toISOString();
    // Rounded: an authorization granted for 7 days a moment ago reads as 7 (thresholds use exact times).
    f.daysUntilExpiry = Math.round((exp - now) / DAY_MS);
  }
  const t = expiryThresholds(s);
  const title = 'Auth0 authorized';
  const fix = renewalFix(s);
  // Once it is gone, how bad that is depends on whether a topic still has to be created.
  const goneStatus = a.topic === 'needed' ? 'fail' : 'warn';
  const consequence = authorizationConsequence(rg);
  const stillToCreate = a.topic === 'needed' ? '; the stream has no partner topic yet, and Auth0 cannot create it' : '';
  let level: AuthorizationLevel;
  if (!a.present) {
    level = 'absent';
    run.check({ id: 'authorization', title, status: goneStatus, detail: `The partner configuration of ${rg} does not authorize Auth0: ${consequence}${stillToCreate}`, fix });
  } else if (exp === undefined) {
    level = 'unlimited';
    run.check({ id: 'authorization', title, status: 'pass', detail: 'Authorized without an expiry time' });
  } else if (exp <= now) {
    level = 'expired';
    run.check({ id: 'authorization', title, status: goneStatus, detail: `Expired at ${new Date(exp).toISOString()}: ${consequence}${stillToCreate}`, fix });
  } else if (exp - now < t.criticalMs) {
    level = 'critical';
    run.check({ id: 'authorization', title, status: goneStatus, detail: `Critical: expires in ${remaining(exp - now)} (${new Date(exp).toISOString()}), within ${t.explain.critical}; then ${consequence}`, fix });
  } else if (exp - now < t.warnMs) {
    level = 'expiring';
    run.check({ id: 'authorization', title, status: 'warn', detail: `Expires in ${remaining(exp - now)} (${new Date(exp).toISOString()}), within ${t.explain.warn}; then ${consequence}`, fix });
  } else {
    level = 'valid';
    run.check({ id: 'authorization', title, status: 'pass', detail: `Until ${new Date(exp).toISOString()} (${remaining(exp - now)} left)` });
  }
  f.authorizationState = level;
  return level;
}

/** A remaining time in words: "13 days", "1 day", "5 hours" ("expired" once past). */
export function remaining(ms: number): string {
  if (ms <= 0) return 'expired';
  const d = ms / DAY_MS;
  return d >= 1.5 ? `${Math.round(d)} days` : d >= 1 ? '1 day' : `${Math.max(1, Math.round(ms / 3_600_000))} hours`;
}
