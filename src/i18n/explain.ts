import {
  type Field,
  type Role,
  type Tenant,
  type Violation,
  type Workload,
  workloadName,
} from '../domain/index.js';
import { formatDate, formatEsd, formatMonth } from './format.js';
import { basisLabel, seatLinesLabel, statusLabel } from './labels.js';
import type { Language } from './language.js';
import { t } from './translate.js';

const lists = new Map<Language, Intl.ListFormat>();

/**
 * "the assigned FM or the Gateway Team": everyone the policy lets change a date, in the reader's
 * language, joined as that language joins alternatives.
 */
export function whoMayText(who: readonly Role[], lang: Language): string {
  let list = lists.get(lang);
  if (!list) {
    list = new Intl.ListFormat(lang, { type: 'disjunction' });
    lists.set(lang, list);
  }
  return list.format(who.map((role) => t(lang, `who.${role}`)));
}

/** Shows what people typed (a customer's name, an FM's): as is in JSON and the CLI's output. */
export type ShowText = (text: string) => string;
const asIs: ShowText = (text) => text;

/**
 * A rules-module rejection in words a person understands, in their language. `show` renders the
 * names people typed: a card passes escapeMarkdown, so they read as text (issue 13, item 5).
 */
export function explainViolation(
  violation: Violation,
  context: { workload: Workload; tenant: Tenant },
  lang: Language,
  show: ShowText = asIs,
): string {
  const workload = workloadName(context.workload.code, lang);
  const customer = show(context.tenant.customerName);
  switch (violation.code) {
    case 'not_permitted':
      return violation.params.assignee
        ? t(lang, 'violation.not_permitted', {
            workload,
            customer,
            assignee: show(violation.params.assignee),
            who: whoMayText(violation.params.who, lang),
          })
        : t(lang, 'violation.not_permitted_unassigned', {
            workload,
            customer,
            who: whoMayText(violation.params.who, lang),
          });
    case 'status_ineligible':
      // R1 with a split (the portal's Services tab): which statuses hold the seats.
      if (violation.params.split)
        return t(lang, 'violation.status_ineligible_split', {
          workload,
          split: seatLinesLabel(violation.params.split, lang),
        });
      return t(lang, 'violation.status_ineligible', {
        workload,
        status: statusLabel(violation.params.status, lang),
      });
    case 'esd_required':
      return t(lang, 'violation.esd_required', { workload });
    case 'date_out_of_window':
      return t(lang, 'violation.date_out_of_window', {
        earliest: formatDate(violation.params.earliest, lang),
        latest: formatDate(violation.params.latest, lang),
      });
    case 'estimate_month_past':
      return t(lang, 'violation.estimate_month_past', {
        currentMonth: formatMonth(violation.params.currentMonth, lang),
      });
    case 'basis_not_estimate':
      return t(lang, 'violation.basis_not_estimate', {
        basis: basisLabel(violation.params.basis, lang),
      });
    case 'unchanged':
      return t(lang, 'violation.unchanged', { current: formatEsd(violation.params.current, lang) });
    case 'reason_too_long':
      return t(lang, 'violation.reason_too_long', { max: violation.params.max });
    default:
      return t(lang, `violation.${violation.code}`);
  }
}

/** Violations grouped by the form field they belong next to. */
export function fieldErrors(
  violations: readonly Violation[],
  context: { workload: Workload; tenant: Tenant },
  lang: Language,
  show: ShowText = asIs,
): Partial<Record<Field, string>> {
  const errors: Partial<Record<Field, string>> = {};
  for (const violation of violations) {
    const text = explainViolation(violation, context, lang, show);
    errors[violation.field] = errors[violation.field] ? `${errors[violation.field]} ${text}` : text;
  }
  return errors;
}
