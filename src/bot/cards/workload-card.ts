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
import { VERB } from '../verbs.js';
import { basisLabel, statusLabel, tenantLabel } from './labels.js';
import type { Card } from './templates.js';

export interface WorkloadCardInput {
  tenant: Tenant;
  workload: Workload;
  /** The latest change of its date (null: none yet; undefined: not looked up, not shown). */
  last?: EsdChange | null | undefined;
  /** With the button that opens the change card (only for those who may act). */
  editable: boolean;
  timeZone: string;
}

/**
 * One workload as the message extension inserts it (issue 16): its ESD (estimates marked, R9),
 * L1 status, basis and the last change, in the reader's language. Names and the reason were
 * typed by people: shown as text (issue 13). Small by construction (well under 28 KB).
 */
export function workloadCard(input: WorkloadCardInput, lang: Language): Card {
  const { tenant, workload, last } = input;
  const facts = [
    { title: t(lang, 'common.tenant'), value: escapeMarkdown(tenantLabel(tenant)) },
    { title: t(lang, 'common.status'), value: statusLabel(workload.l1Status, lang) },
    { title: t(lang, 'common.esd'), value: formatEsd(workload.esd, lang) },
    {
      title: t(lang, 'common.basis'),
      value: workload.basis ? basisLabel(workload.basis, lang) : '—',
    },
  ];
  const lastText =
    last === undefined
      ? ''
      : last
        ? t(lang, 'search.lastChange', {
            old: formatEsd(last.old, lang),
            new: formatEsd(last.new, lang),
            when: formatInstant(last.changedAt, lang, input.timeZone),
            who: escapeMarkdown(last.actorName),
            reason: escapeMarkdown(last.reason),
          })
        : t(lang, 'history.empty');
  const open = { verb: VERB.startChange, tenantId: tenant.id };
  const title = t(lang, 'search.open');
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: [
      {
        type: 'TextBlock',
        text: `${workloadName(workload.code, lang)} · ${escapeMarkdown(tenant.customerName)}`,
        size: 'Medium',
        weight: 'Bolder',
        wrap: true,
      },
      { type: 'FactSet', facts },
      ...(lastText
        ? [{ type: 'TextBlock', text: lastText, isSubtle: true, size: 'Small', wrap: true }]
        : []),
    ],
    ...(input.editable
      ? {
          actions: [
            {
              type: 'Action.Execute',
              verb: VERB.startChange,
              title,
              data: open,
              fallback: { type: 'Action.Submit', title, data: open },
            },
          ],
        }
      : {}),
  };
}
