#!/usr/bin/env node
/**
 * `npm start` or `npx auth0-eventgrid-bot` (lib/bot/main.js; `npm run bot` runs the sources): the GitHub
 * App server, configured by its environment (bot/settings.ts; .env.example lists every variable). With
 * WEBHOOK_PROXY_URL (development) deliveries come through that smee.io channel. Stops on SIGINT/SIGTERM
 * after the requests in flight.
 */
import { botSettings, BotSettingsError } from './settings.js';
import { startBotServer } from './server.js';
import { startWebhookProxy, WebhookProxyError } from './proxy.js';

const log = (level: 'info' | 'warn' | 'error', message: string) => {
  if (level !== 'info' || process.env.LOG_LEVEL === 'info' || process.env.LOG_LEVEL === 'debug' || process.env.LOG_LEVEL === 'trace') process.stderr.write(`[auth0-eventgrid-bot] ${level}: ${message}\n`);
};

try {
  const settings = botSettings(process.env);
  const bot = await startBotServer(settings);
  process.stderr.write(`[auth0-eventgrid-bot] listening on ${bot.webhookUrl}${settings.baseUrl ? ` (GitHub API ${settings.baseUrl})` : ''}\n`);
  // Which credentials it lends, to whom (or that it lends none): the operator sees the trust boundary at start.
  const sets = settings.bindings.sets;
  process.stderr.write(
    sets.length
      ? `[auth0-eventgrid-bot] lending ${sets.length} credential set${sets.length === 1 ? '' : 's'} (${settings.bindings.source}): ${sets.map((s) => `${s.name} to ${s.repositories.join(', ')}`).join('; ')}\n`
      : '[auth0-eventgrid-bot] warning: no credential bindings (CREDENTIAL_BINDINGS or CREDENTIAL_BINDINGS_FILE): commands that need Azure or Auth0 credentials are refused\n',
  );
  const proxyUrl = process.env.WEBHOOK_PROXY_URL?.trim();
  let proxy: Awaited<ReturnType<typeof startWebhookProxy>> | undefined;
  if (proxyUrl) {
    try {
      proxy = await startWebhookProxy(proxyUrl, bot.webhookUrl, log);
    } catch (err) {
      await bot.close();
      throw err;
    }
    process.stderr.write(`[auth0-eventgrid-bot] forwarding deliveries from ${new URL(proxyUrl).origin} (WEBHOOK_PROXY_URL)\n`);
  }
  const stop = () => {
    void Promise.resolve(proxy?.stop())
      .catch(() => undefined)
      .then(() => bot.close())
      .then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (err) {
  process.stderr.write(`${err instanceof BotSettingsError || err instanceof WebhookProxyError ? err.message : `The bot cannot start: ${(err as Error)?.message ?? String(err)}`}\n`);
  process.exit(2);
}
