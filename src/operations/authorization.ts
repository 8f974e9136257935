/**
 * Granting Auth0's partner authorization, shared by setup, renew-authorization and auto-renew:
 * the expiry wanted (now + days, a little under Azure's limit), and the writes to get there — create
 * the partner configuration or raise its maximum when needed, then `authorizePartner`, which keeps
 * every other partner's entry.
 */
import type { PartnerConfiguration } from '../azure/arm.js';
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
