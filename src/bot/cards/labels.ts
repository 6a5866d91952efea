import {
  type Access,
  BASES,
  escapeMarkdown,
  type Tenant,
  type Workload,
  workloadName,
} from '../../domain/index.js';
import { formatEsd } from '../../i18n/format.js';
import { basisLabel, workloadStatusLabel } from '../../i18n/labels.js';
import type { Language } from '../../i18n/language.js';
import { t } from '../../i18n/translate.js';

const collators = new Map<Language, Intl.Collator>();

/** Compares text as the reader's language sorts it ("Ó" beside "O", case and accents aside). */
export function collatorFor(lang: Language): Intl.Collator {
  let collator = collators.get(lang);
  if (!collator) {
    collator = new Intl.Collator(lang, { sensitivity: 'base', numeric: true });
    collators.set(lang, collator);
  }
  return collator;
}

/** Choices sorted by their title, in the reader's language: a person looks for a name, not a code. */
export function byTitle<T extends { title: string }>(choices: T[], lang: Language): T[] {
  const collator = collatorFor(lang);
  return choices.sort((a, b) => collator.compare(a.title, b.title));
}

// The domain's names in words live with the strings (explain.ts uses them too).
export {
  basisLabel,
  roleLabel,
  statusLabel,
  workloadStatusLabel,
} from '../../i18n/labels.js';

export function basisChoices(lang: Language) {
  return BASES.map((value) => ({ value, title: basisLabel(value, lang) }));
}

export const tenantLabel = (tenant: Tenant) => `${tenant.customerName} (${tenant.name})`;

/** "Exchange Online · In Progress · Dec 1, 2026": enough to pick the right workload at a glance. */
export function workloadChoiceTitle(workload: Workload, lang: Language): string {
  return t(lang, 'change.workloadChoice', {
    workload: workloadName(workload.code, lang),
    status: workloadStatusLabel(workload, lang),
    esd: formatEsd(workload.esd, lang),
  });
}

/**
 * "Not yours, ask <assignee>", and nothing else of the tenant: no workload, status, date, id or
 * version, whatever the card claimed (issue 13, item 2).
 */
export function refusalText(access: Access, lang: Language): string {
  if (access.allowed) return '';
  return access.ask
    ? t(lang, 'access.notYours', { assignee: escapeMarkdown(access.ask) })
    : t(lang, 'access.notYoursNobody');
}

/** A pressed card that can no longer be read (expired, tampered): what to type to start again. */
export function cardExpiredText(
  command: 'help' | 'engagements' | 'change' | 'noResponse' | 'history',
  lang: Language,
): string {
  return t(lang, 'general.cardExpired', { command: t(lang, `command.${command}`) });
}
