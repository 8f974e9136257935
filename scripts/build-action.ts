/**
 * npm run build:action [-- OUT_DIR]: the Action's bundle (dist/ by default), what action.yml runs.
 *
 *   1. ncc bundles src/action/index.ts (ESM, ES2022) with the SDKs it loads lazily as chunks, and writes
 *      the licenses of every package it includes to licenses.txt. ncc also copies the xdg-open shell
 *      script of `open`, the browser launcher of @azure/identity's interactive sign-in: the Action never
 *      opens a browser (it signs in with a client secret or the workflow's OIDC token), and `open` uses
 *      the system's xdg-open when its own copy is absent, so the script is left out.
 *   2. esbuild minifies every file (names kept: the Azure SDKs name their spans and errors after classes).
 *   3. The result is checked: only JavaScript, licenses.txt and package.json; nothing executable, no
 *      script with a #! line; each file different; within the size budget. Any breach fails the build.
 *
 * Deterministic: the same sources and lockfile give the same bytes on any machine (CI compares).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { transformSync } from 'esbuild';

/** Bytes the Action's bundle may take in the repository (everything in dist/). */
export const ACTION_BUDGET_BYTES = 3_500_000;

const require = createRequire(import.meta.url);

export function bundleProblems(dir: string): string[] {
  const problems: string[] = [];
  const seen = new Map<string, string>();
  let total = 0;
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    const st = statSync(path);
    if (st.isDirectory()) {
      problems.push(`${name}/: a directory (the Action is one flat bundle)`);
      continue;
    }
    total += st.size;
    if (!/\.js$/.test(name) && name !== 'licenses.txt' && name !== 'package.json') problems.push(`${name}: neither JavaScript nor licenses.txt/package.json`);
    if (st.mode & 0o111) problems.push(`${name}: executable`);
    const text = readFileSync(path);
    if (text.subarray(0, 2).toString() === '#!') problems.push(`${name}: a script with a #! line`);
    const hash = createHash('sha256').update(text).digest('hex');
    if (seen.has(hash)) problems.push(`${name}: the same bytes as ${seen.get(hash)}`);
    seen.set(hash, name);
  }
  if (total > ACTION_BUDGET_BYTES) problems.push(`${total} bytes in all: over the budget of ${ACTION_BUDGET_BYTES}`);
  return problems;
}

function build(out: string): void {
  rmSync(out, { recursive: true, force: true });
  const ncc = require.resolve('@vercel/ncc/dist/ncc/cli.js');
  const r = spawnSync(
    process.execPath,
    [ncc, 'build', 'src/action/index.ts', '-o', out, '--license', 'licenses.txt', '--target', 'es2022', '--quiet'],
    { stdio: 'inherit' },
  );
  if (r.status !== 0) throw new Error(`ncc failed (exit ${r.status ?? r.signal})`);
  rmSync(join(out, 'xdg-open'), { force: true });
  for (const name of readdirSync(out)) {
    if (!name.endsWith('.js')) continue;
    const path = join(out, name);
    const { code } = transformSync(readFileSync(path, 'utf8'), {
      loader: 'js',
      format: 'esm',
      target: 'es2022',
      minify: true,
      keepNames: true,
      // The licenses of everything bundled are in licenses.txt.
      legalComments: 'none',
      charset: 'utf8',
    });
    writeFileSync(path, code);
  }
}

const isMain = process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname);
if (isMain) {
  const out = resolve(process.argv[2] ?? 'dist');
  build(out);
  const problems = bundleProblems(out);
  if (problems.length) {
    process.stderr.write(`The Action bundle in ${out} breaks its rules:\n${problems.map((p) => `  - ${p}`).join('\n')}\n`);
    process.exit(1);
  }
  const files = readdirSync(out);
  const bytes = files.reduce((n, f) => n + statSync(join(out, f)).size, 0);
  process.stdout.write(`${out}: ${files.length} files, ${bytes} bytes\n`);
}
