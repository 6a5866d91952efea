import {
  type EsdChange,
  escapeMarkdown,
  type Tenant,
  type Workload,
  workloadName,
} from '../../domain/index.js';
import type { Language } from '../../i18n/language.js';
import { t } from '../../i18n/translate.js';
import { historyEntry } from './history-card.js';
import { tenantLabel } from './labels.js';
import { type Card, expandCard } from './templates.js';

/** The most changes one card shows (a Teams message holds about 28 KB); the newest are kept. */
export const TENANT_HISTORY_MAX = 25;

/** Every change of every start date of one tenant, newest first: which workload, who, when, why. */
export function tenantHistoryCard(
  input: {
    tenant: Tenant;
    workloads: readonly Workload[];
    /** Newest first, as the store returns them. */
    changes: readonly EsdChange[];
    timeZone: string;
  },
  lang: Language,
): Card {
  const codes = new Map(input.workloads.map((w) => [w.id, w.code]));
  const shown = input.changes.slice(0, TENANT_HISTORY_MAX);
  return expandCard('tenant-history', {
    s: {
      title: t(lang, 'tenantHistory.title', {
        customer: escapeMarkdown(input.tenant.customerName),
      }),
      subtitle: escapeMarkdown(tenantLabel(input.tenant)),
      empty: t(lang, 'tenantHistory.empty'),
      more:
        input.changes.length > shown.length
          ? t(lang, 'tenantHistory.more', { shown: shown.length, total: input.changes.length })
          : '',
    },
    entries: shown.map((c) => {
      const code = codes.get(c.workloadId);
      return {
        workload: code ? workloadName(code, lang) : c.workloadId,
        ...historyEntry(c, input.timeZone, lang),
      };
    }),
  });
}
