/**
 * Runs Jest with the sandbox CA trusted. Node reads NODE_EXTRA_CA_CERTS only at start, so the CA is
 * made (or reused) in .sandbox/ca before Jest starts; the tests' sandboxes sign with that CA.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { ensureCa } from '../sandbox/core/tls.js';

// The official specs live beside the repository (../shared/specs) in CI and development sessions; a
// fresh clone has none, and the suites that need them skip: say so where everyone sees it.
const specs = resolve('..', 'shared', 'specs');
if (!existsSync(specs)) {
  process.stderr.write(`NOTE: ${specs} not found: the conformance suite and the spec-schema checks are skipped (all other tests run).\n`);
}

const caDir = resolve(process.env.SANDBOX_CA_DIR ?? '.sandbox/ca');
const { certPath } = await ensureCa(caDir);
const jest = resolve('node_modules/jest/bin/jest.js');
const child = spawn(process.execPath, ['--experimental-vm-modules', '--no-warnings=ExperimentalWarning', jest, ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, NODE_EXTRA_CA_CERTS: certPath, SANDBOX_CA_DIR: caDir },
});
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
