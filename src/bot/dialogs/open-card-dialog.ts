import {
  type Esd,
  escapeMarkdown,
  firstDayOfMonth,
  isBasis,
  isConcreteExchange,
  isInWindow,
  windowBounds,
} from '../../domain/index.js';
import { formatDate, formatMonth } from '../../i18n/format.js';
import { t } from '../../i18n/translate.js';
import { admit } from '../access.js';
import { type ChangeFormValues, type ChangeNotice, changeCard } from '../cards/change-card.js';
import {
  Dialog,
  type DialogContext,
  type DialogInstance,
  type DialogTurnResult,
} from '../dialog-framework.js';
import { isCardActionInvoke, presentText, showCard, updateCard } from '../present.js';
import { isImpossibleDay, recognizeTypedDate } from '../recognize-date.js';
import { getSession } from '../session.js';
import { isSharedConversation, postSharedChangeCard } from '../shared-view.js';

export const OPEN_CARD_DIALOG = 'changeDate.openCard';

export interface OpenCardOptions {
  tenantId: string;
  prefill?: Partial<ChangeFormValues> | undefined;
  notice?: ChangeNotice | undefined;
  /** Put the card in place of the one just acted on (the tenant picker, a reminder). */
  replace?: boolean | undefined;
}

interface OpenCardState {
  tenantId: string;
  /** The message that shows the card: a typed date updates it, so one card stays live. */
  cardId?: string | undefined;
  /** What the card was last shown or submitted with (the FM's choices), kept across typed dates. */
  values: Partial<ChangeFormValues>;
}

const FIELDS = ['workload', 'date', 'month', 'basis', 'reason'] as const;

/**
 * After a change card was submitted and not written (a refusal, a conflict), the open card's
 * dialog remembers what the FM had chosen and which message shows the card, so that a date typed
 * next keeps those choices and updates that same card. Does nothing when no card dialog is open.
 */
export function rememberSubmittedCard(
  dc: DialogContext,
  submitted: Record<string, unknown>,
  cardId: string | undefined,
): void {
  for (let ctx: DialogContext | undefined = dc; ctx; ctx = ctx.child) {
    const active: DialogInstance<OpenCardState> | undefined = ctx.activeDialog;
    if (active?.id !== OPEN_CARD_DIALOG) continue;
    const values: Partial<ChangeFormValues> = {};
    for (const field of FIELDS) {
      const value = submitted[field];
      // The card's own limits (actions/change-esd.ts); anything else is not the FM's choice.
      if (typeof value === 'string' && value.length <= 1000) values[field] = value;
    }
    active.state.values = values;
    if (cardId) active.state.cardId = cardId;
    return;
  }
}

/**
 * The change card is open: it is the question, and its submit is handled by
 * actions/change-esd.ts. Meanwhile a date typed in chat ("15 de janeiro", "next Monday", "março")
 * updates that same card with the date, or the month (R9), keeping what the FM had chosen; a date
 * outside the allowed window, or a day that does not exist ("31 February"), is answered in the
 * chat with why; other text gets a hint. The dialog stays open until the card is submitted or
 * another command starts.
 */
export class OpenCardDialog extends Dialog<OpenCardOptions> {
  constructor() {
    super(OPEN_CARD_DIALOG);
  }

  override async beginDialog(
    dc: DialogContext,
    options?: OpenCardOptions,
  ): Promise<DialogTurnResult> {
    const tenantId = options?.tenantId ?? '';
    const values = { ...options?.prefill };
    const shown = await this.showCard(dc, {
      tenantId,
      values,
      notice: options?.notice,
      mode: options?.replace ? 'replace' : 'new',
    });
    if (!shown) return dc.endDialog();
    (dc.activeDialog as DialogInstance<OpenCardState>).state = {
      tenantId,
      cardId: shown.cardId,
      values,
    };
    return Dialog.EndOfTurn;
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const activity = dc.context.activity;
    if (activity.type !== 'message') return Dialog.EndOfTurn;
    const state = (dc.activeDialog as DialogInstance<OpenCardState>).state;
    const session = getSession(dc.context);
    const lang = session.lang;
    const text = (activity.text ?? '').trim();
    const typed = text ? recognizeTypedDate(text, lang, session.today) : null;
    if (!typed) {
      await presentText(
        dc.context,
        isImpossibleDay(text, lang)
          ? t(lang, 'change.noSuchDay', { text: escapeMarkdown(text) })
          : t(lang, 'change.typeHint'),
      );
      return Dialog.EndOfTurn;
    }
    const shownText = escapeMarkdown(text);
    const esd: Esd =
      typed.kind === 'date'
        ? { date: typed.date, estimate: false }
        : { date: firstDayOfMonth(typed.month), estimate: true };
    const window = session.services.config.esdWindow;
    if (!isInWindow(esd, session.today, window)) {
      // The same window the rules apply on save: say the range now, leave the card as it is.
      const { earliest, latest } = windowBounds(session.today, window);
      await presentText(
        dc.context,
        t(lang, 'change.typedOutOfWindow', {
          text: shownText,
          date:
            typed.kind === 'date' ? formatDate(typed.date, lang) : formatMonth(typed.month, lang),
          earliest: formatDate(earliest, lang),
          latest: formatDate(latest, lang),
        }),
      );
      return Dialog.EndOfTurn;
    }
    // The FM's other choices stay; only the date (or the month, R9) is the typed one.
    const basis = state.values.basis ?? '';
    const values: Partial<ChangeFormValues> =
      typed.kind === 'date'
        ? { ...state.values, date: typed.date, month: '' }
        : {
            ...state.values,
            date: '',
            month: typed.month,
            // A month alone is an estimate (R9): a kickoff, call or email has a real day.
            basis: isBasis(basis) && !isConcreteExchange(basis) ? basis : 'estimated',
          };
    // What was typed, as data: the card says it (issue 14, item 5).
    const notice: ChangeNotice =
      typed.kind === 'date'
        ? { code: 'typed_date', text, date: typed.date }
        : { code: 'typed_month', text, month: typed.month };
    const shown = await this.showCard(dc, {
      tenantId: state.tenantId,
      values,
      notice,
      mode: 'new',
      cardId: state.cardId,
    });
    if (!shown) return dc.endDialog();
    state.values = values;
    state.cardId = shown.cardId;
    return Dialog.EndOfTurn;
  }

  /**
   * The card for the tenant as it is now (its workloads' current versions), in place of the
   * message `cardId` when given and updatable, else as `mode` says; null if nothing to show.
   */
  private async showCard(
    dc: DialogContext,
    options: {
      tenantId: string;
      values: Partial<ChangeFormValues>;
      notice: ChangeNotice | undefined;
      mode: 'replace' | 'new';
      cardId?: string | undefined;
    },
  ): Promise<{ cardId: string | undefined } | null> {
    const session = getSession(dc.context);
    const { store, config } = session.services;
    const found = options.tenantId ? await store.tenantWithWorkloads(options.tenantId) : null;
    if (!found) {
      await presentText(dc.context, t(session.lang, 'general.workloadGone'));
      return null;
    }
    const { tenant, workloads } = found;
    // The tenant id came from a card or the dialog's state: the same gate as every card verb.
    if (!(await admit(dc.context, { channels: workloads.map((w) => w.channel) }))) return null;
    if (workloads.length === 0) {
      // An empty workload list would be a card with nothing to choose.
      await presentText(dc.context, t(session.lang, 'general.noWorkloads'));
      return null;
    }
    // In a group chat or channel everyone sees a read-only summary; those who may act, the form
    // (Universal Actions refresh, shared-view.ts). The form answering a press stays the presser's.
    if (
      isSharedConversation(dc.context) &&
      !(options.mode === 'replace' && isCardActionInvoke(dc.context))
    ) {
      await postSharedChangeCard(
        { ...session.services, context: dc.context, session },
        tenant,
        workloads,
      );
      return { cardId: undefined };
    }
    const card = changeCard(
      {
        tenant,
        workloads,
        today: session.today,
        window: config.esdWindow,
        values: options.values,
        notice: options.notice ?? null,
      },
      session.lang,
    );
    // One live card per change: the open card is updated, never joined by a second one.
    if (options.cardId && (await updateCard(dc.context, options.cardId, card)))
      return { cardId: options.cardId };
    return { cardId: await showCard(dc.context, card, options.mode) };
  }
}
