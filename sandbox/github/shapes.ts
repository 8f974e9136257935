/**
 * GitHub's JSON shapes (as in GitHub's OpenAPI description, `@octokit/openapi-types`), rendered from
 * the sandbox state: users, repositories, issues, comments, labels, reactions, pull requests, files,
 * reviews, contents, refs, commits, statuses, check runs, the app and its installation.
 */
import type { SandboxContext } from '../core/context.js';
import {
  REACTIONS,
  blobSha,
  filesAt,
  fullName,
  githubState,
  roleOf,
  userOf,
  type GhCheckRun,
  type GhComment,
  type GhInstallation,
  type GhIssue,
  type GhLabel,
  type GhPull,
  type GhReaction,
  type GhRepo,
  type GhReview,
  type GhStatus,
  type GithubState,
} from './state.js';
import { nodeId } from './state.js';

export function apiUrl(ctx: SandboxContext): string {
  return ctx.endpoints.github ?? 'https://api.github.com';
}

export function simpleUser(ctx: SandboxContext, login: string): Record<string, unknown> {
  const st = githubState(ctx);
  const u = userOf(st, login);
  const api = apiUrl(ctx);
  const web = st.web_url;
  const ulogin = encodeURIComponent(u.login);
  const base = `${api}/users/${ulogin}`;
  const prefix = u.type === 'Bot' ? 'BOT' : u.type === 'Organization' ? 'O' : 'U';
  return {
    login: u.login,
    id: u.id,
    node_id: nodeId(prefix, u.id),
    avatar_url: `https://avatars.githubusercontent.com/${u.type === 'Bot' ? 'in/' : 'u/'}${u.id}?v=4`,
    gravatar_id: '',
    url: base,
    html_url: u.type === 'Bot' && u.login.endsWith('[bot]') ? `${web}/apps/${u.login.slice(0, -5)}` : `${web}/${u.login}`,
    followers_url: `${base}/followers`,
    following_url: `${base}/following{/other_user}`,
    gists_url: `${base}/gists{/gist_id}`,
    starred_url: `${base}/starred{/owner}{/repo}`,
    subscriptions_url: `${base}/subscriptions`,
    organizations_url: `${base}/orgs`,
    repos_url: `${base}/repos`,
    events_url: `${base}/events{/privacy}`,
    received_events_url: `${base}/received_events`,
    type: u.type,
    user_view_type: 'public',
    site_admin: false,
  };
}

export function repoUrl(ctx: SandboxContext, repo: GhRepo): string {
  return `${apiUrl(ctx)}/repos/${repo.owner}/${repo.name}`;
}

export function repoHtml(ctx: SandboxContext, repo: GhRepo): string {
  return `${githubState(ctx).web_url}/${repo.owner}/${repo.name}`;
}

export function repository(ctx: SandboxContext, repo: GhRepo, viewer?: string): Record<string, unknown> {
  const u = repoUrl(ctx, repo);
  const html = repoHtml(ctx, repo);
  const open = repo.issues.filter((i) => i.state === 'open').length;
  const role = viewer ? roleOf(repo, viewer) : null;
  const rank = role ? ['read', 'triage', 'write', 'maintain', 'admin'].indexOf(role) : -1;
  const out: Record<string, unknown> = {
    id: repo.id,
    node_id: nodeId('R', repo.id),
    name: repo.name,
    full_name: fullName(repo),
    private: repo.private,
    owner: simpleUser(ctx, repo.owner),
    html_url: html,
    description: repo.description,
    fork: repo.fork,
    url: u,
    archive_url: `${u}/{archive_format}{/ref}`,
    assignees_url: `${u}/assignees{/user}`,
    blobs_url: `${u}/git/blobs{/sha}`,
    branches_url: `${u}/branches{/branch}`,
    collaborators_url: `${u}/collaborators{/collaborator}`,
    comments_url: `${u}/comments{/number}`,
    commits_url: `${u}/commits{/sha}`,
    compare_url: `${u}/compare/{base}...{head}`,
    contents_url: `${u}/contents/{+path}`,
    contributors_url: `${u}/contributors`,
    deployments_url: `${u}/deployments`,
    downloads_url: `${u}/downloads`,
    events_url: `${u}/events`,
    forks_url: `${u}/forks`,
    git_commits_url: `${u}/git/commits{/sha}`,
    git_refs_url: `${u}/git/refs{/sha}`,
    git_tags_url: `${u}/git/tags{/sha}`,
    git_url: `git://${new URL(html).host}/${fullName(repo)}.git`,
    issue_comment_url: `${u}/issues/comments{/number}`,
    issue_events_url: `${u}/issues/events{/number}`,
    issues_url: `${u}/issues{/number}`,
    keys_url: `${u}/keys{/key_id}`,
    labels_url: `${u}/labels{/name}`,
    languages_url: `${u}/languages`,
    merges_url: `${u}/merges`,
    milestones_url: `${u}/milestones{/number}`,
    notifications_url: `${u}/notifications{?since,all,participating}`,
    pulls_url: `${u}/pulls{/number}`,
    releases_url: `${u}/releases{/id}`,
    ssh_url: `git@${new URL(html).host}:${fullName(repo)}.git`,
    stargazers_url: `${u}/stargazers`,
    statuses_url: `${u}/statuses/{sha}`,
    subscribers_url: `${u}/subscribers`,
    subscription_url: `${u}/subscription`,
    tags_url: `${u}/tags`,
    teams_url: `${u}/teams`,
    trees_url: `${u}/git/trees{/sha}`,
    clone_url: `${html}.git`,
    mirror_url: null,
    hooks_url: `${u}/hooks`,
    svn_url: html,
    homepage: null,
    language: 'TypeScript',
    forks_count: 0,
    stargazers_count: 0,
    watchers_count: 0,
    size: 1,
    default_branch: repo.default_branch,
    open_issues_count: open,
    is_template: false,
    topics: [],
    has_issues: true,
    has_projects: true,
    has_wiki: false,
    has_pages: false,
    has_downloads: true,
    has_discussions: false,
    archived: false,
    disabled: false,
    visibility: repo.private ? 'private' : 'public',
    pushed_at: repo.pushed_at,
    created_at: repo.created_at,
    updated_at: repo.pushed_at,
    allow_forking: true,
    web_commit_signoff_required: false,
    license: null,
    forks: 0,
    open_issues: open,
    watchers: 0,
  };
  if (viewer) {
    out.permissions = { admin: rank >= 4, maintain: rank >= 3, push: rank >= 2, triage: rank >= 1, pull: rank >= 0 || !repo.private };
  }
  return out;
}

/** The extra fields GET /repos/{owner}/{repo} has. */
export function fullRepository(ctx: SandboxContext, repo: GhRepo, viewer?: string): Record<string, unknown> {
  const org = githubState(ctx).orgs[repo.owner.toLowerCase()];
  return {
    ...repository(ctx, repo, viewer),
    ...(org ? { organization: simpleUser(ctx, org.login) } : {}),
    network_count: 0,
    subscribers_count: 0,
  };
}

export function authorAssociation(ctx: SandboxContext, repo: GhRepo, login: string): string {
  const st = githubState(ctx);
  if (login.toLowerCase() === repo.owner.toLowerCase()) return 'OWNER';
  const org = st.orgs[repo.owner.toLowerCase()];
  if (org?.members.some((m) => m.toLowerCase() === login.toLowerCase())) return 'MEMBER';
  if (roleOf(repo, login)) return 'COLLABORATOR';
  if (repo.issues.some((i) => i.pull && i.user.toLowerCase() === login.toLowerCase() && repo.pulls[i.number]?.merged)) return 'CONTRIBUTOR';
  return 'NONE';
}

export function label(ctx: SandboxContext, repo: GhRepo, l: GhLabel): Record<string, unknown> {
  return {
    id: l.id,
    node_id: nodeId('LA', l.id),
    url: `${repoUrl(ctx, repo)}/labels/${encodeURIComponent(l.name)}`,
    name: l.name,
    color: l.color,
    default: l.default,
    description: l.description,
  };
}

export function reactionRollup(url: string, reactions: GhReaction[]): Record<string, unknown> {
  const out: Record<string, unknown> = { url, total_count: reactions.length };
  for (const r of REACTIONS) out[r] = reactions.filter((x) => x.content === r).length;
  return out;
}

export function reaction(ctx: SandboxContext, r: GhReaction): Record<string, unknown> {
  return { id: r.id, node_id: nodeId('REA', r.id), user: simpleUser(ctx, r.user), content: r.content, created_at: r.created_at };
}

export function integration(ctx: SandboxContext, st: GithubState = githubState(ctx)): Record<string, unknown> {
  const a = st.app;
  return {
    id: a.id,
    slug: a.slug,
    node_id: nodeId('A', a.id),
    client_id: a.client_id,
    owner: simpleUser(ctx, a.owner),
    name: a.name,
    description: a.description,
    external_url: `${st.web_url}/${a.owner}`,
    html_url: `${st.web_url}/apps/${a.slug}`,
    created_at: a.created_at,
    updated_at: a.created_at,
    permissions: { ...a.permissions },
    events: [...a.events],
    installations_count: st.installations.length,
  };
}

function performedVia(ctx: SandboxContext, slug: string | null): Record<string, unknown> | null {
  return slug ? integration(ctx) : null;
}

export function issueUrl(ctx: SandboxContext, repo: GhRepo, n: number): string {
  return `${repoUrl(ctx, repo)}/issues/${n}`;
}

export function issueHtml(ctx: SandboxContext, repo: GhRepo, i: GhIssue): string {
  return `${repoHtml(ctx, repo)}/${i.pull ? 'pull' : 'issues'}/${i.number}`;
}

export function issue(ctx: SandboxContext, repo: GhRepo, i: GhIssue): Record<string, unknown> {
  const u = issueUrl(ctx, repo, i.number);
  const labels = i.labels.map((n) => repo.labels.find((l) => l.name === n)).filter((l): l is GhLabel => !!l);
  const comments = repo.comments.filter((c) => c.issue === i.number).length;
  const pull = i.pull ? repo.pulls[i.number] : undefined;
  const out: Record<string, unknown> = {
    url: u,
    repository_url: repoUrl(ctx, repo),
    labels_url: `${u}/labels{/name}`,
    comments_url: `${u}/comments`,
    events_url: `${u}/events`,
    html_url: issueHtml(ctx, repo, i),
    id: i.id,
    node_id: nodeId(i.pull ? 'PR' : 'I', i.id),
    number: i.number,
    title: i.title,
    user: simpleUser(ctx, i.user),
    labels: labels.map((l) => label(ctx, repo, l)),
    state: i.state,
    locked: i.locked,
    assignee: i.assignees[0] ? simpleUser(ctx, i.assignees[0]) : null,
    assignees: i.assignees.map((a) => simpleUser(ctx, a)),
    milestone: null,
    comments,
    created_at: i.created_at,
    updated_at: i.updated_at,
    closed_at: i.closed_at,
    author_association: authorAssociation(ctx, repo, i.user),
    type: null,
    active_lock_reason: null,
    sub_issues_summary: { total: 0, completed: 0, percent_completed: 0 },
    body: i.body,
    closed_by: i.closed_by ? simpleUser(ctx, i.closed_by) : null,
    reactions: reactionRollup(`${u}/reactions`, i.reactions),
    timeline_url: `${u}/timeline`,
    performed_via_github_app: performedVia(ctx, i.via_app),
    state_reason: i.state_reason,
  };
  if (pull) {
    const html = `${repoHtml(ctx, repo)}/pull/${i.number}`;
    out.draft = pull.draft;
    out.pull_request = {
      url: `${repoUrl(ctx, repo)}/pulls/${i.number}`,
      html_url: html,
      diff_url: `${html}.diff`,
      patch_url: `${html}.patch`,
      merged_at: pull.merged_at,
    };
  }
  return out;
}

export function comment(ctx: SandboxContext, repo: GhRepo, c: GhComment): Record<string, unknown> {
  const i = repo.issues.find((x) => x.number === c.issue);
  const u = `${repoUrl(ctx, repo)}/issues/comments/${c.id}`;
  return {
    id: c.id,
    node_id: nodeId('IC', c.id),
    url: u,
    html_url: `${i ? issueHtml(ctx, repo, i) : `${repoHtml(ctx, repo)}/issues/${c.issue}`}#issuecomment-${c.id}`,
    body: c.body,
    user: simpleUser(ctx, c.user),
    created_at: c.created_at,
    updated_at: c.updated_at,
    issue_url: issueUrl(ctx, repo, c.issue),
    author_association: authorAssociation(ctx, repo, c.user),
    performed_via_github_app: performedVia(ctx, c.via_app),
    reactions: reactionRollup(`${u}/reactions`, c.reactions),
  };
}

export function diffEntries(ctx: SandboxContext, repo: GhRepo, baseSha: string, headSha: string): Record<string, unknown>[] {
  const base = filesAt(repo, baseSha);
  const head = filesAt(repo, headSha);
  const paths = [...new Set([...Object.keys(base), ...Object.keys(head)])].sort();
  const out: Record<string, unknown>[] = [];
  const html = repoHtml(ctx, repo);
  const api = repoUrl(ctx, repo);
  for (const p of paths) {
    const a = base[p];
    const b = head[p];
    if (a === b) continue;
    const oldLines = a === undefined ? [] : splitLines(a);
    const newLines = b === undefined ? [] : splitLines(b);
    const status = a === undefined ? 'added' : b === undefined ? 'removed' : 'modified';
    const { patch, additions, deletions } = unifiedPatch(oldLines, newLines);
    const ref = b === undefined ? baseSha : headSha;
    out.push({
      sha: blobSha(b ?? a ?? ''),
      filename: p,
      status,
      additions,
      deletions,
      changes: additions + deletions,
      blob_url: `${html}/blob/${ref}/${encodeURI(p)}`,
      raw_url: `${html}/raw/${ref}/${encodeURI(p)}`,
      contents_url: `${api}/contents/${encodeURI(p)}?ref=${ref}`,
      patch,
    });
  }
  return out;
}

function splitLines(s: string): string[] {
  if (s === '') return [];
  const lines = s.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** A one-hunk unified diff (GitHub shows hunks; one hunk over the common prefix/suffix is enough). */
function unifiedPatch(a: string[], b: string[]): { patch: string; additions: number; deletions: number } {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const removed = a.slice(start, endA);
  const added = b.slice(start, endB);
  const ctxBefore = a.slice(Math.max(0, start - 3), start);
  const ctxAfter = a.slice(endA, Math.min(a.length, endA + 3));
  const aStart = start - ctxBefore.length;
  const aLen = ctxBefore.length + removed.length + ctxAfter.length;
  const bLen = ctxBefore.length + added.length + ctxAfter.length;
  const header = `@@ -${aLen ? aStart + 1 : 0},${aLen} +${bLen ? aStart + 1 : 0},${bLen} @@`;
  const lines = [header, ...ctxBefore.map((l) => ` ${l}`), ...removed.map((l) => `-${l}`), ...added.map((l) => `+${l}`), ...ctxAfter.map((l) => ` ${l}`)];
  return { patch: lines.join('\n'), additions: added.length, deletions: removed.length };
}

export function combinedState(statuses: GhStatus[]): 'success' | 'pending' | 'failure' {
  if (!statuses.length) return 'pending';
  if (statuses.some((s) => s.state === 'error' || s.state === 'failure')) return 'failure';
  if (statuses.some((s) => s.state === 'pending')) return 'pending';
  return 'success';
}

/** The newest status per context for a sha. */
export function latestStatuses(repo: GhRepo, sha: string): GhStatus[] {
  const byContext = new Map<string, GhStatus>();
  for (const s of repo.statuses) if (s.sha === sha) byContext.set(s.context, s);
  return [...byContext.values()].sort((a, b) => b.id - a.id);
}

export function status(ctx: SandboxContext, repo: GhRepo, s: GhStatus): Record<string, unknown> {
  return {
    url: `${repoUrl(ctx, repo)}/statuses/${s.sha}`,
    avatar_url: `https://avatars.githubusercontent.com/u/${userOf(githubState(ctx), s.creator).id}?v=4`,
    id: s.id,
    node_id: nodeId('SC', s.id),
    state: s.state,
    description: s.description,
    target_url: s.target_url,
    context: s.context,
    created_at: s.created_at,
    updated_at: s.updated_at,
    creator: simpleUser(ctx, s.creator),
  };
}

export function checkRun(ctx: SandboxContext, repo: GhRepo, r: GhCheckRun): Record<string, unknown> {
  const u = `${repoUrl(ctx, repo)}/check-runs/${r.id}`;
  const st = githubState(ctx);
  return {
    id: r.id,
    head_sha: r.head_sha,
    node_id: nodeId('CR', r.id),
    external_id: String(r.id),
    url: u,
    html_url: `${repoHtml(ctx, repo)}/runs/${r.id}`,
    details_url: r.details_url,
    status: r.status,
    conclusion: r.conclusion,
    started_at: r.started_at,
    completed_at: r.completed_at,
    output: { title: r.title, summary: r.summary, text: null, annotations_count: 0, annotations_url: `${u}/annotations` },
    name: r.name,
    check_suite: { id: r.id + 1 },
    app: r.app === st.app.slug ? integration(ctx) : { ...integration(ctx), id: 15368, slug: r.app, name: r.app, node_id: nodeId('A', 15368) },
    pull_requests: Object.values(repo.pulls)
      .filter((p) => p.head.sha === r.head_sha && !p.head.fork)
      .map((p) => ({
        url: `${repoUrl(ctx, repo)}/pulls/${p.number}`,
        id: repo.issues.find((i) => i.number === p.number)!.id,
        number: p.number,
        head: { ref: p.head.ref, sha: p.head.sha, repo: { id: repo.id, url: repoUrl(ctx, repo), name: repo.name } },
        base: { ref: p.base.ref, sha: p.base.sha, repo: { id: repo.id, url: repoUrl(ctx, repo), name: repo.name } },
      })),
  };
}

export function review(ctx: SandboxContext, repo: GhRepo, n: number, r: GhReview): Record<string, unknown> {
  const html = `${repoHtml(ctx, repo)}/pull/${n}#pullrequestreview-${r.id}`;
  const pr = `${repoUrl(ctx, repo)}/pulls/${n}`;
  return {
    id: r.id,
    node_id: nodeId('PRR', r.id),
    user: simpleUser(ctx, r.user),
    body: r.body,
    state: r.state,
    html_url: html,
    pull_request_url: pr,
    author_association: authorAssociation(ctx, repo, r.user),
    _links: { html: { href: html }, pull_request: { href: pr } },
    submitted_at: r.submitted_at,
    commit_id: r.commit_id,
  };
}

/** The derived mergeable_state when none was set explicitly. */
export function mergeableState(repo: GhRepo, p: GhPull, i: GhIssue): string {
  if (p.mergeable_state) return p.mergeable_state;
  if (i.state === 'closed' || p.merged) return 'unknown';
  if (p.draft) return 'draft';
  if (p.mergeable === false) return 'dirty';
  if (p.mergeable === null) return 'unknown';
  const statuses = latestStatuses(repo, p.head.sha);
  const checks = repo.check_runs.filter((r) => r.head_sha === p.head.sha);
  const failing = (statuses.length && combinedState(statuses) !== 'success') || checks.some((r) => r.status !== 'completed' || !['success', 'neutral', 'skipped'].includes(r.conclusion ?? ''));
  return failing ? 'unstable' : 'clean';
}

function branchObject(ctx: SandboxContext, repo: GhRepo, side: { ref: string; sha: string; repo?: string; fork?: boolean; user?: string }): Record<string, unknown> {
  const st = githubState(ctx);
  const fork = side.fork && side.repo;
  const [owner, name] = fork ? side.repo!.split('/') : [repo.owner, repo.name];
  const repoObj = fork
    ? {
        ...repository(ctx, repo),
        id: repo.id + 1_000_000 + (userOf(st, owner).id % 1_000_000),
        node_id: nodeId('R', `${owner}/${name}`),
        name,
        full_name: `${owner}/${name}`,
        owner: simpleUser(ctx, owner),
        fork: true,
        private: false,
        visibility: 'public',
        html_url: `${st.web_url}/${owner}/${name}`,
        url: `${apiUrl(ctx)}/repos/${owner}/${name}`,
        clone_url: `${st.web_url}/${owner}/${name}.git`,
      }
    : repository(ctx, repo);
  return { label: `${owner}:${side.ref}`, ref: side.ref, sha: side.sha, user: simpleUser(ctx, owner), repo: repoObj };
}

export function pullRequest(ctx: SandboxContext, repo: GhRepo, p: GhPull): Record<string, unknown> {
  const i = repo.issues.find((x) => x.number === p.number)!;
  const u = `${repoUrl(ctx, repo)}/pulls/${p.number}`;
  const html = `${repoHtml(ctx, repo)}/pull/${p.number}`;
  const iu = issueUrl(ctx, repo, p.number);
  const files = diffEntries(ctx, repo, p.base.sha, p.head.sha);
  const commits = countCommits(repo, p.head.sha, p.base.sha);
  const labels = i.labels.map((n) => repo.labels.find((l) => l.name === n)).filter((l): l is GhLabel => !!l);
  return {
    url: u,
    id: i.id,
    node_id: nodeId('PR', i.id),
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: iu,
    commits_url: `${u}/commits`,
    review_comments_url: `${u}/comments`,
    review_comment_url: `${repoUrl(ctx, repo)}/pulls/comments{/number}`,
    comments_url: `${iu}/comments`,
    statuses_url: `${repoUrl(ctx, repo)}/statuses/${p.head.sha}`,
    number: p.number,
    state: i.state,
    locked: i.locked,
    title: i.title,
    user: simpleUser(ctx, i.user),
    body: i.body,
    labels: labels.map((l) => label(ctx, repo, l)),
    milestone: null,
    active_lock_reason: null,
    created_at: i.created_at,
    updated_at: i.updated_at,
    closed_at: i.closed_at,
    merged_at: p.merged_at,
    merge_commit_sha: p.merge_commit_sha,
    assignee: i.assignees[0] ? simpleUser(ctx, i.assignees[0]) : null,
    assignees: i.assignees.map((a) => simpleUser(ctx, a)),
    requested_reviewers: [],
    requested_teams: [],
    head: branchObject(ctx, repo, { ref: p.head.ref, sha: p.head.sha, repo: p.head.repo, fork: p.head.fork, user: p.head.user }),
    base: branchObject(ctx, repo, { ref: p.base.ref, sha: p.base.sha }),
    _links: {
      self: { href: u },
      html: { href: html },
      issue: { href: iu },
      comments: { href: `${iu}/comments` },
      review_comments: { href: `${u}/comments` },
      review_comment: { href: `${repoUrl(ctx, repo)}/pulls/comments{/number}` },
      commits: { href: `${u}/commits` },
      statuses: { href: `${repoUrl(ctx, repo)}/statuses/${p.head.sha}` },
    },
    author_association: authorAssociation(ctx, repo, i.user),
    auto_merge: null,
    draft: p.draft,
    merged: p.merged,
    mergeable: i.state === 'open' ? p.mergeable : null,
    rebaseable: i.state === 'open' ? p.mergeable : null,
    mergeable_state: mergeableState(repo, p, i),
    merged_by: p.merged_by ? simpleUser(ctx, p.merged_by) : null,
    comments: repo.comments.filter((c) => c.issue === p.number).length,
    review_comments: 0,
    maintainer_can_modify: p.maintainer_can_modify,
    commits,
    additions: files.reduce((n, f) => n + (f.additions as number), 0),
    deletions: files.reduce((n, f) => n + (f.deletions as number), 0),
    changed_files: files.length,
  };
}

function countCommits(repo: GhRepo, head: string, base: string): number {
  let n = 0;
  const seen = new Set<string>();
  const stack = [head];
  while (stack.length) {
    const sha = stack.pop()!;
    if (sha === base || seen.has(sha)) continue;
    seen.add(sha);
    const c = repo.commits[sha];
    if (!c) continue;
    if (isAncestor(repo, sha, base)) continue;
    n++;
    stack.push(...c.parents);
  }
  return Math.max(1, n);
}

export function isAncestor(repo: GhRepo, candidate: string, of: string): boolean {
  const seen = new Set<string>();
  const stack = [of];
  while (stack.length) {
    const sha = stack.pop()!;
    if (sha === candidate) return true;
    if (seen.has(sha)) continue;
    seen.add(sha);
    stack.push(...(repo.commits[sha]?.parents ?? []));
  }
  return false;
}

export function gitRef(ctx: SandboxContext, repo: GhRepo, ref: string, sha: string): Record<string, unknown> {
  return {
    ref,
    node_id: nodeId('REF', `${repo.id}:${ref}`),
    url: `${repoUrl(ctx, repo)}/git/${ref}`,
    object: { type: 'commit', sha, url: `${repoUrl(ctx, repo)}/git/commits/${sha}` },
  };
}

export function gitCommit(ctx: SandboxContext, repo: GhRepo, sha: string): Record<string, unknown> {
  const c = repo.commits[sha];
  const st = githubState(ctx);
  const person = { name: c.author, email: `${userOf(st, c.author).id}+${c.author}@users.noreply.github.com`, date: c.date };
  return {
    sha,
    node_id: nodeId('C', sha),
    url: `${repoUrl(ctx, repo)}/git/commits/${sha}`,
    html_url: `${repoHtml(ctx, repo)}/commit/${sha}`,
    author: person,
    committer: person,
    message: c.message,
    tree: { sha: c.tree, url: `${repoUrl(ctx, repo)}/git/trees/${c.tree}` },
    parents: c.parents.map((p) => ({ sha: p, url: `${repoUrl(ctx, repo)}/git/commits/${p}`, html_url: `${repoHtml(ctx, repo)}/commit/${p}` })),
    verification: { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null },
  };
}

/** Base64 with a newline every 60 characters, as the contents API sends it. */
export function base64Lines(content: string): string {
  const b64 = Buffer.from(content, 'utf8').toString('base64');
  return (b64.match(/.{1,60}/g) ?? ['']).join('\n') + '\n';
}

export function contentFile(ctx: SandboxContext, repo: GhRepo, path: string, content: string, ref: string, withContent = true): Record<string, unknown> {
  const sha = blobSha(content);
  const u = `${repoUrl(ctx, repo)}/contents/${encodeURI(path)}?ref=${encodeURIComponent(ref)}`;
  const html = `${repoHtml(ctx, repo)}/blob/${ref}/${encodeURI(path)}`;
  const git = `${repoUrl(ctx, repo)}/git/blobs/${sha}`;
  const out: Record<string, unknown> = {
    type: 'file',
    size: Buffer.byteLength(content),
    name: path.split('/').pop(),
    path,
    sha,
    url: u,
    git_url: git,
    html_url: html,
    download_url: `https://raw.githubusercontent.com/${fullName(repo)}/${ref}/${encodeURI(path)}`,
    _links: { self: u, git, html },
  };
  if (withContent) {
    out.content = base64Lines(content);
    out.encoding = 'base64';
  }
  return out;
}

export function contentDir(ctx: SandboxContext, repo: GhRepo, path: string, ref: string): Record<string, unknown> {
  const sha = blobSha(`dir:${path}`);
  const u = `${repoUrl(ctx, repo)}/contents/${encodeURI(path)}?ref=${encodeURIComponent(ref)}`;
  const html = `${repoHtml(ctx, repo)}/tree/${ref}/${encodeURI(path)}`;
  const git = `${repoUrl(ctx, repo)}/git/trees/${sha}`;
  return { type: 'dir', size: 0, name: path.split('/').pop(), path, sha, url: u, git_url: git, html_url: html, download_url: null, _links: { self: u, git, html } };
}

export function installation(ctx: SandboxContext, inst: GhInstallation): Record<string, unknown> {
  const st = githubState(ctx);
  const api = apiUrl(ctx);
  return {
    id: inst.id,
    account: simpleUser(ctx, inst.account),
    repository_selection: inst.repository_selection,
    access_tokens_url: `${api}/app/installations/${inst.id}/access_tokens`,
    repositories_url: `${api}/installation/repositories`,
    html_url: `${st.web_url}/organizations/${inst.account}/settings/installations/${inst.id}`,
    app_id: st.app.id,
    client_id: st.app.client_id,
    app_slug: st.app.slug,
    target_id: userOf(st, inst.account).id,
    target_type: userOf(st, inst.account).type === 'Organization' ? 'Organization' : 'User',
    permissions: { ...inst.permissions },
    events: [...inst.events],
    created_at: inst.created_at,
    updated_at: inst.created_at,
    single_file_name: null,
    has_multiple_single_files: false,
    single_file_paths: [],
    suspended_by: null,
    suspended_at: null,
  };
}
