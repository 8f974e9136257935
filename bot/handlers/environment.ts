/**
 * The commands that act on one environment of the default branch's file: /activate-topic,
 * /renew-authorization, /resume-stream, /deactivate-topic. In a tracking issue, the one whose
 * problem the command resolves is closed once it is resolved.
 */
import { md } from '../../src/report/escape.js';
import type { OperationResult } from '../../src/operations/types.js';
import type { CommandContext, Handler, Outcome } from '../context.js';
import { messageOf } from '../github.js';
import { RESOLVES, resolution, trackingMarkers } from '../tracking.js';
import { runForEnvironment } from './common.js';

/** Closes the tracking issue the command ran in when the command resolved its problem; says so in the reply. */
async function closeTrackingIssue(ctx: CommandContext, env: string, r: OperationResult): Promise<string> {
  const problem = RESOLVES[ctx.spec.name];
  if (!problem || ctx.thread.isPull || ctx.thread.state !== 'open' || !ctx.thread.markersTrusted) return '';
  if (!trackingMarkers(ctx.thread.body).some((m) => m.environment === env && m.problem === problem)) return '';
  const { resolved, detail } = resolution(problem, r);
  if (!resolved) return `\n\n**This tracking issue stays open:** ${md(detail)}.`;
  try {
    await ctx.gh.request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', { ...ctx.repo, issue_number: ctx.thread.number, state: 'closed', state_reason: 'completed' });
    return `\n\n**Resolved** (${md(detail)}): closed this tracking issue.`;
  } catch (err) {
    return `\n\n**Resolved** (${md(detail)}), but this tracking issue could not be closed: ${md(messageOf(err))}`;
  }
}

function environmentHandler(command: string, summary?: (r: OperationResult) => string): Handler {
  return async (ctx) => {
    const overrides: Record<string, string> = {};
    if (ctx.args.days !== undefined) overrides['authorization-days'] = String(ctx.args.days);
    const { outcome, result, env, settings } = await runForEnvironment(ctx, command, overrides);
    if (!result || !env || !settings) return outcome;
    let body = outcome.body;
    if (summary) body = `${summary(result)}\n\n${body}`;
    if (outcome.result === 'success') body += await closeTrackingIssue(ctx, env, result);
    return { ...outcome, body } satisfies Outcome;
  };
}

const renewalSummary = (r: OperationResult): string => {
  const before = r.facts.previousAuthorizationExpiresAt ?? (r.facts.authorizationExpiresAt === undefined ? 'unknown' : 'not authorized');
  if (r.failure) return `**Auth0 authorization of ${md(r.environment ?? '')}:** until ${md(before)} (unchanged).`;
  return `**Auth0 authorization of ${md(r.environment ?? '')}:** was until ${md(before)}, now until ${md(r.facts.authorizationExpiresAt ?? 'unknown')}${r.facts.daysUntilExpiry !== undefined ? ` (${r.facts.daysUntilExpiry} days)` : ''}.`;
};

const topicSummary = (r: OperationResult): string =>
  r.facts.partnerTopicName ? `**Partner topic of ${md(r.environment ?? '')}:** ${md(r.facts.partnerTopicName)}, source ${md(r.facts.partnerTopicSource ?? 'unknown')}, now ${md(r.facts.activationState ?? 'unknown')}.` : '';

const streamSummary = (r: OperationResult): string => (r.facts.logStreamId ? `**Auth0 log stream of ${md(r.environment ?? '')}:** ${md(r.facts.logStreamId)} is ${md(r.facts.streamStatus ?? 'unknown')}.` : '');

export const activateTopic = environmentHandler('activate-topic', topicSummary);
export const renewAuthorization = environmentHandler('renew-authorization', renewalSummary);
export const resumeStream = environmentHandler('resume-stream', streamSummary);
export const deactivateTopic = environmentHandler('deactivate-topic', topicSummary);
