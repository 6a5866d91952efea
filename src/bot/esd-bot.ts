import {
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type MessagingExtensionQuery,
  type MessagingExtensionResponse,
  type PrivateConversationState,
  TeamsActivityHandler,
  type TurnContext,
} from 'botbuilder';
import { cleanText } from '../domain/index.js';
import { t } from '../i18n/translate.js';
import { runCardVerb, runRefresh } from './card-verbs.js';
import { cardExpiredText } from './cards/labels.js';
import { COMMANDS } from './command-table.js';
import { recognizeCommand } from './commands.js';
import {
  type DialogContext,
  DialogSet,
  type DialogState,
  DialogTurnStatus,
} from './dialog-framework.js';
import { ChangeDateDialog } from './dialogs/change-date-dialog.js';
import { runMessageExtensionQuery, selectSearchItem } from './message-extension.js';
import { invokeResponse, presentText } from './present.js';
import type { BotServices } from './services.js';
import { getSession } from './session.js';
import type { RefreshTurn } from './shared-view.js';
import type { BotTurn } from './turn.js';
import { isRefreshInvoke, isRefreshVerb } from './verbs.js';
import { forgetWelcome, welcomeOnInstall } from './welcome.js';

/** botbuilder-dialogs' turn-state key for its DialogStateManager configuration (not exported). */
const DIALOG_MEMORY_KEY = 'DialogStateManagerConfiguration';

/** Longest chat message the bot reads; anything longer is answered with a short refusal. */
export const MAX_TEXT_LENGTH = 2000;

/**
 * Whether EsdBot may load the dialog state on this activity: a message (typed, or a card's
 * Action.Submit) or an Action.Execute press; never a card refresh, an install, a search. The
 * session reads that state with the actor when so (load-session.ts); a wrong guess costs a read.
 */
export function loadsDialogState(activity: { type?: string; name?: string; value?: unknown }) {
  if (activity.type === 'message') return true;
  return (
    activity.type === 'invoke' &&
    activity.name === 'adaptiveCard/action' &&
    !isRefreshInvoke(activity)
  );
}

/**
 * Routes each activity: card actions by verb (Action.Execute invokes and Action.Submit messages
 * alike) through the CARD_VERBS table, typed commands in six languages through the COMMANDS
 * table, and otherwise the dialog in progress. Handlers are handed the turn and the services
 * given here (BotTurn), never looking them up themselves.
 */
export class EsdBot extends TeamsActivityHandler {
  private readonly dialogs: DialogSet;

  constructor(
    private readonly state: PrivateConversationState,
    private readonly services: BotServices,
  ) {
    super();
    // Private conversation state: in a team channel each person has their own dialog.
    this.dialogs = new DialogSet(state.createProperty<DialogState>('dialogState'));
    this.dialogs.add(new ChangeDateDialog());
    this.onInstallationUpdateAdd(async (context, next) => {
      await welcomeOnInstall(this.refreshTurn(context));
      await next();
    });
    this.onInstallationUpdateRemove(async (context, next) => {
      await forgetWelcome(this.refreshTurn(context));
      await next();
    });
    this.onMessage(async (context, next) => {
      await this.handleMessage(context);
      await next();
    });
  }

  /**
   * botbuilder-dialogs builds its memory-scope registry (a small DI container, unused here) for
   * the first DialogContext of every turn; it holds nothing of a turn, so it is built once and
   * handed to each turn under the key the library looks for.
   */
  private dialogMemory: unknown;

  private async dialogContext(context: TurnContext): Promise<DialogContext> {
    if (this.dialogMemory) context.turnState.set(DIALOG_MEMORY_KEY, this.dialogMemory);
    const dc = await this.dialogs.createContext(context);
    this.dialogMemory ??= context.turnState.get(DIALOG_MEMORY_KEY);
    return dc;
  }

  /** What every handler is handed: the turn, its dialogs, the session, the services. */
  private async turn(context: TurnContext): Promise<BotTurn> {
    const dc = await this.dialogContext(context);
    return { ...this.services, context, dc, session: getSession(context) };
  }

  override async run(context: TurnContext): Promise<void> {
    await super.run(context);
    await this.state.saveChanges(context, false);
  }

  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const action = invokeValue?.action;
    const verb = String(action?.verb ?? '');
    if (isRefreshVerb(verb)) {
      // A refresh reads and answers with a card: no dialog state, no post, no write.
      const data = (action?.data && typeof action.data === 'object' ? action.data : {}) as Record<
        string,
        unknown
      >;
      const card = await runRefresh(this.refreshTurn(context), verb, data);
      if (card)
        return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card };
    }
    await this.handleCardAction(context, String(action?.verb ?? ''), action?.data ?? {});
    return invokeResponse(context);
  }

  /** The search message extension: commands by id (message-extension.ts). Reads only. */
  protected override async handleTeamsMessagingExtensionQuery(
    context: TurnContext,
    query: MessagingExtensionQuery,
  ): Promise<MessagingExtensionResponse> {
    return runMessageExtensionQuery(this.refreshTurn(context), query);
  }

  protected override async handleTeamsMessagingExtensionSelectItem(
    context: TurnContext,
    query: unknown,
  ): Promise<MessagingExtensionResponse> {
    return selectSearchItem(this.refreshTurn(context), query);
  }

  /** A turn without dialogs, for invokes that answer with a card and keep no state. */
  private refreshTurn(context: TurnContext): RefreshTurn {
    return { ...this.services, context, session: getSession(context) };
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    const activity = context.activity;
    const value = activity.value as { verb?: unknown } | undefined;
    if (value && typeof value === 'object' && typeof value.verb === 'string') {
      await this.handleCardAction(context, value.verb, value);
      return;
    }
    const lang = getSession(context).lang;
    // Control and bidi characters never enter (issue 13): what is matched is what is seen, and
    // the dialogs (a prompt, a date typed beside the open card) read the cleaned text too.
    const text = cleanText(activity.text ?? '').trim();
    activity.text = text;
    if (!text) return;
    if (text.length > MAX_TEXT_LENGTH) {
      await presentText(context, t(lang, 'general.tooLong', { max: MAX_TEXT_LENGTH }));
      return;
    }
    const turn = await this.turn(context);
    const command = recognizeCommand(text);
    if (command) {
      await turn.dc.cancelAllDialogs();
      await COMMANDS[command.command](turn, command.args);
      return;
    }
    const result = await turn.dc.continueDialog();
    if (result.status === DialogTurnStatus.empty)
      await presentText(context, t(lang, 'general.notUnderstood'));
  }

  /** Card verbs: a table (card-verbs.ts), each verb through the one permission gate. */
  private async handleCardAction(context: TurnContext, verb: string, data: unknown): Promise<void> {
    const input = (data && typeof data === 'object' ? data : {}) as Record<string, unknown>;
    if (await runCardVerb(await this.turn(context), verb, input)) return;
    // An unknown verb, or a reminder's data that does not parse: a card from another version.
    const lang = getSession(context).lang;
    await presentText(context, cardExpiredText('help', lang));
  }
}
