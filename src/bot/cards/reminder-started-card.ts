import {
  addDays,
  BASES,
  type CalendarDate,
  type Esd,
  escapeMarkdown,
  isConcreteExchange,
  type StartedProblem,
  type StartedWhen,
  type Tenant,
  type Violation,
  type Workload,
  type WorkloadCode,
  workloadName,
} from '../../domain/index.js';
import { explainViolation } from '../../i18n/explain.js';
import { formatDate, formatEsd } from '../../i18n/format.js';
import type { Language } from '../../i18n/language.js';
import { t } from '../../i18n/translate.js';
import { VERB } from '../verbs.js';
import type { Banner } from './change-card.js';
import { basisLabel } from './labels.js';
import { type Card, expandCard } from './templates.js';

export interface StartedCardInput {
  /** The reminder's token: all the submit sends besides the inputs. */
  reminder: string;
  tenant: Tenant;
  code: WorkloadCode;
  esd: Esd;
  today: CalendarDate;
  pastDays: number;
  values?: { when?: string; date?: string; basis?: string; reason?: string };
  /** Why the card is shown again, as data: this card says it (issue 14, item 5). */
  problems?: StartedCardProblems | null;
}

/** What was wrong with an answer: the form's own checks, or the rules' refusal of a moved date. */
export type StartedCardProblems =
  | { kind: 'form'; problems: readonly StartedProblem[] }
  | { kind: 'rules'; violations: readonly Violation[]; workload: Workload };

function problemsText(input: StartedCardInput, lang: Language): string {
  const found = input.problems;
  if (!found) return '';
  if (found.kind === 'form')
    return found.problems.map((problem) => t(lang, `started.${problem.code}`)).join(' ');
  return found.violations
    .map((v) => explainViolation(v, { workload: found.workload, tenant: input.tenant }, lang))
    .join(' ');
}

/** The days a person may say the exchange began on, in the order they are likely (R4, R7, R9). */
export function startedChoices(esd: Esd, today: CalendarDate): StartedWhen[] {
  // An estimate's 1st is not a day (R9); an ESD that is today is one choice, not two.
  if (esd.estimate || esd.date === today) return ['today', 'other'];
  return ['today', 'esd', 'other'];
}

/**
 * "Communication started": when did the two-way exchange begin? Today, the ESD, or another day;
 * if that is not the ESD, the basis (a real exchange, R5) and the reason (prefilled, editable, R8)
 * go with the moved date.
 */
export function reminderStartedCard(input: StartedCardInput, lang: Language): Card {
  const workload = workloadName(input.code, lang);
  const customer = escapeMarkdown(input.tenant.customerName);
  const choiceTitle = (when: StartedWhen): string => {
    if (when === 'other') return t(lang, 'started.other');
    if (when === 'esd') return t(lang, 'started.onEsd', { date: formatDate(input.esd.date, lang) });
    return input.esd.date === input.today && !input.esd.estimate
      ? t(lang, 'started.todayIsEsd', { date: formatDate(input.today, lang) })
      : t(lang, 'started.today', { date: formatDate(input.today, lang) });
  };
  return expandCard('reminder-started', {
    s: {
      intro: t(lang, 'started.intro'),
      customer: t(lang, 'common.customer'),
      workload: t(lang, 'common.workload'),
      esd: t(lang, 'common.esd'),
      whenLabel: t(lang, 'started.whenLabel'),
      whenMissing: t(lang, 'started.when_missing'),
      dateLabel: t(lang, 'started.dateLabel'),
      basisLabel: t(lang, 'started.basisLabel'),
      basisPlaceholder: t(lang, 'change.basisPlaceholder'),
      reasonLabel: t(lang, 'change.reasonLabel'),
      moveHint: t(lang, 'started.moveHint'),
      submit: t(lang, 'started.submit'),
    },
    title: t(lang, 'started.title', { workload, customer }),
    banner: input.problems
      ? ({ text: problemsText(input, lang), style: 'attention' } satisfies Banner)
      : { text: '', style: 'default' },
    customer,
    workload,
    date: formatEsd(input.esd, lang),
    whenChoices: startedChoices(input.esd, input.today).map((value) => ({
      value,
      title: choiceTitle(value),
    })),
    // A start is a day that has come: nothing after today (R4, R5).
    minDate: addDays(input.today, -input.pastDays),
    maxDate: input.today,
    bases: BASES.filter(isConcreteExchange).map((value) => ({
      value,
      title: basisLabel(value, lang),
    })),
    values: {
      when: '',
      date: '',
      basis: '',
      reason: t(lang, 'started.reasonDefault'),
      ...input.values,
    },
    action: { verb: VERB.reminderStartedOn, reminder: input.reminder },
  });
}
