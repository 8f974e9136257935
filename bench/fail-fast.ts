/**
 * bench/fail-fast: how long the Action takes to fail on errors that cannot heal, as a runner runs it
 * (node dist/index.js), Azure in the sandbox:
 *  - auth0-domain that does not resolve (nonexistent.invalid: DNS answers "no such host");
 *  - a mistyped azure-resource-manager-endpoint or azure-authority-host (does not resolve either);
 *  - a wrong Auth0 client secret (401 from the token endpoint).
 * Target: under 2 s each (before: 42 s for the mistyped domain, retries nested in retries).
 * Run: npx tsx bench/fail-fast.ts   (prints JSON lines)
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { emit, startSandboxProcess } from './lib.js';
import { targetInputsFromSandbox } from '../src/config/sandbox-inputs.js';

const sb = await startSandboxProcess(['--set', 'providerRegistrationDelayMs=0', '--set', 'partnerTopicDelayMs=0', '--set', 'lroDurationMs=0']);
const { info } = sb;
const dist = resolve(process.env.AUTH0_EVENTGRID_DIST ?? 'dist', 'index.js');

async function run(extra: Record<string, string>): Promise<{ ms: number; code: number; error: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'a0eg-bench-fail-fast-'));
  try {
    writeFileSync(join(dir, 'out'), '');
    const inputs: Record<string, string> = {
      command: 'verify',
      ...targetInputsFromSandbox(info),
      ...extra,
    };
    const env: Record<string, string> = { PATH: process.env.PATH ?? '', NODE_EXTRA_CA_CERTS: info.caCertPath, GITHUB_OUTPUT: join(dir, 'out'), RUNNER_TEMP: dir };
    for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
    return await new Promise((res) => {
      const t0 = performance.now();
      let out = '';
      const child = spawn(process.execPath, [dist], { env, stdio: ['ignore', 'pipe', 'inherit'] });
      child.stdout.on('data', (d) => (out += d));
      child.on('close', (code) => res({ ms: performance.now() - t0, code: code ?? 1, error: /^::error::(.*)$/m.exec(out)?.[1]?.slice(0, 160) ?? '' }));
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

try {
  const dns = await run({ 'auth0-domain': 'nonexistent.invalid', 'auth0-tenant': 'nonexistent' });
  emit('fail-fast', 'unresolvable_auth0_domain_ms', Math.round(dns.ms), { exit_code: dns.code, error: dns.error, target: '< 2000' });
  const arm = await run({ 'azure-resource-manager-endpoint': 'https://management.nonexistent.invalid' });
  emit('fail-fast', 'unresolvable_arm_endpoint_ms', Math.round(arm.ms), { exit_code: arm.code, error: arm.error, target: '< 2000' });
  const entra = await run({ 'azure-authority-host': 'https://login.nonexistent.invalid' });
  emit('fail-fast', 'unresolvable_authority_host_ms', Math.round(entra.ms), { exit_code: entra.code, error: entra.error, target: '< 2000' });
  const secret = await run({ 'auth0-client-secret': 'not-the-secret-0123456789' });
  emit('fail-fast', 'wrong_auth0_secret_ms', Math.round(secret.ms), { exit_code: secret.code, target: '< 2000' });
} finally {
  await sb.stop();
}
