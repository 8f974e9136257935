/**
 * The ChatOps app as an Azure Functions app (Node.js programming model v4; package.json `main` points
 * here, host.json beside it):
 *   POST /api/github/webhooks  GitHub's deliveries, verified and handled by Probot exactly as the server
 *                              does (bot/server.ts deliver()): X-Hub-Signature-256 against WEBHOOK_SECRET
 *                              over the raw body; unsigned, wrongly signed or malformed: 400, no call made.
 *   GET  /api/healthz          200 once the settings are valid.
 * Settings are the Function App's application settings, the same variables as the server's
 * (.env.example; bot/settings.ts). They are checked when the app loads, so a missing or wrong one stops
 * the host with its message instead of failing deliveries one by one. The Probot instance is made once
 * per worker, on the first delivery.
 */
import { app, type HttpRequest, type HttpResponseInit, type InvocationContext } from '@azure/functions';
import { botSettings } from './settings.js';
import { announcedTooLarge, createChatopsProbot, MAX_WEBHOOK_BODY, readBodyLimited, type ChatopsProbot } from './server.js';

const settings = botSettings(process.env);
let bot: Promise<ChatopsProbot> | undefined;

function chatops(): Promise<ChatopsProbot> {
  bot ??= createChatopsProbot(settings).catch((err) => {
    bot = undefined;
    throw err;
  });
  return bot;
}

export async function githubWebhooks(request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> {
  // The exact bytes GitHub signed, read only up to GitHub's 25 MB cap (announced or counted): 413 beyond.
  if (announcedTooLarge(request.headers.get('content-length'))) return { status: 413, body: `Payload too large: webhook deliveries are at most ${MAX_WEBHOOK_BODY} bytes`, headers: { 'content-type': 'text/plain; charset=utf-8', connection: 'close' } };
  const read = request.body ? await readBodyLimited(request.body as unknown as AsyncIterable<Uint8Array>, MAX_WEBHOOK_BODY) : { ok: true as const, body: '' };
  if (!read.ok) return { status: read.status, body: read.message, headers: { 'content-type': 'text/plain; charset=utf-8', connection: 'close' } };
  const body = read.body;
  const { status, body: answer } = await (
    await chatops()
  ).deliver({
    id: request.headers.get('x-github-delivery'),
    name: request.headers.get('x-github-event'),
    signature: request.headers.get('x-hub-signature-256'),
    body,
  });
  if (status >= 400) context.warn(`delivery ${request.headers.get('x-github-delivery') ?? '(no id)'}: ${status} ${answer}`);
  return { status, body: answer, headers: { 'content-type': 'text/plain; charset=utf-8' } };
}

export async function healthz(): Promise<HttpResponseInit> {
  return { status: 200, body: 'ok\n', headers: { 'content-type': 'text/plain; charset=utf-8' } };
}

app.http('githubWebhooks', {
  methods: ['POST'],
  // GitHub signs every delivery: the signature is the authentication (no function key in the URL).
  authLevel: 'anonymous',
  route: 'github/webhooks',
  handler: githubWebhooks,
});

app.http('healthz', { methods: ['GET'], authLevel: 'anonymous', route: 'healthz', handler: healthz });
