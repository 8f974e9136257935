/**
 * A small HTTPS webhook receiver for delivery tests, serving with the sandbox's certificate (signed by
 * the sandbox CA, which Event Grid in the sandbox trusts). It answers the CloudEvents abuse-protection
 * OPTIONS handshake (granting, or not), the Event Grid SubscriptionValidationEvent (echoing the code, or
 * not), and records every POSTed event with its headers, answering with a status the test chooses.
 */
import { createServer, type Server } from 'node:https';
import type { IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  headers: IncomingHttpHeaders;
  body: any;
  raw: string;
  /** Real time of arrival (ms). */
  at: number;
}

export interface ReceiverOptions {
  /** How to answer the OPTIONS handshake: echo the origin (default), `*`, or grant nothing. */
  grant?: 'echo' | '*' | 'none';
  /** Echo the validation code of a SubscriptionValidationEvent (default true). */
  echoValidation?: boolean;
  /** The status of each POST of events (default 200); called with the number of event POSTs so far (1-based). */
  status?: (n: number, event: any) => number;
}

export interface Receiver {
  url: string;
  /** Every OPTIONS request (the handshake). */
  options: Received[];
  /** Every POST carrying events (validation events excluded), in arrival order. */
  events: Received[];
  /** SubscriptionValidationEvent POSTs. */
  validations: Received[];
  settings: ReceiverOptions;
  close(): Promise<void>;
}

export async function startReceiver(tls: { certPem: string; keyPem: string }, settings: ReceiverOptions = {}): Promise<Receiver> {
  const r: Omit<Receiver, 'url' | 'close'> = { options: [], events: [], validations: [], settings };
  const server: Server = createServer({ cert: tls.certPem, key: tls.keyPem, keepAliveTimeout: 30_000 }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const at = Date.now();
      if (req.method === 'OPTIONS') {
        r.options.push({ headers: req.headers, body: undefined, raw, at });
        const origin = String(req.headers['webhook-request-origin'] ?? '');
        const grant = r.settings.grant ?? 'echo';
        const headers: Record<string, string> = { allow: 'POST, OPTIONS' };
        if (grant === 'echo') headers['webhook-allowed-origin'] = origin;
        if (grant === '*') headers['webhook-allowed-origin'] = '*';
        if (grant !== 'none') headers['webhook-allowed-rate'] = '*';
        res.writeHead(200, headers).end();
        return;
      }
      let body: any;
      try {
        body = JSON.parse(raw);
      } catch {
        body = raw;
      }
      if (req.headers['aeg-event-type'] === 'SubscriptionValidation') {
        r.validations.push({ headers: req.headers, body, raw, at });
        const code = Array.isArray(body) ? body[0]?.data?.validationCode : undefined;
        res.writeHead(200, { 'content-type': 'application/json' }).end(r.settings.echoValidation === false ? '{}' : JSON.stringify({ validationResponse: code }));
        return;
      }
      r.events.push({ headers: req.headers, body, raw, at });
      const status = r.settings.status?.(r.events.length, body) ?? 200;
      res.writeHead(status, { 'content-type': 'text/plain' }).end(status < 300 ? '' : 'failing on purpose');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    ...r,
    url: `https://127.0.0.1:${port}/api/auth0-events`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
