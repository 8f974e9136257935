/**
 * Tracking issues for check-expiry: exactly one issue per environment and problem, found again by a
 * hidden marker in its body (not by title), updated on later runs instead of duplicated, reopened
 * when the problem comes back, and closed with a comment once the environment is healthy again.
 */
import type { Invocation } from '../config/environments.js';
import { md } from '../report/escape.js';
import { redact } from '../report/redact.js';
import type { Check, FleetResult, OperationResult, Progress } from '../operations/types.js';
import { ServiceError } from '../azure/errors.js';
import { authorizationConsequence } from '../operations/authorization.js';

export const TRACKING_LABEL = 'auth0-eventgrid';
const MARKER = /<!-- auth0-eventgrid:tracking environment=([^\s]+) problem=([a-z-]+) -->/;

export type Problem = 'authorization' | 'activation' | 'stream' | 'provider';

export function marker(environment: string, problem: Problem): string {
  return `<!-- auth0-eventgrid:tracking environment=${environment} problem=${problem} -->`;
}

/** The problems a result shows, with the checks behind each. */
export function problemsOf(r: OperationResult): Map<Problem, Check[]> {
  const out = new Map<Problem, Check[]>();
  for (const c of r.checks) {
    if (c.status === 'pass') continue;
    const p: Problem | undefined = c.id === 'authorization' ? 'authorization' : c.id.startsWith('activation') ? 'activation' : c.id.startsWith('stream') ? 'stream' : c.id === 'provider' ? 'provider' : undefined;
    if (!p) continue;
    out.set(p, [...(out.get(p) ?? []), c]);
  }
  return out;
}

const WHAT_HAPPENS: Record<Problem, (resourceGroup: string) => string> = {
  authorization: (rg) => `Once Auth0's partner authorization has expired, ${authorizationConsequence(rg)}. Renew it with the shortest length that is enough (least privilege).`,
  activation: () =>
    'Event Grid deletes a partner topic that is not activated by its expiration time; the stream then has nowhere to deliver, and Auth0 suspends it after repeated failures.',
  stream: () => 'A paused or suspended Auth0 log stream sends no events: nothing reaches Event Grid until it is resumed.',
  provider: () => 'Without the Microsoft.EventGrid resource provider nothing of the integration can exist in this subscription.',
};

function fixLines(env: string, problem: Problem, days: number): string[] {
  switch (problem) {
    case 'authorization':
      return [`- Comment \`/renew-authorization ${env} ${days}\` on this issue (needs write access), or`, `- run the workflow with \`command: renew-authorization\`, \`environment: ${env}\` (and \`authorization-days: ${days}\`).`];
    case 'activation':
      return [`- Check the topic's source, then comment \`/activate-topic ${env}\`, or`, `- run the workflow with \`command: activate-topic\`, \`environment: ${env}\`.`];
    case 'stream':
      return [`- Fix the cause (is the topic activated? is the authorization valid?), then comment \`/resume-stream ${env}\`, or`, `- run the workflow with \`command: setup\`, \`environment: ${env}\`, \`resume-stream: true\`.`];
    case 'provider':
      return [`- Run the workflow with \`command: setup\`, \`environment: ${env}\` (it registers the provider when allowed), or`, '- `az provider register --namespace Microsoft.EventGrid`.'];
  }
}

function titleOf(env: string, problem: Problem, r: OperationResult, checks: Check[]): string {
  const bad = checks.some((c) => c.status === 'fail') || r.facts.authorizationState === 'critical' ? 'critical' : 'warning';
  switch (problem) {
    case 'authorization':
      return r.facts.authorizationState === 'expired' || (r.facts.daysUntilExpiry !== undefined && r.facts.daysUntilExpiry <= 0)
        ? `auth0-eventgrid: Auth0 authorization for ${env} has expired`
        : r.facts.authorizationExpiresAt
          ? `auth0-eventgrid: Auth0 authorization for ${env} expires in ${r.facts.daysUntilExpiry} days (${bad})`
          : `auth0-eventgrid: Auth0 is not authorized for ${env}`;
    case 'activation':
      return `auth0-eventgrid: partner topic for ${env} is not activated`;
    case 'stream':
      return `auth0-eventgrid: Auth0 log stream for ${env} is ${r.facts.streamStatus ?? 'missing'}`;
    case 'provider':
      return `auth0-eventgrid: Microsoft.EventGrid is not registered for ${env}`;
  }
}

export function issueBody(env: string, problem: Problem, r: OperationResult, checks: Check[], days: number): string {
  const t = r.target;
  return [
    marker(env, problem),
    `### ${md(titleOf(env, problem, r, checks).replace(/^auth0-eventgrid: /, ''))}`,
    '',
    `Environment **${md(env)}**: subscription \`${t.subscriptionId}\`, resource group \`${md(t.resourceGroup)}\`, Auth0 \`${md(t.auth0Domain)}\`.`,
    '',
    '| Check | Status | Detail |',
    '| --- | --- | --- |',
    ...checks.map((c) => `| ${md(c.title)} | ${c.status === 'fail' ? '❌ fail' : '⚠️ warn'} | ${md(c.detail)} |`),
    '',
    `**What happens:** ${WHAT_HAPPENS[problem](t.resourceGroup)}`,
    '',
    '**To fix it:**',
    ...fixLines(env, problem, days),
    '',
    '_This issue is kept by `auth0-eventgrid check-expiry`: it is updated on each run and closed when the problem is resolved._',
  ].join('\n');
}

interface IssueLite {
  number: number;
  state: string;
  body?: string | null;
  title: string;
  html_url?: string;
  pull_request?: unknown;
}

export async function syncTrackingIssues(fleet: FleetResult, inv: Invocation, progress: Progress): Promise<void> {
  const { token, apiUrl, repository } = inv.run.github;
  if (!token) return;
  if (!repository) {
    fleet.trackingFailure = { step: 'Tracking issues', service: 'github', code: 'NoRepository', message: 'No repository to keep tracking issues in.', fix: 'Set the repository input (owner/name); in a workflow GITHUB_REPOSITORY provides it.' };
    return;
  }
  const [owner, repo] = repository.split('/');
  const { getOctokit } = await import('@actions/github');
  const octokit = getOctokit(token, { baseUrl: apiUrl });
  const secrets = inv.secrets;
  try {
    const existing: IssueLite[] = await octokit.paginate(octokit.rest.issues.listForRepo, { owner, repo, labels: TRACKING_LABEL, state: 'all', per_page: 100 });
    const byKey = new Map<string, IssueLite>();
    for (const issue of existing) {
      if (issue.pull_request) continue;
      const m = MARKER.exec(issue.body ?? '');
      if (!m) continue;
      const key = `${m[1]}\u0000${m[2]}`;
      const prev = byKey.get(key);
      // Keep one: prefer an open issue, then the oldest.
      if (!prev || (prev.state !== 'open' && issue.state === 'open') || (prev.state === issue.state && issue.number < prev.number)) byKey.set(key, issue);
    }
    let labelEnsured = false;
    const ensureLabel = async () => {
      if (labelEnsured) return;
      labelEnsured = true;
      try {
        await octokit.rest.issues.createLabel({ owner, repo, name: TRACKING_LABEL, color: 'eb5424', description: 'Kept by auth0-eventgrid check-expiry' });
      } catch (e: any) {
        if (e?.status !== 422) throw e;
      }
    };
    for (const r of fleet.environments) {
      const env = r.environment!;
      if (r.failure) continue; // state unknown: leave its issues as they are
      const settings = inv.environments.find((e) => e.environment === env);
      const days = settings?.authorizationDays ?? 7;
      const problems = problemsOf(r);
      for (const [problem, checks] of problems) {
        const body = redact(issueBody(env, problem, r, checks, days), secrets);
        const title = redact(titleOf(env, problem, r, checks), secrets);
        const found = byKey.get(`${env}\u0000${problem}`);
        if (!found) {
          await ensureLabel();
          const { data } = await octokit.rest.issues.create({ owner, repo, title, body, labels: [TRACKING_LABEL] });
          fleet.tracking.push({ environment: env, problem, action: 'opened', issueNumber: data.number, url: data.html_url });
        } else if (found.state !== 'open') {
          await octokit.rest.issues.update({ owner, repo, issue_number: found.number, state: 'open', title, body });
          await octokit.rest.issues.createComment({ owner, repo, issue_number: found.number, body: `The problem is back (check-expiry, ${new Date().toISOString()}): reopened.` });
          fleet.tracking.push({ environment: env, problem, action: 'reopened', issueNumber: found.number, url: found.html_url });
        } else if (found.body !== body || found.title !== title) {
          await octokit.rest.issues.update({ owner, repo, issue_number: found.number, title, body });
          fleet.tracking.push({ environment: env, problem, action: 'updated', issueNumber: found.number, url: found.html_url });
        } else {
          fleet.tracking.push({ environment: env, problem, action: 'unchanged', issueNumber: found.number, url: found.html_url });
        }
      }
      for (const [key, issue] of byKey) {
        const [kEnv, kProblem] = key.split('\u0000');
        if (kEnv !== env || issue.state !== 'open' || problems.has(kProblem as Problem)) continue;
        const detail = r.checks.find((c) => (kProblem === 'activation' ? c.id.startsWith('activation') : c.id.startsWith(kProblem)))?.detail;
        await octokit.rest.issues.createComment({ owner, repo, issue_number: issue.number, body: redact(`Resolved: check-expiry finds ${md(env)} healthy for this${detail ? ` (${md(detail)})` : ''}. Closing.`, secrets) });
        await octokit.rest.issues.update({ owner, repo, issue_number: issue.number, state: 'closed', state_reason: 'completed' });
        fleet.tracking.push({ environment: env, problem: kProblem, action: 'closed', issueNumber: issue.number, url: issue.html_url });
      }
    }
  } catch (e: any) {
    const err = new ServiceError('github', e?.status, e?.response?.data?.message ? `HTTP${e.status}` : 'RequestFailed', e?.response?.data?.message ?? e?.message ?? String(e));
    fleet.trackingFailure = {
      step: 'Tracking issues',
      service: 'github',
      code: err.code,
      message: err.message,
      fix: e?.status === 403 || e?.status === 401 ? 'Give the job `permissions: issues: write` and pass github-token: ${{ github.token }}.' : 'Run again; the environments were checked regardless.',
      status: e?.status,
    };
    progress.warn(`Tracking issues could not be kept: ${err.message}`);
  }
}
