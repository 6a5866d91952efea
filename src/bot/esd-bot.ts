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
import { addDays, cleanText } from '../domain/index.js';
import { t } from '../i18n/translate.js';
import {
  canSeeCapacity,
  capacityRange,
  computeCapacity,
  computeTimeline,
  computeUpcoming,
  parseCapacityArgs,
  pickTenant,
} from '../reports/index.js';
import { runCardVerb } from './card-verbs.js';
import { capacityCard } from './cards/capacity-card.js';
import { engagementsCard } from './cards/engagements-card.js';
import { helpCard } from './cards/help-card.js';
import { noResponseCard } from './cards/no-response-card.js';
import { pickWorkloadCard } from './cards/picker-cards.js';
import { tenantHistoryCard } from './cards/tenant-history-card.js';
import { tenantPickText, tenantTimelineCard } from './cards/tenant-timeline-card.js';
import { upcomingCard } from './cards/upcoming-card.js';
import { type Command, recognizeCommand } from './commands.js';
import { CHANGE_DATE_DIALOG, ChangeDateDialog } from './dialogs/change-date-dialog.js';
import { invokeResponse, presentCard, presentText } from './present.js';
import { getSession } from './session.js';

/** botbuilder-dialogs' turn-state key for its DialogStateManager configuration (not exported). */
const DIALOG_MEMORY_KEY = 'DialogStateManagerConfiguration';

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
    // Control and bidi characters never enter (issue 13): what is matched is what is seen.
    const text = cleanText(activity.text ?? '').trim();
    if (!text) return;
    if (text.length > MAX_TEXT_LENGTH) {
      await presentText(context, t(lang, 'general.tooLong', { max: MAX_TEXT_LENGTH }));
      return;
    }
    const dc = await this.dialogContext(context);
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

  /** Card verbs: a table (card-verbs.ts), each verb through the one permission gate. */
  private async handleCardAction(context: TurnContext, verb: string, data: unknown): Promise<void> {
    const dc = await this.dialogContext(context);
    const input = (data && typeof data === 'object' ? data : {}) as Record<string, unknown>;
    if (await runCardVerb({ context, dc, verb, input })) return;
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
        // Overdue first: a date passed in the last 30 days with no "communication started".
        const items = await store.workloadsAssignedTo(session.identity);
        const started = await store.startedKeys(
          addDays(session.today, -UPCOMING_DAYS),
          session.today,
        );
        const report = computeUpcoming({
          items,
          today: session.today,
          days: UPCOMING_DAYS,
          overdueDays: UPCOMING_DAYS,
          started,
        });
        await presentCard(
          context,
          upcomingCard(report.upcoming, UPCOMING_DAYS, lang, undefined, report.overdue),
        );
        return;
      }
      case 'capacity': {
        // For the Gateway Team and managers, who assign and balance FMs.
        if (!canSeeCapacity(await session.actor())) {
          await presentText(context, t(lang, 'capacity.notAllowed'));
          return;
        }
        const weeks = session.services.config.reports.capacityWeeks;
        const range = capacityRange(session.today, weeks);
        const data = await store.capacityData(range.from, range.to);
        const report = computeCapacity({
          ...data,
          today: session.today,
          weeks,
          filter: parseCapacityArgs(args),
        });
        await presentCard(context, capacityCard(report, lang));
        return;
      }
      case 'tenant': {
        const matches = args ? await store.tenantsMatching(args) : [];
        const pick = pickTenant(args, matches, await session.actor());
        if (pick.status !== 'one') {
          await presentText(context, tenantPickText(pick, args, lang));
          return;
        }
        const { tenant, workloads } = pick.found;
        await presentCard(context, tenantTimelineCard(computeTimeline(tenant, workloads), lang));
        return;
      }
      default: {
        if (command === 'history' && args) {
          // "history contoso": every change of that customer's dates.
          const matches = await store.tenantsMatching(args);
          const pick = pickTenant(args, matches, await session.actor());
          if (pick.status !== 'one') {
            await presentText(context, tenantPickText(pick, args, lang));
            return;
          }
          const { tenant, workloads } = pick.found;
          const changes = await store.tenantHistory(tenant.id);
          await presentCard(
            context,
            tenantHistoryCard({ tenant, workloads, changes, timeZone: session.timeZone }, lang),
          );
          return;
        }
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
