/**
 * Pull requests that change the environments file: what they change (which environments differ
 * between the base and the head version of the file), whether they come from a fork, and whether
 * the apply requirements are met (approved by someone with write access on the current head,
 * no failing or pending checks, mergeable).
 */
import type { EnvironmentsFile } from '../src/config/environments.js';
import type { ApplyRequirement } from './config.js';
import { listAll, type GitHubApi, type Repo } from './github.js';
import { permissionOf, rank } from './permissions.js';

export interface PullInfo {
  number: number;
  state: string;
  merged: boolean;
  draft: boolean;
  author: string;
  headSha: string;
  headRef: string;
  headRepo: string;
  baseRef: string;
  baseSha: string;
  fork: boolean;
  mergeable: boolean | null;
  mergeableState: string | null;
}

export async function getPull(gh: GitHubApi, r: Repo, number: number): Promise<PullInfo> {
  const { data: p } = await gh.request('GET /repos/{owner}/{repo}/pulls/{pull_number}', { ...r, pull_number: number });
  const baseRepo = `${r.owner}/${r.repo}`.toLowerCase();
  const headRepo = String(p.head?.repo?.full_name ?? '');
  return {
    number,
    state: p.state,
    merged: !!p.merged,
    draft: !!p.draft,
    author: String(p.user?.login ?? ''),
    headSha: p.head.sha,
    headRef: p.head.ref,
    headRepo,
    baseRef: p.base.ref,
    baseSha: p.base.sha,
    // A deleted fork has no head repository: treat it as a fork.
    fork: !headRepo || headRepo.toLowerCase() !== baseRepo || !!p.head?.repo?.fork,
    mergeable: p.mergeable ?? null,
    mergeableState: p.mergeable_state ?? null,
  };
}

/** Whether the pull request touches the file (added, changed, renamed to or from, removed). */
export async function changesFile(gh: GitHubApi, r: Repo, number: number, path: string): Promise<boolean> {
  const files = await listAll<{ filename: string; previous_filename?: string }>(gh, 'GET /repos/{owner}/{repo}/pulls/{pull_number}/files', { ...r, pull_number: number });
  return files.some((f) => f.filename === path || f.previous_filename === path);
}

export interface EnvironmentChanges {
  added: string[];
  modified: string[];
  removed: string[];
}

/** Environments whose settings (defaults applied) differ between the two versions of the file. */
export function environmentChanges(base: EnvironmentsFile | undefined, head: EnvironmentsFile): EnvironmentChanges {
  const baseNames = base?.names ?? [];
  const canon = (f: EnvironmentsFile, n: string) => JSON.stringify(Object.entries(f.values(n)).sort(([a], [b]) => a.localeCompare(b)));
  return {
    added: head.names.filter((n) => !baseNames.includes(n)),
    modified: head.names.filter((n) => baseNames.includes(n) && canon(base!, n) !== canon(head, n)),
    removed: baseNames.filter((n) => !head.names.includes(n)),
  };
}

export interface RequirementResult {
  requirement: ApplyRequirement;
  met: boolean;
  detail: string;
}

/** Most pages of statuses or check runs read (100 each). */
const MAX_CHECK_PAGES = 50;

/**
 * Every page of a list endpoint that answers an object with a `total_count` and an array (the
 * combined status, check runs): pages of 100 until the total is read, a short page, or the page cap.
 */
async function allPages<T>(gh: GitHubApi, route: string, params: Record<string, unknown>, key: string): Promise<{ items: T[]; total: number }> {
  const items: T[] = [];
  let total = 0;
  for (let page = 1; page <= MAX_CHECK_PAGES; page++) {
    const { data } = await gh.request(route, { ...params, per_page: 100, page });
    const list: T[] = Array.isArray(data?.[key]) ? data[key] : [];
    items.push(...list);
    total = Math.max(total, typeof data?.total_count === 'number' ? data.total_count : 0, items.length);
    if (list.length < 100 || items.length >= total) break;
  }
  return { items, total };
}

/** Checks each configured apply requirement against the pull request's current head. */
export async function checkRequirements(gh: GitHubApi, r: Repo, pull: PullInfo, requirements: ApplyRequirement[]): Promise<RequirementResult[]> {
  const out: RequirementResult[] = [];
  for (const req of requirements) {
    if (req === 'approved') {
      const reviews = await listAll<{ user: { login: string } | null; state: string; commit_id: string; submitted_at?: string }>(gh, 'GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews', { ...r, pull_number: pull.number });
      // The latest decisive review of each reviewer counts (a comment does not undo an approval).
      const latest = new Map<string, { state: string; commit_id: string }>();
      for (const rv of reviews) {
        const login = rv.user?.login;
        if (!login || login.toLowerCase() === pull.author.toLowerCase()) continue;
        if (['APPROVED', 'CHANGES_REQUESTED', 'DISMISSED'].includes(rv.state)) latest.set(login, rv);
      }
      const blocking = [...latest].filter(([, rv]) => rv.state === 'CHANGES_REQUESTED').map(([l]) => l);
      const current = [...latest].filter(([, rv]) => rv.state === 'APPROVED' && rv.commit_id === pull.headSha).map(([l]) => l);
      const stale = [...latest].filter(([, rv]) => rv.state === 'APPROVED' && rv.commit_id !== pull.headSha).map(([l]) => l);
      // Only approvals by people who could merge count (as branch protection counts them).
      const perms = await Promise.all(current.map((l) => permissionOf(gh, r, l)));
      const approvers = current.filter((_, i) => rank(perms[i].level) >= rank('write'));
      if (blocking.length) out.push({ requirement: req, met: false, detail: `changes requested by ${blocking.join(', ')}` });
      else if (approvers.length) out.push({ requirement: req, met: true, detail: `approved by ${approvers.join(', ')}` });
      else
        out.push({
          requirement: req,
          met: false,
          detail: stale.length
            ? `the approval of ${stale.join(', ')} is for an earlier commit; approve ${pull.headSha.slice(0, 7)}`
            : current.length
              ? `approved only by ${current.join(', ')}, who cannot write to this repository`
              : 'not approved yet: a reviewer with write access must approve it',
        });
    } else if (req === 'checks') {
      // Every page of both lists: a failing check past the first page must block too.
      const [statuses, runs] = await Promise.all([
        allPages<{ state: string; context: string }>(gh, 'GET /repos/{owner}/{repo}/commits/{ref}/status', { ...r, ref: pull.headSha }, 'statuses'),
        allPages<{ status: string; conclusion: string | null; name: string }>(gh, 'GET /repos/{owner}/{repo}/commits/{ref}/check-runs', { ...r, ref: pull.headSha }, 'check_runs'),
      ]);
      const bad: string[] = [];
      const pending: string[] = [];
      for (const s of statuses.items) {
        if (s.state === 'failure' || s.state === 'error') bad.push(s.context);
        else if (s.state === 'pending') pending.push(s.context);
      }
      for (const c of runs.items) {
        if (c.status !== 'completed') pending.push(c.name);
        else if (!['success', 'neutral', 'skipped'].includes(c.conclusion ?? '')) bad.push(c.name);
      }
      const total = statuses.items.length + runs.items.length;
      const expected = statuses.total + runs.total;
      const names = (xs: string[]) => (xs.length > 10 ? `${xs.slice(0, 10).join(', ')} and ${xs.length - 10} more` : xs.join(', '));
      if (bad.length || pending.length) {
        out.push({ requirement: req, met: false, detail: [bad.length ? `failing: ${names(bad)}` : '', pending.length ? `not finished: ${names(pending)}` : ''].filter(Boolean).join('; ') });
      } else if (total < expected) {
        out.push({ requirement: req, met: false, detail: `only ${total} of ${expected} statuses and check runs could be read, so they cannot all be checked` });
      } else out.push({ requirement: req, met: true, detail: total ? `${total} green` : 'no checks on this commit' });
    } else {
      if (pull.mergeable === null) out.push({ requirement: req, met: false, detail: 'GitHub has not computed mergeability yet: try again in a moment' });
      else if (!pull.mergeable || pull.mergeableState === 'dirty') out.push({ requirement: req, met: false, detail: 'has conflicts with the base branch' });
      else if (pull.draft || pull.mergeableState === 'draft') out.push({ requirement: req, met: false, detail: 'is a draft' });
      else out.push({ requirement: req, met: true, detail: 'mergeable' });
    }
  }
  return out;
}
