import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import { escapeMarkdown } from '../../domain/index.js';
import { formatDate, formatMonth } from '../../i18n/format.js';
import { t } from '../../i18n/translate.js';
import { admit } from '../access.js';
import { type Banner, type ChangeFormValues, changeCard } from '../cards/change-card.js';
import { isCardActionInvoke, presentCard, presentText } from '../present.js';
import { recognizeTypedDate } from '../recognize-date.js';
import { getSession } from '../session.js';
import { isSharedConversation, postSharedChangeCard } from '../shared-view.js';

export const OPEN_CARD_DIALOG = 'changeDate.openCard';

export interface OpenCardOptions {
  tenantId: string;
  prefill?: Partial<ChangeFormValues> | undefined;
  banner?: Banner | undefined;
  /** Put the card in place of the one just acted on (the tenant picker, a reminder). */
  replace?: boolean | undefined;
}

interface OpenCardState {
  tenantId: string;
}

/**
 * The change card is open: it is the question, and its submit is handled by
 * actions/change-esd.ts. Meanwhile a date typed in chat ("15 de janeiro", "next Monday", "março")
 * brings the card back with that date, or that month (R9), filled in; other text gets a hint.
 * The dialog stays open until the card is submitted or another command starts.
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
    if (!(await this.showCard(dc, { ...options, tenantId }))) return dc.endDialog();
    (dc.activeDialog as { state: OpenCardState }).state = { tenantId };
    return Dialog.EndOfTurn;
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const activity = dc.context.activity;
    if (activity.type !== 'message') return Dialog.EndOfTurn;
    const { tenantId } = (dc.activeDialog as { state: OpenCardState }).state;
    const session = getSession(dc.context);
    const lang = session.lang;
    const text = (activity.text ?? '').trim();
    const typed = text ? recognizeTypedDate(text, lang, session.today) : null;
    if (!typed) {
      await presentText(dc.context, t(lang, 'change.typeHint'));
      return Dialog.EndOfTurn;
    }
    const shown = await this.showCard(
      dc,
      typed.kind === 'date'
        ? {
            tenantId,
            prefill: { date: typed.date },
            banner: {
              text: t(lang, 'change.typedDate', {
                text: escapeMarkdown(text),
                date: formatDate(typed.date, lang),
              }),
              style: 'accent',
            },
          }
        : {
            tenantId,
            prefill: { month: typed.month, basis: 'estimated' },
            banner: {
              text: t(lang, 'change.typedMonth', {
                text: escapeMarkdown(text),
                month: formatMonth(typed.month, lang),
              }),
              style: 'accent',
            },
          },
    );
    return shown ? Dialog.EndOfTurn : dc.endDialog();
  }

  /** The card for the tenant as it is now (its workloads' current versions); false if nothing to show. */
  private async showCard(dc: DialogContext, options: OpenCardOptions): Promise<boolean> {
    const session = getSession(dc.context);
    const { store, config } = session.services;
    const tenant = options.tenantId ? await store.getTenant(options.tenantId) : null;
    if (!tenant) {
      await presentText(dc.context, t(session.lang, 'general.workloadGone'));
      return false;
    }
    const workloads = await store.tenantWorkloads(tenant.id);
    // The tenant id came from a card or the dialog's state: the same gate as every card verb.
    if (!(await admit(dc.context, { channels: workloads.map((w) => w.channel) }))) return false;
    if (workloads.length === 0) {
      // An empty workload list would be a card with nothing to choose.
      await presentText(dc.context, t(session.lang, 'general.noWorkloads'));
      return false;
    }
    // In a group chat or channel everyone sees a read-only summary; those who may act, the form
    // (Universal Actions refresh, shared-view.ts). The form answering a press stays the presser's.
    if (isSharedConversation(dc.context) && !(options.replace && isCardActionInvoke(dc.context))) {
      await postSharedChangeCard(
        { ...session.services, context: dc.context, session },
        tenant,
        workloads,
      );
      return true;
    }
    await presentCard(
      dc.context,
      changeCard(
        {
          tenant,
          workloads,
          today: session.today,
          window: config.esdWindow,
          values: options.prefill,
          banner: options.banner ?? null,
        },
        session.lang,
      ),
      options.replace ? 'replace' : 'new',
    );
    return true;
  }
}
