/**
 * WEBHOOK_PROXY_URL, for development: GitHub delivers to a smee.io channel (https://smee.io/new) and
 * smee-client forwards each delivery to the server on localhost, as Probot's own server does. smee-client
 * is a development dependency: a production install (`npm ci --omit=dev`) has none, and says so.
 */
export interface WebhookProxy {
  stop(): Promise<void>;
}

type Log = (level: 'info' | 'warn' | 'error', message: string) => void;

export class WebhookProxyError extends Error {}

/** Forwards the channel `source` to `target` (the server's webhook URL) until stopped. */
export async function startWebhookProxy(source: string, target: string, log: Log, timeoutMs = 30_000): Promise<WebhookProxy> {
  try {
    const url = new URL(source);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('not http(s)');
  } catch {
    throw new WebhookProxyError(`WEBHOOK_PROXY_URL "${source}" is not a URL: give the channel's address, e.g. https://smee.io/AbCdEf123 (create one at https://smee.io/new).`);
  }
  let SmeeClient: typeof import('smee-client').SmeeClient;
  try {
    ({ SmeeClient } = await import('smee-client'));
  } catch {
    throw new WebhookProxyError('WEBHOOK_PROXY_URL is set but smee-client is not installed: it is for local development (`npm install` with development dependencies); in production, unset WEBHOOK_PROXY_URL and let GitHub deliver to the server.');
  }
  const client = new SmeeClient({
    source,
    target,
    maxConnectionTimeout: timeoutMs,
    logger: {
      info: (...a: unknown[]) => log('info', `webhook proxy: ${a.map(String).join(' ')}`),
      error: (...a: unknown[]) => log('error', `webhook proxy: ${a.map((x) => (x instanceof Error ? x.message : String(x))).join(' ')}`),
    },
  });
  await client.start();
  return { stop: () => client.stop() };
}
