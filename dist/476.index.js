export const id = 476;
export const ids = [476];
export const modules = {

/***/ 5476:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runChatops: () => (/* binding */ runChatops)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 15 modules
var core = __webpack_require__(4116);
// EXTERNAL MODULE: ./src/report/escape.ts
var report_escape = __webpack_require__(6412);
// EXTERNAL MODULE: ./src/report/redact.ts
var redact = __webpack_require__(649);
;// CONCATENATED MODULE: ./bot/escape.ts
/**
 * Everything a user wrote that the bot echoes back goes through userText(): invisible and
 * direction-changing characters are shown as {U+XXXX} (a right-to-left override or zero-width space
 * could make an echoed command read as something else), the text is shortened, and it is escaped by
 * src/report's md() (no mentions, links, images, HTML or table breaks). The audit log gets the same
 * text unescaped but cleaned (auditText()).
 */

/**
 * Zero-width and formatting characters, bidirectional embeddings, overrides and isolates, the soft
 * hyphen, the Arabic letter mark, the Mongolian vowel separator, invisible operators, the byte order
 * mark, and the variation selectors.
 */
// Variation selectors are combining characters: matching them one by one is the point here.
// eslint-disable-next-line no-misleading-character-class
const INVISIBLE = /[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufe00-\ufe0f]/g;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
function stripInvisible(value) {
    return value.replace(INVISIBLE, '');
}
/** Shortens to `max` code points, marking the cut with an ellipsis. */
function truncate(value, max) {
    const chars = [...value];
    return chars.length > max ? chars.slice(0, Math.max(1, max - 1)).join('') + '…' : value;
}
/** Invisible characters made visible as {U+XXXX}, so that a reader sees the trick. */
function showInvisible(value) {
    return value.replace(INVISIBLE, (c) => `{U+${c.codePointAt(0).toString(16).toUpperCase().padStart(4, '0')}}`);
}
/** User text for a comment: invisible characters shown, shortened, markdown-escaped (mentions broken). */
function userText(value, max = 80) {
    return (0,report_escape.md)(truncate(showInvisible(value).replace(CONTROL, ' '), max));
}
/** User text for a log line (JSON-encoded by the caller): cleaned and shortened, not escaped. */
function auditText(value, max = 200) {
    return truncate(stripInvisible(value).replace(CONTROL, ' '), max);
}
/** GitHub refuses comments longer than 65536 characters: keep the head and say what was cut. */
const COMMENT_LIMIT = 65_536;
function fitComment(body, limit = COMMENT_LIMIT - 512) {
    if (body.length <= limit)
        return body;
    const note = '\n\n*…the rest of this report is too long for a comment; run the workflow or the CLI for all of it.*';
    let cut = body.slice(0, limit - note.length);
    // Do not end inside an HTML entity or a details block's open tag.
    cut = cut.replace(/&[#a-z0-9]*$/i, '').replace(/<[^>]*$/, '');
    const openDetails = (cut.match(/<details>/g) ?? []).length - (cut.match(/<\/details>/g) ?? []).length;
    return cut + note + '\n</details>'.repeat(Math.max(0, openDetails));
}

;// CONCATENATED MODULE: ./bot/audit.ts
/**
 * One structured audit line per command (JSON): who ran what, with which arguments, on which
 * environment, with what result and how long it took. User text is cleaned and shortened; every
 * known secret is masked. The shell decides where lines go (stdout for the server, the job log for
 * the Action).
 */


function auditLine(entry, secrets, now = new Date()) {
    const clean = (s) => (s === undefined ? undefined : (0,redact/* redact */.E$)(auditText(s), secrets));
    const line = {
        audit: 'auth0-eventgrid-chatops',
        time: now.toISOString(),
        delivery: entry.delivery,
        repository: entry.repository,
        issue: entry.issue,
        trigger: entry.trigger,
        actor: clean(entry.actor),
        permission: entry.permission,
        command: clean(entry.command),
        args: entry.args.slice(0, 10).map((a) => clean(a)),
        environment: clean(entry.environment),
        result: entry.result,
        reason: clean(entry.reason),
        durationMs: Math.round(entry.durationMs),
    };
    return JSON.stringify(line);
}

;// CONCATENATED MODULE: ./bot/commands.ts
const spec = (s) => ({
    defaultPermission: 'write',
    mutating: true,
    long: false,
    pullRequestOnly: false,
    days: false,
    env: true,
    ...s,
});
const COMMAND_SPECS = [
    spec({ name: 'status', usage: '/status [env]', summary: 'The verify report of one environment, or one line per environment.', defaultPermission: 'read', mutating: false }),
    spec({ name: 'activate-topic', usage: '/activate-topic [env]', summary: "Activate the environment's partner topic after checking that its source is your Auth0 tenant." }),
    spec({
        name: 'renew-authorization',
        usage: '/renew-authorization [env] [days]',
        summary: "Extend Auth0's partner authorization to now + days (1-365; default: the environment's authorization-days); closes the tracking issue it is run in once resolved.",
        days: true,
    }),
    spec({ name: 'resume-stream', usage: '/resume-stream [env]', summary: 'Resume a paused or suspended Auth0 log stream.' }),
    spec({ name: 'deactivate-topic', usage: '/deactivate-topic [env]', summary: 'Deactivate the partner topic: Event Grid drops its events until it is activated again.' }),
    spec({
        name: 'plan',
        usage: '/plan [env]',
        summary: "Dry run of setup with this pull request's version of the environments file (also posted when the pull request opens or changes).",
        mutating: false,
        long: true,
        pullRequestOnly: true,
    }),
    spec({ name: 'apply', usage: '/apply [env]', summary: 'Run setup for the environments this pull request changes, once the apply requirements are met; locks each environment.', long: true, pullRequestOnly: true }),
    spec({ name: 'unlock', usage: '/unlock [env]', summary: "Release an environment's apply lock." }),
    spec({ name: 'help', usage: '/help', summary: 'These commands, their arguments, and who may run each here.', defaultPermission: 'read', mutating: false, env: false }),
];
function commandSpec(name) {
    return COMMAND_SPECS.find((c) => c.name === name);
}
const ENV_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$/;
const MAX_ARGS = 8;
/** Reads a command's arguments; the problem, when there is one, is plain text (escape it to show it). */
function parseArgs(s, words) {
    const args = {};
    if (words.length > MAX_ARGS)
        return { ok: false, problem: `too many arguments (${words.length})` };
    const setEnv = (v) => {
        if (!s.env)
            return `takes no environment (got "${v}")`;
        if (args.env !== undefined)
            return `names more than one environment ("${args.env}" and "${v}")`;
        if (!ENV_NAME.test(v))
            return `"${v}" is not an environment name (letters, digits, '.', '_' or '-')`;
        args.env = v;
        return undefined;
    };
    const setDays = (v) => {
        if (!s.days)
            return `takes no number of days (got "${v}")`;
        if (args.days !== undefined)
            return `gives the days twice`;
        if (!/^\d{1,3}$/.test(v) || Number(v) < 1 || Number(v) > 365)
            return `days must be a whole number from 1 to 365 (got "${v}")`;
        args.days = Number(v);
        return undefined;
    };
    for (const w of words) {
        const eq = w.indexOf('=');
        let problem;
        if (eq > 0) {
            const key = w.slice(0, eq).toLowerCase();
            const value = w.slice(eq + 1);
            if (key === 'env' || key === 'environment')
                problem = setEnv(value);
            else if (key === 'days')
                problem = setDays(value);
            else
                problem = `has no argument "${w.slice(0, eq)}"`;
        }
        else if (s.days && /^\d+$/.test(w) && args.days === undefined) {
            problem = setDays(w);
        }
        else if (!s.env && !s.days) {
            problem = `takes no arguments (got "${w}")`;
        }
        else {
            problem = setEnv(w);
        }
        if (problem)
            return { ok: false, problem };
    }
    return { ok: true, args };
}
/** Edit distance with transpositions (optimal string alignment). */
function distance(a, b) {
    const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
    for (let j = 1; j <= b.length; j++)
        d[0][j] = j;
    for (let i = 1; i <= a.length; i++) {
        for (let j = 1; j <= b.length; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
                d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
    }
    return d[a.length][b.length];
}
/** The closest command to an unknown name (a typo, a missing hyphen, a prefix), if any is close. */
function suggestCommand(name) {
    const n = name.toLowerCase().slice(0, 40);
    const flat = n.replace(/[^a-z]/g, '');
    if (!flat)
        return undefined;
    const byPrefix = COMMAND_SPECS.find((c) => flat.length >= 3 && c.name.replace(/-/g, '').startsWith(flat));
    if (byPrefix)
        return byPrefix;
    let best;
    for (const c of COMMAND_SPECS) {
        const d = Math.min(distance(n, c.name), distance(flat, c.name.replace(/-/g, '')));
        if (d <= Math.max(1, Math.floor(c.name.length / 4)) && (!best || d < best.d))
            best = { spec: c, d };
    }
    return best?.spec;
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./src/config/environments.ts
var config_environments = __webpack_require__(1390);
;// CONCATENATED MODULE: ./bot/github.ts
/**
 * The GitHub client the handlers use: one `request(route, params)` function, which both Probot's
 * installation-authenticated `context.octokit` (server) and @actions/github's `getOctokit(token)`
 * (inside a workflow) provide. Handlers depend on this narrow shape, so the same code runs in both.
 */
/** Wraps any Octokit (its typed overloads do not assign to the narrow shape directly). */
function fromOctokit(octokit) {
    return { request: (route, params) => octokit.request(route, params ?? {}) };
}
/** The HTTP status of a failed request (Octokit's RequestError), if any. */
function statusOf(err) {
    const s = err?.status;
    return typeof s === 'number' ? s : undefined;
}
/** GitHub's message for a failed request, else the error's. */
function messageOf(err) {
    const e = err;
    const m = e?.response?.data?.message ?? e?.message ?? String(err);
    return String(m).split('\n')[0];
}
/** A path inside the repository, each segment encoded (slashes kept). */
function repoPath(path) {
    return path
        .split('/')
        .filter(Boolean)
        .map((p) => encodeURIComponent(p))
        .join('/');
}
/** Every page of a list endpoint answering an array (per_page 100, up to `maxPages`). */
async function listAll(gh, route, params, maxPages = 30) {
    const out = [];
    for (let page = 1; page <= maxPages; page++) {
        const { data } = await gh.request(route, { ...params, per_page: 100, page });
        out.push(...data);
        if (data.length < 100)
            break;
    }
    return out;
}
/** A file's text at a ref through the contents API, or undefined when it does not exist there. */
async function fileAt(gh, r, path, ref) {
    try {
        const { data } = await gh.request(`GET /repos/{owner}/{repo}/contents/${repoPath(path)}`, { ...r, ref });
        if (Array.isArray(data) || data?.type !== 'file')
            return undefined;
        if (typeof data.content === 'string' && data.encoding === 'base64')
            return Buffer.from(data.content, 'base64').toString('utf8');
        if (typeof data.content === 'string')
            return data.content;
        return undefined;
    }
    catch (err) {
        if (statusOf(err) === 404)
            return undefined;
        throw err;
    }
}

;// CONCATENATED MODULE: ./bot/permissions.ts

const LEVELS = ['none', 'read', 'triage', 'write', 'maintain', 'admin'];
function rank(level) {
    return LEVELS.indexOf(level);
}
/** The level of a collaborator permission answer. */
function levelOf(data) {
    const role = String(data.role_name ?? '').toLowerCase();
    if (LEVELS.includes(role))
        return role;
    const legacy = String(data.permission ?? '').toLowerCase();
    if (legacy === 'admin' || legacy === 'write' || legacy === 'read')
        return legacy;
    return 'none';
}
async function permissionOf(gh, r, login) {
    try {
        const { data } = await gh.request('GET /repos/{owner}/{repo}/collaborators/{username}/permission', { ...r, username: login });
        return { login, level: levelOf(data), roleName: String(data.role_name ?? data.permission ?? 'none') };
    }
    catch (err) {
        // Not a collaborator (or no such user): no permission.
        if (statusOf(err) === 404)
            return { login, level: 'none', roleName: 'none' };
        throw err;
    }
}
async function inTeam(gh, r, team, login, cache) {
    const [org, slug] = team.includes('/') ? team.split('/') : [r.owner, team];
    const key = `${org}/${slug}`.toLowerCase();
    let p = cache.get(key);
    if (!p) {
        p = gh
            .request('GET /orgs/{org}/teams/{team_slug}/memberships/{username}', { org, team_slug: slug, username: login })
            .then(({ data }) => data?.state === 'active')
            .catch((err) => {
            if (statusOf(err) === 404)
                return false;
            throw new Error(statusOf(err) === 403
                ? `cannot read the membership of team ${key} (${messageOf(err)}): the GitHub App needs the "members: read" organization permission (a workflow's GITHUB_TOKEN cannot read teams; use users: instead, or a token that can)`
                : `cannot read the membership of team ${key}: ${messageOf(err)}`);
        });
        cache.set(key, p);
    }
    return p;
}
/** Whether the actor may run a command under its rule. */
async function decide(gh, r, actor, rule, teams) {
    const actual = actor.roleName === actor.level || actor.level === 'none' ? actor.level : `${actor.level} (role ${actor.roleName})`;
    if (rank(actor.level) < rank(rule.permission)) {
        return { allowed: false, required: rule.permission, actual, reason: `needs ${rule.permission} permission on this repository` };
    }
    if (!rule.users && !rule.teams)
        return { allowed: true };
    const login = actor.login.toLowerCase();
    if (rule.users?.includes(login))
        return { allowed: true, via: 'users allow-list' };
    for (const t of rule.teams ?? []) {
        if (await inTeam(gh, r, t, actor.login, teams))
            return { allowed: true, via: `team ${t}` };
    }
    const lists = [rule.users?.length ? `users ${rule.users.join(', ')}` : '', rule.teams?.length ? `members of ${rule.teams.join(', ')}` : ''].filter(Boolean).join(' or ');
    return { allowed: false, required: `${rule.permission} and ${lists || 'an allow-list that is empty'}`, actual: `${actual}, not on the allow-list`, reason: `is limited to ${lists || 'nobody (the allow-list is empty)'}` };
}

;// CONCATENATED MODULE: ./bot/config.ts
/**
 * The repository's configuration, read from the environments file on the default branch (never from
 * a pull request: a pull request must not be able to grant itself permissions):
 *
 *   chatops:
 *     commands:                       # per command: required permission and optional allow-lists
 *       status: read                  #   shorthand for { permission: read }
 *       renew-authorization: { permission: maintain }
 *       apply: { permission: write, users: [alice], teams: [octo-org/platform] }
 *     users: [alice, bob]             # allow-list for every command that changes something
 *     teams: [platform]               #   (a team of the repository's owner, or org/team)
 *     allow-forks: false              # commands on pull requests from forks
 *     auto-plan: true                 # post the plan when a pull request changing the file opens or changes
 *     apply-requirements: [approved, checks, mergeable]
 *     lock-release: merge             # merge: keep an environment's lock after /apply until the PR is merged
 *                                     #   or closed; apply: release it as soon as /apply ends
 *
 * Problems are reported with their line and column, like the rest of the file.
 */





const DEFAULT_CONFIG_PATH = '.github/auth0-eventgrid.yml';
const APPLY_REQUIREMENTS = ['approved', 'checks', 'mergeable'];
function defaultChatops() {
    return {
        commands: Object.fromEntries(COMMAND_SPECS.map((c) => [c.name, { permission: c.defaultPermission }])),
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
function parseChatops(path, text) {
    const config = defaultChatops();
    const problems = [];
    const lineCounter = new dist/* LineCounter */.HN();
    const doc = (0,dist/* parseDocument */.Tp)(text, { lineCounter, prettyErrors: false });
    const at = (node) => {
        const offset = node?.range?.[0];
        if (typeof offset !== 'number')
            return path;
        const { line, col } = lineCounter.linePos(offset);
        return `${path}:${line}:${col}`;
    };
    if (doc.errors.length) {
        const { line, col } = lineCounter.linePos(doc.errors[0].pos[0]);
        return { config, problems: [`${path}:${line}:${col}: ${doc.errors[0].message.split('\n')[0]}`] };
    }
    const root = doc.contents;
    if (!(0,dist/* isMap */.jh)(root))
        return { config, problems: [`${path}: the file must be a mapping`] };
    const section = root.get('chatops', true);
    if (section === undefined || section === null || ((0,dist/* isScalar */.jn)(section) && section.value === null))
        return { config, problems };
    if (!(0,dist/* isMap */.jh)(section))
        return { config, problems: [`${at(section)}: chatops must be a mapping (${KEYS.join(', ')})`] };
    const list = (node, label, pattern, what) => {
        const items = (0,dist/* isSeq */.oP)(node) ? node.items : (0,dist/* isScalar */.jn)(node) ? [node] : undefined;
        if (!items) {
            problems.push(`${at(node)}: ${label} must be a list of ${what}`);
            return undefined;
        }
        const out = [];
        for (const item of items) {
            const v = (0,dist/* isScalar */.jn)(item) ? String(item.value ?? '') : '';
            if (!pattern.test(v))
                problems.push(`${at(item)}: ${label}: "${v}" is not ${what.replace(/s$/, '')}`);
            else
                out.push(v.toLowerCase());
        }
        return out;
    };
    const bool = (node, label) => {
        if ((0,dist/* isScalar */.jn)(node) && typeof node.value === 'boolean')
            return node.value;
        problems.push(`${at(node)}: ${label} must be true or false`);
        return undefined;
    };
    const level = (node, label) => {
        const v = (0,dist/* isScalar */.jn)(node) ? String(node.value ?? '').toLowerCase() : '';
        if (LEVELS.includes(v) && v !== 'none')
            return v;
        problems.push(`${at(node)}: ${label} must be one of read, triage, write, maintain, admin`);
        return undefined;
    };
    let globalUsers;
    let globalTeams;
    for (const pair of section.items) {
        const key = (0,dist/* isScalar */.jn)(pair.key) ? String(pair.key.value) : '';
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
                if (b !== undefined)
                    config.allowForks = b;
                break;
            }
            case 'auto-plan': {
                const b = bool(value, 'chatops.auto-plan');
                if (b !== undefined)
                    config.autoPlan = b;
                break;
            }
            case 'apply-requirements': {
                const items = list(value, 'chatops.apply-requirements', /^[a-z-]+$/, 'requirements');
                if (items) {
                    const unknown = items.filter((i) => !APPLY_REQUIREMENTS.includes(i));
                    if (unknown.length)
                        problems.push(`${at(value)}: chatops.apply-requirements: unknown ${unknown.map((u) => `"${u}"`).join(', ')}; use any of ${APPLY_REQUIREMENTS.join(', ')} (or [] for none)`);
                    else
                        config.applyRequirements = [...new Set(items)];
                }
                break;
            }
            case 'lock-release': {
                const v = (0,dist/* isScalar */.jn)(value) ? String(value.value) : '';
                if (v === 'merge' || v === 'apply')
                    config.lockRelease = v;
                else
                    problems.push(`${at(value)}: chatops.lock-release must be merge or apply`);
                break;
            }
            case 'commands': {
                if (!(0,dist/* isMap */.jh)(value)) {
                    problems.push(`${at(value)}: chatops.commands must map command names to a permission or { permission, users, teams }`);
                    break;
                }
                for (const c of value.items) {
                    const name = (0,dist/* isScalar */.jn)(c.key) ? String(c.key.value).replace(/^\//, '') : '';
                    const s = commandSpec(name);
                    if (!s) {
                        problems.push(`${at(c.key)}: chatops.commands.${name} is not a command; commands: ${COMMAND_SPECS.map((x) => x.name).join(', ')}`);
                        continue;
                    }
                    const rule = { permission: s.defaultPermission };
                    if ((0,dist/* isScalar */.jn)(c.value)) {
                        const l = level(c.value, `chatops.commands.${name}`);
                        if (l)
                            rule.permission = l;
                    }
                    else if ((0,dist/* isMap */.jh)(c.value)) {
                        for (const p of c.value.items) {
                            const k = (0,dist/* isScalar */.jn)(p.key) ? String(p.key.value) : '';
                            if (k === 'permission') {
                                const l = level(p.value, `chatops.commands.${name}.permission`);
                                if (l)
                                    rule.permission = l;
                            }
                            else if (k === 'users')
                                rule.users = list(p.value, `chatops.commands.${name}.users`, LOGIN, 'GitHub logins');
                            else if (k === 'teams')
                                rule.teams = list(p.value, `chatops.commands.${name}.teams`, TEAM, 'team slugs (team or org/team)');
                            else
                                problems.push(`${at(p.key)}: chatops.commands.${name}.${k} is not known; use permission, users, teams`);
                        }
                    }
                    else {
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
    // Top-level allow-lists apply to the commands that change something and have none of their own.
    if (globalUsers || globalTeams) {
        for (const s of COMMAND_SPECS) {
            const rule = config.commands[s.name];
            if (!s.mutating || rule.users || rule.teams)
                continue;
            rule.users = globalUsers;
            rule.teams = globalTeams;
        }
    }
    return { config, problems };
}
/** Parsed files by path and text: a busy bot reads the same file for every comment. */
const parsed = new Map();
/** Reads and parses the file's text (no I/O; the same text is parsed once). */
function repoConfigFrom(path, ref, text) {
    if (text === undefined)
        return parse(path, ref, text);
    const key = `${path}\u0000${text}`;
    let hit = parsed.get(key);
    if (!hit) {
        hit = parse(path, ref, text);
        if (parsed.size >= 64)
            parsed.delete(parsed.keys().next().value);
        parsed.set(key, hit);
    }
    return { ...hit, ref };
}
function parse(path, ref, text) {
    if (text === undefined) {
        return { path, ref, fileProblems: [`${path} does not exist on ${ref}: add it (see docs/chatops.md)`], chatops: defaultChatops(), chatopsProblems: [] };
    }
    const { config, problems } = parseChatops(path, text);
    let file;
    let fileProblems = [];
    try {
        file = (0,config_environments/* parseEnvironmentsFile */.me)(path, text);
    }
    catch (err) {
        if (!(err instanceof config_environments/* EnvironmentsFileError */.rt))
            throw err;
        fileProblems = err.problems;
    }
    return { path, ref, text, file, fileProblems, chatops: config, chatopsProblems: problems };
}
/** The file at a ref through the contents API. */
async function loadRepoConfig(gh, r, path, ref) {
    return repoConfigFrom(path, ref, await fileAt(gh, r, path, ref));
}

;// CONCATENATED MODULE: ./bot/feedback.ts
/**
 * What the person who commented sees: 👀 on the comment as soon as it is read, then 🚀 when every
 * command in it succeeded or 😕 when one did not; one reply comment per command, beginning with the
 * command (escaped), who ran it and the outcome. A long command first posts a "working" comment and
 * edits it with the result. Every body is masked (every known secret) and fitted to GitHub's limit.
 */



/** Hidden marker on every comment the bot writes (for people and tools; the bot ignores its own comments anyway). */
const REPLY_MARKER = '<!-- auth0-eventgrid:chatops -->';
const OUTCOME = {
    success: '🚀 done',
    failure: '😕 failed',
    refused: '🚫 not run',
    invalid: '❓ not understood',
    ignored: 'ignored',
    working: '⏳ working…',
};
function formatDuration(ms) {
    return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}
/** `/name arg …` as the user wrote it, safe to show. */
function echo(name, args) {
    return userText([`/${name}`, ...args].join(' '), 120);
}
/** The first line of every reply: the command, who ran it (mention broken), the outcome. */
function headline(command, actor, outcome, durationMs) {
    const who = `@${actor.login}`;
    const perm = actor.permission ? ` (${(0,report_escape.md)(actor.permission)})` : '';
    const took = durationMs !== undefined && outcome !== 'working' ? ` in ${formatDuration(durationMs)}` : '';
    return `${REPLY_MARKER}\n**${command}** · run by ${(0,report_escape.md)(who)}${perm} · ${OUTCOME[outcome]}${took}`;
}
class Feedback {
    gh;
    repo;
    issue;
    secrets;
    onError;
    commentId;
    constructor(gh, repo, issue, secrets, onError, commentId) {
        this.gh = gh;
        this.repo = repo;
        this.issue = issue;
        this.secrets = secrets;
        this.onError = onError;
        this.commentId = commentId;
    }
    clean(body) {
        return fitComment((0,redact/* redact */.E$)(body, this.secrets()));
    }
    /** Adds a reaction to the comment; a failure is logged, never fatal. */
    async react(content) {
        if (!this.commentId)
            return;
        try {
            await this.gh.request('POST /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions', { ...this.repo, comment_id: this.commentId, content });
        }
        catch (err) {
            this.onError(`reaction ${content}`, err);
        }
    }
    async post(body) {
        const { data } = await this.gh.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', { ...this.repo, issue_number: this.issue, body: this.clean(body) });
        return data.id;
    }
    async edit(commentId, body) {
        await this.gh.request('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', { ...this.repo, comment_id: commentId, body: this.clean(body) });
    }
}

;// CONCATENATED MODULE: ./bot/locks.ts
/**
 * Per-environment apply locks, kept in the repository itself so that the bot stays stateless (any
 * replica, or a workflow run, sees the same locks). A lock is the branch
 * `auth0-eventgrid-lock/<environment>`, created atomically with the git refs API: creating a ref that
 * exists fails with 422 "Reference already exists", so of two concurrent /apply only one gets it.
 * The branch points at a commit on top of the default branch (same tree, nothing changed) whose
 * message records the holder as JSON, so anyone can see in the branch list who holds a lock and a
 * person can release one by deleting the branch.
 */

const LOCK_BRANCH_PREFIX = 'auth0-eventgrid-lock/';
const MESSAGE_HEAD = 'auth0-eventgrid lock';
/** The branch of an environment's lock (names outside [A-Za-z0-9_-] are hex-encoded to stay valid ref names). */
function lockBranch(environment) {
    const safe = /^[A-Za-z0-9_-]+$/.test(environment) ? environment : `x-${Buffer.from(environment).toString('hex')}`;
    return `${LOCK_BRANCH_PREFIX}${safe}`;
}
function parseHolder(message) {
    if (!message?.startsWith(MESSAGE_HEAD))
        return undefined;
    try {
        const json = JSON.parse(message.slice(message.indexOf('\n\n') + 2));
        if (typeof json.environment === 'string' && typeof json.pullRequest === 'number')
            return json;
    }
    catch {
        // not ours
    }
    return undefined;
}
/** The holder of an environment's lock, or undefined when it is free. A lock branch that is not ours counts as held by "unknown". */
async function lockHolder(gh, r, environment) {
    let sha;
    try {
        const { data } = await gh.request(`GET /repos/{owner}/{repo}/git/ref/heads/${lockBranch(environment)}`, r);
        sha = data.object.sha;
    }
    catch (err) {
        if (statusOf(err) === 404)
            return undefined;
        throw err;
    }
    const { data } = await gh.request('GET /repos/{owner}/{repo}/git/commits/{commit_sha}', { ...r, commit_sha: sha });
    return parseHolder(data.message) ?? { environment, pullRequest: 0, actor: 'unknown', at: '' };
}
/** Takes an environment's lock for a pull request (again, when it holds it already). */
async function acquireLock(gh, r, defaultBranch, holder) {
    const current = await lockHolder(gh, r, holder.environment);
    if (current)
        return current.pullRequest === holder.pullRequest ? { acquired: true, reentered: true } : { acquired: false, holder: current };
    const { data: head } = await gh.request(`GET /repos/{owner}/{repo}/git/ref/heads/${defaultBranch.split('/').map(encodeURIComponent).join('/')}`, r);
    const { data: base } = await gh.request('GET /repos/{owner}/{repo}/git/commits/{commit_sha}', { ...r, commit_sha: head.object.sha });
    const message = `${MESSAGE_HEAD}: ${holder.environment} (pull request #${holder.pullRequest})\n\n${JSON.stringify(holder)}`;
    const { data: commit } = await gh.request('POST /repos/{owner}/{repo}/git/commits', { ...r, message, tree: base.tree.sha, parents: [head.object.sha] });
    try {
        await gh.request('POST /repos/{owner}/{repo}/git/refs', { ...r, ref: `refs/heads/${lockBranch(holder.environment)}`, sha: commit.sha });
        return { acquired: true, reentered: false };
    }
    catch (err) {
        if (statusOf(err) !== 422 || !/already exists/i.test(messageOf(err)))
            throw err;
        // Someone else won the race.
        const winner = await lockHolder(gh, r, holder.environment);
        if (!winner)
            throw new Error(`the lock of ${holder.environment} changed while taking it: try again`, { cause: err });
        return winner.pullRequest === holder.pullRequest ? { acquired: true, reentered: true } : { acquired: false, holder: winner };
    }
}
/** Releases an environment's lock; answers who held it (undefined: it was free). */
async function releaseLock(gh, r, environment) {
    const holder = await lockHolder(gh, r, environment);
    if (!holder)
        return undefined;
    try {
        await gh.request(`DELETE /repos/{owner}/{repo}/git/refs/heads/${lockBranch(environment)}`, r);
    }
    catch (err) {
        // Released by someone else meanwhile.
        if (statusOf(err) !== 422 && statusOf(err) !== 404)
            throw err;
    }
    return holder;
}
/** Every lock held by a pull request (for its merge or close). */
async function locksOf(gh, r, pullRequest) {
    let refs;
    try {
        const { data } = await gh.request(`GET /repos/{owner}/{repo}/git/matching-refs/heads/${LOCK_BRANCH_PREFIX}`, { ...r, per_page: 100 });
        refs = data;
    }
    catch (err) {
        if (statusOf(err) === 404)
            return [];
        throw err;
    }
    const holders = await Promise.all(refs.map(async (ref) => {
        const { data } = await gh.request('GET /repos/{owner}/{repo}/git/commits/{commit_sha}', { ...r, commit_sha: ref.object.sha });
        return parseHolder(data.message);
    }));
    return holders.filter((h) => !!h && h.pullRequest === pullRequest);
}

// EXTERNAL MODULE: ./src/config/settings.ts
var settings = __webpack_require__(4661);
// EXTERNAL MODULE: ./src/operations/index.ts + 10 modules
var operations = __webpack_require__(1920);
// EXTERNAL MODULE: ./src/operations/fleet.ts + 3 modules
var operations_fleet = __webpack_require__(3146);
;// CONCATENATED MODULE: ./bot/operations.ts





/** A pool that is replaced every `ttlMs` (tokens and cached lists do not live forever). */
function rotatingPool(getIdToken, ttlMs = 10 * 60_000) {
    let pool = (0,operations_fleet/* adapterPool */.Is)(getIdToken);
    let made = Date.now();
    return () => {
        if (Date.now() - made > ttlMs) {
            pool = (0,operations_fleet/* adapterPool */.Is)(getIdToken);
            made = Date.now();
        }
        return pool;
    };
}
/**
 * Settings for `command` over the named environments of the file's text. `overrides` are inputs of
 * this run (e.g. authorization-days of /renew-authorization 30, dry-run of /plan); they win over the file.
 */
const resolvedCache = new Map();
function resolveFor(path, text, environments, command, overrides, ctx) {
    // The same file, environments and command resolve to the same settings (operations only read them):
    // parsed once. Keyed by the credential values too, so a changed secret is picked up.
    const key = JSON.stringify([path, text, environments, command, overrides]);
    const envKey = JSON.stringify(Object.entries(ctx.env).filter(([k]) => text.includes(k)).sort());
    const cacheKey = `${key}\u0000${envKey}`;
    const hit = ctx.inputs ? undefined : resolvedCache.get(cacheKey);
    if (hit)
        return hit;
    const out = resolveUncached(path, text, environments, command, overrides, ctx);
    if (!ctx.inputs) {
        if (resolvedCache.size >= 64)
            resolvedCache.delete(resolvedCache.keys().next().value);
        resolvedCache.set(cacheKey, out);
    }
    return out;
}
function resolveUncached(path, text, environments, command, overrides, ctx) {
    const given = { ...overrides, command, environment: environments.join(','), 'config-file': path };
    const raw = (name) => {
        if (given[name] !== undefined)
            return given[name];
        if (['command', 'environment', 'config-file', 'dry-run', 'fail-on', 'github-token'].includes(name))
            return undefined;
        return ctx.inputs?.(name);
    };
    try {
        const inv = (0,config_environments/* resolveInvocation */.t0)(raw, (p) => (p === path ? text : undefined), ctx.env);
        // The run's own values win even where the file sets them.
        for (const s of inv.environments) {
            if (overrides['authorization-days'])
                s.authorizationDays = Number(overrides['authorization-days']);
            if (overrides['dry-run'] === 'true')
                s.dryRun = true;
        }
        return { ok: true, inv };
    }
    catch (err) {
        if (err instanceof config_environments/* EnvironmentsFileError */.rt)
            return { ok: false, problems: err.problems };
        if (err instanceof settings/* ConfigError */.xL)
            return { ok: false, problems: err.problems.map((p) => `'${p.input}': ${p.message}`) };
        throw err;
    }
}
const quiet = { info: () => undefined, warn: () => undefined };
function runContext(ctx) {
    return { progress: ctx.progress ?? quiet, getIdToken: ctx.getIdToken };
}
/** One environment: its OperationResult. */
async function runOne(inv, ctx) {
    return (0,operations.runCommand)(inv.environments[0], runContext(ctx), ctx.pool());
}
/** One environment (its OperationResult) or several (a FleetResult, most urgent first). */
async function runAll(inv, ctx) {
    if (inv.environments.length === 1)
        return runOne(inv, ctx);
    const started = Date.now();
    const pool = ctx.pool();
    const results = await (0,operations_fleet/* mapLimit */.sf)(inv.environments, ctx.concurrency ?? 8, (s) => (0,operations.runCommand)(s, runContext(ctx), pool));
    const fleet = (0,operations_fleet/* fleetResult */.oM)(inv.run.command, results, started, inv.run.dryRun, inv.configFile);
    fleet.durationMs = Date.now() - started;
    return fleet;
}
/**
 * The values of every credential the file references (set in this process's environment): masked in
 * everything the bot writes from the start, even in replies to commands that never resolve settings
 * (someone pasting a secret into a comment sees *** echoed).
 */
function credentialValues(file, env) {
    if (!file)
        return [];
    const out = new Set();
    for (const name of file.names) {
        const v = file.values(name);
        for (const ref of config_environments/* SECRET_REFERENCE_INPUTS */.T7) {
            const value = v[`${ref}-env`] ? env[v[`${ref}-env`]] : undefined;
            if (value && value.length >= 4)
                out.add(value);
        }
    }
    return (0,redact/* expandSecrets */.Wj)([...out]);
}

;// CONCATENATED MODULE: ./bot/parse.ts
/**
 * Finding the commands in a comment. A command is a line that starts with `/` followed by a word
 * (up to three leading spaces, as markdown allows for a paragraph); any line of the comment may be
 * one, and several run in the order written. CRLF line ends and trailing spaces are tolerated.
 * Not commands: lines inside fenced code blocks (``` or ~~~), indented code (four spaces or a tab),
 * block quotes (`>`, e.g. a reply quoting an earlier command), and HTML comments (text nobody sees).
 * Arguments are the whitespace-separated words after the name, positional or `key=value`.
 */
/** Most commands one comment may run. */
const MAX_COMMANDS = 10;
const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;
function parseComment(body, max = MAX_COMMANDS) {
    const lines = (body ?? '').replace(/\r\n?/g, '\n').split('\n');
    const commands = [];
    let dropped = 0;
    let fence;
    let inHtmlComment = false;
    lines.forEach((rawLine, i) => {
        const line = rawLine.replace(/[ \t]+$/, '');
        if (fence) {
            const m = FENCE.exec(line);
            if (m && m[1][0] === fence.char && m[1].length >= fence.len && m[2].trim() === '')
                fence = undefined;
            return;
        }
        if (inHtmlComment) {
            if (line.includes('-->'))
                inHtmlComment = false;
            return;
        }
        const f = FENCE.exec(line);
        if (f && !(f[1][0] === '`' && f[2].includes('`'))) {
            fence = { char: f[1][0], len: f[1].length };
            return;
        }
        const open = line.lastIndexOf('<!--');
        if (open !== -1 && line.indexOf('-->', open + 4) === -1) {
            inHtmlComment = true;
            // Text before the comment opens still counts.
            if (!/^ {0,3}\//.test(line.slice(0, open)))
                return;
        }
        if (/^( {4}|\t| {0,3}\t)/.test(line))
            return; // indented code
        if (/^ {0,3}>/.test(line))
            return; // quote
        const m = /^ {0,3}\/([^\s/][^\s]*)(?:\s+(.*))?$/su.exec(open !== -1 && inHtmlComment ? line.slice(0, open) : line);
        if (!m)
            return;
        if (commands.length >= max) {
            dropped++;
            return;
        }
        const args = (m[2] ?? '').split(/\s+/u).filter(Boolean);
        commands.push({ line: i + 1, text: line.trim(), name: m[1].toLowerCase(), args });
    });
    return { commands, dropped };
}

;// CONCATENATED MODULE: ./bot/pulls.ts


async function getPull(gh, r, number) {
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
async function changesFile(gh, r, number, path) {
    const files = await listAll(gh, 'GET /repos/{owner}/{repo}/pulls/{pull_number}/files', { ...r, pull_number: number });
    return files.some((f) => f.filename === path || f.previous_filename === path);
}
/** Environments whose settings (defaults applied) differ between the two versions of the file. */
function environmentChanges(base, head) {
    const baseNames = base?.names ?? [];
    const canon = (f, n) => JSON.stringify(Object.entries(f.values(n)).sort(([a], [b]) => a.localeCompare(b)));
    return {
        added: head.names.filter((n) => !baseNames.includes(n)),
        modified: head.names.filter((n) => baseNames.includes(n) && canon(base, n) !== canon(head, n)),
        removed: baseNames.filter((n) => !head.names.includes(n)),
    };
}
/** Checks each configured apply requirement against the pull request's current head. */
async function checkRequirements(gh, r, pull, requirements) {
    const out = [];
    for (const req of requirements) {
        if (req === 'approved') {
            const reviews = await listAll(gh, 'GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews', { ...r, pull_number: pull.number });
            // The latest decisive review of each reviewer counts (a comment does not undo an approval).
            const latest = new Map();
            for (const rv of reviews) {
                const login = rv.user?.login;
                if (!login || login.toLowerCase() === pull.author.toLowerCase())
                    continue;
                if (['APPROVED', 'CHANGES_REQUESTED', 'DISMISSED'].includes(rv.state))
                    latest.set(login, rv);
            }
            const blocking = [...latest].filter(([, rv]) => rv.state === 'CHANGES_REQUESTED').map(([l]) => l);
            const current = [...latest].filter(([, rv]) => rv.state === 'APPROVED' && rv.commit_id === pull.headSha).map(([l]) => l);
            const stale = [...latest].filter(([, rv]) => rv.state === 'APPROVED' && rv.commit_id !== pull.headSha).map(([l]) => l);
            // Only approvals by people who could merge count (as branch protection counts them).
            const perms = await Promise.all(current.map((l) => permissionOf(gh, r, l)));
            const approvers = current.filter((_, i) => rank(perms[i].level) >= rank('write'));
            if (blocking.length)
                out.push({ requirement: req, met: false, detail: `changes requested by ${blocking.join(', ')}` });
            else if (approvers.length)
                out.push({ requirement: req, met: true, detail: `approved by ${approvers.join(', ')}` });
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
        }
        else if (req === 'checks') {
            const [{ data: combined }, { data: runs }] = await Promise.all([
                gh.request('GET /repos/{owner}/{repo}/commits/{ref}/status', { ...r, ref: pull.headSha, per_page: 100 }),
                gh.request('GET /repos/{owner}/{repo}/commits/{ref}/check-runs', { ...r, ref: pull.headSha, per_page: 100 }),
            ]);
            const bad = [];
            const pending = [];
            for (const s of combined.statuses ?? []) {
                if (s.state === 'failure' || s.state === 'error')
                    bad.push(s.context);
                else if (s.state === 'pending')
                    pending.push(s.context);
            }
            for (const c of runs.check_runs ?? []) {
                if (c.status !== 'completed')
                    pending.push(c.name);
                else if (!['success', 'neutral', 'skipped'].includes(c.conclusion))
                    bad.push(c.name);
            }
            const total = (combined.statuses?.length ?? 0) + (runs.check_runs?.length ?? 0);
            if (bad.length || pending.length) {
                out.push({ requirement: req, met: false, detail: [bad.length ? `failing: ${bad.join(', ')}` : '', pending.length ? `not finished: ${pending.join(', ')}` : ''].filter(Boolean).join('; ') });
            }
            else
                out.push({ requirement: req, met: true, detail: total ? `${total} green` : 'no checks on this commit' });
        }
        else {
            if (pull.mergeable === null)
                out.push({ requirement: req, met: false, detail: 'GitHub has not computed mergeability yet: try again in a moment' });
            else if (!pull.mergeable || pull.mergeableState === 'dirty')
                out.push({ requirement: req, met: false, detail: 'has conflicts with the base branch' });
            else if (pull.draft || pull.mergeableState === 'draft')
                out.push({ requirement: req, met: false, detail: 'is a draft' });
            else
                out.push({ requirement: req, met: true, detail: 'mergeable' });
        }
    }
    return out;
}

// EXTERNAL MODULE: ./src/report/index.ts + 4 modules
var report = __webpack_require__(1227);
// EXTERNAL MODULE: ./src/operations/types.ts
var types = __webpack_require__(1983);
// EXTERNAL MODULE: ./src/github/tracking.ts
var tracking = __webpack_require__(9430);
;// CONCATENATED MODULE: ./bot/tracking.ts
/**
 * Tracking issues (kept by check-expiry, src/github/tracking.ts) carry a hidden marker naming their
 * environment and problem. A command run in such an issue defaults to the issue's environment, and
 * when it resolves the issue's problem the issue is closed: /renew-authorization for `authorization`
 * (once the new expiry is beyond warn-days, else check-expiry would reopen it at once),
 * /activate-topic for `activation`, /resume-stream for `stream`.
 */

const PROBLEMS = ['authorization', 'activation', 'stream', 'provider'];
/** The markers in an issue body, in the format src/github/tracking.ts writes. */
function trackingMarkers(body) {
    const out = [];
    const [prefix] = (0,tracking/* marker */.xL)('\u0000', 'authorization').split('\u0000');
    for (let i = body.indexOf(prefix); i !== -1; i = body.indexOf(prefix, i + prefix.length)) {
        const rest = body.slice(i + prefix.length, i + prefix.length + 200);
        const environment = /^[^\s]*/.exec(rest)[0];
        if (!/^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$/.test(environment))
            continue;
        const problem = PROBLEMS.find((p) => (0,tracking/* marker */.xL)(environment, p) === body.slice(i, i + (0,tracking/* marker */.xL)(environment, p).length));
        if (problem)
            out.push({ environment, problem });
    }
    return out;
}
const RESOLVES = {
    'renew-authorization': 'authorization',
    'activate-topic': 'activation',
    'resume-stream': 'stream',
};
/** Whether the result resolves the problem (undefined: it does not; else why it does). */
function resolution(problem, r, warnDays) {
    if (r.failure)
        return { resolved: false, detail: 'the command failed' };
    if (problem === 'authorization') {
        // check-expiry warns while less than warn-days remain (by Azure's clock); a renewal grants
        // `days` minus a few minutes, which daysUntilExpiry rounds back to `days`: more than warn-days is clear of it.
        const days = r.facts.daysUntilExpiry;
        if (days === undefined || !r.facts.authorizationExpiresAt)
            return { resolved: false, detail: 'the new expiry is unknown' };
        return days > warnDays
            ? { resolved: true, detail: `Auth0 is authorized until ${r.facts.authorizationExpiresAt}` }
            : { resolved: false, detail: `the authorization now ends ${r.facts.authorizationExpiresAt}, within warn-days (${warnDays}): check-expiry would reopen it; renew for more days to resolve it` };
    }
    if (problem === 'activation') {
        return r.facts.activationState === 'Activated' ? { resolved: true, detail: `partner topic ${r.facts.partnerTopicName} is activated` } : { resolved: false, detail: `the topic is ${r.facts.activationState ?? 'unknown'}` };
    }
    if (problem === 'stream') {
        return r.facts.streamStatus === 'active' ? { resolved: true, detail: 'the Auth0 log stream is active' } : { resolved: false, detail: `the stream is ${r.facts.streamStatus ?? 'unknown'}` };
    }
    return { resolved: false, detail: 'not resolved by this command' };
}

// EXTERNAL MODULE: ./src/config/facts.ts
var facts = __webpack_require__(3553);
;// CONCATENATED MODULE: ./bot/trust.ts
/**
 * Where a credential may be sent. The bot holds credentials (in its environment, or the workflow's
 * secrets) that the people commenting cannot read; a file naming `auth0-client-secret-env: X` makes
 * the bot send X's value to that environment's `auth0-domain`. The default branch's file is trusted
 * (it was reviewed and merged). A pull request's version of it is not yet, and /plan runs on it
 * automatically, so for an environment planned or applied from a pull request:
 *  - a credential reference must name a variable the default branch already references for the same
 *    kind of credential, with the same destination (Auth0 domain and client id; Entra authority,
 *    tenant, client id and Resource Manager endpoint);
 *  - its Azure endpoints (Resource Manager, authority, token audience) must be a public cloud's or
 *    ones an environment on the default branch uses (a token for them is sent there);
 * and no file, trusted or not, may reference the bot's own secrets.
 */

/** Variables that hold the bot's (or the runner's) own secrets: never a credential of an environment. */
const RESERVED_VARIABLES = [
    'APP_ID',
    'PRIVATE_KEY',
    'PRIVATE_KEY_PATH',
    'WEBHOOK_SECRET',
    'GITHUB_TOKEN',
    'GH_TOKEN',
    'GITHUB_CLIENT_SECRET',
    'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
    'ACTIONS_ID_TOKEN_REQUEST_URL',
    'ACTIONS_RUNTIME_TOKEN',
    'ACTIONS_CACHE_URL',
    'INPUT_GITHUB-TOKEN',
    'INPUT_GITHUB_TOKEN',
];
const REFS = ['auth0-client-secret', 'azure-client-secret', 'webhook-url'];
const norm = (v) => (v ?? '').trim().toLowerCase().replace(/\/+$/, '');
function azureEndpoints(v) {
    const cloud = facts/* AZURE_CLOUDS */.hb[(Object.keys(facts/* AZURE_CLOUDS */.hb).find((k) => k.toLowerCase() === norm(v['azure-environment'])) ?? 'AzureCloud')];
    return [
        norm(v['azure-resource-manager-endpoint'] || cloud.resourceManagerEndpoint),
        norm(v['azure-authority-host'] || cloud.authorityHost),
        norm(v['azure-resource-manager-audience'] || cloud.resourceManagerScope),
    ].join(' ');
}
/** Where the credential of a reference goes, as a comparable string. */
function destination(ref, v) {
    if (ref === 'auth0-client-secret')
        return `auth0 ${norm(v['auth0-domain'])} ${norm(v['auth0-client-id'])}`;
    if (ref === 'azure-client-secret')
        return `azure ${norm(v['azure-tenant-id'])} ${norm(v['azure-client-id'])} ${azureEndpoints(v)}`;
    return `webhook ${azureEndpoints(v)}`;
}
function describe(ref, v) {
    if (ref === 'auth0-client-secret')
        return `Auth0 domain ${v['auth0-domain'] || '(none)'} and client ${v['auth0-client-id'] || '(none)'}`;
    if (ref === 'azure-client-secret')
        return `Entra tenant ${v['azure-tenant-id'] || '(none)'}, client ${v['azure-client-id'] || '(none)'} and Azure endpoints ${azureEndpoints(v)}`;
    return `an event subscription through Azure endpoints ${azureEndpoints(v)}`;
}
/** References to the bot's own secrets, in any environment of a file. */
function reservedReferences(file, env) {
    const v = file.values(env);
    return REFS.filter((r) => v[`${r}-env`] && RESERVED_VARIABLES.includes(v[`${r}-env`].toUpperCase())).map((r) => `${file.where(env, `${r}-env`)}: environments.${env}.${r}-env names ${v[`${r}-env`]}, which holds the bot's own secret and is never used as a credential`);
}
/** Why the pull request's version of an environment may not use the bot's credentials (empty: it may). */
function untrustedUses(base, head, env) {
    const problems = reservedReferences(head, env);
    const v = head.values(env);
    const baseEnvs = base ? base.names.map((n) => base.values(n)) : [];
    const trustedEndpoints = new Set([...Object.keys(facts/* AZURE_CLOUDS */.hb).map((c) => azureEndpoints({ 'azure-environment': c })), ...baseEnvs.map(azureEndpoints)]);
    if (!trustedEndpoints.has(azureEndpoints(v))) {
        problems.push(`${head.where(env, 'azure-resource-manager-endpoint')}: environments.${env} uses Azure endpoints (${azureEndpoints(v)}) that neither a public cloud nor an environment on the default branch uses: an Azure token would be sent there. Merge that change first.`);
    }
    for (const ref of REFS) {
        const variable = v[`${ref}-env`];
        if (!variable)
            continue;
        const uses = baseEnvs.filter((b) => b[`${ref}-env`] === variable);
        if (!uses.length) {
            problems.push(`${head.where(env, `${ref}-env`)}: environments.${env}.${ref}-env names ${variable}, which no environment on the default branch uses for ${ref}: a pull request may only use credentials the default branch already uses. Merge the reference first (then plan and apply from a pull request), or run setup from a workflow.`);
        }
        else if (!uses.some((b) => destination(ref, b) === destination(ref, v))) {
            problems.push(`${head.where(env, `${ref}-env`)}: environments.${env} would send ${variable} to ${describe(ref, v)}; on the default branch it goes to ${describe(ref, uses[0])}. A pull request may not send a credential somewhere new: merge that change first.`);
        }
    }
    return problems;
}

;// CONCATENATED MODULE: ./bot/handlers/common.ts
/** What the environment handlers share: choosing the environment, running, rendering, judging. */







function problemsList(problems, max = 20) {
    const shown = problems.slice(0, max).map((p) => `- ${(0,report_escape.md)(p)}`);
    if (problems.length > max)
        shown.push(`- …and ${problems.length - max} more`);
    return shown.join('\n');
}
/** The environments file must be there and valid. */
function fileProblem(ctx) {
    if (ctx.config.file)
        return undefined;
    return {
        result: 'failure',
        reason: 'environments file missing or invalid',
        body: `The environments file ${(0,report_escape.md)(ctx.config.path)} on ${(0,report_escape.md)(ctx.config.ref)} cannot be used:\n\n${problemsList(ctx.config.fileProblems)}`,
    };
}
/**
 * The environment a command acts on: the one named, else the tracking issue's, else the only one
 * in the file; otherwise the reply asks which.
 */
function pickEnvironment(ctx) {
    const file = ctx.config.file;
    const usage = ctx.spec.usage;
    if (ctx.args.env !== undefined) {
        if (file.names.includes(ctx.args.env))
            return { ok: true, env: ctx.args.env };
        return {
            ok: false,
            outcome: {
                result: 'invalid',
                reason: 'unknown environment',
                body: `There is no environment ${userText(ctx.args.env, 64)} in ${(0,report_escape.md)(ctx.config.path)}. Environments: ${file.names.map((n) => (0,report_escape.md)(n)).join(', ')}.\n\nExpected: ${(0,report_escape.md)(usage)}`,
            },
        };
    }
    if (!ctx.thread.isPull) {
        const fromIssue = trackingMarkers(ctx.thread.body).find((m) => file.names.includes(m.environment));
        if (fromIssue)
            return { ok: true, env: fromIssue.environment };
    }
    if (file.names.length === 1)
        return { ok: true, env: file.names[0] };
    return {
        ok: false,
        outcome: {
            result: 'invalid',
            reason: 'no environment given',
            body: `Which environment? ${(0,report_escape.md)(ctx.config.path)} defines ${file.names.length}: ${file.names.map((n) => (0,report_escape.md)(n)).join(', ')}.\n\nExpected: ${(0,report_escape.md)(usage.replace('[env]', '<env>'))}`,
        },
    };
}
/** Resolves settings for the environments from the default branch's file, or the outcome saying why not. */
function settingsOf(ctx, command, envs, overrides = {}) {
    const file = ctx.config.file;
    const reserved = envs.flatMap((e) => reservedReferences(file, e));
    if (reserved.length)
        return { ok: false, outcome: { result: 'refused', reason: 'reserved variable', body: `Not run:\n\n${problemsList(reserved)}` } };
    const resolved = resolveFor(ctx.config.path, ctx.config.text, envs, command, overrides, ctx.ops);
    if (!resolved.ok) {
        return {
            ok: false,
            outcome: { result: 'failure', reason: 'settings invalid', body: `The settings of ${envs.map((e) => (0,report_escape.md)(e)).join(', ')} cannot be used:\n\n${problemsList(resolved.problems)}` },
        };
    }
    for (const s of resolved.inv.secrets)
        if (!ctx.secrets.includes(s))
            ctx.secrets.push(s);
    return resolved;
}
/** Whether a result is a success: it ran to the end, and a change left the environment healthy or degraded. */
function succeeded(r, healthMatters) {
    const runs = (0,types/* isFleet */.x)(r) ? r.environments : [r];
    return runs.every((x) => !x.failure && (!healthMatters || x.health !== 'unhealthy'));
}
function render(ctx, r) {
    return (0,report.renderMarkdown)(r, { secrets: ctx.secrets });
}
/** Runs a command for one environment of the default branch's file and renders it. */
async function runForEnvironment(ctx, command, overrides = {}) {
    const bad = fileProblem(ctx);
    if (bad)
        return { outcome: bad };
    const picked = pickEnvironment(ctx);
    if (!picked.ok)
        return { outcome: picked.outcome };
    const s = settingsOf(ctx, command, [picked.env], overrides);
    if (!s.ok)
        return { outcome: { ...s.outcome, environment: picked.env }, env: picked.env };
    const result = (await runAll(s.inv, ctx.ops));
    const ok = succeeded(result, true);
    return {
        outcome: { result: ok ? 'success' : 'failure', environment: picked.env, body: render(ctx, result), reason: ok ? undefined : (result.failure ? `${result.failure.code}: ${result.failure.message}` : `health ${result.health}`) },
        result,
        env: picked.env,
        settings: s.inv.environments[0],
    };
}

;// CONCATENATED MODULE: ./bot/handlers/pull.ts
/**
 * What /plan and /apply share: the pull request must be open, target the default branch and change
 * the environments file; its head version of the file must be valid; the environments come from the
 * argument or from what the pull request changes; and each must use credentials only as the default
 * branch already does (bot/trust.ts).
 */







const no = (result, reason, body) => ({ ok: false, outcome: { result, reason, body } });
function changesLine(c) {
    const parts = [...c.modified.map((e) => `**${(0,report_escape.md)(e)}** (modified)`), ...c.added.map((e) => `**${(0,report_escape.md)(e)}** (added)`)];
    const removed = c.removed.length ? ` Removed: ${c.removed.map((e) => `**${(0,report_escape.md)(e)}**`).join(', ')} (/apply does not tear an environment down: run teardown for it).` : '';
    return `${parts.length ? `Environments this pull request changes: ${parts.join(', ')}.` : 'This pull request changes no environment.'}${removed}`;
}
async function preparePull(ctx, mustChange) {
    const pull = ctx.pull;
    const path = ctx.config.path;
    if (pull.state !== 'open')
        return no('invalid', 'pull request closed', `Pull request #${pull.number} is ${pull.merged ? 'merged' : 'closed'}.`);
    if (pull.baseRef !== ctx.defaultBranch) {
        return no('refused', 'not targeting the default branch', `This pull request targets ${(0,report_escape.md)(pull.baseRef)}, not the default branch ${(0,report_escape.md)(ctx.defaultBranch)}: its version of ${(0,report_escape.md)(path)} is not what will be used.`);
    }
    if (!(await changesFile(ctx.gh, ctx.repo, pull.number, path))) {
        return no('invalid', 'file not changed', `This pull request does not change ${(0,report_escape.md)(path)}: there is nothing to plan or apply. (${(0,report_escape.md)('/status')} shows the environments as they are.)`);
    }
    const [headText, baseText] = await Promise.all([fileAt(ctx.gh, ctx.repo, path, pull.headSha), fileAt(ctx.gh, ctx.repo, path, pull.baseSha)]);
    if (headText === undefined)
        return no('invalid', 'file removed', `This pull request removes ${(0,report_escape.md)(path)}. /apply does not tear environments down: run teardown for each first.`);
    const head = repoConfigFrom(path, pull.headSha, headText);
    if (!head.file)
        return no('failure', 'invalid file', `${(0,report_escape.md)(path)} at ${(0,report_escape.md)(pull.headSha.slice(0, 7))} is not valid:\n\n${problemsList(head.fileProblems)}`);
    const base = repoConfigFrom(path, pull.baseSha, baseText);
    const changes = environmentChanges(base.file, head.file);
    const changed = [...changes.modified, ...changes.added];
    let targets;
    if (ctx.args.env !== undefined) {
        if (!head.file.names.includes(ctx.args.env)) {
            return no('invalid', 'unknown environment', `There is no environment ${userText(ctx.args.env, 64)} in this pull request's ${(0,report_escape.md)(path)}. Environments: ${head.file.names.map((n) => (0,report_escape.md)(n)).join(', ')}.`);
        }
        if (mustChange && !changed.includes(ctx.args.env)) {
            return no('refused', 'environment not changed', `This pull request does not change ${(0,report_escape.md)(ctx.args.env)}: /apply applies only what it changes (${changed.length ? changed.map((e) => (0,report_escape.md)(e)).join(', ') : 'nothing'}).`);
        }
        targets = [ctx.args.env];
    }
    else {
        targets = changed;
        if (!targets.length)
            return no(mustChange ? 'invalid' : 'success', 'no environment changed', changesLine(changes));
    }
    const headFile = head.file;
    const untrusted = targets.flatMap((e) => untrustedUses(ctx.config.file, headFile, e));
    if (untrusted.length)
        return no('refused', 'credentials used in a new way', `${changesLine(changes)}\n\nNot run, to keep credentials where the default branch sends them:\n\n${problemsList(untrusted)}`);
    return { ok: true, value: { pull, head, changes, targets } };
}

;// CONCATENATED MODULE: ./bot/handlers/apply.ts
/**
 * /apply [env] on a pull request: once the apply requirements are met, takes each environment's lock
 * (atomically; a lock held by another pull request refuses the whole apply and names its holder),
 * then runs setup with the pull request's head version of the file. With `lock-release: merge` the
 * locks stay until the pull request is merged or closed (the environment now runs its version);
 * with `apply` they are released when /apply ends.
 */






function holderText(h) {
    if (!h.pullRequest)
        return 'someone outside this bot (its lock branch holds no lock record)';
    return `pull request #${h.pullRequest} (${(0,report_escape.md)(`/apply by @${h.actor}`)}${h.at ? ` at ${(0,report_escape.md)(h.at)}` : ''})`;
}
const apply = async (ctx) => {
    const prepared = await preparePull(ctx, true);
    if (!prepared.ok)
        return prepared.outcome;
    const { pull, head, changes, targets } = prepared.value;
    const environment = targets.join(',');
    const reqs = await checkRequirements(ctx.gh, ctx.repo, pull, ctx.config.chatops.applyRequirements);
    const unmet = reqs.filter((r) => !r.met);
    if (unmet.length) {
        return {
            result: 'refused',
            environment,
            reason: `requirements not met: ${unmet.map((r) => `${r.requirement} (${r.detail})`).join('; ')}`,
            body: [`Not applied: the apply requirements are not met.`, '', ...reqs.map((r) => `- ${r.met ? '✅' : '❌'} **${(0,report_escape.md)(r.requirement)}**: ${(0,report_escape.md)(r.detail)}`), '', changesLine(changes)].join('\n'),
        };
    }
    const resolved = resolveFor(head.path, head.text, targets, 'setup', { 'dry-run': 'false' }, ctx.ops);
    if (!resolved.ok)
        return { result: 'failure', environment, reason: 'settings invalid', body: `The settings cannot be used:\n\n${problemsList(resolved.problems)}` };
    for (const s of resolved.inv.secrets)
        if (!ctx.secrets.includes(s))
            ctx.secrets.push(s);
    // Locks, in a stable order; all or none.
    const taken = [];
    const blocked = [];
    for (const env of [...targets].sort()) {
        const got = await acquireLock(ctx.gh, ctx.repo, ctx.defaultBranch, { environment: env, pullRequest: pull.number, actor: ctx.actor.login, at: new Date().toISOString(), sha: pull.headSha });
        if (got.acquired) {
            if (!got.reentered)
                taken.push(env);
        }
        else {
            blocked.push(got.holder);
            break;
        }
    }
    if (blocked.length) {
        await Promise.all(taken.map((e) => releaseLock(ctx.gh, ctx.repo, e)));
        const h = blocked[0];
        return {
            result: 'refused',
            environment,
            reason: `locked by pull request #${h.pullRequest} (${h.actor})`,
            body: `Not applied: **${(0,report_escape.md)(h.environment)}** is locked by ${holderText(h)}. It is released when that pull request is merged or closed, or by ${(0,report_escape.md)(`/unlock ${h.environment}`)}.`,
        };
    }
    await ctx.working(`Applying ${targets.map((t) => (0,report_escape.md)(t)).join(', ')} at ${(0,report_escape.md)(pull.headSha.slice(0, 7))} (locked for this pull request)…`);
    let result;
    try {
        result = await runAll(resolved.inv, ctx.ops);
    }
    finally {
        if (ctx.config.chatops.lockRelease === 'apply')
            await Promise.all(targets.map((e) => releaseLock(ctx.gh, ctx.repo, e)));
    }
    const ok = succeeded(result, true);
    const lockNote = ctx.config.chatops.lockRelease === 'apply'
        ? 'Locks released.'
        : `${targets.map((t) => `**${(0,report_escape.md)(t)}**`).join(', ')} ${targets.length === 1 ? 'stays' : 'stay'} locked by this pull request until it is merged or closed (or ${(0,report_escape.md)('/unlock')}): ${targets.length === 1 ? 'it runs' : 'they run'} this pull request's version of the file now.`;
    return {
        result: ok ? 'success' : 'failure',
        environment,
        reason: ok ? undefined : 'setup failed or left an environment unhealthy',
        body: [`### Applied pull request #${pull.number} at ${(0,report_escape.md)(pull.headSha.slice(0, 7))}`, '', reqs.map((r) => `✅ ${(0,report_escape.md)(r.requirement)}: ${(0,report_escape.md)(r.detail)}`).join(' · '), '', render(ctx, result), '', lockNote].join('\n'),
    };
};

;// CONCATENATED MODULE: ./bot/handlers/environment.ts
/**
 * The commands that act on one environment of the default branch's file: /activate-topic,
 * /renew-authorization, /resume-stream, /deactivate-topic. In a tracking issue, the one whose
 * problem the command resolves is closed once it is resolved.
 */




/** Closes the tracking issue the command ran in when the command resolved its problem; says so in the reply. */
async function closeTrackingIssue(ctx, env, r, warnDays) {
    const problem = RESOLVES[ctx.spec.name];
    if (!problem || ctx.thread.isPull || ctx.thread.state !== 'open')
        return '';
    if (!trackingMarkers(ctx.thread.body).some((m) => m.environment === env && m.problem === problem))
        return '';
    const { resolved, detail } = resolution(problem, r, warnDays);
    if (!resolved)
        return `\n\n**This tracking issue stays open:** ${(0,report_escape.md)(detail)}.`;
    try {
        await ctx.gh.request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', { ...ctx.repo, issue_number: ctx.thread.number, state: 'closed', state_reason: 'completed' });
        return `\n\n**Resolved** (${(0,report_escape.md)(detail)}): closed this tracking issue.`;
    }
    catch (err) {
        return `\n\n**Resolved** (${(0,report_escape.md)(detail)}), but this tracking issue could not be closed: ${(0,report_escape.md)(messageOf(err))}`;
    }
}
function environmentHandler(command, summary) {
    return async (ctx) => {
        const overrides = {};
        if (ctx.args.days !== undefined)
            overrides['authorization-days'] = String(ctx.args.days);
        const { outcome, result, env, settings } = await runForEnvironment(ctx, command, overrides);
        if (!result || !env || !settings)
            return outcome;
        let body = outcome.body;
        if (summary)
            body = `${summary(result)}\n\n${body}`;
        if (outcome.result === 'success')
            body += await closeTrackingIssue(ctx, env, result, settings.expiry.warnDays);
        return { ...outcome, body };
    };
}
const renewalSummary = (r) => {
    const before = r.facts.previousAuthorizationExpiresAt ?? (r.facts.authorizationExpiresAt === undefined ? 'unknown' : 'not authorized');
    if (r.failure)
        return `**Auth0 authorization of ${(0,report_escape.md)(r.environment ?? '')}:** until ${(0,report_escape.md)(before)} (unchanged).`;
    return `**Auth0 authorization of ${(0,report_escape.md)(r.environment ?? '')}:** was until ${(0,report_escape.md)(before)}, now until ${(0,report_escape.md)(r.facts.authorizationExpiresAt ?? 'unknown')}${r.facts.daysUntilExpiry !== undefined ? ` (${r.facts.daysUntilExpiry} days)` : ''}.`;
};
const topicSummary = (r) => r.facts.partnerTopicName ? `**Partner topic of ${(0,report_escape.md)(r.environment ?? '')}:** ${(0,report_escape.md)(r.facts.partnerTopicName)}, source ${(0,report_escape.md)(r.facts.partnerTopicSource ?? 'unknown')}, now ${(0,report_escape.md)(r.facts.activationState ?? 'unknown')}.` : '';
const streamSummary = (r) => (r.facts.logStreamId ? `**Auth0 log stream of ${(0,report_escape.md)(r.environment ?? '')}:** ${(0,report_escape.md)(r.facts.logStreamId)} is ${(0,report_escape.md)(r.facts.streamStatus ?? 'unknown')}.` : '');
const activateTopic = environmentHandler('activate-topic', topicSummary);
const renewAuthorization = environmentHandler('renew-authorization', renewalSummary);
const resumeStream = environmentHandler('resume-stream', streamSummary);
const deactivateTopic = environmentHandler('deactivate-topic', topicSummary);

;// CONCATENATED MODULE: ./bot/handlers/help.ts
/** /help: the commands, their arguments, and who may run each in this repository (and whether you may). */




const help = async (ctx) => {
    const chatops = ctx.config.chatops;
    const teams = new Map();
    const rows = [];
    for (const spec of COMMAND_SPECS) {
        const rule = chatops.commands[spec.name];
        const who = [`${rule.permission} or higher`, rule.users?.length ? `users: ${rule.users.join(', ')}` : '', rule.teams?.length ? `teams: ${rule.teams.join(', ')}` : ''].filter(Boolean).join('; ');
        let you;
        try {
            const d = await decide(ctx.gh, ctx.repo, ctx.actor, rule, teams);
            you = d.allowed ? '✅' : `❌ ${d.reason}`;
        }
        catch (err) {
            you = `❔ ${err.message}`;
        }
        const [name, ...args] = spec.usage.split(' ');
        rows.push(`| ${(0,report_escape.md)(name)} | ${(0,report_escape.md)(args.join(' '))} | ${(0,report_escape.md)(spec.summary)} | ${(0,report_escape.md)(who)} | ${(0,report_escape.md)(you)} |`);
    }
    const file = ctx.config.file;
    const lines = [
        '### auth0-eventgrid commands',
        '',
        '| Command | Arguments | What it does | Who may run it here | You |',
        '| --- | --- | --- | --- | --- |',
        ...rows,
        '',
        `- ${(0,report_escape.md)('env')} may be left out when ${(0,report_escape.md)(ctx.config.path)} has one environment, or in a tracking issue (its environment). Arguments are positional or ${(0,report_escape.md)('key=value')} (${(0,report_escape.md)('env=prod days=30')}).`,
        '- Write each command on its own line; several run in order. Lines in code blocks and quotes are not commands.',
        `- Environments: ${file ? file.names.map((n) => (0,report_escape.md)(n)).join(', ') : `none (${(0,report_escape.md)(ctx.config.path)} is missing or invalid)`}.`,
        `- Pull requests: ${(0,report_escape.md)('/apply')} requires ${chatops.applyRequirements.length ? chatops.applyRequirements.map((r) => (0,report_escape.md)(r)).join(', ') : 'nothing'}; a lock is held ${chatops.lockRelease === 'merge' ? 'from /apply until the pull request is merged or closed' : 'while /apply runs'}; pull requests from forks are ${chatops.allowForks ? 'allowed' : 'not allowed'}; plans are ${chatops.autoPlan ? 'posted automatically' : 'posted on /plan only'}.`,
        `- Permissions and allow-lists come from the ${(0,report_escape.md)('chatops:')} section of ${(0,report_escape.md)(ctx.config.path)} on the default branch.`,
    ];
    if (ctx.config.chatopsProblems.length)
        lines.push('', `**The ${(0,report_escape.md)('chatops:')} section has problems, so no command but /help runs until they are fixed:**`, '', problemsList(ctx.config.chatopsProblems));
    return { result: 'success', body: lines.join('\n') };
};

;// CONCATENATED MODULE: ./bot/handlers/plan.ts
/**
 * /plan [env] on a pull request (and automatically when one that changes the environments file opens
 * or changes): the dry run of setup for the environments it changes, with its head's version of the
 * file. Nothing is written and no lock is taken.
 */




const plan = async (ctx) => {
    const prepared = await preparePull(ctx, false);
    if (!prepared.ok)
        return prepared.outcome;
    const { pull, head, changes, targets } = prepared.value;
    const resolved = resolveFor(head.path, head.text, targets, 'setup', { 'dry-run': 'true' }, ctx.ops);
    if (!resolved.ok) {
        return { result: 'failure', reason: 'settings invalid', environment: targets.join(','), body: `${changesLine(changes)}\n\nThe settings cannot be used:\n\n${problemsList(resolved.problems)}` };
    }
    for (const s of resolved.inv.secrets)
        if (!ctx.secrets.includes(s))
            ctx.secrets.push(s);
    await ctx.working(`Planning ${targets.map((t) => (0,report_escape.md)(t)).join(', ')} at ${(0,report_escape.md)(pull.headSha.slice(0, 7))}…`);
    const result = await runAll(resolved.inv, ctx.ops);
    const ok = succeeded(result, false);
    const reqs = ctx.config.chatops.applyRequirements;
    const next = `To apply: comment ${(0,report_escape.md)('/apply')}${targets.length === 1 && ctx.args.env ? ` ${(0,report_escape.md)(targets[0])}` : ''} (requires ${reqs.length ? reqs.map((r) => (0,report_escape.md)(r)).join(', ') : 'nothing more'}).`;
    return {
        result: ok ? 'success' : 'failure',
        environment: targets.join(','),
        reason: ok ? undefined : 'the plan failed',
        body: [`### Plan for pull request #${pull.number} at ${(0,report_escape.md)(pull.headSha.slice(0, 7))}`, '', changesLine(changes), '', render(ctx, result), '', next].join('\n'),
    };
};

;// CONCATENATED MODULE: ./bot/handlers/status.ts
/**
 * /status [env]: the verify report of one environment; without an environment (and more than one in
 * the file, outside a tracking issue) one line per environment, most urgent first, each with its
 * report folded underneath. Reporting an unhealthy environment is a successful /status.
 */




const status_status = async (ctx) => {
    const bad = fileProblem(ctx);
    if (bad)
        return bad;
    const file = ctx.config.file;
    const picked = pickEnvironment(ctx);
    if (picked.ok || ctx.args.env !== undefined) {
        const { outcome, result } = await runForEnvironment(ctx, 'verify');
        if (!result)
            return outcome;
        const ok = succeeded(result, false);
        return { ...outcome, result: ok ? 'success' : 'failure' };
    }
    const s = settingsOf(ctx, 'verify', file.names);
    if (!s.ok)
        return s.outcome;
    const result = await runAll(s.inv, ctx.ops);
    let body = render(ctx, result);
    // Many environments: keep the one-line-per-environment table, drop the folded reports.
    if (body.length > COMMENT_LIMIT - 2000)
        body = body.replace(/\n<details>[\s\S]*?<\/details>/g, '') + `\n*Reports of each environment left out (too long for a comment): ${(0,report_escape.md)('/status <env>')} shows one.*\n`;
    const ok = succeeded(result, false);
    return { result: ok ? 'success' : 'failure', body, environment: 'all', reason: ok ? undefined : 'an environment could not be read' };
};

;// CONCATENATED MODULE: ./bot/handlers/unlock.ts
/** /unlock [env]: releases an environment's apply lock, whoever holds it, and says who held it. */




const unlock = async (ctx) => {
    let env = ctx.args.env;
    const names = ctx.config.file?.names ?? [];
    if (env === undefined) {
        if (names.length !== 1) {
            return { result: 'invalid', reason: 'no environment given', body: `Which environment? Expected: ${(0,report_escape.md)('/unlock <env>')}${names.length ? ` (one of ${names.map((n) => (0,report_escape.md)(n)).join(', ')})` : ''}.` };
        }
        env = names[0];
    }
    // A lock of an environment that a pull request adds (not yet on the default branch) can be released too.
    const holder = await releaseLock(ctx.gh, ctx.repo, env);
    if (!holder)
        return { result: 'success', environment: env, body: `${userText(env, 64)} was not locked.` };
    return { result: 'success', environment: env, body: `Released the lock on **${userText(env, 64)}**, held by ${holderText(holder)}.` };
};

;// CONCATENATED MODULE: ./bot/chatops.ts
/**
 * The ChatOps dispatcher, shared by the GitHub App server (bot/app.ts) and the Action's
 * `command: chatops` (bot/action.ts): a new comment is parsed for commands; each is checked (known,
 * arguments, the chatops section, forks, the actor's permission) and run in order, with 👀 at once,
 * one reply per command and 🚀 / 😕 at the end; pull request events post the plan (opened,
 * synchronize, reopened) or release the pull request's locks (closed). One audit line per command.
 */


















const HANDLERS = {
    status: status_status,
    'activate-topic': activateTopic,
    'renew-authorization': renewAuthorization,
    'resume-stream': resumeStream,
    'deactivate-topic': deactivateTopic,
    plan: plan,
    apply: apply,
    unlock: unlock,
    help: help,
};
/**
 * A counting semaphore whose slots are also given back after `holdMs`: it bounds how many comments
 * are worked on at once in a burst (fast services, the CPU is the limit), without letting slow work
 * (a long /apply, a slow network) hold a slot and starve the comments behind it.
 */
class Gate {
    limit;
    holdMs;
    active = 0;
    waiting = [];
    constructor(limit, holdMs = 500) {
        this.limit = limit;
        this.holdMs = holdMs;
    }
    release() {
        const next = this.waiting.shift();
        if (next)
            next();
        else
            this.active--;
    }
    async run(fn) {
        if (this.active >= this.limit)
            await new Promise((r) => this.waiting.push(r));
        else
            this.active++;
        let released = false;
        const giveBack = () => {
            if (released)
                return;
            released = true;
            this.release();
        };
        const timer = setTimeout(giveBack, this.holdMs);
        timer.unref?.();
        try {
            return await fn();
        }
        finally {
            clearTimeout(timer);
            giveBack();
        }
    }
}
async function handleEvent(event, deps) {
    if (event.kind === 'ignored') {
        deps.log?.('info', `ignored delivery ${event.delivery}: ${event.reason}`);
        return { handled: false, reason: event.reason, results: [] };
    }
    if (event.kind === 'comment')
        return handleComment(event, deps);
    return handlePull(event, deps);
}
function refusalBody(spec, actor, required, actual, reason) {
    return [
        `Not run: ${(0,report_escape.md)(`/${spec.name}`)} ${(0,report_escape.md)(reason)}.`,
        '',
        `| Required here | ${(0,report_escape.md)(`@${actor.login}`)} has |`,
        '| --- | --- |',
        `| ${(0,report_escape.md)(required)} | ${(0,report_escape.md)(actual)} |`,
        '',
        `Ask someone who may, or a repository admin to change the ${(0,report_escape.md)('chatops:')} section of the environments file. ${(0,report_escape.md)('/help')} lists who may run what here.`,
    ].join('\n');
}
/** Checks and runs one command; posts its reply; writes its audit line. */
async function runCommandLine(o, name, words, extraNote = '') {
    const t0 = performance.now();
    const shown = echo(name, words);
    const who = { login: o.actor.login, permission: o.actor.level === 'none' ? 'no access' : o.actor.roleName !== o.actor.level ? `${o.actor.level}, role ${o.actor.roleName}` : o.actor.level };
    let workingId;
    const startWorking = (note) => {
        workingId ??= o.fb.post(`${headline(shown, who, 'working')}\n\n${note ?? ''}`);
        return workingId.then(() => undefined);
    };
    const spec = commandSpec(name);
    let outcome;
    let timer;
    try {
        if (!spec) {
            const close = suggestCommand(name);
            outcome = {
                result: 'invalid',
                reason: 'unknown command',
                body: `${userText(`/${name}`, 64)} is not a command.${close ? ` Did you mean ${(0,report_escape.md)(close.usage)}?` : ''} Commands: ${COMMAND_SPECS.map((c) => (0,report_escape.md)(c.usage)).join(', ')}.`,
            };
        }
        else {
            const parsed = parseArgs(spec, words);
            const rule = o.config.chatops.commands[spec.name];
            if (!parsed.ok) {
                outcome = { result: 'invalid', reason: `bad arguments: ${parsed.problem}`, body: `${(0,report_escape.md)(`/${spec.name}`)} ${userText(parsed.problem, 200)}.\n\nExpected: ${(0,report_escape.md)(spec.usage)} (${(0,report_escape.md)(spec.summary)})` };
            }
            else if (o.config.chatopsProblems.length && spec.name !== 'help') {
                outcome = {
                    result: 'refused',
                    reason: 'chatops section invalid',
                    body: `Not run: the ${(0,report_escape.md)('chatops:')} section of ${(0,report_escape.md)(o.config.path)} on ${(0,report_escape.md)(o.config.ref)} has problems, and permissions cannot be read from it:\n\n${o.config.chatopsProblems.map((p) => `- ${(0,report_escape.md)(p)}`).join('\n')}`,
                };
            }
            else if (o.pull?.fork && !o.config.chatops.allowForks && spec.name !== 'help') {
                outcome = {
                    result: 'refused',
                    reason: 'pull request from a fork',
                    body: `Not run: this pull request comes from a fork (${(0,report_escape.md)(o.pull.headRepo || 'a deleted repository')}), and commands on pull requests from forks are not allowed here (${(0,report_escape.md)('chatops: allow-forks: true')} allows them).`,
                };
            }
            else if (spec.pullRequestOnly && !o.thread.isPull) {
                outcome = { result: 'invalid', reason: 'not a pull request', body: `${(0,report_escape.md)(`/${spec.name}`)} works on pull requests that change ${(0,report_escape.md)(o.config.path)}; this is an issue.` };
            }
            else {
                const decision = await decide(o.gh, o.event.repo, o.actor, rule, o.teams);
                if (!decision.allowed) {
                    outcome = { result: 'refused', reason: `${decision.reason} (required ${decision.required}, has ${decision.actual})`, body: refusalBody(spec, o.actor, decision.required, decision.actual, decision.reason) };
                }
                else {
                    const ctx = {
                        gh: o.gh,
                        repo: o.event.repo,
                        defaultBranch: o.event.defaultBranch,
                        spec,
                        words,
                        args: parsed.args,
                        actor: o.actor,
                        config: o.config,
                        thread: o.thread,
                        pull: o.pull,
                        ops: o.deps.ops,
                        secrets: o.secrets,
                        working: startWorking,
                    };
                    if (spec.long) {
                        // Long commands post "working" themselves once their checks pass.
                    }
                    else {
                        timer = setTimeout(() => void startWorking().catch(() => undefined), o.deps.workingAfterMs ?? 3000);
                    }
                    outcome = await HANDLERS[spec.name](ctx);
                }
            }
        }
    }
    catch (err) {
        o.deps.log?.('error', `/${name} failed: ${err?.stack ?? String(err)}`);
        outcome = { result: 'failure', reason: messageOf(err), body: `Something went wrong: ${(0,report_escape.md)(messageOf(err))}` };
    }
    finally {
        if (timer)
            clearTimeout(timer);
    }
    const environment = outcome.environment;
    const ms = performance.now() - t0;
    const body = `${headline(shown, who, outcome.result, ms)}\n\n${outcome.body}${extraNote}`;
    try {
        if (workingId)
            await o.fb.edit(await workingId, body);
        else
            await o.fb.post(body);
    }
    catch (err) {
        o.deps.log?.('error', `could not post the reply to /${name}: ${messageOf(err)}`);
        if (outcome.result === 'success')
            outcome = { ...outcome, result: 'failure', reason: `reply not posted: ${messageOf(err)}` };
    }
    const entry = {
        delivery: o.event.delivery,
        repository: `${o.event.repo.owner}/${o.event.repo.repo}`,
        issue: o.thread.number,
        trigger: o.trigger,
        actor: o.actor.login,
        permission: o.actor.level,
        command: `/${name}`,
        args: words,
        environment,
        result: outcome.result,
        reason: outcome.reason,
        durationMs: performance.now() - t0,
    };
    o.deps.audit(auditLine(entry, [...(o.deps.secrets ?? []), ...o.secrets]));
    return outcome.result;
}
async function handleComment(event, deps) {
    const parsed = parseComment(event.comment.body);
    if (!parsed.commands.length)
        return { handled: false, reason: 'no command in the comment', results: [] };
    const gh = deps.gh;
    // Credential values (grows as settings are resolved); with the bot's own secrets for everything written.
    const secrets = [];
    const all = () => [...(deps.secrets ?? []), ...secrets];
    const onError = (what, err) => deps.log?.('warn', `${what}: ${messageOf(err)}`);
    const fb = new Feedback(gh, event.repo, event.issue.number, all, onError, event.comment.id);
    // 👀 first; then the work, when the gate lets it in (the reads every command needs go out together).
    const eyes = fb.react('eyes');
    if (deps.gate)
        return deps.gate.run(() => workOnComment(event, deps, parsed, fb, eyes, secrets, all));
    return workOnComment(event, deps, parsed, fb, eyes, secrets, all);
}
async function workOnComment(event, deps, parsed, fb, eyes, secrets, all) {
    const gh = deps.gh;
    const path = deps.configPath ?? DEFAULT_CONFIG_PATH;
    const reads = Promise.all([
        loadRepoConfig(gh, event.repo, path, event.defaultBranch),
        permissionOf(gh, event.repo, event.comment.user.login),
        event.issue.isPull ? getPull(gh, event.repo, event.issue.number) : Promise.resolve(undefined),
    ]);
    let config;
    let actor;
    let pull;
    try {
        [config, actor, pull] = await reads;
    }
    catch (err) {
        await eyes;
        const results = [];
        for (const c of parsed.commands) {
            const t0 = performance.now();
            try {
                await fb.post(`${headline(echo(c.name, c.args), { login: event.comment.user.login }, 'failure')}\n\nCould not read what this command needs from GitHub: ${(0,report_escape.md)(messageOf(err))}`);
            }
            catch {
                // nothing more to do
            }
            deps.audit(auditLine({ delivery: event.delivery, repository: `${event.repo.owner}/${event.repo.repo}`, issue: event.issue.number, trigger: 'comment', actor: event.comment.user.login, command: `/${c.name}`, args: c.args, result: 'failure', reason: messageOf(err), durationMs: performance.now() - t0 }, all()));
            results.push('failure');
        }
        await fb.react('confused');
        return { handled: true, results };
    }
    await eyes;
    for (const v of credentialValues(config.file, deps.ops.env))
        if (!secrets.includes(v))
            secrets.push(v);
    const thread = { number: event.issue.number, isPull: event.issue.isPull, title: event.issue.title, body: event.issue.body, state: event.issue.state };
    const teams = new Map();
    const results = [];
    for (let i = 0; i < parsed.commands.length; i++) {
        const c = parsed.commands[i];
        const last = i === parsed.commands.length - 1;
        const note = last && parsed.dropped ? `\n\n*Only the first ${MAX_COMMANDS} commands of a comment run: ${parsed.dropped} more ${parsed.dropped === 1 ? 'was' : 'were'} not run.*` : '';
        results.push(await runCommandLine({ gh, deps, fb, event, config, actor, thread, pull, secrets, teams, trigger: 'comment' }, c.name, c.args, note));
    }
    await fb.react(results.every((r) => r === 'success') ? 'rocket' : 'confused');
    return { handled: true, results };
}
async function handlePull(event, deps) {
    const gh = deps.gh;
    const secrets = [];
    const all = () => [...(deps.secrets ?? []), ...secrets];
    const repository = `${event.repo.owner}/${event.repo.repo}`;
    const trigger = `pull_request.${event.action}`;
    const t0 = performance.now();
    const fb = new Feedback(gh, event.repo, event.number, all, (what, err) => deps.log?.('warn', `${what}: ${messageOf(err)}`));
    const audit = (command, result, reason, environment) => deps.audit(auditLine({ delivery: event.delivery, repository, issue: event.number, trigger, actor: event.sender.login, command, args: [], environment, result, reason, durationMs: performance.now() - t0 }, all()));
    if (event.action === 'closed') {
        const held = await locksOf(gh, event.repo, event.number);
        if (!held.length)
            return { handled: false, reason: 'no locks held', results: [] };
        for (const h of held)
            await releaseLock(gh, event.repo, h.environment);
        const envs = held.map((h) => h.environment);
        await fb.post(`${headline((0,report_escape.md)('apply locks'), { login: event.sender.login }, 'success', performance.now() - t0)}\n\nReleased the apply lock${envs.length === 1 ? '' : 's'} of ${envs.map((e) => `**${(0,report_escape.md)(e)}**`).join(', ')}: this pull request was ${event.merged ? 'merged' : 'closed'}.`);
        audit('/unlock', 'success', event.merged ? 'merged' : 'closed', envs.join(','));
        return { handled: true, results: ['success'] };
    }
    const path = deps.configPath ?? DEFAULT_CONFIG_PATH;
    const [config, pull] = await Promise.all([loadRepoConfig(gh, event.repo, path, event.defaultBranch), getPull(gh, event.repo, event.number)]);
    for (const v of credentialValues(config.file, deps.ops.env))
        if (!secrets.includes(v))
            secrets.push(v);
    if (config.chatopsProblems.length) {
        audit('/plan', 'ignored', 'chatops section invalid');
        return { handled: false, reason: 'chatops section invalid', results: [] };
    }
    if (!config.chatops.autoPlan)
        return { handled: false, reason: 'auto-plan is off', results: [] };
    if (pull.state !== 'open' || !(await changesFile(gh, event.repo, event.number, path)))
        return { handled: false, reason: 'the pull request does not change the environments file', results: [] };
    if (pull.fork && !config.chatops.allowForks) {
        if (event.action === 'opened') {
            await fb.post(`${headline((0,report_escape.md)('/plan'), { login: event.sender.login }, 'refused')}\n\nNo plan: this pull request comes from a fork, and plans and applies of pull requests from forks are not allowed here (${(0,report_escape.md)('chatops: allow-forks: true')} allows them).`);
        }
        audit('/plan', 'refused', 'pull request from a fork');
        return { handled: true, results: ['refused'] };
    }
    const actor = await permissionOf(gh, event.repo, event.sender.login);
    const thread = { number: event.number, isPull: true, title: '', body: '', state: pull.state };
    const result = await runCommandLine({ gh, deps, fb, event, config, actor, thread, pull, secrets, teams: new Map(), trigger }, 'plan', []);
    return { handled: true, results: [result] };
}

;// CONCATENATED MODULE: ./bot/event.ts
function isBot(p) {
    return !!p && (p.type === 'Bot' || /\[bot\]$/i.test(p.login));
}
const person = (u) => ({ login: String(u?.login ?? ''), type: String(u?.type ?? '') });
function normalizeEvent(name, payload, delivery) {
    const repo = payload?.repository ? { owner: String(payload.repository.owner?.login ?? ''), repo: String(payload.repository.name ?? '') } : undefined;
    const ignored = (reason) => ({ kind: 'ignored', delivery, reason, repo, actor: payload?.sender?.login });
    if (!repo?.owner || !repo.repo)
        return ignored('no repository in the payload');
    const defaultBranch = String(payload.repository.default_branch ?? 'main');
    const installationId = typeof payload.installation?.id === 'number' ? payload.installation.id : undefined;
    const sender = person(payload.sender);
    if (name === 'issue_comment') {
        if (payload.action !== 'created')
            return ignored(`comment ${payload.action ?? 'event'}: only new comments are read`);
        const user = person(payload.comment?.user);
        if (isBot(sender) || isBot(user))
            return ignored(`comment by a bot (${user.login || sender.login})`);
        const issue = payload.issue ?? {};
        return {
            kind: 'comment',
            delivery,
            repo,
            defaultBranch,
            issue: {
                number: Number(issue.number),
                title: String(issue.title ?? ''),
                body: String(issue.body ?? ''),
                state: String(issue.state ?? 'open'),
                isPull: !!issue.pull_request,
                labels: (issue.labels ?? []).map((l) => String(typeof l === 'string' ? l : l?.name ?? '')),
            },
            comment: { id: Number(payload.comment?.id), body: String(payload.comment?.body ?? ''), user },
            sender,
            installationId,
        };
    }
    if (name === 'pull_request' || name === 'pull_request_target') {
        const action = payload.action;
        if (!['opened', 'synchronize', 'reopened', 'closed'].includes(action))
            return ignored(`pull_request ${action}: not handled`);
        return {
            kind: 'pull_request',
            action,
            delivery,
            repo,
            defaultBranch,
            number: Number(payload.number ?? payload.pull_request?.number),
            merged: !!payload.pull_request?.merged,
            sender,
            installationId,
        };
    }
    return ignored(`${name} events are not handled`);
}

;// CONCATENATED MODULE: ./bot/action.ts
/**
 * ChatOps inside a workflow, no server: the Action with `command: chatops` in a job triggered by
 * `issue_comment` (and `pull_request_target` for plans and lock release) reads the event the runner
 * wrote (GITHUB_EVENT_NAME, GITHUB_EVENT_PATH) and runs the same dispatcher as the GitHub App, with
 * the job's token (`github-token`, e.g. ${{ github.token }}) for GitHub and the job's OIDC sign-in
 * (or the secrets passed to the step) for Azure and Auth0. Same commands, same replies.
 */







async function runChatops(opts) {
    const env = process.env;
    const eventName = env.GITHUB_EVENT_NAME;
    const eventPath = env.GITHUB_EVENT_PATH;
    if (!eventName || !eventPath) {
        core/* setFailed */.C1('command: chatops answers the event of the workflow run (GITHUB_EVENT_NAME and GITHUB_EVENT_PATH are not set): trigger the workflow on issue_comment (and pull_request_target). See docs/chatops.md.');
        return;
    }
    let payload;
    try {
        payload = JSON.parse((0,external_node_fs_.readFileSync)(eventPath, 'utf8'));
    }
    catch (err) {
        core/* setFailed */.C1(`command: chatops could not read the event file ${eventPath}: ${err.message}`);
        return;
    }
    const token = opts.inputs('github-token')?.trim() || env.GITHUB_TOKEN;
    if (!token) {
        core/* setFailed */.C1('command: chatops needs github-token (e.g. github-token: ${{ github.token }}, with permissions issues: write, pull-requests: write, contents: write, checks: read, statuses: read).');
        return;
    }
    if (!opts.secrets.includes(token)) {
        core/* setSecret */.Pq(token);
        opts.secrets.push(token);
    }
    const baseUrl = (opts.inputs('github-api-url')?.trim() || env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '');
    const { getOctokit } = await __webpack_require__.e(/* import() */ 413).then(__webpack_require__.bind(__webpack_require__, 2413));
    const gh = fromOctokit(getOctokit(token, { baseUrl }));
    const delivery = `run-${env.GITHUB_RUN_ID ?? 'local'}.${env.GITHUB_RUN_ATTEMPT ?? '1'}`;
    const event = normalizeEvent(eventName, payload, delivery);
    const getIdToken = async (audience) => {
        const t = await core/* getIDToken */.V9(audience);
        opts.secrets.push(t);
        return t;
    };
    let failed = 0;
    const summary = await handleEvent(event, {
        gh,
        ops: {
            env,
            inputs: (name) => opts.inputs(name) || undefined,
            getIdToken,
            pool: rotatingPool(getIdToken),
            progress: { info: (m) => core/* info */.pq(opts.redact(m)), warn: (m) => core/* info */.pq(opts.redact(`warning: ${m}`)) },
        },
        configPath: opts.inputs('config-file')?.trim() || DEFAULT_CONFIG_PATH,
        audit: (line) => {
            if (/"result":"failure"/.test(line))
                failed++;
            core/* info */.pq(opts.redact(line));
        },
        log: (level, message) => (level === 'error' ? core/* error */.z3(opts.redact(message)) : level === 'warn' ? core/* warning */.$e(opts.redact(message)) : core/* info */.pq(opts.redact(message))),
        secrets: opts.secrets,
    });
    core/* setOutput */.uH('report', opts.redact(JSON.stringify({ event: eventName, handled: summary.handled, reason: summary.reason ?? null, results: summary.results })));
    if (!summary.handled)
        core/* info */.pq(opts.redact(`Nothing to do: ${summary.reason ?? 'no command'}.`));
    if (failed)
        core/* setFailed */.C1(`${failed} ChatOps command${failed === 1 ? '' : 's'} failed: see the reply in the thread.`);
}


/***/ }),

/***/ 9430:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   syncTrackingIssues: () => (/* binding */ syncTrackingIssues),
/* harmony export */   xL: () => (/* binding */ marker)
/* harmony export */ });
/* unused harmony exports TRACKING_LABEL, problemsOf, issueBody */
/* harmony import */ var _report_escape_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6412);
/* harmony import */ var _report_redact_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(649);
/* harmony import */ var _azure_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6616);



const TRACKING_LABEL = 'auth0-eventgrid';
const MARKER = /<!-- auth0-eventgrid:tracking environment=([^\s]+) problem=([a-z-]+) -->/;
function marker(environment, problem) {
    return `<!-- auth0-eventgrid:tracking environment=${environment} problem=${problem} -->`;
}
/** The problems a result shows, with the checks behind each. */
function problemsOf(r) {
    const out = new Map();
    for (const c of r.checks) {
        if (c.status === 'pass')
            continue;
        const p = c.id === 'authorization' ? 'authorization' : c.id.startsWith('activation') ? 'activation' : c.id.startsWith('stream') ? 'stream' : c.id === 'provider' ? 'provider' : undefined;
        if (!p)
            continue;
        out.set(p, [...(out.get(p) ?? []), c]);
    }
    return out;
}
const WHAT_HAPPENS = {
    authorization: "When Auth0's partner authorization expires, Auth0 can no longer create partner topics in this resource group: a new or recreated log stream will not reach Azure. Renew it with the shortest length that is enough (least privilege).",
    activation: 'Event Grid deletes a partner topic that is not activated by its expiration time; the stream then has nowhere to deliver, and Auth0 suspends it after repeated failures.',
    stream: 'A paused or suspended Auth0 log stream sends no events: nothing reaches Event Grid until it is resumed.',
    provider: 'Without the Microsoft.EventGrid resource provider nothing of the integration can exist in this subscription.',
};
function fixLines(env, problem, days) {
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
function titleOf(env, problem, r, checks) {
    const bad = checks.some((c) => c.status === 'fail') ? 'critical' : 'warning';
    switch (problem) {
        case 'authorization':
            return r.facts.daysUntilExpiry !== undefined && r.facts.daysUntilExpiry <= 0
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
function issueBody(env, problem, r, checks, days) {
    const t = r.target;
    return [
        marker(env, problem),
        `### ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_2__.md)(titleOf(env, problem, r, checks).replace(/^auth0-eventgrid: /, ''))}`,
        '',
        `Environment **${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_2__.md)(env)}**: subscription \`${t.subscriptionId}\`, resource group \`${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_2__.md)(t.resourceGroup)}\`, Auth0 \`${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_2__.md)(t.auth0Domain)}\`.`,
        '',
        '| Check | Status | Detail |',
        '| --- | --- | --- |',
        ...checks.map((c) => `| ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_2__.md)(c.title)} | ${c.status === 'fail' ? '❌ fail' : '⚠️ warn'} | ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_2__.md)(c.detail)} |`),
        '',
        `**What happens:** ${WHAT_HAPPENS[problem]}`,
        '',
        '**To fix it:**',
        ...fixLines(env, problem, days),
        '',
        '_This issue is kept by `auth0-eventgrid check-expiry`: it is updated on each run and closed when the problem is resolved._',
    ].join('\n');
}
async function syncTrackingIssues(fleet, inv, progress) {
    const { token, apiUrl, repository } = inv.run.github;
    if (!token)
        return;
    if (!repository) {
        fleet.trackingFailure = { step: 'Tracking issues', service: 'github', code: 'NoRepository', message: 'No repository to keep tracking issues in.', fix: 'Set the repository input (owner/name); in a workflow GITHUB_REPOSITORY provides it.' };
        return;
    }
    const [owner, repo] = repository.split('/');
    const { getOctokit } = await __webpack_require__.e(/* import() */ 413).then(__webpack_require__.bind(__webpack_require__, 2413));
    const octokit = getOctokit(token, { baseUrl: apiUrl });
    const secrets = inv.secrets;
    try {
        const existing = await octokit.paginate(octokit.rest.issues.listForRepo, { owner, repo, labels: TRACKING_LABEL, state: 'all', per_page: 100 });
        const byKey = new Map();
        for (const issue of existing) {
            if (issue.pull_request)
                continue;
            const m = MARKER.exec(issue.body ?? '');
            if (!m)
                continue;
            const key = `${m[1]}\u0000${m[2]}`;
            const prev = byKey.get(key);
            // Keep one: prefer an open issue, then the oldest.
            if (!prev || (prev.state !== 'open' && issue.state === 'open') || (prev.state === issue.state && issue.number < prev.number))
                byKey.set(key, issue);
        }
        let labelEnsured = false;
        const ensureLabel = async () => {
            if (labelEnsured)
                return;
            labelEnsured = true;
            try {
                await octokit.rest.issues.createLabel({ owner, repo, name: TRACKING_LABEL, color: 'eb5424', description: 'Kept by auth0-eventgrid check-expiry' });
            }
            catch (e) {
                if (e?.status !== 422)
                    throw e;
            }
        };
        for (const r of fleet.environments) {
            const env = r.environment;
            if (r.failure)
                continue; // state unknown: leave its issues as they are
            const settings = inv.environments.find((e) => e.environment === env);
            const days = settings?.authorizationDays ?? 7;
            const problems = problemsOf(r);
            for (const [problem, checks] of problems) {
                const body = (0,_report_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .redact */ .E$)(issueBody(env, problem, r, checks, days), secrets);
                const title = (0,_report_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .redact */ .E$)(titleOf(env, problem, r, checks), secrets);
                const found = byKey.get(`${env}\u0000${problem}`);
                if (!found) {
                    await ensureLabel();
                    const { data } = await octokit.rest.issues.create({ owner, repo, title, body, labels: [TRACKING_LABEL] });
                    fleet.tracking.push({ environment: env, problem, action: 'opened', issueNumber: data.number, url: data.html_url });
                }
                else if (found.state !== 'open') {
                    await octokit.rest.issues.update({ owner, repo, issue_number: found.number, state: 'open', title, body });
                    await octokit.rest.issues.createComment({ owner, repo, issue_number: found.number, body: `The problem is back (check-expiry, ${new Date().toISOString()}): reopened.` });
                    fleet.tracking.push({ environment: env, problem, action: 'reopened', issueNumber: found.number, url: found.html_url });
                }
                else if (found.body !== body || found.title !== title) {
                    await octokit.rest.issues.update({ owner, repo, issue_number: found.number, title, body });
                    fleet.tracking.push({ environment: env, problem, action: 'updated', issueNumber: found.number, url: found.html_url });
                }
                else {
                    fleet.tracking.push({ environment: env, problem, action: 'unchanged', issueNumber: found.number, url: found.html_url });
                }
            }
            for (const [key, issue] of byKey) {
                const [kEnv, kProblem] = key.split('\u0000');
                if (kEnv !== env || issue.state !== 'open' || problems.has(kProblem))
                    continue;
                const detail = r.checks.find((c) => (kProblem === 'activation' ? c.id.startsWith('activation') : c.id.startsWith(kProblem)))?.detail;
                await octokit.rest.issues.createComment({ owner, repo, issue_number: issue.number, body: (0,_report_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .redact */ .E$)(`Resolved: check-expiry finds ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_2__.md)(env)} healthy for this${detail ? ` (${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_2__.md)(detail)})` : ''}. Closing.`, secrets) });
                await octokit.rest.issues.update({ owner, repo, issue_number: issue.number, state: 'closed', state_reason: 'completed' });
                fleet.tracking.push({ environment: env, problem: kProblem, action: 'closed', issueNumber: issue.number, url: issue.html_url });
            }
        }
    }
    catch (e) {
        const err = new _azure_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ServiceError */ ._('github', e?.status, e?.response?.data?.message ? `HTTP${e.status}` : 'RequestFailed', e?.response?.data?.message ?? e?.message ?? String(e));
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


/***/ })

};
