import {
  assigneeOf,
  type Field,
  type Tenant,
  type Violation,
  type Workload,
  workloadName,
} from '../domain/index.js';
import { formatDate, formatEsd, formatMonth } from './format.js';
import { basisLabel, statusLabel } from './labels.js';
import type { Language } from './language.js';
import { t } from './translate.js';

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
          })
        : t(lang, 'violation.not_permitted_unassigned', { workload, customer });
    case 'status_ineligible':
      return t(lang, 'violation.status_ineligible', {
        workload,
        status: statusLabel(violation.params.status, lang),
      });
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

/** "Only the assigned FM, the Gateway Team or a manager...", for reads and notes as well. */
export function notPermittedText(
  context: { workload: Workload; tenant: Tenant },
  lang: Language,
): string {
  const channel = context.workload.channel;
  return explainViolation(
    {
      code: 'not_permitted',
      field: 'workload',
      params: { channel: channel.type, assignee: assigneeOf(channel) },
    },
    context,
    lang,
  );
}
