import type { Store } from '../store/index.js';
import { accessOf, admit, type Subject } from './access.js';
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
import { changeCard } from './cards/change-card.js';
import { reminderCard } from './cards/reminder-card.js';
import type { Card } from './cards/templates.js';
import { workloadCard } from './cards/workload-card.js';
import { CHANGE_DATE_DIALOG, type ChangeDateOptions } from './dialogs/change-date-dialog.js';
import { rememberSubmittedCard } from './dialogs/open-card-dialog.js';
import {
  expiredCard,
  findSharedView,
  type RefreshTurn,
  readOnlyTenantCard,
  withRefresh,
} from './shared-view.js';
import type { BotTurn } from './turn.js';
import { isRefreshVerb, REFRESH_VERB, type RefreshVerb, VERB, type Verb } from './verbs.js';

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
  const found = tenantId ? await store.tenantWithWorkloads(tenantId) : null;
  return found ? { channels: found.workloads.map((w) => w.channel) } : null;
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

/**
 * A refresh verb (Universal Actions, issue 16): the card this person should see now, from the data
 * as it is now. Handlers only read: no write, no post, no dialog; permission from the one function
 * (access.ts → domain/access.ts), never from the card.
 */
type RefreshHandler = (turn: RefreshTurn, input: Record<string, unknown>) => Promise<Card>;

/** At most MAX_REFRESH_USERS Teams ids echoed back from a reminder's refresh data. */
function userIdsIn(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter((id): id is string => typeof id === 'string' && id.length <= 200)
    .slice(0, 60);
}

export const REFRESH_VERBS: Readonly<Record<RefreshVerb, RefreshHandler>> = {
  // A change card posted in a group chat or channel (shared-view.ts).
  [REFRESH_VERB.change]: async ({ context, store, session, config }, input) => {
    const view = await findSharedView(store, input.view);
    const found = view ? await store.tenantWithWorkloads(view.tenantId) : null;
    if (!view || !found) return expiredCard(session.lang);
    const { tenant, workloads } = found;
    const access = await accessOf(session.actor(), { channels: workloads.map((w) => w.channel) });
    const refresh = (card: Card) =>
      withRefresh(card, REFRESH_VERB.change, { view: input.view }, view.userIds);
    if (access.allowed && workloads.length > 0) {
      return refresh(
        changeCard(
          { tenant, workloads, today: session.today, window: config.esdWindow },
          session.lang,
        ),
      );
    }
    // Someone who may not act sees the summary the card was posted with, as it is now; only in
    // the conversation it was posted to (a refresh replayed elsewhere learns nothing).
    if (view.conversationId !== context.activity.conversation?.id) return expiredCard(session.lang);
    return refresh(readOnlyTenantCard(tenant, workloads, session.lang));
  },
  // A workload card inserted by the message extension (message-extension.ts).
  [REFRESH_VERB.workload]: async ({ context, store, session }, input) => {
    const view = await findSharedView(store, input.view);
    const found = view?.workloadId ? await store.getWorkload(view.workloadId) : null;
    if (!view || !found) return expiredCard(session.lang);
    const access = await accessOf(session.actor(), { channels: [found.workload.channel] });
    if (!access.allowed && view.conversationId !== context.activity.conversation?.id)
      return expiredCard(session.lang);
    const [last] = await store.workloadHistory(found.workload.id);
    return withRefresh(
      workloadCard(
        { ...found, last: last ?? null, editable: access.allowed, timeZone: session.timeZone },
        session.lang,
      ),
      REFRESH_VERB.workload,
      { view: input.view },
      view.userIds,
    );
  },
  // A reminder, in the FM's chat or forwarded elsewhere: the buttons while it can be answered.
  [REFRESH_VERB.reminder]: async ({ store, session }, input) => {
    const stored = await loadReminder(store, input);
    const found = stored ? await store.getWorkload(stored.payload.workloadId) : null;
    if (!stored || !found) return expiredCard(session.lang);
    const { workload, tenant } = found;
    const token = String(input.reminder).trim();
    const userIds = userIdsIn(input.userIds);
    const refresh = (card: Card) =>
      withRefresh(card, REFRESH_VERB.reminder, { reminder: token, userIds }, userIds);
    const access = await accessOf(session.actor(), {
      channels: [workload.channel],
      recipient: { upn: stored.recipient.upn ?? '', aadObjectId: stored.recipient.aadObjectId },
    });
    const open =
      workload.l1Status === 'in_progress' &&
      workload.esd?.date === stored.payload.date &&
      !(await store.reminderClosed(workload.id, stored.payload.date));
    if (access.allowed && open && workload.esd) {
      return refresh(
        reminderCard(
          {
            reminder: token,
            tenant,
            workloadId: workload.id,
            code: workload.code,
            esd: workload.esd,
            basis: workload.basis,
            late: stored.payload.late,
            followUp: stored.payload.followUp,
          },
          session.lang,
        ),
      );
    }
    return refresh(readOnlyTenantCard(tenant, [workload], session.lang));
  },
};

/** The card for a refresh invoke, or null when the verb is not a refresh verb. */
export async function runRefresh(
  turn: RefreshTurn,
  verb: string,
  input: Record<string, unknown>,
): Promise<Card | null> {
  return isRefreshVerb(verb) ? REFRESH_VERBS[verb](turn, input) : null;
}
