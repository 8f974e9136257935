/**
 * `npm run bot`: the GitHub App server, configured by its environment (bot/settings.ts). Stops on
 * SIGINT/SIGTERM after the requests in flight.
 */
import { botSettings, BotSettingsError } from './settings.js';
import { startBotServer } from './server.js';

try {
  const settings = botSettings(process.env);
  const bot = await startBotServer(settings);
  process.stderr.write(`[auth0-eventgrid-bot] listening on ${bot.webhookUrl}${settings.baseUrl ? ` (GitHub API ${settings.baseUrl})` : ''}\n`);
  const stop = () => {
    void bot.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (err) {
  process.stderr.write(`${err instanceof BotSettingsError ? err.message : `The bot cannot start: ${(err as Error)?.message ?? String(err)}`}\n`);
  process.exit(2);
}
