/**
 * WEBHOOK_PROXY_URL: a delivery posted to the channel reaches the server through smee-client, signature
 * intact, and is handled. The channel is a local server speaking smee.io's protocol (Server-Sent Events,
 * one JSON message per delivery: the headers and the parsed body).
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildWebhook } from '../sandbox/github/index.js';
import type { Sandbox } from '../sandbox/index.js';
import { startWebhookProxy, WebhookProxyError } from '../bot/proxy.js';
import { testSandbox } from './helpers/sandbox.js';
import { commitFiles, configText, CONFIG_PATH, environment, newIssue, replies, startTestBot, type TestBot } from './helpers/bot.js';

let sb: Sandbox;
let bot: TestBot;
let channel: Server;
let channelUrl: string;
const listeners: ServerResponse[] = [];

beforeAll(async () => {
  sb = await testSandbox();
  await commitFiles(sb, { [CONFIG_PATH]: configText({ prod: environment(sb) }) });
  bot = await startTestBot(sb);
  channel = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
    res.write('event: ready\ndata: {}\n\n');
    listeners.push(res);
  });
  await new Promise<void>((r) => channel.listen(0, '127.0.0.1', () => r()));
  channelUrl = `http://127.0.0.1:${(channel.address() as AddressInfo).port}/AbCdEf123`;
});

afterAll(async () => {
  for (const l of listeners) l.end();
  channel?.closeAllConnections();
  await new Promise((r) => channel?.close(r));
  await bot?.close();
  await sb?.stop();
});

test('a delivery on the channel is forwarded to the server and handled', async () => {
  const logs: string[] = [];
  const proxy = await startWebhookProxy(channelUrl, bot.server.webhookUrl, (level, m) => logs.push(`${level}: ${m}`));
  try {
    const n = await newIssue(sb, 'via smee');
    const d = buildWebhook(sb.context, 'issue_comment.created', { issue: n, body: '/help', user: 'octo-triager' });
    const headers = Object.fromEntries(Object.entries(d.headers).map(([k, v]) => [k.toLowerCase(), v]));
    for (const l of listeners) l.write(`data: ${JSON.stringify({ ...headers, body: JSON.parse(d.body), query: {}, timestamp: Date.now() })}\n\n`);
    const end = Date.now() + 20_000;
    let help: string | undefined;
    while (!help && Date.now() < end) {
      help = (await replies(sb, n)).find((r) => r.includes('**/help**'));
      if (!help) await new Promise((r) => setTimeout(r, 100));
    }
    expect(help).toMatch(/run by @&#8203;octo-triager/);
    // smee-client logs the server's answer when it arrives, which may be after the reply was posted.
    const forwarded = /POST .*\/api\/github\/webhooks - 200/;
    while (!forwarded.test(logs.join('\n')) && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
    expect(logs.join('\n')).toMatch(forwarded);
  } finally {
    await proxy.stop();
  }
}, 30_000);

test('a WEBHOOK_PROXY_URL that is not a URL is refused with the fix', async () => {
  await expect(startWebhookProxy('smee.io/abc', bot.server.webhookUrl, () => undefined)).rejects.toThrow(WebhookProxyError);
  await expect(startWebhookProxy('smee.io/abc', bot.server.webhookUrl, () => undefined)).rejects.toThrow(/WEBHOOK_PROXY_URL "smee.io\/abc" is not a URL: .*https:\/\/smee.io\/new/);
});
