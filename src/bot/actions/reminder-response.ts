import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import { addBusinessDays, calendarDateIn, instantAt } from '../../domain/index.js';
import { formatDate } from '../../i18n/format.js';
import { t } from '../../i18n/translate.js';
import {
  REMINDER_KIND,
  type ReminderAction,
  type ReminderPayload,
  reminderFollowUpKey,
  type Store,
  type StoredReminder,
} from '../../store/index.js';
import type { Subject } from '../access.js';
import { noticeCard } from '../cards/notice-card.js';
import { presentCard, presentText } from '../present.js';
import type { BotServices } from '../services.js';
import { getSession } from '../session.js';
import { VERB } from '../verbs.js';

/**
 * A reminder button's data: its token only (reminder-card.ts). Cards sent before tokens, with an
 * outbox id, workload and date, no longer parse and get "card expired".
 */
export const reminderData = z.object({ reminder: z.string().trim().min(16).max(64) });

/** The stored reminder a pressed card names, or null (unknown token, or an old card). */
export async function loadReminder(store: Store, data: unknown): Promise<StoredReminder | null> {
  const parsed = reminderData.safeParse(data);
  return parsed.success ? store.findReminder(parsed.data.reminder) : null;
}

/** The permission subject of a reminder press: its workload's channel and its recipient. */
export async function reminderSubject(store: Store, data: unknown): Promise<Subject | null> {
  const reminder = await loadReminder(store, data);
  if (!reminder) return null;
  const found = await store.getWorkload(reminder.payload.workloadId);
  return {
    channels: found ? [found.workload.channel] : [],
    recipient: { upn: reminder.recipient.upn ?? '', aadObjectId: reminder.recipient.aadObjectId },
  };
}

const ACTIONS: Record<string, ReminderAction> = {
  [VERB.reminderStarted]: 'started',
  [VERB.reminderNoAnswer]: 'no_answer',
  [VERB.reminderInactive]: 'inactive',
};

/**
 * A button on a reminder (R7). The workload, date and reminder come from the stored row its token
 * names, never from the card; the permission gate (access.ts) has already admitted the person.
 * The card is replaced by what was recorded, so it cannot be pressed twice; a second press that
 * races the first finds the answer already stored and writes nothing.
 */
export async function respondToReminderCard(
  context: TurnContext,
  verb: string,
  data: unknown,
): Promise<void> {
  const session = getSession(context);
  const { store, config } = session.services;
  const lang = session.lang;
  const action = ACTIONS[verb];
  const reminder = action ? await loadReminder(store, data) : null;
  if (!reminder || !action) {
    await presentText(
      context,
      t(lang, 'general.cardExpired', { command: t(lang, 'command.engagements') }),
    );
    return;
  }
  const { workloadId, tenantId, date, estimate } = reminder.payload;
  const actor = await session.actor();

  // "No answer yet": one follow-up after FOLLOW_UP_BUSINESS_DAYS, at the usual local time.
  const followUpDate = addBusinessDays(
    calendarDateIn(session.services.now(), session.timeZone),
    config.reminders.followUpBusinessDays,
  );
  const followUpPayload: ReminderPayload = {
    workloadId,
    tenantId,
    date,
    estimate,
    late: false,
    followUp: true,
  };
  const result = await store.respondToReminder({
    outboxId: reminder.outboxId,
    workloadId,
    esd: { date, estimate },
    action,
    actor,
    followUp: {
      kind: REMINDER_KIND,
      dedupeKey: reminderFollowUpKey(workloadId, date, followUpDate),
      workloadId,
      // To the reminder's recipient, whoever pressed (a manager answering for the FM).
      recipient: reminder.recipient,
      payload: followUpPayload,
      dueAt: instantAt(followUpDate, config.reminders.localTime, session.timeZone).toISOString(),
    },
  });

  switch (result.status) {
    case 'recorded': {
      const text =
        action === 'started'
          ? t(lang, 'reminder.doneStarted')
          : action === 'inactive'
            ? t(lang, 'reminder.doneInactive')
            : t(lang, 'reminder.doneNoAnswer', { date: formatDate(followUpDate, lang) });
      await presentCard(
        context,
        noticeCard({
          title: t(lang, `reminder.${action === 'no_answer' ? 'noAnswer' : action}`),
          text,
          quote: result.note,
          color: 'Good',
        }),
        'replace',
      );
      return;
    }
    case 'already':
      await presentCard(
        context,
        noticeCard({
          title: t(lang, 'reminder.already'),
          text: t(lang, `reminder.${result.action === 'no_answer' ? 'noAnswer' : result.action}`),
        }),
        'replace',
      );
      return;
    case 'not_found':
      await presentCard(
        context,
        noticeCard({ title: t(lang, 'reminder.gone'), text: '' }),
        'replace',
      );
      return;
    case 'not_permitted':
      // Admitted as the recipient, but the workload is no longer theirs (reassigned, R6).
      await presentText(context, t(lang, 'reminder.gone'));
  }
}
