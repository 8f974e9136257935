/**
 * A capture server: HTTPS on loopback with the sandbox's certificate (signed by the sandbox CA, which
 * every client in the tests trusts), standing in for a host an attacker controls. It records every
 * TLS connection and every request (method, path, headers, body) and answers 404, so a test can assert
 * that nothing — above all no credential — was ever sent to it.
 */
import { createServer, type Server } from 'node:https';
import type { IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Captured {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface CaptureServer {
  /** https://127.0.0.1:PORT */
  url: string;
  /** 127.0.0.1:PORT (an Auth0 domain) */
  host: string;
  connections: number;
  requests: Captured[];
  /** Forgets what was seen so far (between tests). */
  reset(): void;
  close(): Promise<void>;
}

export async function startCapture(tls: { certPem: string; keyPem: string }): Promise<CaptureServer> {
  const requests: Captured[] = [];
  const state = { connections: 0 };
  const server: Server = createServer({ cert: tls.certPem, key: tls.keyPem }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not_found"}');
    });
  });
  server.on('connection', () => state.connections++);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    get connections() {
      return state.connections;
    },
    requests,
    reset() {
      requests.length = 0;
      state.connections = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections?.();
      }),
  };
}
