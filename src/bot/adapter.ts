import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
  ConfigurationServiceClientCredentialFactory,
  PrivateConversationState,
  type TurnContext,
} from 'botbuilder';
import { resolveLanguage } from '../i18n/language.js';
import { t } from '../i18n/translate.js';
import { EsdBot } from './esd-bot.js';
import { loadSession } from './middleware/load-session.js';
import { saveReference } from './middleware/save-reference.js';
import { serializeTurns } from './middleware/serialize-turns.js';
import { stripMention } from './middleware/strip-mention.js';
import { tenantAllowList } from './middleware/tenant-allow-list.js';
import type { BotServices } from './services.js';
import { SqlStorage } from './sql-storage.js';

export interface Bot {
  adapter: CloudAdapter;
  bot: EsdBot;
}

/**
 * The Bot Framework at the edge: CloudAdapter with the standard MicrosoftApp* settings. With an
 * app id, every request must carry a valid Bot Framework token; without one (local mode) requests
 * are anonymous, which is why the server then listens on loopback only.
 */
export function createBot(
  services: BotServices,
  authOverrides: Partial<ConfigurationBotFrameworkAuthenticationOptions> = {},
): Bot {
  const { bot: settings } = services.config;
  const appSettings = {
    MicrosoftAppId: settings.appId ?? '',
    MicrosoftAppPassword: settings.appPassword ?? '',
    MicrosoftAppType: settings.appType,
    MicrosoftAppTenantId: settings.appTenantId ?? '',
  };
  const credentials = new ConfigurationServiceClientCredentialFactory(appSettings);
  const auth = new ConfigurationBotFrameworkAuthentication(
    { ...appSettings, ...authOverrides },
    credentials,
  );
  const adapter = new CloudAdapter(auth);

  adapter.use(serializeTurns());
  adapter.use(tenantAllowList(services.config.allowedTenantIds, services.logger));
  adapter.use(stripMention());
  adapter.use(loadSession(services));
  adapter.use(saveReference(services));

  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    services.logger.error(
      {
        err: error.message,
        stack: error.stack,
        type: context.activity.type,
        conversation: context.activity.conversation?.id,
      },
      'turn failed',
    );
    if (context.activity.type !== 'message') return;
    try {
      await context.sendActivity(t(resolveLanguage(context.activity.locale), 'general.tryAgain'));
    } catch {
      // The connector may be what failed; the log above is all we can do.
    }
  };

  const state = new PrivateConversationState(new SqlStorage(services.store));
  return { adapter, bot: new EsdBot(state) };
}
