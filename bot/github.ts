/**
 * The GitHub client the handlers use: one `request(route, params)` function, which both Probot's
 * installation-authenticated `context.octokit` (server) and @actions/github's `getOctokit(token)`
 * (inside a workflow) provide. Handlers depend on this narrow shape, so the same code runs in both.
 */

export interface GitHubResponse<T = any> {
  status: number;
  data: T;
  headers: Record<string, unknown>;
}

export interface GitHubApi {
  request<T = any>(route: string, params?: object): Promise<GitHubResponse<T>>;
}

export interface Repo {
  owner: string;
  repo: string;
}

/** Wraps any Octokit (its typed overloads do not assign to the narrow shape directly). */
export function fromOctokit(octokit: { request: (...args: any[]) => Promise<any> }): GitHubApi {
  return { request: (route, params) => octokit.request(route, params ?? {}) };
}

/** The HTTP status of a failed request (Octokit's RequestError), if any. */
export function statusOf(err: unknown): number | undefined {
  const s = (err as { status?: unknown })?.status;
  return typeof s === 'number' ? s : undefined;
}

/** GitHub's message for a failed request, else the error's. */
export function messageOf(err: unknown): string {
  const e = err as { response?: { data?: { message?: unknown } }; message?: unknown };
  const m = e?.response?.data?.message ?? e?.message ?? String(err);
  return String(m).split('\n')[0];
}

/** A path inside the repository, each segment encoded (slashes kept). */
export function repoPath(path: string): string {
  return path
    .split('/')
    .filter(Boolean)
    .map((p) => encodeURIComponent(p))
    .join('/');
}

/** Every page of a list endpoint answering an array (per_page 100, up to `maxPages`). */
export async function listAll<T>(gh: GitHubApi, route: string, params: Record<string, unknown>, maxPages = 30): Promise<T[]> {
  const out: T[] = [];
  for (let page = 1; page <= maxPages; page++) {
    const { data } = await gh.request<T[]>(route, { ...params, per_page: 100, page });
    out.push(...data);
    if (data.length < 100) break;
  }
  return out;
}

/** A file's text at a ref through the contents API, or undefined when it does not exist there. */
export async function fileAt(gh: GitHubApi, r: Repo, path: string, ref: string): Promise<string | undefined> {
  try {
    const { data } = await gh.request(`GET /repos/{owner}/{repo}/contents/${repoPath(path)}`, { ...r, ref });
    if (Array.isArray(data) || data?.type !== 'file') return undefined;
    if (typeof data.content === 'string' && data.encoding === 'base64') return Buffer.from(data.content, 'base64').toString('utf8');
    if (typeof data.content === 'string') return data.content;
    return undefined;
  } catch (err) {
    if (statusOf(err) === 404) return undefined;
    throw err;
  }
}
