import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import {
  addBusinessDays,
  type CalendarDate,
  calendarDateIn,
  instantAt,
  isCalendarDate,
} from '../../domain/index.js';
import { formatDate } from '../../i18n/format.js';
import { t } from '../../i18n/translate.js';
import type { ReminderPayload } from '../../notify/sweep.js';
import { reminderKey } from '../../notify/sweep.js';
import { type ReminderAction, respondToReminder } from '../../store/reminders.js';
import { noticeCard } from '../cards/notice-card.js';
import { notPermittedText } from '../explain.js';
import { presentCard, presentText } from '../present.js';
import { getSession } from '../session.js';
import { id } from './limits.js';

export const reminderData = z.object({
  outboxId: z.coerce.number().int().positive(),
  workloadId: id,
  tenantId: id,
  date: z.string().refine(isCalendarDate, 'must be a calendar date'),
  estimate: z.boolean().optional().default(false),
});

const ACTIONS: Record<string, ReminderAction> = {
  'esd.reminder.started': 'started',
  'esd.reminder.noAnswer': 'no_answer',
  'esd.reminder.inactive': 'inactive',
};

/**
 * A button on a reminder (R7). The card is replaced by what was recorded, so it cannot be pressed
 * twice; a second press that races the first finds the answer already stored and writes nothing.
 */
export async function respondToReminderCard(
  context: TurnContext,
  verb: string,
  data: unknown,
): Promise<void> {
  const session = getSession(context);
  const { store, config } = session.services;
  const lang = session.lang;
  const parsed = reminderData.safeParse(data);
  const action = ACTIONS[verb];
  if (!parsed.success || !action) {
    await presentText(
      context,
      t(lang, 'general.cardExpired', { command: t(lang, 'command.engagements') }),
    );
    return;
  }
  const input = parsed.data;
  const date = input.date as CalendarDate;
  const actor = await session.actor();

  // "No answer yet": one follow-up after FOLLOW_UP_BUSINESS_DAYS, at the usual local time.
  const followUpDate = addBusinessDays(
    calendarDateIn(session.services.now(), session.timeZone),
    config.reminders.followUpBusinessDays,
  );
  const followUpPayload: ReminderPayload = {
    workloadId: input.workloadId,
    tenantId: input.tenantId,
    date,
    estimate: input.estimate,
    late: false,
    followUp: true,
  };
  const result = await respondToReminder(store.ctx, {
    outboxId: input.outboxId,
    workloadId: input.workloadId,
    esd: { date, estimate: input.estimate },
    action,
    actor,
    followUp: {
      kind: 'reminder',
      dedupeKey: `${reminderKey(input.workloadId, date)}:followup:${followUpDate}`,
      workloadId: input.workloadId,
      recipient: { aadObjectId: session.identity.aadObjectId, upn: session.identity.upn },
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
    case 'not_permitted': {
      const found = await store.getWorkload(input.workloadId);
      await presentText(context, found ? notPermittedText(found, lang) : t(lang, 'reminder.gone'));
    }
  }
}
