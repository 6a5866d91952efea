import type { TurnContext } from 'botbuilder';
import { z } from '../../config/zod.js';
import {
  addBusinessDays,
  calendarDateIn,
  decideCommunicationStarted,
  instantAt,
  REASON_MAX_LENGTH,
} from '../../domain/index.js';
import type { Language } from '../../i18n/language.js';
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
import { cardExpiredText } from '../cards/labels.js';
import {
  reminderAlreadyCard,
  reminderAnsweredCard,
  reminderGoneCard,
} from '../cards/reminder-card.js';
import { reminderStartedCard, type StartedCardProblems } from '../cards/reminder-started-card.js';
import { presentCard, presentText } from '../present.js';
import { getSession } from '../session.js';
import { VERB } from '../verbs.js';
import { text } from './limits.js';

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

const ACTIONS: Record<string, Exclude<ReminderAction, 'started'>> = {
  [VERB.reminderNoAnswer]: 'no_answer',
  [VERB.reminderInactive]: 'inactive',
};

/**
 * "No answer yet" or "Customer inactive" on a reminder (R7). The workload, date and reminder come from the stored row its token
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
    await presentText(context, cardExpiredText('engagements', lang));
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
    case 'recorded':
      await presentCard(
        context,
        reminderAnsweredCard(
          action === 'inactive' ? { action } : { action, followUp: followUpDate },
          result.note,
          lang,
        ),
        'replace',
      );
      return;
    default:
      await presentNotRecorded(context, lang, result);
  }
}

/** What a reminder's answer says when nothing was recorded: answered already, or gone. */
async function presentNotRecorded(
  context: TurnContext,
  lang: Language,
  result:
    | { status: 'already'; action: ReminderAction }
    | { status: 'gone' | 'not_found' | 'not_permitted' },
): Promise<void> {
  if (result.status === 'already') {
    await presentCard(context, reminderAlreadyCard(result.action, lang), 'replace');
  } else if (result.status === 'not_permitted') {
    // Admitted as the recipient, but the workload is no longer theirs (reassigned, R6).
    await presentText(context, t(lang, 'reminder.gone'));
  } else {
    await presentCard(context, reminderGoneCard(lang), 'replace');
  }
}

/** The inputs of the "when did it begin" card, checked at the edge (the rules decide the rest). */
const startedInput = z.object({
  when: text(40),
  date: text(40),
  basis: text(60),
  // Counted as the rules count (limits.ts): too long is said next to the card, never "expired".
  reason: text(REASON_MAX_LENGTH),
});

/**
 * "Communication started" pressed on a reminder (R7): the answer needs the day the two-way
 * exchange began (R4, R5), so the reminder turns into the card that asks it. Nothing is written yet.
 */
export async function askWhenStarted(context: TurnContext, data: unknown): Promise<void> {
  const session = getSession(context);
  const { store, config } = session.services;
  const lang = session.lang;
  const reminder = await loadReminder(store, data);
  if (!reminder) {
    await presentText(context, cardExpiredText('engagements', lang));
    return;
  }
  const found = await store.getWorkload(reminder.payload.workloadId);
  const { date, estimate } = reminder.payload;
  if (!found || found.workload.esd?.date !== date || found.workload.esd.estimate !== estimate) {
    await presentNotRecorded(context, lang, { status: 'gone' });
    return;
  }
  await presentCard(
    context,
    reminderStartedCard(
      {
        reminder: reminderData.parse(data).reminder,
        tenant: found.tenant,
        code: found.workload.code,
        esd: { date, estimate },
        today: session.today,
        pastDays: config.esdWindow.pastDays,
      },
      lang,
    ),
    'replace',
  );
}

/**
 * The day the exchange began, submitted (R7). On the ESD: a note says so and the date stays. On
 * another day, or when the ESD was a month estimate (R9): the ESD moves to it through the one
 * write path, with the basis and the FM's reason (R8). A refusal puts the card back with the
 * values and the reason; a success replaces it with what was recorded.
 */
export async function submitStartedOn(context: TurnContext, data: unknown): Promise<void> {
  const session = getSession(context);
  const { store, config } = session.services;
  const lang = session.lang;
  const reminder = await loadReminder(store, data);
  const parsed = startedInput.safeParse(data);
  if (!reminder || !parsed.success) {
    await presentText(context, cardExpiredText('engagements', lang));
    return;
  }
  const found = await store.getWorkload(reminder.payload.workloadId);
  if (!found) {
    await presentNotRecorded(context, lang, { status: 'gone' });
    return;
  }
  const esd = { date: reminder.payload.date, estimate: reminder.payload.estimate };
  const values = parsed.data;
  const again = (problems: StartedCardProblems) =>
    presentCard(
      context,
      reminderStartedCard(
        {
          reminder: reminderData.parse(data).reminder,
          tenant: found.tenant,
          code: found.workload.code,
          esd,
          today: session.today,
          pastDays: config.esdWindow.pastDays,
          values,
          problems,
        },
        lang,
      ),
      'replace',
    );

  const decision = decideCommunicationStarted({
    esd,
    today: session.today,
    when: values.when,
    date: values.date,
    basis: values.basis,
  });
  if (!decision.ok) {
    await again({ kind: 'form', problems: decision.problems });
    return;
  }
  const result = await store.answerCommunicationStarted({
    outboxId: reminder.outboxId,
    workloadId: reminder.payload.workloadId,
    esd,
    actor: await session.actor(),
    startedOn: decision.startedOn,
    move: decision.move ? { basis: decision.move.basis, reason: values.reason } : null,
    today: session.today,
  });
  switch (result.status) {
    case 'recorded':
      await presentCard(
        context,
        reminderAnsweredCard(
          {
            action: 'started',
            moved: result.change ? { old: result.change.old, new: result.change.new } : null,
          },
          result.note,
          lang,
        ),
        'replace',
      );
      return;
    case 'rejected':
      await again({ kind: 'rules', violations: result.violations, workload: result.workload });
      return;
    default:
      await presentNotRecorded(context, lang, result);
  }
}
