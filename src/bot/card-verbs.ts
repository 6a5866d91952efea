import type { TurnContext } from 'botbuilder';
import type { DialogContext } from 'botbuilder-dialogs';
import type { Store } from '../store/index.js';
import { admit, type Subject } from './access.js';
import { acknowledgeHandoff } from './actions/acknowledge-handoff.js';
import { submitChange } from './actions/change-esd.js';
import { showHistory } from './actions/history.js';
import { submitNoResponse } from './actions/no-response.js';
import {
  askWhenStarted,
  loadReminder,
  reminderSubject,
  respondToReminderCard,
  submitStartedOn,
} from './actions/reminder-response.js';
import { CHANGE_DATE_DIALOG, type ChangeDateOptions } from './dialogs/change-date-dialog.js';
import { rememberSubmittedCard } from './dialogs/open-card-dialog.js';
import type { BotTurn } from './turn.js';
import { VERB, type Verb } from './verbs.js';

/** A pressed card: the turn (with its services and dialogs), its verb, its data (inputs included). */
export interface CardPress extends BotTurn {
  verb: Verb;
  input: Record<string, unknown>;
}

/**
 * A card verb: what the pressed card names (`subject`, loaded from the store by the ids in its
 * data), and what to do once the person is admitted. `subject` returns null when the card names
 * nothing that exists (the handler answers "gone" or "expired", which tells nothing of a tenant).
 */
export interface CardVerb {
  subject?: (store: Store, input: Record<string, unknown>) => Promise<Subject | null>;
  run: (press: CardPress) => Promise<boolean>;
}

const idIn = (value: unknown): string =>
  typeof value === 'string' && value.length <= 200 ? value.trim() : '';

async function tenantSubject(store: Store, tenantId: string): Promise<Subject | null> {
  if (!tenantId || !(await store.getTenant(tenantId))) return null;
  return { channels: (await store.tenantWorkloads(tenantId)).map((w) => w.channel) };
}

async function workloadSubject(store: Store, workloadId: string): Promise<Subject | null> {
  const found = workloadId ? await store.getWorkload(workloadId) : null;
  return found ? { channels: [found.workload.channel] } : null;
}

const reminder: CardVerb = {
  subject: reminderSubject,
  run: async ({ context, verb, input }) => {
    // reminder-response.ts still reads its services from the session (store side, issue 14).
    await respondToReminderCard(context, verb, input);
    return true;
  },
};

/**
 * Every card verb, by name. `handleCardAction` passes each through the one permission gate
 * (access.ts, domain/access.ts) before its handler runs: a forged card naming another FM's
 * tenant or workload is refused here, whatever the verb. Returns false for "card expired".
 */
export const CARD_VERBS: Readonly<Record<Verb, CardVerb>> = {
  [VERB.change]: {
    subject: (store, input) => tenantSubject(store, idIn(input.tenantId)),
    run: async (press) => {
      // A written date ends the dialog: a later typed date must not reopen this card.
      if (await submitChange(press, press.input)) await press.dc.cancelAllDialogs();
      // Not written: the card is back with the FM's values; a date typed next keeps them.
      else rememberSubmittedCard(press.dc, press.input, press.context.activity.replyToId);
      return true;
    },
  },
  [VERB.pickTenant]: {
    subject: (store, input) => tenantSubject(store, idIn(input.tenant)),
    run: async ({ dc, input }) => {
      await dc.cancelAllDialogs();
      await dc.beginDialog(CHANGE_DATE_DIALOG, {
        tenantId: idIn(input.tenant),
        replace: true,
      } satisfies ChangeDateOptions);
      return true;
    },
  },
  [VERB.startChange]: {
    // From the engagements list (no tenant) or a handoff card (its tenant).
    subject: (store, input) => tenantSubject(store, idIn(input.tenantId)),
    run: async ({ dc, input }) => {
      await dc.cancelAllDialogs();
      const tenantId = idIn(input.tenantId) || undefined;
      await dc.beginDialog(CHANGE_DATE_DIALOG, { tenantId } satisfies ChangeDateOptions);
      return true;
    },
  },
  [VERB.reminderStarted]: {
    // "Communication started": first, on which day (R4, R5, R7); nothing is written yet.
    subject: reminderSubject,
    run: async ({ context, input }) => {
      await askWhenStarted(context, input);
      return true;
    },
  },
  [VERB.reminderStartedOn]: {
    subject: reminderSubject,
    run: async ({ context, input }) => {
      await submitStartedOn(context, input);
      return true;
    },
  },
  [VERB.reminderNoAnswer]: reminder,
  [VERB.reminderInactive]: reminder,
  [VERB.reminderReschedule]: {
    // "Customer asked for another date": the change card, for the stored reminder's workload.
    subject: reminderSubject,
    run: async ({ store, dc, input }) => {
      const stored = await loadReminder(store, input);
      if (!stored) return false;
      await dc.cancelAllDialogs();
      await dc.beginDialog(CHANGE_DATE_DIALOG, {
        tenantId: stored.payload.tenantId,
        prefill: { workload: stored.payload.workloadId },
        replace: true,
      } satisfies ChangeDateOptions);
      return true;
    },
  },
  [VERB.noResponse]: {
    subject: (store, input) => workloadSubject(store, idIn(input.workload)),
    run: async ({ context, input }) => {
      // no-response.ts still reads its services from the session (being reworded on another branch).
      await submitNoResponse(context, input);
      return true;
    },
  },
  [VERB.history]: {
    subject: (store, input) => workloadSubject(store, idIn(input.workload)),
    run: async (press) => {
      await showHistory(press, press.input);
      return true;
    },
  },
  [VERB.ackHandoff]: {
    subject: async (store, input) => {
      const details = idIn(input.handoffId)
        ? await store.getHandoffDetails(idIn(input.handoffId))
        : null;
      return details ? tenantSubject(store, details.tenant.id) : null;
    },
    run: async (press) => {
      await acknowledgeHandoff(press, press.input);
      return true;
    },
  },
};

const isVerb = (verb: string): verb is Verb => Object.hasOwn(CARD_VERBS, verb);

/**
 * Runs a pressed card's verb once the person is admitted. False: an unknown verb or data that
 * does not parse (a card from another version), for the caller's "card expired".
 */
export async function runCardVerb(
  turn: BotTurn,
  verb: string,
  input: Record<string, unknown>,
): Promise<boolean> {
  if (!isVerb(verb)) return false;
  const handler = CARD_VERBS[verb];
  const subject = handler.subject ? await handler.subject(turn.store, input) : null;
  if (subject && !(await admit(turn.context, subject))) return true;
  return handler.run({ ...turn, verb, input });
}
