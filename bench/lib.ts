/** Shared bench helpers: start the sandbox in its own process, HTTPS with its CA, JSON-line output, percentiles. */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:https';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { SandboxInfo } from '../sandbox/index.js';

export function emit(bench: string, metric: string, value: number | string, extra: Record<string, unknown> = {}): void {
  process.stdout.write(JSON.stringify({ bench, metric, value, ...extra }) + '\n');
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, i)];
}

export interface SandboxProcess {
  info: SandboxInfo;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Starts `sandbox/cli.ts --json` as a separate process (so load generator and server do not share a thread). */
export async function startSandboxProcess(args: string[] = []): Promise<SandboxProcess> {
  const tsx = resolve('node_modules/tsx/dist/cli.mjs');
  const child = spawn(process.execPath, [tsx, 'sandbox/cli.ts', '--json', '--ca-dir', resolve('.sandbox/ca'), ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  const rl = createInterface({ input: child.stdout! });
  const line: string = await new Promise((res, rej) => {
    rl.once('line', res);
    child.once('exit', (c) => rej(new Error(`sandbox exited with ${c}`)));
  });
  return {
    info: JSON.parse(line),
    child,
    stop: () =>
      new Promise((r) => {
        child.once('exit', () => r());
        child.kill('SIGTERM');
      }),
  };
}

export function httpsAgent(caPath: string, maxSockets = 64): Agent {
  return new Agent({ keepAlive: true, maxSockets, ca: readFileSync(caPath) });
}

export interface HttpResult {
  status: number;
  body: string;
  headers: Record<string, string | string[] | undefined>;
}

export function call(agent: Agent, method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<HttpResult> {
  return new Promise((res, rej) => {
    const payload = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
    const req = request(url, { method, agent, headers: { ...(payload ? { 'content-type': typeof body === 'string' ? 'application/x-www-form-urlencoded' : 'application/json' } : {}), ...headers } }, (r) => {
      let data = '';
      r.setEncoding('utf8');
      r.on('data', (d) => (data += d));
      r.on('end', () => res({ status: r.statusCode ?? 0, body: data, headers: r.headers }));
    });
    req.on('error', rej);
    if (payload) req.write(payload);
    req.end();
  });
}

/** An ARM access token for the seeded service principal, from the sandbox's Entra ID. */
export async function armToken(agent: Agent, info: SandboxInfo): Promise<string> {
  const form = new URLSearchParams({
    grant_type: 'client_credentials',
    client_id: info.azure.clientId,
    client_secret: info.azure.clientSecret,
    scope: 'https://management.azure.com/.default',
  }).toString();
  const r = await call(agent, 'POST', `${info.endpoints.entra}/${info.azure.tenantId}/oauth2/v2.0/token`, form);
  if (r.status !== 200) throw new Error(`token: ${r.status} ${r.body}`);
  return JSON.parse(r.body).access_token;
}
