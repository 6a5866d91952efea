/**
 * Every card verb, defined once: the card builders put these in a card's data, card-verbs.ts
 * routes by them. The JSON templates in cards/ that carry a fixed verb spell the same strings; the
 * card tests check each is one of these.
 */
export const VERB = {
  change: 'esd.change',
  pickTenant: 'esd.pickTenant',
  startChange: 'esd.startChange',
  reminderStarted: 'esd.reminder.started',
  reminderStartedOn: 'esd.reminder.startedOn',
  reminderNoAnswer: 'esd.reminder.noAnswer',
  reminderInactive: 'esd.reminder.inactive',
  reminderReschedule: 'esd.reminder.reschedule',
  noResponse: 'esd.noResponse',
  history: 'esd.history',
  ackHandoff: 'esd.ackHandoff',
} as const;

export type Verb = (typeof VERB)[keyof typeof VERB];
