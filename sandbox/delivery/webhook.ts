/**
 * Webhook destinations, called over HTTPS as Event Grid calls them:
 *   - endpoint validation when an event subscription is provisioned (settings.validateWebhooks):
 *     for CloudEvents 1.0 the abuse-protection handshake (`OPTIONS` with
 *     `WebHook-Request-Origin: eventgrid.azure.net`; the endpoint grants with a 2xx carrying
 *     `WebHook-Allowed-Origin: eventgrid.azure.net` or `*`, and optionally `WebHook-Allowed-Rate`),
 *     for the Event Grid schema the `Microsoft.EventGrid.SubscriptionValidationEvent` handshake (a POST
 *     whose 200 answer must echo `{"validationResponse": <validationCode>}`);
 *   - event delivery: one CloudEvent per `POST` (`content-type: application/cloudevents+json`), with
 *     Event Grid's `aeg-*` headers and the subscription's delivery attribute headers; 200–204 is success.
 * Trust: the system CAs plus the sandbox CA, so test receivers can use the sandbox's certificate.
 * Failure messages follow Event Grid's ("Webhook validation handshake failed for …", see aka.ms/esvalidation);
 * the URL they print is the base URL, never the query (which may carry a key).
 */
import { Agent, request } from 'node:https';
import { createSecureContext, rootCertificates, type SecureContext } from 'node:tls';
import { randomUUID } from 'node:crypto';
import type { OperationError } from '../core/context.js';

export const EVENTGRID_ORIGIN = 'eventgrid.azure.net';

export interface HttpOutcome {
  /** HTTP status, or 0 when no answer came (connection error, timeout). */
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** Set when no answer came: 'TimedOut' or the socket error code. */
  error?: string;
  durationMs: number;
}

const contexts = new Map<string, SecureContext>();

/**
 * An HTTPS agent trusting the system CAs and `extraCa` (the sandbox CA), with keep-alive. The trust goes
 * in one prebuilt secure context: passed as `ca`, Node would rebuild it per connection and fold every CA
 * into each request's connection-pool key (the cost of a delivery would be dominated by that).
 */
export function trustingAgent(extraCa: string, maxSockets: number): Agent {
  let secureContext = contexts.get(extraCa);
  if (!secureContext) contexts.set(extraCa, (secureContext = createSecureContext({ ca: [...rootCertificates, extraCa] })));
  return new Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets, secureContext, scheduling: 'fifo' });
}

/** One HTTPS request with a timeout; never rejects. `abort` cancels it (sandbox stop). */
export function send(
  agent: Agent,
  method: string,
  url: string,
  headers: Record<string, string>,
  body: string | undefined,
  timeoutMs: number,
  inflight?: Set<() => void>,
): Promise<HttpOutcome> {
  const started = performance.now();
  return new Promise((resolve) => {
    let done = false;
    const finish = (o: Omit<HttpOutcome, 'durationMs'>) => {
      if (done) return;
      done = true;
      inflight?.delete(abort);
      resolve({ ...o, durationMs: performance.now() - started });
    };
    let req: ReturnType<typeof request>;
    const abort = () => {
      req?.destroy();
      finish({ status: 0, headers: {}, body: '', error: 'Aborted' });
    };
    try {
      const u = new URL(url);
      if (u.protocol !== 'https:') {
        finish({ status: 0, headers: {}, body: '', error: 'UnsupportedProtocol' });
        return;
      }
      req = request(u, { method, agent, headers: body !== undefined ? { ...headers, 'content-length': String(Buffer.byteLength(body)) } : headers, timeout: timeoutMs }, (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          size += c.length;
          if (size <= 64 * 1024) chunks.push(c);
        });
        res.on('end', () => finish({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', (e) => finish({ status: res.statusCode ?? 0, headers: res.headers, body: '', error: (e as NodeJS.ErrnoException).code ?? 'ResponseError' }));
      });
    } catch (e) {
      finish({ status: 0, headers: {}, body: '', error: (e as NodeJS.ErrnoException).code ?? 'InvalidUrl' });
      return;
    }
    inflight?.add(abort);
    req.on('timeout', () => {
      req.destroy();
      finish({ status: 0, headers: {}, body: '', error: 'TimedOut' });
    });
    req.on('error', (e) => finish({ status: 0, headers: {}, body: '', error: (e as NodeJS.ErrnoException).code ?? 'ConnectionError' }));
    req.end(body);
  });
}

/** Event Grid's way of printing a UTC time in validation messages: `1/16/2022 8:56:35 PM`. */
function egTime(ms: number): string {
  const d = new Date(ms);
  const h = d.getUTCHours();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()} ${h % 12 === 0 ? 12 : h % 12}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${h < 12 ? 'AM' : 'PM'}`;
}

/** The URL without its query (the query may carry a function key). */
export function baseUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}`;
  } catch {
    return url.replace(/\?.*$/, '');
  }
}

function handshakeFailed(url: string, detail: string, nowMs: number): OperationError {
  return {
    code: 'Url validation',
    message:
      `Webhook validation handshake failed for ${baseUrl(url)}. ${detail} ` +
      `For troublehooting, visit https://aka.ms/esvalidation. Activity id:${randomUUID()}, timestamp: ${egTime(nowMs)} (UTC).`,
  };
}

export interface ValidationResult {
  error?: OperationError;
  /** What the endpoint granted (CloudEvents): its WebHook-Allowed-Rate, when sent. */
  allowedRate?: string;
  /** The request(s) made, for the admin view. */
  exchange: { method: string; status: number; error?: string };
}

/** The CloudEvents 1.0 abuse-protection handshake. */
export async function validateCloudEventsEndpoint(agent: Agent, url: string, timeoutMs: number, nowMs: number): Promise<ValidationResult> {
  const r = await send(agent, 'OPTIONS', url, { 'WebHook-Request-Origin': EVENTGRID_ORIGIN }, undefined, timeoutMs);
  const exchange = { method: 'OPTIONS', status: r.status, error: r.error };
  if (r.status < 200 || r.status > 299) {
    return { exchange, error: handshakeFailed(url, `Http OPTIONS request failed with response code ${r.status || 'Unknown'}.`, nowMs) };
  }
  const header = r.headers['webhook-allowed-origin'];
  const allowed = (Array.isArray(header) ? header : header ? [header] : []).flatMap((h) => h.split(',')).map((h) => h.trim().toLowerCase());
  if (!allowed.includes(EVENTGRID_ORIGIN) && !allowed.includes('*')) {
    const got = allowed.length ? `'${allowed.join(', ')}'` : 'no WebHook-Allowed-Origin header';
    return {
      exchange,
      error: handshakeFailed(url, `Http OPTIONS request returned ${r.status} with ${got}; the endpoint must answer with WebHook-Allowed-Origin: ${EVENTGRID_ORIGIN} (or *).`, nowMs),
    };
  }
  const rate = r.headers['webhook-allowed-rate'];
  return { exchange, allowedRate: Array.isArray(rate) ? rate[0] : rate };
}

/** The Event Grid schema handshake: a SubscriptionValidationEvent whose code the endpoint must echo. */
export async function validateEventGridEndpoint(
  agent: Agent,
  url: string,
  timeoutMs: number,
  nowMs: number,
  topicId: string,
  validationUrl: string,
): Promise<ValidationResult & { validationCode: string }> {
  const validationCode = randomUUID().toUpperCase();
  const event = [
    {
      id: randomUUID(),
      topic: topicId,
      subject: '',
      data: { validationCode, validationUrl },
      eventType: 'Microsoft.EventGrid.SubscriptionValidationEvent',
      eventTime: new Date(nowMs).toISOString(),
      metadataVersion: '1',
      dataVersion: '2',
    },
  ];
  const r = await send(
    agent,
    'POST',
    url,
    { 'content-type': 'application/json; charset=utf-8', 'aeg-event-type': 'SubscriptionValidation', 'aeg-subscription-name': 'VALIDATION', 'aeg-delivery-count': '0', 'aeg-data-version': '2', 'aeg-metadata-version': '1' },
    JSON.stringify(event),
    timeoutMs,
  );
  const exchange = { method: 'POST', status: r.status, error: r.error };
  if (r.status < 200 || r.status > 299) {
    return { validationCode, exchange, error: handshakeFailed(url, `Http POST request failed with response code ${r.status || 'Unknown'}.`, nowMs) };
  }
  let echoed: unknown;
  try {
    echoed = (JSON.parse(r.body) as { validationResponse?: unknown }).validationResponse;
  } catch {
    echoed = undefined;
  }
  if (typeof echoed !== 'string' || echoed.toUpperCase() !== validationCode) {
    return {
      validationCode,
      exchange,
      error: handshakeFailed(
        url,
        `Http POST request retuned 2XX response with response body ${r.body.slice(0, 200)}. When a validation request is accepted without validation code in the response body, Http GET is expected on the validation url included in the validation event(within 10 minutes).`,
        nowMs,
      ),
    };
  }
  return { validationCode, exchange };
}
