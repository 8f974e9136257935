/**
 * What the repository promises about how it ships: the Action's bundle (size, no shell script, one copy
 * of each file), the runtime it declares, the sandbox's one public entry, the ChatOps app's deployment
 * files (.env.example, Dockerfile, host.json) and its default export for Probot's hosts.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { parse as parseYaml } from 'yaml';
import { bundleProblems, ACTION_BUDGET_BYTES } from '../scripts/build-action.js';
import { actionEntry } from './helpers/dist.js';
import { testSandbox } from './helpers/sandbox.js';
import { botSettingsFor } from './helpers/bot.js';
import { startBotServer } from '../bot/server.js';
import type { Sandbox } from '../sandbox/index.js';

const require = createRequire(import.meta.url);
const semver = require('semver') as { satisfies(v: string, r: string): boolean };
// gitignore semantics, as Azure Functions Core Tools read .funcignore.
const ignore = require('ignore') as () => { add(patterns: string): { ignores(path: string): boolean } };
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

describe('the Action bundle', () => {
  const dir = resolve(actionEntry(), '..');

  test('JavaScript, licenses.txt and package.json only: no shell script, nothing executable, no file twice, within the budget', () => {
    expect(bundleProblems(dir)).toEqual([]);
    const bytes = readdirSync(dir).reduce((n, f) => n + statSync(join(dir, f)).size, 0);
    expect(bytes).toBeLessThanOrEqual(ACTION_BUDGET_BYTES);
    expect(readFileSync(join(dir, 'licenses.txt'), 'utf8')).toMatch(/@azure\/identity\nMIT\n/);
  });

  test('the rules catch what they forbid', () => {
    const bad = resolve('test/fixtures/bundle-with-script');
    expect(bundleProblems(bad)).toEqual(expect.arrayContaining([expect.stringMatching(/^xdg-open: neither JavaScript/), expect.stringMatching(/^xdg-open: a script with a #! line/), expect.stringMatching(/^index\.js: the same bytes as copy\.js/)]));
  });
});

describe('the runtime', () => {
  test('.node-version is the runtime action.yml declares, and package.json engines accept it and Node 20', () => {
    const using = parseYaml(readFileSync('action.yml', 'utf8')).runs.using as string;
    const major = readFileSync('.node-version', 'utf8').trim();
    expect(using).toBe(`node${major}`);
    expect(semver.satisfies(`${major}.0.0`, pkg.engines.node)).toBe(true);
    expect(semver.satisfies('20.19.0', pkg.engines.node)).toBe(true);
  });

  test('the lockfile agrees with engines: no package in it refuses a Node.js version engines accepts', () => {
    const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
    const versions = ['20.19.0', '22.13.0', '24.0.0'].filter((v) => semver.satisfies(v, pkg.engines.node));
    const refusals: string[] = [];
    for (const [path, entry] of Object.entries<any>(lock.packages)) {
      const range = entry.engines?.node;
      if (!path || !range) continue;
      for (const v of versions) if (!semver.satisfies(v, range)) refusals.push(`${path}@${entry.version} wants node ${range}, not ${v}`);
    }
    expect(refusals).toEqual([]);
  });
});

describe('the sandbox has one public entry', () => {
  test('product code (src/, bot/) imports the sandbox only through sandbox/index.ts', () => {
    const offenders: string[] = [];
    for (const file of [...filesUnder('src'), ...filesUnder('bot')]) {
      for (const m of readFileSync(file, 'utf8').matchAll(/(?:from\s+|import\()\s*'([^']*sandbox\/[^']*)'/g)) {
        if (!/(^|\/)sandbox\/index\.js$/.test(m[1])) offenders.push(`${file}: ${m[1]}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});

describe('the ChatOps app, deployable', () => {
  test('.env.example names every variable the server reads', () => {
    const example = readFileSync('.env.example', 'utf8');
    const listed = new Set([...example.matchAll(/^#?\s*([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]));
    const read = new Set<string>();
    // The server's modules (bot/action.ts is the Action's chatops command: it reads the runner's variables).
    for (const file of ['bot/settings.ts', 'bot/bindings.ts', 'bot/main.ts', 'bot/server.ts', 'bot/app.ts', 'bot/proxy.ts', 'bot/functions.ts']) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\benv(?:\?)?\.([A-Z][A-Z0-9_]*)/g)) read.add(m[1]);
      for (const m of text.matchAll(/_VARIABLE\s*=\s*'([A-Z][A-Z0-9_]*)'/g)) read.add(m[1]);
    }
    expect(read.size).toBeGreaterThan(10);
    expect([...read].filter((v) => !listed.has(v))).toEqual([]);
  });

  test('Dockerfile: multi-stage, production dependencies only, a non-root user, a health check on the health route', () => {
    const text = readFileSync('Dockerfile', 'utf8').replace(/\\\n\s*/g, ' ');
    const stages = text.split(/^FROM\s+/m).slice(1);
    expect(stages.length).toBeGreaterThanOrEqual(2);
    const runtime = stages[stages.length - 1];
    expect(runtime).toMatch(/^RUN npm ci --omit=dev\b/m);
    expect(runtime).not.toMatch(/^RUN npm (ci|install)(?![^\n]*--omit=dev)/m);
    expect(runtime).toMatch(/^COPY --from=build \/app\/lib\/ lib\/$/m);
    const user = /^USER\s+(\S+)/m.exec(runtime)?.[1];
    expect(user).toBeDefined();
    expect(['root', '0']).not.toContain(user);
    const cmd = JSON.parse(/^CMD\s+(\[.*\])$/m.exec(runtime)![1]);
    expect(cmd).toEqual(['node', pkg.scripts.start.replace(/^node /, '')]);
    // Every source the build stage copies exists.
    for (const m of stages[0].matchAll(/^COPY\s+(?!--)(.+)\s+\S+$/gm)) for (const src of m[1].split(/\s+/)) expect(statSync(src.replace(/\/$/, '')).isFile() || statSync(src).isDirectory()).toBe(true);
    expect(/^HEALTHCHECK .*CMD \[/m.test(runtime)).toBe(true);
  });

  describe('the health check command', () => {
    let sb: Sandbox;
    beforeAll(async () => {
      sb = await testSandbox();
    });
    afterAll(async () => {
      await sb?.stop();
    });

    const healthcheck = (port: number): Promise<number> => {
      const text = readFileSync('Dockerfile', 'utf8').replace(/\\\n\s*/g, ' ');
      const cmd = JSON.parse(/^HEALTHCHECK .*?CMD (\[.*\])$/m.exec(text)![1]) as string[];
      expect(cmd[0]).toBe('node');
      return new Promise((res) => {
        const child = spawn(process.execPath, cmd.slice(1), { env: { PATH: process.env.PATH ?? '', PORT: String(port) }, stdio: 'ignore' });
        child.on('close', (code) => res(code ?? 1));
      });
    };

    test('passes against the running server and fails when nothing answers', async () => {
      const bot = await startBotServer(botSettingsFor(sb), { log: () => undefined, audit: () => undefined });
      try {
        expect(await healthcheck(bot.port)).toBe(0);
      } finally {
        await bot.close();
      }
      expect(await healthcheck(bot.port)).toBe(1);
    });
  });

  test('Azure Functions: host.json v2 and package.json main is the function module', () => {
    const host = JSON.parse(readFileSync('host.json', 'utf8'));
    expect(host.version).toBe('2.0');
    expect(host.extensions.http.routePrefix).toBe('api');
    expect(pkg.main).toBe('lib/bot/functions.js');
    expect(readFileSync('bot/functions.ts', 'utf8')).toMatch(/app\.http\('githubWebhooks'/);
  });

  test('.funcignore deploys the compiled app, host.json and the production dependencies, and leaves sources, tests and secrets out', () => {
    const ig = ignore().add(readFileSync('.funcignore', 'utf8'));
    for (const kept of ['package.json', 'host.json', 'lib/bot/functions.js', 'lib/bot/server.js', 'lib/src/operations/index.js', 'lib/sandbox/index.js', 'node_modules/probot/package.json']) expect([kept, ig.ignores(kept)]).toEqual([kept, false]);
    for (const left of ['bot/functions.ts', 'src/cli.ts', 'sandbox/index.ts', 'test/functions.test.ts', 'dist/index.js', '.env', 'local.settings.json', 'specs/README.md']) expect([left, ig.ignores(left)]).toEqual([left, true]);
  });

  test('the app module has a default export of Probot application function shape', async () => {
    const mod = await import('../bot/app.js');
    expect(typeof mod.default).toBe('function');
    expect(mod.default.length).toBe(2);
  });
});
