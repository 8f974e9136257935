/**
 * Runs Jest with the sandbox CA trusted. Node reads NODE_EXTRA_CA_CERTS only at start, so the CA is
 * made (or reused) in .sandbox/ca before Jest starts; the tests' sandboxes sign with that CA.
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { ensureCa } from '../sandbox/core/tls.js';

const caDir = resolve(process.env.SANDBOX_CA_DIR ?? '.sandbox/ca');
const { certPath } = await ensureCa(caDir);
const jest = resolve('node_modules/jest/bin/jest.js');
const child = spawn(process.execPath, ['--experimental-vm-modules', '--no-warnings=ExperimentalWarning', jest, ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, NODE_EXTRA_CA_CERTS: certPath, SANDBOX_CA_DIR: caDir },
});
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
