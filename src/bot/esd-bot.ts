import {
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type PrivateConversationState,
  TeamsActivityHandler,
  type TurnContext,
} from 'botbuilder';
import {
  type DialogContext,
  DialogSet,
  type DialogState,
  DialogTurnStatus,
} from 'botbuilder-dialogs';
import { addDays } from '../domain/index.js';
import { t } from '../i18n/translate.js';
import { acknowledgeHandoff } from './actions/acknowledge-handoff.js';
import { submitChange } from './actions/change-esd.js';
import { showHistory } from './actions/history.js';
import { submitNoResponse } from './actions/no-response.js';
import { reminderData, respondToReminderCard } from './actions/reminder-response.js';
import { engagementsCard } from './cards/engagements-card.js';
import { helpCard } from './cards/help-card.js';
import { noResponseCard } from './cards/no-response-card.js';
import { pickWorkloadCard } from './cards/picker-cards.js';
import { upcomingCard } from './cards/upcoming-card.js';
import { type Command, recognizeCommand } from './commands.js';
import {
  CHANGE_DATE_DIALOG,
  ChangeDateDialog,
  type ChangeDateOptions,
} from './dialogs/change-date-dialog.js';
import { invokeResponse, presentCard, presentText } from './present.js';
import { getSession } from './session.js';

/** Longest chat message the bot reads; anything longer is answered with a short refusal. */
export const MAX_TEXT_LENGTH = 2000;
const UPCOMING_DAYS = 30;

/**
 * Routes each activity: card actions by verb (Action.Execute invokes and Action.Submit messages
 * alike), typed commands in three languages, and otherwise the dialog in progress.
 */
export class EsdBot extends TeamsActivityHandler {
  private readonly dialogs: DialogSet;

  constructor(private readonly state: PrivateConversationState) {
    super();
    // Private conversation state: in a team channel each person has their own dialog.
    this.dialogs = new DialogSet(state.createProperty<DialogState>('dialogState'));
    this.dialogs.add(new ChangeDateDialog());
    this.onMessage(async (context, next) => {
      await this.handleMessage(context);
      await next();
    });
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
    await this.handleCardAction(context, String(action?.verb ?? ''), action?.data ?? {});
    return invokeResponse(context);
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    const activity = context.activity;
    const value = activity.value as { verb?: unknown } | undefined;
    if (value && typeof value === 'object' && typeof value.verb === 'string') {
      await this.handleCardAction(context, value.verb, value);
      return;
    }
    const lang = getSession(context).lang;
    const text = (activity.text ?? '').trim();
    if (!text) return;
    if (text.length > MAX_TEXT_LENGTH) {
      await presentText(context, t(lang, 'general.tooLong', { max: MAX_TEXT_LENGTH }));
      return;
    }
    const dc = await this.dialogs.createContext(context);
    const command = recognizeCommand(text);
    if (command) {
      await dc.cancelAllDialogs();
      await this.runCommand(dc, command.command, command.args);
      return;
    }
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty)
      await presentText(context, t(lang, 'general.notUnderstood'));
  }

  private async handleCardAction(context: TurnContext, verb: string, data: unknown): Promise<void> {
    const dc = await this.dialogs.createContext(context);
    const input = (data && typeof data === 'object' ? data : {}) as Record<string, unknown>;
    switch (verb) {
      case 'esd.change':
        // A written date ends the dialog: a later typed date must not reopen this card.
        if (await submitChange(context, input)) await dc.cancelAllDialogs();
        return;
      case 'esd.pickTenant':
        await dc.cancelAllDialogs();
        await dc.beginDialog(CHANGE_DATE_DIALOG, {
          tenantId: String(input.tenant ?? ''),
          replace: true,
        });
        return;
      case 'esd.startChange': {
        // From the engagements list (no tenant) or a handoff card (its tenant).
        await dc.cancelAllDialogs();
        const tenantId = typeof input.tenantId === 'string' ? input.tenantId : undefined;
        await dc.beginDialog(CHANGE_DATE_DIALOG, { tenantId } satisfies ChangeDateOptions);
        return;
      }
      case 'esd.reminder.started':
      case 'esd.reminder.noAnswer':
      case 'esd.reminder.inactive':
        await respondToReminderCard(context, verb, input);
        return;
      case 'esd.reminder.reschedule': {
        // "Customer asked for another date": the change card, for that workload, in place of the reminder.
        const reminder = reminderData.safeParse(input);
        if (!reminder.success) break;
        await dc.cancelAllDialogs();
        await dc.beginDialog(CHANGE_DATE_DIALOG, {
          tenantId: reminder.data.tenantId,
          prefill: { workload: reminder.data.workloadId },
          replace: true,
        } satisfies ChangeDateOptions);
        return;
      }
      case 'esd.noResponse':
        await submitNoResponse(context, input);
        return;
      case 'esd.history':
        await showHistory(context, input);
        return;
      case 'esd.ackHandoff':
        await acknowledgeHandoff(context, input);
        return;
    }
    // An unknown verb, or a reminder's data that does not parse: a card from another version.
    const lang = getSession(context).lang;
    await presentText(
      context,
      t(lang, 'general.cardExpired', { command: t(lang, 'command.help') }),
    );
  }

  private async runCommand(dc: DialogContext, command: Command, args: string): Promise<void> {
    const context = dc.context;
    const session = getSession(context);
    const { store } = session.services;
    const lang = session.lang;
    switch (command) {
      case 'help':
        await presentCard(context, helpCard(lang));
        return;
      case 'change':
        await dc.beginDialog(CHANGE_DATE_DIALOG, { query: args });
        return;
      case 'upcoming': {
        const items = await store.upcomingFor(
          session.identity,
          session.today,
          addDays(session.today, UPCOMING_DAYS),
        );
        await presentCard(context, upcomingCard(items, UPCOMING_DAYS, lang));
        return;
      }
      default: {
        const items = await store.workloadsAssignedTo(session.identity);
        if (items.length === 0) {
          await presentText(context, t(lang, 'general.noWorkloads'));
          return;
        }
        if (command === 'engagements') await presentCard(context, engagementsCard(items, lang));
        if (command === 'noResponse') await presentCard(context, noResponseCard(items, lang));
        if (command === 'history') {
          await presentCard(
            context,
            pickWorkloadCard(
              items,
              { verb: 'esd.history', title: 'history.pickTitle', submit: 'history.show' },
              lang,
            ),
          );
        }
      }
    }
  }
}
