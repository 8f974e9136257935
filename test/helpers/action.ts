/** Runs the bundled Action (node dist/index.js, with actionNode()) exactly as a runner does: INPUT_* variables, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, OIDC variables. */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Sandbox } from '../../sandbox/index.js';
import { DEFAULT_IDS } from '../../sandbox/index.js';
import { actionEntry, actionNode } from './dist.js';
import { targetInputsFromSandbox } from '../../src/config/sandbox-inputs.js';

export interface ActionRun {
  code: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  /** Everything the run wrote anywhere, for secret checks. */
  all: string;
}

/** Parses the GITHUB_OUTPUT file (`name<<DELIM\nvalue\nDELIM` blocks, or `name=value`). */
export function parseOutputFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^=<]+)<<(.+)$/.exec(lines[i]);
    if (m) {
      const value: string[] = [];
      i++;
      while (i < lines.length && lines[i] !== m[2]) value.push(lines[i++]);
      out[m[1]] = value.join('\n');
    } else if (lines[i].includes('=')) {
      const [k, ...v] = lines[i].split('=');
      out[k] = v.join('=');
    }
  }
  return out;
}

/** Inputs for the default sandbox world, signing in to Azure with the client secret. */
export function baseInputs(sb: Sandbox, extra: Record<string, string> = {}): Record<string, string> {
  return {
    ...targetInputsFromSandbox(sb.info()),
    'wait-timeout': '30s',
    ...extra,
  };
}

/** OIDC variables of a job with `permissions: id-token: write`. */
export function oidcEnv(sb: Sandbox): Record<string, string> {
  const g = sb.info().github;
  return { ACTIONS_ID_TOKEN_REQUEST_URL: g.idTokenRequestUrl, ACTIONS_ID_TOKEN_REQUEST_TOKEN: g.idTokenRequestToken, GITHUB_REPOSITORY: DEFAULT_IDS.githubRepository, GITHUB_REF: 'refs/heads/main' };
}

export async function runAction(inputs: Record<string, string>, env: Record<string, string> = {}, timeoutMs = 90_000): Promise<ActionRun> {
  const dir = mkdtempSync(join(tmpdir(), 'a0eg-run-'));
  const outputFile = join(dir, 'output');
  const summaryFile = join(dir, 'summary');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  const inputEnv: Record<string, string> = {};
  for (const [k, v] of Object.entries(inputs)) inputEnv[`INPUT_${k.replace(/ /g, '_').toUpperCase()}`] = v;
  const base: Record<string, string> = {};
  for (const k of ['PATH', 'HOME', 'NODE_EXTRA_CA_CERTS', 'TMPDIR', 'LANG']) if (process.env[k]) base[k] = process.env[k]!;
  const child = spawn(actionNode(), [actionEntry()], {
    env: { ...base, GITHUB_ACTIONS: 'true', GITHUB_OUTPUT: outputFile, GITHUB_STEP_SUMMARY: summaryFile, RUNNER_TEMP: dir, ...inputEnv, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const code: number = await new Promise((r) => child.on('close', (c) => r(c ?? 1)));
  clearTimeout(timer);
  const outputText = readFileSync(outputFile, 'utf8');
  const summary = readFileSync(summaryFile, 'utf8');
  rmSync(dir, { recursive: true, force: true });
  return { code, stdout, stderr, outputs: parseOutputFile(outputText), summary, all: [stdout, stderr, outputText, summary].join('\n') };
}
