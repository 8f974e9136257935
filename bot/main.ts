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
  const sets = settings.bindings.sets;
  process.stderr.write(
    sets.length
      ? `[auth0-eventgrid-bot] lending ${sets.length} credential set${sets.length === 1 ? '' : 's'} (${settings.bindings.source}): ${sets.map((s) => `${s.name} to ${s.repositories.join(', ')}`).join('; ')}\n`
      : '[auth0-eventgrid-bot] warning: no credential bindings (CREDENTIAL_BINDINGS or CREDENTIAL_BINDINGS_FILE): commands that need Azure or Auth0 credentials are refused\n',
  );
  const stop = () => {
    void bot.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (err) {
  process.stderr.write(`${err instanceof BotSettingsError ? err.message : `The bot cannot start: ${(err as Error)?.message ?? String(err)}`}\n`);
  process.exit(2);
}
