/**
 * Who may run what. The actor's repository role comes from the collaborator permission API
 * (`GET /repos/{o}/{r}/collaborators/{user}/permission`): its `role_name` tells maintain and triage
 * apart (the legacy `permission` field folds maintain into write and triage into read); a custom
 * role falls back to that legacy field, its base. The required level is the command's (from the
 * environments file's `chatops:` section, else the default); optional allow-lists of users and teams
 * must also admit the actor. A refusal says what is required and what the actor has.
 */
import type { CommandRule } from './config.js';
import { statusOf, messageOf, type GitHubApi, type Repo } from './github.js';

export const LEVELS = ['none', 'read', 'triage', 'write', 'maintain', 'admin'] as const;
export type Level = Exclude<(typeof LEVELS)[number], 'none'>;
export type ActorLevel = (typeof LEVELS)[number];

export function rank(level: ActorLevel): number {
  return LEVELS.indexOf(level);
}

/** The level of a collaborator permission answer. */
export function levelOf(data: { permission?: string | null; role_name?: string | null }): ActorLevel {
  const role = String(data.role_name ?? '').toLowerCase();
  if ((LEVELS as readonly string[]).includes(role)) return role as ActorLevel;
  const legacy = String(data.permission ?? '').toLowerCase();
  if (legacy === 'admin' || legacy === 'write' || legacy === 'read') return legacy;
  return 'none';
}

export interface ActorPermission {
  login: string;
  level: ActorLevel;
  /** As GitHub names it (a custom role's name shows here). */
  roleName: string;
}

export async function permissionOf(gh: GitHubApi, r: Repo, login: string): Promise<ActorPermission> {
  try {
    const { data } = await gh.request('GET /repos/{owner}/{repo}/collaborators/{username}/permission', { ...r, username: login });
    return { login, level: levelOf(data), roleName: String(data.role_name ?? data.permission ?? 'none') };
  } catch (err) {
    // Not a collaborator (or no such user): no permission.
    if (statusOf(err) === 404) return { login, level: 'none', roleName: 'none' };
    throw err;
  }
}

export type Decision = { allowed: true; via?: string } | { allowed: false; required: string; actual: string; reason: string };

/** Team membership per team, asked once per event. */
export type TeamCache = Map<string, Promise<boolean>>;

async function inTeam(gh: GitHubApi, r: Repo, team: string, login: string, cache: TeamCache): Promise<boolean> {
  const [org, slug] = team.includes('/') ? team.split('/') : [r.owner, team];
  const key = `${org}/${slug}`.toLowerCase();
  let p = cache.get(key);
  if (!p) {
    p = gh
      .request('GET /orgs/{org}/teams/{team_slug}/memberships/{username}', { org, team_slug: slug, username: login })
      .then(({ data }) => data?.state === 'active')
      .catch((err) => {
        if (statusOf(err) === 404) return false;
        throw new Error(
          statusOf(err) === 403
            ? `cannot read the membership of team ${key} (${messageOf(err)}): the GitHub App needs the "members: read" organization permission (a workflow's GITHUB_TOKEN cannot read teams; use users: instead, or a token that can)`
            : `cannot read the membership of team ${key}: ${messageOf(err)}`,
        );
      });
    cache.set(key, p);
  }
  return p;
}

/** Whether the actor may run a command under its rule. */
export async function decide(gh: GitHubApi, r: Repo, actor: ActorPermission, rule: CommandRule, teams: TeamCache): Promise<Decision> {
  const actual = actor.roleName === actor.level || actor.level === 'none' ? actor.level : `${actor.level} (role ${actor.roleName})`;
  if (rank(actor.level) < rank(rule.permission)) {
    return { allowed: false, required: rule.permission, actual, reason: `needs ${rule.permission} permission on this repository` };
  }
  if (!rule.users && !rule.teams) return { allowed: true };
  const login = actor.login.toLowerCase();
  if (rule.users?.includes(login)) return { allowed: true, via: 'users allow-list' };
  for (const t of rule.teams ?? []) {
    if (await inTeam(gh, r, t, actor.login, teams)) return { allowed: true, via: `team ${t}` };
  }
  const lists = [rule.users?.length ? `users ${rule.users.join(', ')}` : '', rule.teams?.length ? `members of ${rule.teams.join(', ')}` : ''].filter(Boolean).join(' or ');
  return { allowed: false, required: `${rule.permission} and ${lists || 'an allow-list that is empty'}`, actual: `${actual}, not on the allow-list`, reason: `is limited to ${lists || 'nobody (the allow-list is empty)'}` };
}
