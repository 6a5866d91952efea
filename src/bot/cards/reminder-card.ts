import {
  type Basis,
  type CalendarDate,
  type Esd,
  escapeMarkdown,
  monthOf,
  type Tenant,
  type WorkloadCode,
  workloadName,
} from '../../domain/index.js';
import { formatDate, formatEsd, formatMonth } from '../../i18n/format.js';
import type { Language } from '../../i18n/language.js';
import { t } from '../../i18n/translate.js';
import type { ReminderAction } from '../../store/index.js';
import { VERB } from '../verbs.js';
import { basisLabel } from './labels.js';
import { noticeCard } from './notice-card.js';
import { type Card, expandCard } from './templates.js';

export interface ReminderCardInput {
  /** The reminder's unguessable token (store/reminders.ts): the only thing its buttons send. */
  reminder: string;
  tenant: Tenant;
  workloadId: string;
  code: WorkloadCode;
  esd: Esd;
  basis: Basis | null;
  late: boolean;
  followUp: boolean;
}

/**
 * What every button of the reminder sends back: the verb and the reminder's token, nothing else.
 * The server takes the workload, the date and the recipient from the stored reminder (issue 13).
 */
export interface ReminderActionData {
  verb: string;
  reminder: string;
}

/**
 * The reminder on a workload's start date, with the FAQ's four outcomes (R7): communication
 * started, another date asked for, no answer yet, customer inactive.
 */
export function reminderCard(input: ReminderCardInput, lang: Language): Card {
  const workload = workloadName(input.code, lang);
  const customer = escapeMarkdown(input.tenant.customerName);
  const date = formatEsd(input.esd, lang);
  const data = (verb: string): ReminderActionData => ({ verb, reminder: input.reminder });
  // R9: a month-only estimate's 1st stands for the month, it is not "the day": say so, and offer
  // to set the real date.
  const estimate = input.esd.estimate;
  const title = input.followUp
    ? t(lang, 'reminder.followUpTitle', { workload, customer })
    : estimate
      ? t(lang, 'reminder.titleEstimate', {
          workload,
          customer,
          month: formatMonth(monthOf(input.esd.date), lang),
        })
      : input.late
        ? t(lang, 'reminder.titleLate', { workload, customer, date })
        : t(lang, 'reminder.title', { workload, customer });
  return expandCard('reminder', {
    s: {
      customer: t(lang, 'common.customer'),
      tenant: t(lang, 'common.tenant'),
      workload: t(lang, 'common.workload'),
      esd: t(lang, 'common.esd'),
      basis: t(lang, 'common.basis'),
      intro: t(lang, estimate ? 'reminder.introEstimate' : 'reminder.intro'),
      started: t(lang, 'reminder.started'),
      reschedule: t(lang, estimate ? 'reminder.setRealDate' : 'reminder.reschedule'),
      noAnswer: t(lang, 'reminder.noAnswer'),
      inactive: t(lang, 'reminder.inactive'),
    },
    title,
    late: input.late && !input.followUp ? t(lang, 'reminder.late') : '',
    customer,
    tenant: escapeMarkdown(input.tenant.name),
    workload,
    date,
    basis: input.basis ? basisLabel(input.basis, lang) : '—',
    started: data(VERB.reminderStarted),
    reschedule: data(VERB.reminderReschedule),
    noAnswer: data(VERB.reminderNoAnswer),
    inactive: data(VERB.reminderInactive),
  });
}

const answerTitle = (action: ReminderAction, lang: Language) =>
  t(lang, `reminder.${action === 'no_answer' ? 'noAnswer' : action}`);

/** R7 recorded: the spent reminder becomes this notice, quoting the note written. */
export function reminderAnsweredCard(
  answer:
    | { action: 'no_answer'; followUp: CalendarDate }
    | { action: 'inactive' }
    | { action: 'started'; moved: { old: Esd | null; new: Esd } | null },
  note: string,
  lang: Language,
): Card {
  const text =
    answer.action === 'inactive'
      ? t(lang, 'reminder.doneInactive')
      : answer.action === 'no_answer'
        ? t(lang, 'reminder.doneNoAnswer', { date: formatDate(answer.followUp, lang) })
        : answer.moved
          ? t(lang, 'reminder.doneStartedMoved', {
              old: formatEsd(answer.moved.old, lang),
              new: formatEsd(answer.moved.new, lang),
            })
          : t(lang, 'reminder.doneStarted');
  return noticeCard({ title: answerTitle(answer.action, lang), text, quote: note, color: 'Good' });
}

/** Pressed again after an answer: which answer was recorded. */
export function reminderAlreadyCard(action: ReminderAction, lang: Language): Card {
  return noticeCard({ title: t(lang, 'reminder.already'), text: answerTitle(action, lang) });
}

/** The reminder's date or workload is gone (changed, removed): nothing to answer. */
export function reminderGoneCard(lang: Language): Card {
  return noticeCard({ title: t(lang, 'reminder.gone'), text: '' });
}
