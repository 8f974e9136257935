/**
 * Making pull requests happen (for the admin API and the webhook builder): open a PR whose head
 * commit changes files relative to its base, push more changes, add reviews, commit statuses and
 * check runs to its head, mark it (un)mergeable, close or merge it.
 */
import type { SandboxContext } from '../core/context.js';
import { HttpError } from '../core/http.js';
import { createIssue, labelNames, setIssueState, touch } from './issues.js';
import {
  addCommit,
  ensureUser,
  filesAt,
  ghTime,
  githubState,
  nextId,
  resolveRef,
  type GhCheckRun,
  type GhPull,
  type GhRepo,
  type GhReview,
  type GhStatus,
} from './state.js';

const bad = (message: string) => new HttpError(400, 'InvalidPullRequest', message);

export interface ReviewSpec {
  user: string;
  state?: GhReview['state'];
  body?: string;
  commit_id?: string;
}
export interface StatusSpec {
  context?: string;
  state: GhStatus['state'];
  description?: string;
  target_url?: string;
  creator?: string;
}
export interface CheckRunSpec {
  name: string;
  status?: GhCheckRun['status'];
  conclusion?: GhCheckRun['conclusion'];
  title?: string;
  summary?: string;
  details_url?: string;
  /** The app slug that made the run (default `github-actions`). */
  app?: string;
}

export interface PullSpec {
  number?: number;
  title?: string;
  body?: string | null;
  /** Author (default octo-writer). */
  user?: string;
  /** Head branch name, or { ref, fork, owner } for a PR from a fork (owner default: the author). */
  head?: string | { ref?: string; fork?: boolean; owner?: string };
  /** Shortcut for head.fork. */
  fork?: boolean;
  base?: string;
  /** Files changed at head relative to base: path → new content, or null to delete. */
  files?: Record<string, string | null>;
  draft?: boolean;
  mergeable?: boolean | null;
  mergeable_state?: string | null;
  maintainer_can_modify?: boolean;
  labels?: string[];
  reviews?: ReviewSpec[];
  statuses?: StatusSpec[];
  checkRuns?: CheckRunSpec[];
}

export interface PullUpdate extends Omit<PullSpec, 'number' | 'head' | 'base' | 'user' | 'fork'> {
  /** Commit message of the push made by `files`. */
  message?: string;
  state?: 'open' | 'closed';
  merged?: boolean;
  /** Who merges / closes (default octo-admin). */
  by?: string;
}

function applyChanges(files: Record<string, string>, changes: Record<string, string | null> | undefined): Record<string, string> {
  const out = { ...files };
  for (const [p, v] of Object.entries(changes ?? {})) {
    const path = p.replace(/^\/+/, '');
    if (!path) throw bad('A file path is empty.');
    if (v === null) delete out[path];
    else if (typeof v !== 'string') throw bad(`File "${path}": content must be a string (or null to delete).`);
    else out[path] = v;
  }
  return out;
}

const REVIEW_STATES: GhReview['state'][] = ['APPROVED', 'CHANGES_REQUESTED', 'COMMENTED', 'DISMISSED', 'PENDING'];
const STATUS_STATES: GhStatus['state'][] = ['error', 'failure', 'pending', 'success'];

export function addReview(ctx: SandboxContext, repo: GhRepo, p: GhPull, r: ReviewSpec): GhReview {
  const st = githubState(ctx);
  if (!r?.user) throw bad('A review needs "user".');
  const state = (r.state ?? 'APPROVED').toUpperCase() as GhReview['state'];
  if (!REVIEW_STATES.includes(state)) throw bad(`Review state "${r.state}" is not one of ${REVIEW_STATES.join(', ')}.`);
  const review: GhReview = { id: nextId(st), user: ensureUser(st, r.user).login, state, body: r.body ?? '', commit_id: r.commit_id ?? p.head.sha, submitted_at: ghTime(ctx) };
  p.reviews.push(review);
  return review;
}

export function addStatus(ctx: SandboxContext, repo: GhRepo, sha: string, s: StatusSpec): GhStatus {
  const st = githubState(ctx);
  if (!STATUS_STATES.includes(s?.state)) throw bad(`Status state "${s?.state}" is not one of ${STATUS_STATES.join(', ')}.`);
  const now = ghTime(ctx);
  const status: GhStatus = {
    id: nextId(st),
    sha,
    state: s.state,
    context: s.context ?? 'default',
    description: s.description ?? null,
    target_url: s.target_url ?? null,
    creator: ensureUser(st, s.creator ?? 'github-actions[bot]').login,
    created_at: now,
    updated_at: now,
  };
  repo.statuses.push(status);
  return status;
}

export function addCheckRun(ctx: SandboxContext, repo: GhRepo, sha: string, r: CheckRunSpec): GhCheckRun {
  const st = githubState(ctx);
  if (!r?.name) throw bad('A check run needs "name".');
  const status = r.status ?? 'completed';
  const now = ghTime(ctx);
  const run: GhCheckRun = {
    id: nextId(st),
    head_sha: sha,
    name: r.name,
    status,
    conclusion: status === 'completed' ? (r.conclusion ?? 'success') : null,
    started_at: now,
    completed_at: status === 'completed' ? now : null,
    title: r.title ?? null,
    summary: r.summary ?? null,
    details_url: r.details_url ?? null,
    app: r.app ?? 'github-actions',
  };
  repo.check_runs.push(run);
  return run;
}

function applyExtras(ctx: SandboxContext, repo: GhRepo, p: GhPull, spec: PullSpec | PullUpdate): void {
  if (spec.draft !== undefined) p.draft = !!spec.draft;
  if (spec.mergeable !== undefined) p.mergeable = spec.mergeable;
  if (spec.mergeable_state !== undefined) p.mergeable_state = spec.mergeable_state;
  if (spec.maintainer_can_modify !== undefined) p.maintainer_can_modify = !!spec.maintainer_can_modify;
  for (const r of spec.reviews ?? []) addReview(ctx, repo, p, r);
  for (const s of spec.statuses ?? []) addStatus(ctx, repo, p.head.sha, s);
  for (const r of spec.checkRuns ?? []) addCheckRun(ctx, repo, p.head.sha, r);
}

export function createPull(ctx: SandboxContext, repo: GhRepo, spec: PullSpec = {}): GhPull {
  const st = githubState(ctx);
  const user = ensureUser(st, spec.user ?? 'octo-writer').login;
  const base = spec.base ?? repo.default_branch;
  const baseSha = repo.refs[`refs/heads/${base}`];
  if (!baseSha) throw bad(`Base branch "${base}" does not exist in ${repo.owner}/${repo.name}.`);
  const headSpec = typeof spec.head === 'string' ? { ref: spec.head } : (spec.head ?? {});
  const fork = headSpec.fork ?? spec.fork ?? false;
  const number = spec.number ?? repo.next_number;
  const headRef = headSpec.ref ?? `feature-${number}`;
  const headOwner = fork ? ensureUser(st, headSpec.owner ?? user).login : repo.owner;
  if (!fork && headRef === base) throw bad('The head and base branches are the same.');
  if (Object.values(repo.pulls).some((p) => p.head.ref === headRef && p.head.repo.toLowerCase() === `${headOwner}/${repo.name}`.toLowerCase() && repo.issues.find((i) => i.number === p.number)?.state === 'open')) {
    throw bad(`A pull request already exists for ${headOwner}:${headRef}.`);
  }
  const existingHead = !fork ? repo.refs[`refs/heads/${headRef}`] : undefined;
  const startSha = existingHead ?? baseSha;
  const files = applyChanges(filesAt(repo, startSha), spec.files);
  const headSha = spec.files || !existingHead ? addCommit(ctx, repo, files, [startSha], spec.title ?? `Change ${headRef}`, user) : existingHead;
  const i = createIssue(ctx, repo, { title: spec.title ?? `Update from ${headRef}`, body: spec.body ?? null, user, labels: spec.labels, pull: true, number });
  const p: GhPull = {
    number: i.number,
    head: { ref: headRef, sha: headSha, repo: `${headOwner}/${repo.name}`, fork, user: headOwner },
    base: { ref: base, sha: baseSha },
    draft: false,
    merged: false,
    merged_at: null,
    merged_by: null,
    merge_commit_sha: null,
    mergeable: true,
    mergeable_state: null,
    maintainer_can_modify: !fork,
    reviews: [],
    before: null,
  };
  repo.pulls[String(i.number)] = p;
  if (!fork) repo.refs[`refs/heads/${headRef}`] = headSha;
  repo.refs[`refs/pull/${i.number}/head`] = headSha;
  applyExtras(ctx, repo, p, spec);
  return p;
}

/** Pushes `files` as a new commit on the PR's head (the before/after of a synchronize event). */
export function pushToPull(ctx: SandboxContext, repo: GhRepo, p: GhPull, changes: Record<string, string | null>, message?: string, author?: string): string {
  const files = applyChanges(filesAt(repo, p.head.sha), changes);
  const sha = addCommit(ctx, repo, files, [p.head.sha], message ?? 'Update', author ?? repo.issues.find((i) => i.number === p.number)!.user);
  p.before = p.head.sha;
  p.head.sha = sha;
  if (!p.head.fork) repo.refs[`refs/heads/${p.head.ref}`] = sha;
  repo.refs[`refs/pull/${p.number}/head`] = sha;
  touch(ctx, githubState(ctx), repo.issues.find((i) => i.number === p.number)!);
  return sha;
}

export function closePull(ctx: SandboxContext, repo: GhRepo, p: GhPull, opts: { merged: boolean; by: string }): void {
  const st = githubState(ctx);
  const i = repo.issues.find((x) => x.number === p.number)!;
  if (i.state === 'closed') throw bad(`Pull request #${p.number} is already closed.`);
  const by = ensureUser(st, opts.by).login;
  if (opts.merged) {
    if (p.mergeable === false) throw bad(`Pull request #${p.number} is not mergeable.`);
    const baseRef = `refs/heads/${p.base.ref}`;
    const baseHead = repo.refs[baseRef];
    // Three-way in the simple sense: the PR's changes (head vs its base) applied to the branch now.
    const prBase = filesAt(repo, p.base.sha);
    const head = filesAt(repo, p.head.sha);
    const changes: Record<string, string | null> = {};
    for (const path of new Set([...Object.keys(prBase), ...Object.keys(head)])) if (prBase[path] !== head[path]) changes[path] = head[path] ?? null;
    const files = applyChanges(filesAt(repo, baseHead), changes);
    const sha = addCommit(ctx, repo, files, [baseHead, p.head.sha], `Merge pull request #${p.number} from ${p.head.repo.split('/')[0]}/${p.head.ref}`, by);
    repo.refs[baseRef] = sha;
    repo.pushed_at = ghTime(ctx);
    p.merged = true;
    p.merged_at = ghTime(ctx);
    p.merged_by = by;
    p.merge_commit_sha = sha;
  }
  setIssueState(ctx, i, 'closed', null, by);
  i.state_reason = null;
  touch(ctx, st, i);
}

export function updatePull(ctx: SandboxContext, repo: GhRepo, p: GhPull, u: PullUpdate): GhPull {
  const st = githubState(ctx);
  const i = repo.issues.find((x) => x.number === p.number)!;
  if (u.title !== undefined) i.title = String(u.title);
  if (u.body !== undefined) i.body = u.body;
  if (u.labels !== undefined) i.labels = labelNames(st, repo, u.labels);
  if (u.files) pushToPull(ctx, repo, p, u.files, u.message);
  applyExtras(ctx, repo, p, u);
  if (u.merged) closePull(ctx, repo, p, { merged: true, by: u.by ?? 'octo-admin' });
  else if (u.state === 'closed' && i.state === 'open') closePull(ctx, repo, p, { merged: false, by: u.by ?? 'octo-admin' });
  else if (u.state === 'open' && i.state === 'closed') {
    if (p.merged) throw bad(`Pull request #${p.number} is merged and cannot be reopened.`);
    setIssueState(ctx, i, 'open', null, u.by ?? 'octo-admin');
  }
  touch(ctx, st, i);
  return p;
}

export function refSha(repo: GhRepo, ref: string): string {
  const sha = resolveRef(repo, ref);
  if (!sha) throw bad(`No commit found for the ref ${ref}.`);
  return sha;
}
