/**
 * Runs Jest with the sandbox CA trusted. Node reads NODE_EXTRA_CA_CERTS only at start, so the CA is
 * made (or reused) in .sandbox/ca before Jest starts; the tests' sandboxes sign with that CA.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ensureCa } from '../sandbox/core/tls.js';

const caDir = resolve(process.env.SANDBOX_CA_DIR ?? '.sandbox/ca');
const { certPath } = await ensureCa(caDir);
const jest = resolve('node_modules/jest/bin/jest.js');

// Tests leave nothing behind. Everything the run puts in the temporary folder (the tests' folders, the
// sandboxes', the Action's, whatever a child process makes) goes into one folder of this run's own,
// which must be empty when Jest is done; it is then removed. Jest's cache stays in the system one.
const systemTmp = tmpdir();
const runTmp = mkdtempSync(join(systemTmp, 'auth0-eventgrid-test-'));
const child = spawn(process.execPath, ['--experimental-vm-modules', '--no-warnings=ExperimentalWarning', jest, `--cacheDirectory=${join(systemTmp, 'jest-auth0-eventgrid')}`, ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, NODE_EXTRA_CA_CERTS: certPath, SANDBOX_CA_DIR: caDir, TMPDIR: runTmp, TMP: runTmp, TEMP: runTmp },
});
child.on('exit', (code, signal) => {
  // tsx keeps a cache folder in the temporary folder of whoever runs it: not the tests' doing.
  const left = readdirSync(runTmp).filter((name) => !/^tsx-\d+$/.test(name));
  rmSync(runTmp, { recursive: true, force: true });
  if (left.length) {
    process.stderr.write(`\nThe tests left ${left.length} entr${left.length === 1 ? 'y' : 'ies'} in the temporary folder (each test must remove what it makes, in afterAll/afterEach or finally):\n${left.map((n) => `  ${n}`).join('\n')}\n`);
    process.exit(code || 1);
  }
  process.exit(code ?? (signal ? 1 : 0));
});
