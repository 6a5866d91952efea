import {
  type Esd,
  escapeMarkdown,
  type L1Status,
  type Tenant,
  type WorkloadCode,
  workloadName,
} from '../../domain/index.js';
import { formatEsd, formatInstant } from '../../i18n/format.js';
import type { Language } from '../../i18n/language.js';
import { t } from '../../i18n/translate.js';
import { VERB } from '../verbs.js';
import { workloadStatusLabel } from './labels.js';
import { noticeCard } from './notice-card.js';
import { type Card, expandCard } from './templates.js';

export const ACK_HANDOFF_VERB = VERB.ackHandoff;
export const START_CHANGE_VERB = VERB.startChange;

export interface HandoffCardInput {
  handoffId: string;
  tenant: Tenant;
  /** The handoff's workloads, as they are when the card is built. */
  workloads: readonly { code: WorkloadCode; l1Status: L1Status; esd: Esd | null }[];
  enteredBy: { name: string };
  notes: string | null;
}

/** What "Acknowledge" sends back. */
export interface AckHandoffData {
  verb: typeof ACK_HANDOFF_VERB;
  handoffId: string;
}

/** What "Change a date" sends back: the change dialog, for this customer. */
export interface StartChangeData {
  verb: typeof START_CHANGE_VERB;
  tenantId: string;
}

/**
 * The card an FM gets when the Gateway Team hands a new customer over (R6): the customer, each
 * workload with its L1 status and the date the customer gave (or none, which is normal: R3), who
 * entered it, the Gateway Team's notes, and two buttons: acknowledge, or change a date.
 */
export function handoffCard(input: HandoffCardInput, lang: Language): Card {
  const acknowledge: AckHandoffData = { verb: ACK_HANDOFF_VERB, handoffId: input.handoffId };
  const change: StartChangeData = { verb: START_CHANGE_VERB, tenantId: input.tenant.id };
  return expandCard('handoff', {
    s: {
      customer: t(lang, 'common.customer'),
      tenant: t(lang, 'common.tenant'),
      reference: t(lang, 'handoff.reference'),
      workload: t(lang, 'common.workload'),
      status: t(lang, 'common.status'),
      esd: t(lang, 'common.esd'),
      intro: t(lang, 'handoff.intro'),
      notes: t(lang, 'handoff.notes'),
      acknowledge: t(lang, 'handoff.acknowledge'),
      change: t(lang, 'handoff.change'),
    },
    title: t(lang, 'handoff.title', { customer: escapeMarkdown(input.tenant.customerName) }),
    enteredBy: t(lang, 'handoff.enteredBy', { name: escapeMarkdown(input.enteredBy.name) }),
    // What people typed (the Gateway Team, the customer's names) is shown as text (issue 13).
    customer: escapeMarkdown(input.tenant.customerName),
    tenant: escapeMarkdown(input.tenant.name),
    reference: input.handoffId,
    workloads: input.workloads.map((w) => ({
      workload: workloadName(w.code, lang),
      status: workloadStatusLabel(w, lang),
      esd: formatEsd(w.esd, lang),
      weight: w.esd ? 'Bolder' : 'Lighter',
    })),
    notes: escapeMarkdown(input.notes?.trim() ?? ''),
    acknowledge,
    change,
  });
}

/** What became of an "Acknowledge" press, for the card that replaces the handoff card. */
export type HandoffOutcome =
  | { status: 'gone' }
  | { status: 'acknowledged'; customerName: string }
  | { status: 'already'; acknowledgedAt: string; timeZone: string };

/** The notice that replaces a pressed handoff card: its words are this card's, not the action's. */
export function handoffNoticeCard(outcome: HandoffOutcome, lang: Language): Card {
  switch (outcome.status) {
    case 'gone':
      return noticeCard({ title: t(lang, 'handoff.gone'), text: '' });
    case 'acknowledged':
      return noticeCard({
        title: t(lang, 'handoff.acknowledgedTitle'),
        text: t(lang, 'handoff.acknowledged', {
          customer: escapeMarkdown(outcome.customerName),
        }),
        color: 'Good',
      });
    case 'already':
      return noticeCard({
        title: t(lang, 'handoff.acknowledgedTitle'),
        text: t(lang, 'handoff.alreadyAcknowledged', {
          when: formatInstant(outcome.acknowledgedAt, lang, outcome.timeZone),
        }),
      });
  }
}
