/** Rendering of a command over several environments: an overview row per environment (most urgent first), then each environment's own report. */
import type { FleetResult, OperationResult } from '../operations/types.js';
import { code, md, textLine } from './escape.js';
import { markdownOf } from './markdown.js';
import { CHECK_ICON, HEALTH_BADGE, formatDuration } from './model.js';
import { table, textOf } from './text.js';

/** The most telling line of an environment: its failure, else its worst check. */
export function headline(r: OperationResult): string {
  if (r.failure) return `${r.failure.step}: ${r.failure.code}: ${r.failure.message}`;
  const bad = r.checks.find((c) => c.status === 'fail') ?? r.checks.find((c) => c.status === 'warn');
  return bad ? `${bad.title}: ${bad.detail}` : 'all checks pass';
}

export function fleetMarkdown(f: FleetResult): string {
  const badge = HEALTH_BADGE[f.health];
  const out: string[] = [];
  out.push(`## ${badge.emoji} ${badge.word}: auth0-eventgrid ${md(f.command)} · ${f.environments.length} environment${f.environments.length === 1 ? '' : 's'}${f.dryRun ? ' (dry run)' : ''}`);
  out.push('');
  out.push(`*Started ${md(f.startedAt)}, took ${formatDuration(f.durationMs)}${f.configFile ? `, from ${code(f.configFile)}` : ''}. Most urgent first.*`);
  if (f.soonest) out.push('', `**Soonest expiry:** ${md(f.soonest.environment)}, ${md(f.soonest.authorizationExpiresAt)} (${f.soonest.daysUntilExpiry} days).`);
  out.push('', '| Environment | Health | Authorization expires | Days left | Stream | Topic | Detail |', '| --- | --- | --- | --- | --- | --- | --- |');
  for (const r of f.environments) {
    const h = HEALTH_BADGE[r.failure ? 'unhealthy' : r.health];
    out.push(
      `| ${md(r.environment ?? '')} | ${h.emoji} ${h.word} | ${md(r.facts.authorizationExpiresAt ?? '')} | ${r.facts.daysUntilExpiry ?? ''} | ${md(r.facts.streamStatus ?? '')} | ${md(r.facts.activationState ?? '')} | ${md(headline(r))} |`,
    );
  }
  if (f.tracking.length) {
    out.push('', '### Tracking issues', '', '| Environment | Problem | Issue | Action |', '| --- | --- | --- | --- |');
    for (const t of f.tracking) out.push(`| ${md(t.environment)} | ${md(t.problem)} | #${t.issueNumber} | ${t.action} |`);
  }
  if (f.trackingFailure) out.push('', `${CHECK_ICON.warn} **Tracking issues not kept:** ${md(f.trackingFailure.code)}: ${md(f.trackingFailure.message)} Fix: ${md(f.trackingFailure.fix)}`);
  for (const r of f.environments) {
    out.push('', `<details><summary>${md(r.environment ?? '')}: ${HEALTH_BADGE[r.health].word}</summary>`, '', markdownOf(r).replace(/^## /m, '### '), '', '</details>');
  }
  return out.join('\n') + '\n';
}

export function fleetText(f: FleetResult, details = false): string {
  const t = (s: string | number | undefined) => textLine(s === undefined ? '' : String(s));
  const out: string[] = [];
  out.push(`auth0-eventgrid ${t(f.command)}: ${HEALTH_BADGE[f.health].word.toUpperCase()} (${f.environments.length} environments, most urgent first)${f.dryRun ? ' (dry run)' : ''}`);
  out.push(`Took ${formatDuration(f.durationMs)}, started ${t(f.startedAt)}`);
  out.push(
    '',
    ...table([
      ['ENVIRONMENT', 'HEALTH', 'EXPIRES', 'DAYS', 'STREAM', 'TOPIC', 'DETAIL'],
      ...f.environments.map((r) => [t(r.environment), r.failure ? 'FAILED' : r.health, t(r.facts.authorizationExpiresAt), t(r.facts.daysUntilExpiry), t(r.facts.streamStatus), t(r.facts.activationState), t(headline(r))]),
    ]),
  );
  if (f.tracking.length) {
    out.push('', 'Tracking issues');
    out.push(...table([['ENVIRONMENT', 'PROBLEM', 'ISSUE', 'ACTION'], ...f.tracking.map((x) => [t(x.environment), t(x.problem), `#${x.issueNumber}`, x.action])]));
  }
  if (f.trackingFailure) out.push('', `Tracking issues not kept: ${t(f.trackingFailure.code)}: ${t(f.trackingFailure.message)} Fix: ${t(f.trackingFailure.fix)}`);
  if (details) for (const r of f.environments) out.push('', `── ${t(r.environment)} ──`, textOf(r).trimEnd());
  return out.join('\n') + '\n';
}
