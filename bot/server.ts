/**
 * The GitHub App server: Probot 14 with the ChatOps app loaded, served by Probot's node middleware on
 * a plain node:http server; `deliver()` is the same for hosts that hand over a request's parts instead
 * (docs/chatops.md mounts it in Azure Functions). Stateless: locks live in the repository and the
 * configuration is read per event, so any number of replicas can run. Deliveries are verified against
 * WEBHOOK_SECRET (X-Hub-Signature-256) before anything else; an unsigned or wrongly signed one is
 * answered 400 and causes no call. GET /healthz answers 200.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Probot, ProbotOctokit } from 'probot';
import { appDeps, chatopsApp } from './app.js';
import type { AuditSink } from './audit.js';
import type { BotSettings } from './settings.js';

export interface BotServerOptions {
  /** Where the credentials the environments file references are read (default process.env). */
  env?: NodeJS.ProcessEnv;
  /** Audit lines (default: stdout). */
  audit?: AuditSink;
  /** Diagnostics (default: stderr, warnings and errors). */
  log?: (level: 'info' | 'warn' | 'error', message: string) => void;
}

export interface Delivery {
  /** X-GitHub-Delivery */
  id?: string | null;
  /** X-GitHub-Event */
  name?: string | null;
  /** X-Hub-Signature-256 */
  signature?: string | null;
  /** The raw request body, exactly as received (the signature is over these bytes). */
  body: string;
}

export interface ChatopsProbot {
  probot: Probot;
  /** Verifies and handles one delivery: 200 when handled, 400 when unsigned, wrongly signed or malformed. */
  deliver(d: Delivery): Promise<{ status: number; body: string }>;
}

/** Probot with the ChatOps app loaded. */
export async function createChatopsProbot(settings: BotSettings, options: BotServerOptions = {}): Promise<ChatopsProbot> {
  // Probot sets its throttle options after any defaults object, so the switch goes in last, as a function.
  const Octokit = settings.throttle ? ProbotOctokit : ProbotOctokit.defaults((o: Record<string, any>) => ({ ...o, throttle: { ...(o?.throttle ?? {}), enabled: false } }));
  const probot = new Probot({
    appId: settings.appId,
    privateKey: settings.privateKey,
    secret: settings.webhookSecret,
    baseUrl: settings.baseUrl,
    logLevel: settings.logLevel,
    Octokit: Octokit as typeof ProbotOctokit,
  });
  const deps = appDeps(settings, options);
  const log = deps.log ?? (() => undefined);
  await probot.load(chatopsApp(deps));
  return {
    probot,
    async deliver(d) {
      if (!d.id || !d.name || !d.signature) return { status: 400, body: 'Required headers missing: X-GitHub-Delivery, X-GitHub-Event, X-Hub-Signature-256' };
      try {
        await probot.webhooks.verifyAndReceive({ id: d.id, name: d.name as never, signature: d.signature, payload: d.body });
        return { status: 200, body: 'ok' };
      } catch (err) {
        const inner = (err as { errors?: { status?: number; message?: string }[] })?.errors?.[0];
        if (inner?.status === 400) return { status: 400, body: inner.message ?? 'Bad request' };
        log('error', `delivery ${d.id} failed: ${(err as Error)?.message ?? String(err)}`);
        return { status: 500, body: 'Handler failed' };
      }
    },
  };
}

/** The request handler: the app's webhook route, /healthz, 404 for everything else. */
export async function botHandler(settings: BotSettings, options: BotServerOptions = {}): Promise<(req: IncomingMessage, res: ServerResponse) => void> {
  const { probot } = await createChatopsProbot(settings, options);
  const middleware = await probot.getNodeMiddleware({ path: settings.webhookPath });
  return (req, res) => {
    if (req.method === 'GET' && (req.url === '/healthz' || req.url === '/health')) {
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok\n');
      return;
    }
    void Promise.resolve(
      middleware(req, res, () => {
        if (!res.headersSent) res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"Not found"}');
      }),
    ).catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
    });
  };
}

export interface BotServer {
  port: number;
  /** http://host:port */
  url: string;
  webhookUrl: string;
  server: Server;
  close(): Promise<void>;
}

export async function startBotServer(settings: BotSettings, options: BotServerOptions = {}): Promise<BotServer> {
  const handler = await botHandler(settings, options);
  const server = createServer(handler);
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(settings.port, settings.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = settings.host && settings.host !== '0.0.0.0' && settings.host !== '::' ? settings.host : '127.0.0.1';
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return {
    port,
    url,
    webhookUrl: `${url}${settings.webhookPath}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections?.();
      }),
  };
}
