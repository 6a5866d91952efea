import {
  type EsdChange,
  escapeMarkdown,
  type Tenant,
  type Workload,
  workloadName,
} from '../../domain/index.js';
import { formatEsd, formatInstant } from '../../i18n/format.js';
import type { Language } from '../../i18n/language.js';
import { t } from '../../i18n/translate.js';
import { roleLabel, workloadStatusLabel } from './labels.js';
import { type Card, expandCard } from './templates.js';

/** Every change of one workload's date, newest first: who, when, old, new and why. */
export function historyCard(
  input: { tenant: Tenant; workload: Workload; changes: readonly EsdChange[]; timeZone: string },
  lang: Language,
): Card {
  return expandCard('history', {
    s: { empty: t(lang, 'history.empty') },
    title: t(lang, 'history.title', { workload: workloadName(input.workload.code, lang) }),
    subtitle: `${escapeMarkdown(input.tenant.customerName)} · ${workloadStatusLabel(input.workload, lang)} · ${formatEsd(input.workload.esd, lang)}`,
    entries: input.changes.map((c) => historyEntry(c, input.timeZone, lang)),
  });
}

/** One change as the history cards show it: old → new, who and when, why. */
export function historyEntry(change: EsdChange, timeZone: string, lang: Language) {
  return {
    change: t(lang, 'history.entry', {
      old: formatEsd(change.old, lang),
      new: formatEsd(change.new, lang),
    }),
    by: t(lang, 'history.by', {
      when: formatInstant(change.changedAt, lang, timeZone),
      who: escapeMarkdown(change.actorName),
      role: roleLabel(change.role, lang),
    }),
    // Another person's words: shown as text, never as a link or markup (issue 13).
    reason: t(lang, 'history.reason', { reason: escapeMarkdown(change.reason) }),
  };
}
