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

/**
 * Universal Actions `refresh` verbs (issue 16): Teams sends them, without a press, to show each
 * person their own view of a card in a shared chat. They only read: never a write, never a post.
 */
export const REFRESH_VERB = {
  change: 'esd.refresh.change',
  reminder: 'esd.refresh.reminder',
  workload: 'esd.refresh.workload',
} as const;

export type RefreshVerb = (typeof REFRESH_VERB)[keyof typeof REFRESH_VERB];

const REFRESH_VERBS: ReadonlySet<string> = new Set(Object.values(REFRESH_VERB));

export const isRefreshVerb = (verb: string): verb is RefreshVerb => REFRESH_VERBS.has(verb);

/** Is this activity a card refresh (an adaptiveCard/action invoke with a refresh verb)? */
export function isRefreshInvoke(activity: {
  type?: string;
  name?: string;
  value?: unknown;
}): boolean {
  if (activity.type !== 'invoke' || activity.name !== 'adaptiveCard/action') return false;
  const verb = (activity.value as { action?: { verb?: unknown } } | undefined)?.action?.verb;
  return typeof verb === 'string' && isRefreshVerb(verb);
}
