/** Starts a sandbox for a test with fast timings, signed by the CA the test runner trusts. */
import { startSandbox, type Sandbox, type SandboxOptions } from '../../sandbox/index.js';

export const FAST = {
  providerRegistrationDelayMs: 50,
  partnerTopicDelayMs: 50,
  lroDurationMs: 50,
  retryAfterSeconds: 0,
};

export async function testSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  if (!process.env.SANDBOX_CA_DIR || !process.env.NODE_EXTRA_CA_CERTS) {
    throw new Error('Run the tests with `npm test` (it makes the sandbox CA and sets NODE_EXTRA_CA_CERTS before Jest starts).');
  }
  return startSandbox({ ...options, caDir: process.env.SANDBOX_CA_DIR, settings: { ...FAST, ...(options.settings ?? {}) } });
}

/** Calls the sandbox admin API. */
export async function admin(sb: Sandbox, method: string, path: string, body?: unknown): Promise<any> {
  const res = await fetch(`${sb.endpoints.arm}/_sandbox/${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`admin ${method} ${path}: ${res.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

/** The sandbox's resource group of the seeded subscription, read from its world. */
export function group(sb: Sandbox) {
  const info = sb.info();
  return sb.context.world.subscriptions.get(info.azure.subscriptionId.toLowerCase())!.resourceGroups.get(info.azure.resourceGroup.toLowerCase())!;
}

/** A mark in the sandbox's request log: writesSince(mark) is what came after it. */
export async function mark(sb: Sandbox): Promise<number> {
  return (await admin(sb, 'GET', 'requests?since=999999999')).mark;
}

/** The write requests the sandbox served since `m` (a mark). */
export async function writesSince(sb: Sandbox, m: number): Promise<any[]> {
  return (await admin(sb, 'GET', `requests?since=${m}&writes=true`)).value;
}
