/**
 * Issues (pull requests included, as on GitHub), issue comments, labels, reactions and issue search.
 */
import type { SandboxContext } from '../core/context.js';
import type { Ctx, Route } from '../core/http.js';
import { actingLogin, actor, ghError, notFound, repoFor, userHasRole, validationFailed, viaApp, type Actor, type PermNeed } from './auth.js';
import { comment, issue, label, reaction } from './shapes.js';
import {
  REACTIONS,
  ensureUser,
  findRepo,
  ghTime,
  githubState,
  nextId,
  roleOf,
  type GhComment,
  type GhIssue,
  type GhReaction,
  type GhRepo,
  type GithubState,
  type ReactionContent,
} from './state.js';
import { bodyObject, checkText, intParam, paginate, repoPath, route, stringList } from './util.js';

const ISSUE_READ: PermNeed = [['issues', 'read'], ['pull_requests', 'read']];
const needFor = (i: GhIssue | undefined, level: 'read' | 'write'): PermNeed => (i?.pull ? [['pull_requests', level], ['issues', level]] : [['issues', level]]);

function issueByNumber(repo: GhRepo, n: number): GhIssue | undefined {
  return repo.issues.find((i) => i.number === n);
}

/** The repository and issue (404 when missing), checking the permission the issue kind needs. */
function issueFor(c: Ctx, level: 'read' | 'write', role?: 'read' | 'triage' | 'write'): { repo: GhRepo; issue: GhIssue } {
  const st = githubState(c.sandbox);
  const n = intParam(c, 'number');
  const pre = findRepo(st, c.params.owner, c.params.repo);
  const i = pre ? issueByNumber(pre, n) : undefined;
  const repo = repoFor(c, { perms: needFor(i, level), role });
  const found = issueByNumber(repo, n);
  if (!found) throw notFound('https://docs.github.com/rest/issues/issues#get-an-issue');
  return { repo, issue: found };
}

function commentFor(c: Ctx, level: 'read' | 'write'): { repo: GhRepo; comment: GhComment; issue: GhIssue } {
  const st = githubState(c.sandbox);
  const id = intParam(c, 'comment_id');
  const pre = findRepo(st, c.params.owner, c.params.repo);
  const cm = pre?.comments.find((x) => x.id === id);
  const repo = repoFor(c, { perms: needFor(cm && pre ? issueByNumber(pre, cm.issue) : undefined, level) });
  const found = repo.comments.find((x) => x.id === id);
  if (!found) throw notFound('https://docs.github.com/rest/issues/comments#get-an-issue-comment');
  return { repo, comment: found, issue: issueByNumber(repo, found.issue)! };
}

export function touch(ctx: SandboxContext, st: GithubState, i: GhIssue): void {
  i.updated_at = ghTime(ctx);
  i.indexed_at = ctx.clock.now() + st.search_index_delay_ms;
}

/** Labels by name (case-insensitive), creating missing ones as GitHub does when labelling an issue. */
export function labelNames(st: GithubState, repo: GhRepo, names: string[]): string[] {
  const out: string[] = [];
  for (const raw of names) {
    const name = raw.trim();
    if (!name) continue;
    let l = repo.labels.find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (!l) {
      l = { id: nextId(st), name, color: 'ededed', description: null, default: false };
      repo.labels.push(l);
    }
    if (!out.includes(l.name)) out.push(l.name);
  }
  return out;
}

export function createIssue(
  ctx: SandboxContext,
  repo: GhRepo,
  spec: { title: string; body?: string | null; user: string; labels?: string[]; assignees?: string[]; via_app?: string | null; pull?: boolean; number?: number },
): GhIssue {
  const st = githubState(ctx);
  const now = ghTime(ctx);
  const number = spec.number ?? repo.next_number;
  if (repo.issues.some((i) => i.number === number)) throw validationFailed([{ resource: 'Issue', code: 'already_exists', field: 'number' }]);
  repo.next_number = Math.max(repo.next_number, number + 1);
  ensureUser(st, spec.user);
  const i: GhIssue = {
    id: nextId(st),
    number,
    title: spec.title,
    body: spec.body ?? null,
    user: spec.user,
    state: 'open',
    state_reason: null,
    labels: labelNames(st, repo, spec.labels ?? []),
    assignees: (spec.assignees ?? []).filter((a) => roleOf(repo, a)),
    locked: false,
    created_at: now,
    updated_at: now,
    closed_at: null,
    closed_by: null,
    via_app: spec.via_app ?? null,
    reactions: [],
    pull: spec.pull ?? false,
    indexed_at: ctx.clock.now() + st.search_index_delay_ms,
  };
  repo.issues.push(i);
  return i;
}

export function addComment(ctx: SandboxContext, repo: GhRepo, i: GhIssue, body: string, user: string, via: string | null): GhComment {
  const st = githubState(ctx);
  ensureUser(st, user);
  const now = ghTime(ctx);
  const cm: GhComment = { id: nextId(st), issue: i.number, body, user, created_at: now, updated_at: now, via_app: via, reactions: [] };
  repo.comments.push(cm);
  touch(ctx, st, i);
  return cm;
}

export function setIssueState(ctx: SandboxContext, i: GhIssue, state: 'open' | 'closed', reason: string | null, by: string): void {
  if (state === 'closed') {
    if (i.state !== 'closed') {
      i.closed_at = ghTime(ctx);
      i.closed_by = by;
    }
    i.state = 'closed';
    i.state_reason = reason ?? 'completed';
  } else {
    if (i.state === 'closed') i.state_reason = 'reopened';
    else if (reason) i.state_reason = reason;
    i.state = 'open';
    i.closed_at = null;
    i.closed_by = null;
  }
}

const STATE_REASONS = ['completed', 'not_planned', 'reopened', 'duplicate'];

function listIssues(c: Ctx) {
  const repo = repoFor(c, { perms: ISSUE_READ });
  const q = c.query;
  const state = q.get('state') ?? 'open';
  if (!['open', 'closed', 'all'].includes(state)) throw validationFailed([{ resource: 'Issue', field: 'state', code: 'invalid' }]);
  const labels = (q.get('labels') ?? '').split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  const creator = q.get('creator')?.toLowerCase();
  const assignee = q.get('assignee');
  const since = q.get('since') ? Date.parse(q.get('since')!) : undefined;
  const sort = q.get('sort') ?? 'created';
  const direction = q.get('direction') ?? 'desc';
  let items = repo.issues.filter(
    (i) =>
      (state === 'all' || i.state === state) &&
      labels.every((l) => i.labels.some((x) => x.toLowerCase() === l)) &&
      (!creator || i.user.toLowerCase() === creator) &&
      (!assignee || (assignee === 'none' ? !i.assignees.length : assignee === '*' ? i.assignees.length > 0 : i.assignees.some((a) => a.toLowerCase() === assignee.toLowerCase()))) &&
      (since === undefined || Date.parse(i.updated_at) >= since),
  );
  const a = actor(c);
  if ((a.kind === 'installation' || a.kind === 'repo') && !a.token.permissions.issues) items = items.filter((i) => i.pull);
  if ((a.kind === 'installation' || a.kind === 'repo') && !a.token.permissions.pull_requests) items = items.filter((i) => !i.pull);
  const key = (i: GhIssue) => (sort === 'updated' ? Date.parse(i.updated_at) * 1e4 + i.number : sort === 'comments' ? repo.comments.filter((x) => x.issue === i.number).length * 1e6 + i.number : i.number);
  items.sort((x, y) => (direction === 'asc' ? key(x) - key(y) : key(y) - key(x)));
  const page = paginate(c, items);
  return { status: 200, body: page.items.map((i) => issue(c.sandbox, repo, i)), headers: page.headers };
}

function postIssue(c: Ctx) {
  const repo = repoFor(c, { perms: [['issues', 'write']] });
  const b = bodyObject(c);
  const title = checkText('Issue', 'title', b.title, true)!;
  const body = checkText('Issue', 'body', b.body, false);
  const privileged = userHasRole(c, repo, 'triage');
  const i = createIssue(c.sandbox, repo, {
    title,
    body,
    user: actingLogin(c),
    labels: privileged ? stringList('labels', b.labels) : [],
    assignees: privileged ? stringList('assignees', b.assignees ?? (b.assignee ? [b.assignee] : [])) : [],
    via_app: viaApp(c),
  });
  return { status: 201, body: issue(c.sandbox, repo, i), headers: { location: `${issue(c.sandbox, repo, i).url}` } };
}

function patchIssue(c: Ctx) {
  const { repo, issue: i } = issueFor(c, 'write');
  const st = githubState(c.sandbox);
  const b = bodyObject(c);
  const who = actingLogin(c);
  const author = i.user.toLowerCase() === who.toLowerCase();
  const triage = userHasRole(c, repo, 'triage');
  if (!triage && !author) throw ghError(403, 'Must have admin rights to Repository.');
  if (b.title !== undefined) i.title = checkText('Issue', 'title', b.title, true)!;
  if (b.body !== undefined) i.body = checkText('Issue', 'body', b.body, false) ?? null;
  if (b.state !== undefined || b.state_reason !== undefined) {
    if (b.state !== undefined && b.state !== 'open' && b.state !== 'closed') throw validationFailed([{ resource: 'Issue', field: 'state', code: 'invalid' }]);
    if (b.state_reason !== undefined && b.state_reason !== null && !STATE_REASONS.includes(b.state_reason)) {
      throw validationFailed([{ resource: 'Issue', field: 'state_reason', code: 'invalid' }]);
    }
    setIssueState(c.sandbox, i, b.state ?? i.state, b.state_reason ?? null, who);
  }
  if (triage && b.labels !== undefined) i.labels = labelNames(st, repo, stringList('labels', b.labels));
  if (triage && b.assignees !== undefined) i.assignees = stringList('assignees', b.assignees).filter((a) => roleOf(repo, a));
  touch(c.sandbox, st, i);
  return { status: 200, body: issue(c.sandbox, repo, i) };
}

function listComments(c: Ctx) {
  const { repo, issue: i } = issueFor(c, 'read');
  const since = c.query.get('since') ? Date.parse(c.query.get('since')!) : undefined;
  const items = repo.comments.filter((x) => x.issue === i.number && (since === undefined || Date.parse(x.updated_at) >= since));
  const page = paginate(c, items);
  return { status: 200, body: page.items.map((x) => comment(c.sandbox, repo, x)), headers: page.headers };
}

function listRepoComments(c: Ctx) {
  const repo = repoFor(c, { perms: ISSUE_READ });
  const since = c.query.get('since') ? Date.parse(c.query.get('since')!) : undefined;
  const items = repo.comments.filter((x) => since === undefined || Date.parse(x.updated_at) >= since);
  if (c.query.get('direction') === 'desc') items.reverse();
  const page = paginate(c, items);
  return { status: 200, body: page.items.map((x) => comment(c.sandbox, repo, x)), headers: page.headers };
}

function postComment(c: Ctx) {
  const { repo, issue: i } = issueFor(c, 'write');
  const b = bodyObject(c);
  const body = checkText('IssueComment', 'body', b.body, true)!;
  const who = actingLogin(c);
  if (i.locked && !userHasRole(c, repo, 'write')) throw ghError(403, 'Unable to create comment because issue is locked.');
  const cm = addComment(c.sandbox, repo, i, body, who, viaApp(c));
  const out = comment(c.sandbox, repo, cm);
  return { status: 201, body: out, headers: { location: String(out.url) } };
}

function patchComment(c: Ctx) {
  const { repo, comment: cm, issue: i } = commentFor(c, 'write');
  const who = actingLogin(c);
  if (cm.user.toLowerCase() !== who.toLowerCase() && !userHasRole(c, repo, 'write')) throw ghError(403, 'Must have admin rights to Repository.');
  const b = bodyObject(c);
  cm.body = checkText('IssueComment', 'body', b.body, true)!;
  cm.updated_at = ghTime(c.sandbox);
  touch(c.sandbox, githubState(c.sandbox), i);
  return { status: 200, body: comment(c.sandbox, repo, cm) };
}

function deleteComment(c: Ctx) {
  const { repo, comment: cm } = commentFor(c, 'write');
  const who = actingLogin(c);
  if (cm.user.toLowerCase() !== who.toLowerCase() && !userHasRole(c, repo, 'write')) throw ghError(403, 'Must have admin rights to Repository.');
  repo.comments = repo.comments.filter((x) => x !== cm);
  return { status: 204 };
}

// ---------------------------------------------------------------------------------------------
// Reactions.

function addReaction(c: Ctx, list: GhReaction[]) {
  const b = bodyObject(c);
  const content = b.content;
  if (!REACTIONS.includes(content)) {
    throw validationFailed([{ resource: 'Reaction', code: 'invalid', field: 'content', value: content ?? null }], 'https://docs.github.com/rest/reactions/reactions');
  }
  const who = actingLogin(c);
  const existing = list.find((r) => r.user.toLowerCase() === who.toLowerCase() && r.content === content);
  if (existing) return { status: 200, body: reaction(c.sandbox, existing) };
  const r: GhReaction = { id: nextId(githubState(c.sandbox)), user: who, content: content as ReactionContent, created_at: ghTime(c.sandbox) };
  list.push(r);
  return { status: 201, body: reaction(c.sandbox, r) };
}

function listReactions(c: Ctx, list: GhReaction[]) {
  const content = c.query.get('content');
  if (content !== null && !REACTIONS.includes(content as ReactionContent)) throw validationFailed([{ resource: 'Reaction', code: 'invalid', field: 'content' }]);
  const page = paginate(c, list.filter((r) => content === null || r.content === content));
  return { status: 200, body: page.items.map((r) => reaction(c.sandbox, r)), headers: page.headers };
}

function deleteReaction(c: Ctx, list: GhReaction[]) {
  const id = intParam(c, 'reaction_id');
  const idx = list.findIndex((r) => r.id === id);
  if (idx < 0) throw notFound();
  const who = actingLogin(c);
  if (list[idx].user.toLowerCase() !== who.toLowerCase()) throw ghError(403, 'Must have admin rights to Repository.');
  list.splice(idx, 1);
  return { status: 204 };
}

// ---------------------------------------------------------------------------------------------
// Labels.

const COLOR = /^[0-9a-fA-F]{6}$/;

function createLabel(c: Ctx) {
  const repo = repoFor(c, { perms: [['issues', 'write'], ['pull_requests', 'write']], role: 'write' });
  const b = bodyObject(c);
  const name = checkText('Label', 'name', b.name, true)!.trim();
  if (repo.labels.some((l) => l.name.toLowerCase() === name.toLowerCase())) throw validationFailed([{ resource: 'Label', code: 'already_exists', field: 'name' }]);
  const color = b.color === undefined ? 'ededed' : String(b.color).replace(/^#/, '');
  if (!COLOR.test(color)) throw validationFailed([{ resource: 'Label', code: 'invalid', field: 'color' }]);
  const l = { id: nextId(githubState(c.sandbox)), name, color: color.toLowerCase(), description: typeof b.description === 'string' ? b.description.slice(0, 100) : null, default: false };
  repo.labels.push(l);
  return { status: 201, body: label(c.sandbox, repo, l) };
}

function labelByName(repo: GhRepo, name: string) {
  const l = repo.labels.find((x) => x.name.toLowerCase() === name.toLowerCase());
  if (!l) throw notFound('https://docs.github.com/rest/issues/labels#get-a-label');
  return l;
}

function issueLabels(c: Ctx, repo: GhRepo, i: GhIssue) {
  return i.labels.map((n) => label(c.sandbox, repo, repo.labels.find((l) => l.name === n)!));
}

function labelsFromBody(c: Ctx): string[] {
  const b = c.body;
  if (Array.isArray(b)) return stringList('labels', b);
  if (b && typeof b === 'object') {
    if (Array.isArray(b.labels)) return stringList('labels', b.labels);
    if (b.labels === undefined) throw validationFailed([{ resource: 'Label', code: 'missing_field', field: 'labels' }]);
  }
  throw ghError(422, "Invalid request.\n\nFor 'links/0/schema', nil is not an array.");
}

// ---------------------------------------------------------------------------------------------
// Search.

interface Term {
  kind: 'qualifier' | 'text';
  key?: string;
  value: string;
  negate: boolean;
}

function tokenizeQuery(q: string): Term[] {
  const out: Term[] = [];
  const re = /(-?)(?:([A-Za-z_-]+):("([^"]*)"|\S+)|"([^"]*)"|(\S+))/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(q))) {
    const negate = m[1] === '-';
    if (m[2]) out.push({ kind: 'qualifier', key: m[2].toLowerCase(), value: m[4] ?? m[3], negate });
    else if (m[5] !== undefined) out.push({ kind: 'text', value: m[5], negate });
    else if (m[6] && !['AND', 'OR', 'NOT'].includes(m[6])) out.push({ kind: 'text', value: m[6], negate });
  }
  return out;
}

const words = (s: string) => s.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/** Whether the words of `phrase` occur consecutively among `hay`'s words (GitHub ignores punctuation). */
function phraseIn(phrase: string, hay: string[]): boolean {
  const p = words(phrase);
  if (!p.length) return true;
  outer: for (let i = 0; i + p.length <= hay.length; i++) {
    for (let j = 0; j < p.length; j++) if (hay[i + j] !== p[j]) continue outer;
    return true;
  }
  return false;
}

function canSearch(a: Actor, st: GithubState, repo: GhRepo): boolean {
  const k = `${repo.owner}/${repo.name}`.toLowerCase();
  if (a.kind === 'installation') {
    const inst = a.installation!;
    const inInst = inst.repository_selection === 'all' ? inst.account.toLowerCase() === repo.owner.toLowerCase() : inst.repositories.includes(k);
    return inInst && (a.token.repositories === 'all' || a.token.repositories.includes(k));
  }
  if (a.kind === 'repo') return a.token.repositories === 'all' || a.token.repositories.includes(k);
  if (a.kind === 'user') return !repo.private || roleOf(repo, a.login) !== null;
  return !repo.private && !!st;
}

function searchIssues(c: Ctx) {
  const st = githubState(c.sandbox);
  const a = actor(c);
  if (a.kind === 'app') throw ghError(403, 'Resource not accessible by integration');
  const q = c.query.get('q');
  if (q === null || !q.trim()) throw validationFailed([{ resource: 'Search', field: 'q', code: 'missing' }], 'https://docs.github.com/rest/search/search#search-issues-and-pull-requests');
  if (q.length > 256) throw validationFailed([{ message: 'The search is longer than 256 characters.', resource: 'Search', field: 'q', code: 'invalid' }]);
  const terms = tokenizeQuery(q);
  const repoNames = terms.filter((t) => t.kind === 'qualifier' && t.key === 'repo' && !t.negate).map((t) => t.value.toLowerCase());
  const owners = terms.filter((t) => t.kind === 'qualifier' && (t.key === 'org' || t.key === 'user') && !t.negate).map((t) => t.value.toLowerCase());
  for (const name of repoNames) {
    const repo = st.repos[name];
    if (!repo || !canSearch(a, st, repo)) {
      throw validationFailed(
        [{ message: 'The listed users and repositories cannot be searched either because the resources do not exist or you do not have permission to view them.', resource: 'Search', field: 'q', code: 'invalid' }],
        'https://docs.github.com/v3/search/',
      );
    }
  }
  const inFields = terms.filter((t) => t.kind === 'qualifier' && t.key === 'in').flatMap((t) => t.value.toLowerCase().split(','));
  const searchTitle = !inFields.length || inFields.includes('title');
  const searchBody = !inFields.length || inFields.includes('body');
  const searchComments = !inFields.length || inFields.includes('comments');
  const now = c.sandbox.clock.now();
  const results: { repo: GhRepo; issue: GhIssue }[] = [];
  for (const repo of Object.values(st.repos)) {
    if (!canSearch(a, st, repo)) continue;
    if (repoNames.length && !repoNames.includes(`${repo.owner}/${repo.name}`.toLowerCase())) continue;
    if (owners.length && !owners.includes(repo.owner.toLowerCase())) continue;
    for (const i of repo.issues) {
      if (i.indexed_at > now) continue;
      if ((a.kind === 'installation' || a.kind === 'repo') && !(i.pull ? a.token.permissions.pull_requests || a.token.permissions.issues : a.token.permissions.issues)) continue;
      const pull = repo.pulls[i.number];
      let hay: string[] | undefined;
      const text = () =>
        (hay ??= [
          ...(searchTitle ? words(i.title) : []),
          ...(searchBody ? words(i.body ?? '') : []),
          ...(searchComments ? repo.comments.filter((x) => x.issue === i.number).flatMap((x) => words(x.body)) : []),
        ]);
      const match = terms.every((t) => {
        let ok: boolean;
        if (t.kind === 'text') ok = phraseIn(t.value, text());
        else {
          const v = t.value.toLowerCase();
          switch (t.key) {
            case 'repo':
            case 'org':
            case 'user':
            case 'in':
            case 'sort':
              return true;
            case 'is':
            case 'type':
            case 'state':
              ok =
                v === 'issue' ? !i.pull
                : v === 'pr' || v === 'pull-request' ? i.pull
                : v === 'open' ? i.state === 'open'
                : v === 'closed' ? i.state === 'closed'
                : v === 'merged' ? !!pull?.merged
                : v === 'unmerged' ? i.pull && i.state === 'closed' && !pull?.merged
                : v === 'locked' ? i.locked
                : v === 'unlocked' ? !i.locked
                : v === 'draft' ? !!pull?.draft
                : false;
              break;
            case 'label':
              ok = v.split(',').some((x) => i.labels.some((l) => l.toLowerCase() === x.trim()));
              break;
            case 'no':
              ok = v === 'label' ? !i.labels.length : v === 'assignee' ? !i.assignees.length : v === 'milestone';
              break;
            case 'author': {
              const login = v.startsWith('app/') ? `${v.slice(4)}[bot]` : v;
              ok = i.user.toLowerCase() === login;
              break;
            }
            case 'assignee':
              ok = i.assignees.some((x) => x.toLowerCase() === v);
              break;
            case 'commenter':
              ok = repo.comments.some((x) => x.issue === i.number && x.user.toLowerCase() === v);
              break;
            case 'involves':
              ok = i.user.toLowerCase() === v || i.assignees.some((x) => x.toLowerCase() === v) || repo.comments.some((x) => x.issue === i.number && x.user.toLowerCase() === v);
              break;
            case 'reason':
              ok = (i.state_reason ?? '').replace('_', ' ') === v.replace(/["_]/g, ' ').trim();
              break;
            default:
              // Unknown qualifiers are searched as text, as GitHub does.
              ok = phraseIn(`${t.key}:${t.value}`, text());
          }
        }
        return t.negate ? !ok : ok;
      });
      if (match) results.push({ repo, issue: i });
    }
  }
  const sort = c.query.get('sort');
  const asc = c.query.get('order') === 'asc';
  const key = (r: { repo: GhRepo; issue: GhIssue }) =>
    sort === 'created' ? Date.parse(r.issue.created_at) : sort === 'comments' ? r.repo.comments.filter((x) => x.issue === r.issue.number).length : Date.parse(r.issue.updated_at);
  results.sort((x, y) => (asc ? key(x) - key(y) : key(y) - key(x)) || y.issue.id - x.issue.id);
  const page = paginate(c, results.slice(0, 1000));
  return {
    status: 200,
    body: { total_count: results.length, incomplete_results: false, items: page.items.map((r) => ({ ...issue(c.sandbox, r.repo, r.issue), score: 1 })) },
    headers: page.headers,
  };
}

export function issueRoutes(): Route[] {
  return [
    route('GET', repoPath('/issues'), 'issues.list', listIssues),
    route('POST', repoPath('/issues'), 'issues.create', postIssue),
    route('GET', repoPath('/issues/comments'), 'issues.comments.list-for-repo', listRepoComments),
    route('GET', repoPath('/issues/comments/{comment_id}'), 'issues.comments.get', (c) => {
      const { repo, comment: cm } = commentFor(c, 'read');
      return { status: 200, body: comment(c.sandbox, repo, cm) };
    }),
    route('PATCH', repoPath('/issues/comments/{comment_id}'), 'issues.comments.update', patchComment),
    route('DELETE', repoPath('/issues/comments/{comment_id}'), 'issues.comments.delete', deleteComment),
    route('GET', repoPath('/issues/comments/{comment_id}/reactions'), 'reactions.list-for-issue-comment', (c) => listReactions(c, commentFor(c, 'read').comment.reactions)),
    route('POST', repoPath('/issues/comments/{comment_id}/reactions'), 'reactions.create-for-issue-comment', (c) => addReaction(c, commentFor(c, 'write').comment.reactions)),
    route('DELETE', repoPath('/issues/comments/{comment_id}/reactions/{reaction_id}'), 'reactions.delete-for-issue-comment', (c) => deleteReaction(c, commentFor(c, 'write').comment.reactions)),
    route('GET', repoPath('/issues/{number}'), 'issues.get', (c) => {
      const { repo, issue: i } = issueFor(c, 'read');
      return { status: 200, body: issue(c.sandbox, repo, i) };
    }),
    route('PATCH', repoPath('/issues/{number}'), 'issues.update', patchIssue),
    route('GET', repoPath('/issues/{number}/comments'), 'issues.comments.list', listComments),
    route('POST', repoPath('/issues/{number}/comments'), 'issues.comments.create', postComment),
    route('GET', repoPath('/issues/{number}/reactions'), 'reactions.list-for-issue', (c) => listReactions(c, issueFor(c, 'read').issue.reactions)),
    route('POST', repoPath('/issues/{number}/reactions'), 'reactions.create-for-issue', (c) => addReaction(c, issueFor(c, 'write').issue.reactions)),
    route('DELETE', repoPath('/issues/{number}/reactions/{reaction_id}'), 'reactions.delete-for-issue', (c) => deleteReaction(c, issueFor(c, 'write').issue.reactions)),
    route('GET', repoPath('/issues/{number}/labels'), 'issues.labels.list', (c) => {
      const { repo, issue: i } = issueFor(c, 'read');
      const page = paginate(c, issueLabels(c, repo, i));
      return { status: 200, body: page.items, headers: page.headers };
    }),
    route('POST', repoPath('/issues/{number}/labels'), 'issues.labels.add', (c) => {
      const { repo, issue: i } = issueFor(c, 'write', 'triage');
      const st = githubState(c.sandbox);
      i.labels = labelNames(st, repo, [...i.labels, ...labelsFromBody(c)]);
      touch(c.sandbox, st, i);
      return { status: 200, body: issueLabels(c, repo, i) };
    }),
    route('PUT', repoPath('/issues/{number}/labels'), 'issues.labels.set', (c) => {
      const { repo, issue: i } = issueFor(c, 'write', 'triage');
      const st = githubState(c.sandbox);
      i.labels = labelNames(st, repo, labelsFromBody(c));
      touch(c.sandbox, st, i);
      return { status: 200, body: issueLabels(c, repo, i) };
    }),
    route('DELETE', repoPath('/issues/{number}/labels/{name}'), 'issues.labels.remove', (c) => {
      const { repo, issue: i } = issueFor(c, 'write', 'triage');
      const before = i.labels.length;
      i.labels = i.labels.filter((n) => n.toLowerCase() !== c.params.name.toLowerCase());
      if (i.labels.length === before) throw notFound('https://docs.github.com/rest/issues/labels#remove-a-label-from-an-issue');
      touch(c.sandbox, githubState(c.sandbox), i);
      return { status: 200, body: issueLabels(c, repo, i) };
    }),
    route('GET', repoPath('/labels'), 'issues.labels.list-for-repo', (c) => {
      const repo = repoFor(c, { perms: ISSUE_READ });
      const page = paginate(c, repo.labels);
      return { status: 200, body: page.items.map((l) => label(c.sandbox, repo, l)), headers: page.headers };
    }),
    route('POST', repoPath('/labels'), 'issues.labels.create', createLabel),
    route('GET', repoPath('/labels/{name}'), 'issues.labels.get', (c) => {
      const repo = repoFor(c, { perms: ISSUE_READ });
      return { status: 200, body: label(c.sandbox, repo, labelByName(repo, c.params.name)) };
    }),
    route('DELETE', repoPath('/labels/{name}'), 'issues.labels.delete', (c) => {
      const repo = repoFor(c, { perms: [['issues', 'write'], ['pull_requests', 'write']], role: 'write' });
      const l = labelByName(repo, c.params.name);
      repo.labels = repo.labels.filter((x) => x !== l);
      for (const i of repo.issues) i.labels = i.labels.filter((n) => n !== l.name);
      return { status: 204 };
    }),
    route('GET', '/search/issues', 'search.issues', searchIssues),
  ];
}
