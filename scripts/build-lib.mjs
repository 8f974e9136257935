// npm run build:lib (and `prepare`, so that `npm ci` and `npm pack` build it): compiles the CLI, the
// ChatOps app and the sandbox (src/, bot/, sandbox/) with tsc into lib/, the npm package's code.
// lib/ is built, never committed. A production install (`npm ci --omit=dev`) has no TypeScript: it keeps
// the lib/ already there (a container image copies it from its build stage) and says so.
import { spawnSync } from 'node:child_process';
import process from 'node:process';
import { existsSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let tsc;
try {
  tsc = require.resolve('typescript/bin/tsc');
} catch {
  process.stderr.write(
    existsSync('lib')
      ? 'TypeScript is not installed (production install): using the lib/ already built.\n'
      : 'TypeScript is not installed (production install) and lib/ is not built: run `npm ci` with development dependencies (or build the container image) to build lib/.\n',
  );
  process.exit(0);
}
rmSync('lib', { recursive: true, force: true });
const r = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
process.exit(r.status ?? 1);
