/**
 * GitHub-shaped webhook deliveries for tests: the payload (as in GitHub's webhook schemas,
 * `@octokit/openapi-webhooks-types`), the exact JSON body, and the delivery headers GitHub sends
 * (`X-GitHub-Event`, `X-GitHub-Delivery`, `X-Hub-Signature-256` = HMAC-SHA256 of the body with the
 * app's webhook secret, …). Building a delivery also makes the event happen in the sandbox: an
 * `issue_comment.created` adds the comment (so its id exists for reactions and replies), `edited`
 * changes it, `pull_request.closed` closes (or merges) the pull request if it is still open.
 *
 * Kinds and params (`repo` defaults to octo-org/octo-repo; `installation: false` leaves the
 * installation out, as a repository webhook would):
 *   issue_comment.created       { issue, body, user? (default octo-writer) }
 *   issue_comment.edited        { comment, body, user? (default: the author) }
 *   pull_request.opened         { number } (a PR made with POST /_sandbox/github/pulls), or a PR spec to create one
 *   pull_request.synchronize    { number }  (before/after from the last push to the PR)
 *   pull_request.reopened       { number }
 *   pull_request.closed         { number, merged?: boolean, user? }
 *   issues.opened / issues.closed { issue }
 */
import { createHmac, randomUUID } from 'node:crypto';
import type { SandboxContext } from '../core/context.js';
import { HttpError } from '../core/http.js';
import { DEFAULT_IDS } from '../core/seed.js';
import { addComment, setIssueState, touch } from './issues.js';
import { closePull, createPull, type PullSpec } from './pulls-admin.js';
import { comment, issue, pullRequest, repository, simpleUser, apiUrl } from './shapes.js';
import { ensureUser, ghTime, githubState, nodeId, repoKey, secrets, type GhRepo } from './state.js';

export const WEBHOOK_KINDS = [
  'issue_comment.created',
  'issue_comment.edited',
  'pull_request.opened',
  'pull_request.synchronize',
  'pull_request.reopened',
  'pull_request.closed',
  'issues.opened',
  'issues.closed',
] as const;
export type WebhookKind = (typeof WEBHOOK_KINDS)[number];

export interface WebhookDelivery {
  /** The delivery id (X-GitHub-Delivery). */
  id: string;
  /** The event name (X-GitHub-Event). */
  name: string;
  payload: Record<string, any>;
  /** The exact JSON body that was signed: POST this. */
  body: string;
  headers: Record<string, string>;
}

export interface WebhookParams {
  repo?: string;
  issue?: number;
  comment?: number;
  number?: number;
  body?: string;
  user?: string;
  merged?: boolean;
  /** false: no `installation` in the payload. */
  installation?: boolean;
  /** For pull_request.opened without a number: the PR to create. */
  pull?: PullSpec;
  [k: string]: unknown;
}

const bad = (message: string) => new HttpError(400, 'InvalidWebhook', message);

function organization(ctx: SandboxContext, login: string): Record<string, unknown> | undefined {
  const st = githubState(ctx);
  const org = st.orgs[login.toLowerCase()];
  if (!org) return undefined;
  const u = `${apiUrl(ctx)}/orgs/${org.login}`;
  return {
    login: org.login,
    id: org.id,
    node_id: nodeId('O', org.id),
    url: u,
    repos_url: `${u}/repos`,
    events_url: `${u}/events`,
    hooks_url: `${u}/hooks`,
    issues_url: `${u}/issues`,
    members_url: `${u}/members{/member}`,
    public_members_url: `${u}/public_members{/member}`,
    avatar_url: `https://avatars.githubusercontent.com/u/${org.id}?v=4`,
    description: null,
  };
}

/** The repository as webhooks show it (the REST shape plus `custom_properties`). */
function hookRepository(ctx: SandboxContext, repo: GhRepo): Record<string, unknown> {
  return { ...repository(ctx, repo), custom_properties: {} };
}

function envelope(ctx: SandboxContext, repo: GhRepo, sender: string, withInstallation: boolean): Record<string, unknown> {
  const st = githubState(ctx);
  const out: Record<string, unknown> = { repository: hookRepository(ctx, repo), sender: simpleUser(ctx, sender) };
  const org = organization(ctx, repo.owner);
  if (org) out.organization = org;
  if (withInstallation) {
    const k = repoKey(`${repo.owner}/${repo.name}`);
    const inst =
      st.installations.find((i) => (i.repository_selection === 'all' ? i.account.toLowerCase() === repo.owner.toLowerCase() : i.repositories.includes(k))) ?? st.installations[0];
    out.installation = { id: inst.id, node_id: nodeId('MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9u', inst.id) };
  }
  return out;
}

/** The issue as webhooks show it (REST shape; `pull_request` present on pull requests). */
function hookIssue(ctx: SandboxContext, repo: GhRepo, n: number): Record<string, unknown> {
  const i = repo.issues.find((x) => x.number === n)!;
  return issue(ctx, repo, i);
}

function repoOf(ctx: SandboxContext, name: string | undefined): GhRepo {
  const st = githubState(ctx);
  const repo = st.repos[repoKey(name ?? DEFAULT_IDS.githubRepository)];
  if (!repo) throw bad(`Repository "${name}" does not exist in the sandbox.`);
  return repo;
}

/** Signs `body` as GitHub does: `sha256=<hex HMAC-SHA256>` with the webhook secret. */
export function signWebhook(secret: string, body: string): { sha256: string; sha1: string } {
  return {
    sha256: `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`,
    sha1: `sha1=${createHmac('sha1', secret).update(body).digest('hex')}`,
  };
}

export function webhookSecret(ctx: SandboxContext): string {
  githubState(ctx);
  return secrets(ctx).webhookSecret;
}

export function buildWebhook(ctx: SandboxContext, kind: WebhookKind | string, params: WebhookParams = {}): WebhookDelivery {
  if (!WEBHOOK_KINDS.includes(kind as WebhookKind)) throw bad(`Unknown webhook kind "${kind}". Known: ${WEBHOOK_KINDS.join(', ')}.`);
  const st = githubState(ctx);
  const [name, action] = kind.split('.');
  const repo = repoOf(ctx, params.repo);
  const withInstallation = params.installation !== false;
  let payload: Record<string, unknown>;

  if (name === 'issue_comment') {
    if (action === 'created') {
      const n = Number(params.issue);
      const i = repo.issues.find((x) => x.number === n);
      if (!i) throw bad(`issue_comment.created needs "issue": the number of an existing issue or pull request (got ${params.issue}).`);
      if (typeof params.body !== 'string') throw bad('issue_comment.created needs "body" (the comment text).');
      const user = ensureUser(st, params.user ?? 'octo-writer').login;
      // A comment by the app's own bot is one it made through the API (performed_via_github_app).
      const cm = addComment(ctx, repo, i, params.body, user, user.toLowerCase() === `${st.app.slug}[bot]` ? st.app.slug : null);
      payload = { action, issue: hookIssue(ctx, repo, n), comment: comment(ctx, repo, cm), ...envelope(ctx, repo, user, withInstallation) };
    } else {
      const cm = repo.comments.find((x) => x.id === Number(params.comment));
      if (!cm) throw bad(`issue_comment.edited needs "comment": the id of an existing comment (got ${params.comment}).`);
      if (typeof params.body !== 'string') throw bad('issue_comment.edited needs "body" (the new text).');
      const from = cm.body;
      cm.body = params.body;
      cm.updated_at = ghTime(ctx);
      const i = repo.issues.find((x) => x.number === cm.issue)!;
      touch(ctx, st, i);
      const sender = ensureUser(st, params.user ?? cm.user).login;
      payload = { action, changes: { body: { from } }, issue: hookIssue(ctx, repo, cm.issue), comment: comment(ctx, repo, cm), ...envelope(ctx, repo, sender, withInstallation) };
    }
  } else if (name === 'issues') {
    const n = Number(params.issue);
    const i = repo.issues.find((x) => x.number === n && !x.pull);
    if (!i) throw bad(`${kind} needs "issue": the number of an existing issue (got ${params.issue}).`);
    const sender = ensureUser(st, params.user ?? i.user).login;
    if (action === 'closed' && i.state !== 'closed') {
      setIssueState(ctx, i, 'closed', null, sender);
      touch(ctx, st, i);
    }
    payload = { action, issue: hookIssue(ctx, repo, n), ...envelope(ctx, repo, sender, withInstallation) };
  } else {
    let n = Number(params.number);
    if (action === 'opened' && !params.number) {
      if (!params.pull) throw bad('pull_request.opened needs "number" (a PR made with POST /_sandbox/github/pulls) or "pull" (a PR spec to create).');
      n = createPull(ctx, repo, params.pull).number;
    }
    const p = repo.pulls[String(n)];
    if (!p) throw bad(`${kind} needs "number": an existing pull request (got ${params.number}).`);
    const i = repo.issues.find((x) => x.number === n)!;
    let sender = ensureUser(st, params.user ?? i.user).login;
    if (action === 'closed' && i.state === 'open') closePull(ctx, repo, p, { merged: params.merged ?? false, by: sender });
    if (action === 'closed' && p.merged && !params.user) sender = p.merged_by ?? sender;
    if (action === 'reopened' && i.state === 'closed') {
      if (p.merged) throw bad(`Pull request #${n} is merged and cannot be reopened.`);
      setIssueState(ctx, i, 'open', null, sender);
      touch(ctx, st, i);
    }
    payload = { action, number: n, pull_request: pullRequest(ctx, repo, p) };
    if (action === 'synchronize') {
      payload.before = p.before ?? p.base.sha;
      payload.after = p.head.sha;
    }
    Object.assign(payload, envelope(ctx, repo, sender, withInstallation));
  }

  const body = JSON.stringify(payload);
  const id = randomUUID();
  const sig = signWebhook(secrets(ctx).webhookSecret, body);
  return {
    id,
    name,
    payload,
    body,
    headers: {
      'Content-Type': 'application/json',
      'User-Agent': 'GitHub-Hookshot/sandbox',
      'X-GitHub-Event': name,
      'X-GitHub-Delivery': id,
      'X-GitHub-Hook-ID': String(st.app.id + 1),
      'X-GitHub-Hook-Installation-Target-ID': String(st.app.id),
      'X-GitHub-Hook-Installation-Target-Type': 'integration',
      'X-Hub-Signature': sig.sha1,
      'X-Hub-Signature-256': sig.sha256,
    },
  };
}
