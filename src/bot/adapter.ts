import {
  type Activity,
  CallerIdConstants,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
  ConfigurationServiceClientCredentialFactory,
  type Middleware,
  ShowTypingMiddleware,
  type TurnContext,
} from 'botbuilder';
import {
  type AuthenticateRequestResult,
  AuthenticationConstants,
  type ClaimsIdentity,
  type ConnectorFactory,
  type UserTokenClient,
} from 'botframework-connector';
import { resolveLanguage } from '../i18n/language.js';
import { t } from '../i18n/translate.js';
import { EsdBot, loadsDialogState } from './esd-bot.js';
import { loadSession } from './middleware/load-session.js';
import { observeTurn, turnLog } from './middleware/observe-turn.js';
import { saveReference } from './middleware/save-reference.js';
import { serializeTurns } from './middleware/serialize-turns.js';
import { stripMention } from './middleware/strip-mention.js';
import { tenantAllowList } from './middleware/tenant-allow-list.js';
import { ReusedClients } from './reused-clients.js';
import type { BotServices } from './services.js';
import { PrivateStateByJson, SqlStorage, stateReadWithTurn } from './sql-storage.js';

const PROACTIVE_EVENTS = new Set(['ContinueConversation', 'CreateConversation']);

function incomingOnly(middleware: Middleware): Middleware {
  return {
    onTurn: (context, next) =>
      context.activity.type === 'event' && PROACTIVE_EVENTS.has(context.activity.name ?? '')
        ? next()
        : middleware.onTurn(context, next),
  };
}

/** The standard authentication, with Bot Connector clients kept between activities (reused-clients.ts). */
class EsdBotFrameworkAuthentication extends ConfigurationBotFrameworkAuthentication {
  readonly clients = new ReusedClients();

  override createConnectorFactory(identity: ClaimsIdentity): ConnectorFactory {
    return this.clients.forProactive(super.createConnectorFactory(identity), identity);
  }

  override createUserTokenClient(identity: ClaimsIdentity): Promise<UserTokenClient> {
    return this.clients.userTokenClient(identity, () => super.createUserTokenClient(identity));
  }
}

/** CloudAdapter, letting the HTTP route hand over a request it has already authenticated. */
export class EsdCloudAdapter extends CloudAdapter {
  constructor(private readonly auth: EsdBotFrameworkAuthentication) {
    super(auth);
  }

  processAuthenticated(
    identity: AuthenticateRequestResult,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ) {
    return this.processActivity(this.auth.clients.forTurn(identity), activity, logic);
  }
}

export interface Bot {
  adapter: EsdCloudAdapter;
  bot: EsdBot;
  /** Validates a request's Bot Framework token (anonymous in local mode). */
  auth: ConfigurationBotFrameworkAuthentication;
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
  // botbuilder switches to "all settings given" as soon as one endpoint is overridden, so an
  // override (tests point the OpenID metadata at 127.0.0.1) starts from the public-cloud values.
  const endpoints = Object.keys(authOverrides).length
    ? {
        ValidateAuthority: true,
        ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
        ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
        ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
        OAuthUrl: AuthenticationConstants.OAuthUrl,
        ToBotFromChannelOpenIdMetadataUrl:
          AuthenticationConstants.ToBotFromChannelOpenIdMetadataUrl,
        ToBotFromEmulatorOpenIdMetadataUrl:
          AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
        CallerId: CallerIdConstants.PublicAzureChannel,
        ...authOverrides,
      }
    : {};
  const auth = new EsdBotFrameworkAuthentication({ ...appSettings, ...endpoints }, credentials);
  const adapter = new EsdCloudAdapter(auth);
  // The turn's dialog state is read with its actor, in one statement (load-session.ts).
  const state = new PrivateStateByJson(new SqlStorage(services.store), stateReadWithTurn);

  // For incoming activities only: a proactive send runs through the adapter too, as a synthetic
  // event turn, and must neither wait behind the person's own turns nor be taken for them.
  for (const middleware of [
    observeTurn(services.logger),
    serializeTurns(),
    tenantAllowList(services.config.allowedTenantIds, services.logger),
    stripMention(),
    // Typing indicator for a message turn that takes longer than a moment (issue 16); after the
    // two filters, so a refused tenant or a channel message not for the bot gets none.
    new ShowTypingMiddleware(services.config.typingDelayMs, 2000),
    loadSession(services, (context) =>
      loadsDialogState(context.activity) ? state.keyOf(context) : undefined,
    ),
    saveReference(services),
  ]) {
    adapter.use(incomingOnly(middleware));
  }

  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    turnLog(context, services.logger).error(
      {
        err: error.message,
        stack: error.stack,
        type: context.activity.type,
        conversation: context.activity.conversation?.id,
      },
      'turn failed',
    );
    const sorry = t(resolveLanguage(context.activity.locale), 'general.tryAgain');
    try {
      if (context.activity.type === 'message') await context.sendActivity(sorry);
      else if (context.activity.type === 'invoke') {
        // A card press gets its answer in the invoke response: Teams shows it under the card.
        await context.sendActivity({
          type: 'invokeResponse',
          value: {
            status: 200,
            body: {
              statusCode: 200,
              type: 'application/vnd.microsoft.activity.message',
              value: sorry,
            },
          },
        });
      }
    } catch {
      // The connector may be what failed; the log above is all we can do.
    }
  };

  return { adapter, bot: new EsdBot(state, services), auth };
}
