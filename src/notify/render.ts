import type { Activity } from 'botbuilder';
import { CardFactory } from 'botbuilder';
import { handoffCard } from '../bot/cards/handoff-card.js';
import { roleLabel } from '../bot/cards/labels.js';
import { noticeCard } from '../bot/cards/notice-card.js';
import { reminderCard } from '../bot/cards/reminder-card.js';
import type { Card } from '../bot/cards/templates.js';
import { upcomingCard } from '../bot/cards/upcoming-card.js';
import { withRefresh } from '../bot/shared-view.js';
import { REFRESH_VERB } from '../bot/verbs.js';
import { z } from '../config/zod.js';
import { addDays, escapeMarkdown, workloadName } from '../domain/index.js';
import { formatEsd } from '../i18n/format.js';
import { type Language, resolveLanguage } from '../i18n/language.js';
import { t } from '../i18n/translate.js';
import {
  DIGEST_KIND,
  digestPayload,
  ESD_CHANGED_BY_OTHER_KIND,
  esdChangedByOtherPayload,
  GATEWAY_HANDOFF_KIND,
  gatewayHandoffPayload,
  type OutboxRow,
  REMINDER_KIND,
  type Recipient,
  readPayload,
  reminderPayload,
  type Store,
} from '../store/index.js';

export type Rendered = { activity: Partial<Activity> } | { skip: string };

export type Renderer = (
  row: OutboxRow,
  payload: unknown,
  lang: Language,
  recipient: Recipient,
) => Promise<Rendered>;

/**
 * Renders one row; `prepare`, given a claimed batch before its rows are rendered, makes what they
 * need in one go (the reminders' tokens: one write for the batch instead of one per message).
 */
export type BatchRenderer = ((row: OutboxRow, recipient: Recipient) => Promise<Rendered>) & {
  prepare?: (rows: readonly OutboxRow[]) => Promise<void>;
};

/** A renderer that reads the row's stored payload itself (checked against its kind's schema). */
type StoredRenderer = (row: OutboxRow, lang: Language, recipient: Recipient) => Promise<Rendered>;

/**
 * Checks the stored payload against the kind's schema (src/store/messages/) before rendering: a row
 * whose payload does not parse is skipped, so the dispatcher cancels it with the reason as its error,
 * instead of a throw retrying it until it is dead.
 */
function checked<T>(
  schema: z.ZodType<T>,
  render: (row: OutboxRow, payload: T, lang: Language, recipient: Recipient) => Promise<Rendered>,
): StoredRenderer {
  return async (row, lang, recipient) => {
    const read = readPayload(schema, row.payload);
    if (!read.ok) return { skip: `${row.kind}: ${read.error}` };
    return render(row, read.payload, lang, recipient);
  };
}

const asCard = (card: Card): Rendered => ({
  activity: { type: 'message', attachments: [CardFactory.adaptiveCard(card)] },
});

/**
 * Renders an outbox row at send time, in the recipient's language, from the data as it is now:
 * a reminder whose workload left In Progress or whose date moved is skipped, not sent.
 */
export function createRenderer(store: Store, extra: Record<string, Renderer> = {}): BatchRenderer {
  /** Tokens made for a batch by `prepare`, each taken by its row's render. */
  const tokens = new Map<number, string>();
  const renderers: Record<string, StoredRenderer> = {
    [REMINDER_KIND]: checked(reminderPayload, async (row, payload, lang, recipient) => {
      const found = await store.getWorkload(payload.workloadId);
      if (!found) return { skip: 'workload gone' };
      const { workload, tenant } = found;
      if (workload.l1Status !== 'in_progress')
        return { skip: `workload is ${workload.l1Status} (R1)` };
      if (workload.channel.type !== 'fm') return { skip: 'workload is not with an FM (R11)' };
      if (!workload.esd || workload.esd.date !== payload.date) return { skip: 'the date changed' };
      if (payload.followUp && (await store.reminderClosed(workload.id, payload.date))) {
        return { skip: 'already answered for this date' };
      }
      const id = Number(row.id);
      const reminder = tokens.get(id) ?? (await store.reminderToken(id));
      tokens.delete(id);
      // Universal Actions refresh (issue 16): the FM's client shows the reminder as it is now
      // (no buttons once answered or moved); anyone else who refreshes a forwarded copy, a summary.
      const userIds = recipient.teamsUserId ? [recipient.teamsUserId] : [];
      return asCard(
        withRefresh(
          reminderCard(
            {
              reminder,
              tenant,
              workloadId: workload.id,
              code: workload.code,
              esd: workload.esd,
              basis: workload.basis,
              late: payload.late,
              followUp: payload.followUp,
            },
            lang,
          ),
          REFRESH_VERB.reminder,
          { reminder, userIds },
          userIds,
        ),
      );
    }),

    [DIGEST_KIND]: checked(digestPayload, async (_row, payload, lang) => {
      const items = await store.upcomingFor(
        payload.fm,
        payload.weekStart,
        addDays(payload.weekStart, 6),
      );
      if (items.length === 0) return { skip: 'nothing starts this week any more' };
      return asCard(upcomingCard(items, 7, lang, t(lang, 'digest.title')));
    }),

    [ESD_CHANGED_BY_OTHER_KIND]: checked(esdChangedByOtherPayload, async (_row, payload, lang) => {
      const [change, found] = await Promise.all([
        store.getEsdChange(payload.changeId),
        store.getWorkload(payload.workloadId),
      ]);
      if (!change || !found) return { skip: 'change or workload gone' };
      return asCard(
        noticeCard({
          title: t(lang, 'notice.changedByOtherTitle'),
          text: t(lang, 'notice.changedByOther', {
            // Names and the reason were typed by people: shown as text (issue 13).
            who: escapeMarkdown(change.actorName),
            role: roleLabel(change.role, lang),
            workload: workloadName(found.workload.code, lang),
            customer: escapeMarkdown(found.tenant.customerName),
            old: formatEsd(change.old, lang),
            new: formatEsd(change.new, lang),
            reason: escapeMarkdown(change.reason),
          }),
        }),
      );
    }),
    [GATEWAY_HANDOFF_KIND]: checked(gatewayHandoffPayload, async (_row, payload, lang) => {
      const details = await store.getHandoffDetails(payload.handoffId);
      if (!details) return { skip: 'handoff gone' };
      return asCard(handoffCard(details, lang));
    }),
    // Extra kinds (tests, tools) bring their own checks: they get the parsed JSON.
    ...Object.fromEntries(
      Object.entries(extra).map(([kind, render]) => [kind, checked(z.unknown(), render)]),
    ),
  };

  const render = async (row: OutboxRow, recipient: Recipient): Promise<Rendered> => {
    const renderer = renderers[row.kind];
    if (!renderer) return { skip: `unknown kind ${row.kind}` };
    return renderer(row, resolveLanguage(recipient.locale), recipient);
  };
  const prepare = async (rows: readonly OutboxRow[]): Promise<void> => {
    const ids = rows.filter((row) => row.kind === REMINDER_KIND).map((row) => Number(row.id));
    if (ids.length === 0) return;
    // Rows never rendered (their recipient unreachable) leave their token here: bounded.
    if (tokens.size > 10_000) tokens.clear();
    for (const [id, token] of await store.reminderTokens(ids)) tokens.set(id, token);
  };
  return Object.assign(render, { prepare });
}
