/**
 * Per-environment apply locks, kept in the repository itself so that the bot stays stateless (any
 * replica, or a workflow run, sees the same locks). A lock is the branch
 * `auth0-eventgrid-lock/<environment>`, created atomically with the git refs API: creating a ref that
 * exists fails with 422 "Reference already exists", so of two concurrent /apply only one gets it.
 * The branch points at a commit on top of the default branch (same tree, nothing changed) whose
 * message records the holder as JSON, so anyone can see in the branch list who holds a lock and a
 * person can release one by deleting the branch.
 */
import { messageOf, statusOf, type GitHubApi, type Repo } from './github.js';

export const LOCK_BRANCH_PREFIX = 'auth0-eventgrid-lock/';
const MESSAGE_HEAD = 'auth0-eventgrid lock';

export interface LockHolder {
  environment: string;
  /** The pull request that holds it. */
  pullRequest: number;
  /** Who took it. */
  actor: string;
  /** When (ISO 8601). */
  at: string;
  /** The pull request head that was applied. */
  sha?: string;
}

/** The branch of an environment's lock (names outside [A-Za-z0-9_-] are hex-encoded to stay valid ref names). */
export function lockBranch(environment: string): string {
  const safe = /^[A-Za-z0-9_-]+$/.test(environment) ? environment : `x-${Buffer.from(environment).toString('hex')}`;
  return `${LOCK_BRANCH_PREFIX}${safe}`;
}

function parseHolder(message: string | undefined): LockHolder | undefined {
  if (!message?.startsWith(MESSAGE_HEAD)) return undefined;
  try {
    const json = JSON.parse(message.slice(message.indexOf('\n\n') + 2));
    if (typeof json.environment === 'string' && typeof json.pullRequest === 'number') return json as LockHolder;
  } catch {
    // not ours
  }
  return undefined;
}

/** The holder of an environment's lock, or undefined when it is free. A lock branch that is not ours counts as held by "unknown". */
export async function lockHolder(gh: GitHubApi, r: Repo, environment: string): Promise<LockHolder | undefined> {
  let sha: string;
  try {
    const { data } = await gh.request(`GET /repos/{owner}/{repo}/git/ref/heads/${lockBranch(environment)}`, r);
    sha = data.object.sha;
  } catch (err) {
    if (statusOf(err) === 404) return undefined;
    throw err;
  }
  const { data } = await gh.request('GET /repos/{owner}/{repo}/git/commits/{commit_sha}', { ...r, commit_sha: sha });
  return parseHolder(data.message) ?? { environment, pullRequest: 0, actor: 'unknown', at: '' };
}

export type Acquired = { acquired: true; reentered: boolean } | { acquired: false; holder: LockHolder };

/** Takes an environment's lock for a pull request (again, when it holds it already). */
export async function acquireLock(gh: GitHubApi, r: Repo, defaultBranch: string, holder: LockHolder): Promise<Acquired> {
  const current = await lockHolder(gh, r, holder.environment);
  if (current) return current.pullRequest === holder.pullRequest ? { acquired: true, reentered: true } : { acquired: false, holder: current };
  const { data: head } = await gh.request(`GET /repos/{owner}/{repo}/git/ref/heads/${defaultBranch.split('/').map(encodeURIComponent).join('/')}`, r);
  const { data: base } = await gh.request('GET /repos/{owner}/{repo}/git/commits/{commit_sha}', { ...r, commit_sha: head.object.sha });
  const message = `${MESSAGE_HEAD}: ${holder.environment} (pull request #${holder.pullRequest})\n\n${JSON.stringify(holder)}`;
  const { data: commit } = await gh.request('POST /repos/{owner}/{repo}/git/commits', { ...r, message, tree: base.tree.sha, parents: [head.object.sha] });
  try {
    await gh.request('POST /repos/{owner}/{repo}/git/refs', { ...r, ref: `refs/heads/${lockBranch(holder.environment)}`, sha: commit.sha });
    return { acquired: true, reentered: false };
  } catch (err) {
    if (statusOf(err) !== 422 || !/already exists/i.test(messageOf(err))) throw err;
    // Someone else won the race.
    const winner = await lockHolder(gh, r, holder.environment);
    if (!winner) throw new Error(`the lock of ${holder.environment} changed while taking it: try again`, { cause: err });
    return winner.pullRequest === holder.pullRequest ? { acquired: true, reentered: true } : { acquired: false, holder: winner };
  }
}

/** Releases an environment's lock; answers who held it (undefined: it was free). */
export async function releaseLock(gh: GitHubApi, r: Repo, environment: string): Promise<LockHolder | undefined> {
  const holder = await lockHolder(gh, r, environment);
  if (!holder) return undefined;
  try {
    await gh.request(`DELETE /repos/{owner}/{repo}/git/refs/heads/${lockBranch(environment)}`, r);
  } catch (err) {
    // Released by someone else meanwhile.
    if (statusOf(err) !== 422 && statusOf(err) !== 404) throw err;
  }
  return holder;
}

/** Every lock held by a pull request (for its merge or close). */
export async function locksOf(gh: GitHubApi, r: Repo, pullRequest: number): Promise<LockHolder[]> {
  let refs: { ref: string; object: { sha: string } }[];
  try {
    const { data } = await gh.request(`GET /repos/{owner}/{repo}/git/matching-refs/heads/${LOCK_BRANCH_PREFIX}`, { ...r, per_page: 100 });
    refs = data;
  } catch (err) {
    if (statusOf(err) === 404) return [];
    throw err;
  }
  const holders = await Promise.all(
    refs.map(async (ref) => {
      const { data } = await gh.request('GET /repos/{owner}/{repo}/git/commits/{commit_sha}', { ...r, commit_sha: ref.object.sha });
      return parseHolder(data.message);
    }),
  );
  return holders.filter((h): h is LockHolder => !!h && h.pullRequest === pullRequest);
}
