import type { TurnContext } from 'botbuilder';
import {
  type Access,
  type Actor,
  accessTo,
  type DeliveryChannel,
  type FmIdentity,
  isSamePerson,
} from '../domain/index.js';
import { t } from '../i18n/translate.js';
import { refusalText } from './cards/labels.js';
import { presentText } from './present.js';
import { getSession } from './session.js';

/**
 * What a pressed card names, as the store has it: the delivery channels of the workloads it shows
 * (one workload, or a tenant's), and for a reminder the person it was sent to.
 */
export interface Subject {
  channels: readonly DeliveryChannel[];
  recipient?: FmIdentity;
}

/**
 * The one permission gate of card verbs and the change card (domain/access.ts): true when the
 * person may see and act on the subject (or is the reminder's recipient); otherwise answers the
 * refusal and returns false.
 */
export async function admit(context: TurnContext, subject: Subject): Promise<boolean> {
  const access = await accessOf(getSession(context).actor(), subject);
  if (access.allowed) return true;
  // After a refusal, what the person may do instead: their own customers, or help.
  const lang = getSession(context).lang;
  await presentText(context, refusalText(access, lang), [
    t(lang, 'command.engagements'),
    t(lang, 'command.help'),
  ]);
  return false;
}

/**
 * The same decision as `admit`, saying nothing: for card refreshes (which never post) and for
 * choosing whose Teams client refreshes a shared card (shared-view.ts).
 */
export async function accessOf(actor: Promise<Actor> | Actor, subject: Subject): Promise<Access> {
  const person = await actor;
  if (subject.recipient && isSamePerson(person, subject.recipient)) return { allowed: true };
  return accessTo(person, subject.channels);
}
