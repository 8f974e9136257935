/**
 * The repository's configuration, read from the environments file on the default branch (never from
 * a pull request: a pull request must not be able to grant itself permissions):
 *
 *   chatops:
 *     commands:                       # per command: required permission and optional allow-lists
 *       status: read                  #   shorthand for { permission: read }
 *       renew-authorization: { permission: maintain }
 *       apply: { permission: write, users: [alice], teams: [octo-org/platform] }
 *     users: [alice, bob]             # allow-list for every command that changes something, and /plan
 *     teams: [platform]               #   (a team of the repository's owner, or org/team)
 *     allow-forks: false              # commands on pull requests from forks
 *     auto-plan: true                 # post the plan when a pull request changing the file opens or changes
 *     apply-requirements: [approved, checks, mergeable]
 *     lock-release: merge             # merge: keep an environment's lock after /apply until the PR is merged
 *                                     #   or closed; apply: release it as soon as /apply ends
 *
 * Problems are reported with their line and column, like the rest of the file.
 */
import { LineCounter, parseDocument, isMap, isScalar, isSeq, type Node } from 'yaml';
import { EnvironmentsFileError, parseEnvironmentsFile, type EnvironmentsFile } from '../src/config/environments.js';
import { COMMAND_SPECS, commandSpec, type CommandName } from './commands.js';
import { fileAt, type GitHubApi, type Repo } from './github.js';
import { LEVELS, type Level } from './permissions.js';

export const DEFAULT_CONFIG_PATH = '.github/auth0-eventgrid.yml';
export const APPLY_REQUIREMENTS = ['approved', 'checks', 'mergeable'] as const;
export type ApplyRequirement = (typeof APPLY_REQUIREMENTS)[number];

export interface CommandRule {
  permission: Level;
  users?: string[];
  teams?: string[];
}

export interface ChatopsConfig {
  commands: Record<CommandName, CommandRule>;
  allowForks: boolean;
  autoPlan: boolean;
  applyRequirements: ApplyRequirement[];
  lockRelease: 'merge' | 'apply';
}

export function defaultChatops(): ChatopsConfig {
  return {
    commands: Object.fromEntries(COMMAND_SPECS.map((c) => [c.name, { permission: c.defaultPermission }])) as Record<CommandName, CommandRule>,
    allowForks: false,
    autoPlan: true,
    applyRequirements: [...APPLY_REQUIREMENTS],
    lockRelease: 'merge',
  };
}

const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;
const TEAM = /^(?:[A-Za-z0-9][A-Za-z0-9-]{0,38}\/)?[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/;
const KEYS = ['commands', 'users', 'teams', 'allow-forks', 'auto-plan', 'apply-requirements', 'lock-release'];

/** Parses the `chatops:` section of the file's text (absent: the defaults). */
export function parseChatops(path: string, text: string): { config: ChatopsConfig; problems: string[] } {
  const config = defaultChatops();
  const problems: string[] = [];
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const at = (node: unknown): string => {
    const offset = (node as { range?: number[] })?.range?.[0];
    if (typeof offset !== 'number') return path;
    const { line, col } = lineCounter.linePos(offset);
    return `${path}:${line}:${col}`;
  };
  if (doc.errors.length) {
    const { line, col } = lineCounter.linePos(doc.errors[0].pos[0]);
    return { config, problems: [`${path}:${line}:${col}: ${doc.errors[0].message.split('\n')[0]}`] };
  }
  const root = doc.contents;
  if (!isMap(root)) return { config, problems: [`${path}: the file must be a mapping`] };
  const section = root.get('chatops', true) as Node | undefined;
  if (section === undefined || section === null || (isScalar(section) && section.value === null)) return { config, problems };
  if (!isMap(section)) return { config, problems: [`${at(section)}: chatops must be a mapping (${KEYS.join(', ')})`] };

  const list = (node: unknown, label: string, pattern: RegExp, what: string): string[] | undefined => {
    const items = isSeq(node) ? node.items : isScalar(node) ? [node] : undefined;
    if (!items) {
      problems.push(`${at(node)}: ${label} must be a list of ${what}`);
      return undefined;
    }
    const out: string[] = [];
    for (const item of items) {
      const v = isScalar(item) ? String(item.value ?? '') : '';
      if (!pattern.test(v)) problems.push(`${at(item)}: ${label}: "${v}" is not ${what.replace(/s$/, '')}`);
      else out.push(v.toLowerCase());
    }
    return out;
  };
  const bool = (node: unknown, label: string): boolean | undefined => {
    if (isScalar(node) && typeof node.value === 'boolean') return node.value;
    problems.push(`${at(node)}: ${label} must be true or false`);
    return undefined;
  };
  const level = (node: unknown, label: string): Level | undefined => {
    const v = isScalar(node) ? String(node.value ?? '').toLowerCase() : '';
    if ((LEVELS as readonly string[]).includes(v) && v !== 'none') return v as Level;
    problems.push(`${at(node)}: ${label} must be one of read, triage, write, maintain, admin`);
    return undefined;
  };

  let globalUsers: string[] | undefined;
  let globalTeams: string[] | undefined;
  for (const pair of section.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const value = pair.value;
    switch (key) {
      case 'users':
        globalUsers = list(value, 'chatops.users', LOGIN, 'GitHub logins');
        break;
      case 'teams':
        globalTeams = list(value, 'chatops.teams', TEAM, 'team slugs (team or org/team)');
        break;
      case 'allow-forks': {
        const b = bool(value, 'chatops.allow-forks');
        if (b !== undefined) config.allowForks = b;
        break;
      }
      case 'auto-plan': {
        const b = bool(value, 'chatops.auto-plan');
        if (b !== undefined) config.autoPlan = b;
        break;
      }
      case 'apply-requirements': {
        const items = list(value, 'chatops.apply-requirements', /^[a-z-]+$/, 'requirements');
        if (items) {
          const unknown = items.filter((i) => !(APPLY_REQUIREMENTS as readonly string[]).includes(i));
          if (unknown.length) problems.push(`${at(value)}: chatops.apply-requirements: unknown ${unknown.map((u) => `"${u}"`).join(', ')}; use any of ${APPLY_REQUIREMENTS.join(', ')} (or [] for none)`);
          else config.applyRequirements = [...new Set(items)] as ApplyRequirement[];
        }
        break;
      }
      case 'lock-release': {
        const v = isScalar(value) ? String(value.value) : '';
        if (v === 'merge' || v === 'apply') config.lockRelease = v;
        else problems.push(`${at(value)}: chatops.lock-release must be merge or apply`);
        break;
      }
      case 'commands': {
        if (!isMap(value)) {
          problems.push(`${at(value)}: chatops.commands must map command names to a permission or { permission, users, teams }`);
          break;
        }
        for (const c of value.items) {
          const name = isScalar(c.key) ? String(c.key.value).replace(/^\//, '') : '';
          const s = commandSpec(name);
          if (!s) {
            problems.push(`${at(c.key)}: chatops.commands.${name} is not a command; commands: ${COMMAND_SPECS.map((x) => x.name).join(', ')}`);
            continue;
          }
          const rule: CommandRule = { permission: s.defaultPermission };
          if (isScalar(c.value)) {
            const l = level(c.value, `chatops.commands.${name}`);
            if (l) rule.permission = l;
          } else if (isMap(c.value)) {
            for (const p of c.value.items) {
              const k = isScalar(p.key) ? String(p.key.value) : '';
              if (k === 'permission') {
                const l = level(p.value, `chatops.commands.${name}.permission`);
                if (l) rule.permission = l;
              } else if (k === 'users') rule.users = list(p.value, `chatops.commands.${name}.users`, LOGIN, 'GitHub logins');
              else if (k === 'teams') rule.teams = list(p.value, `chatops.commands.${name}.teams`, TEAM, 'team slugs (team or org/team)');
              else problems.push(`${at(p.key)}: chatops.commands.${name}.${k} is not known; use permission, users, teams`);
            }
          } else {
            problems.push(`${at(c.value)}: chatops.commands.${name} must be a permission or { permission, users, teams }`);
          }
          config.commands[s.name] = rule;
        }
        break;
      }
      default:
        problems.push(`${at(pair.key)}: chatops.${key} is not known; use ${KEYS.join(', ')}`);
    }
  }
  // Top-level allow-lists apply to the commands that change something, and to /plan (which runs a pull
  // request's version of the file with the credentials, also automatically), unless they have their own.
  if (globalUsers || globalTeams) {
    for (const s of COMMAND_SPECS) {
      const rule = config.commands[s.name];
      if ((!s.mutating && !s.pullRequestOnly) || rule.users || rule.teams) continue;
      rule.users = globalUsers;
      rule.teams = globalTeams;
    }
  }
  return { config, problems };
}

export interface RepoConfig {
  path: string;
  /** The ref it was read at. */
  ref: string;
  /** The file's text; undefined when there is no file at that ref. */
  text?: string;
  /** The environments, when the file is valid. */
  file?: EnvironmentsFile;
  /** Why the environments cannot be used. */
  fileProblems: string[];
  chatops: ChatopsConfig;
  /** Problems of the chatops section: then nothing but /help runs (a broken section must not fall back to laxer defaults). */
  chatopsProblems: string[];
}

/** Parsed files by path and text: a busy bot reads the same file for every comment. */
const parsed = new Map<string, RepoConfig>();

/** Reads and parses the file's text (no I/O; the same text is parsed once). */
export function repoConfigFrom(path: string, ref: string, text: string | undefined): RepoConfig {
  if (text === undefined) return parse(path, ref, text);
  const key = `${path}\u0000${text}`;
  let hit = parsed.get(key);
  if (!hit) {
    hit = parse(path, ref, text);
    if (parsed.size >= 64) parsed.delete(parsed.keys().next().value!);
    parsed.set(key, hit);
  }
  return { ...hit, ref };
}

function parse(path: string, ref: string, text: string | undefined): RepoConfig {
  if (text === undefined) {
    return { path, ref, fileProblems: [`${path} does not exist on ${ref}: add it (see docs/chatops.md)`], chatops: defaultChatops(), chatopsProblems: [] };
  }
  const { config, problems } = parseChatops(path, text);
  let file: EnvironmentsFile | undefined;
  let fileProblems: string[] = [];
  try {
    file = parseEnvironmentsFile(path, text);
  } catch (err) {
    if (!(err instanceof EnvironmentsFileError)) throw err;
    fileProblems = err.problems;
  }
  return { path, ref, text, file, fileProblems, chatops: config, chatopsProblems: problems };
}

/** The file at a ref through the contents API. */
export async function loadRepoConfig(gh: GitHubApi, r: Repo, path: string, ref: string): Promise<RepoConfig> {
  return repoConfigFrom(path, ref, await fileAt(gh, r, path, ref));
}
