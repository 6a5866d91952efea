/**
 * What happened, or will happen, on the Engagement Start Date.
 * R4: the start of FastTrack-specific communication between FM and customer.
 * R5: a two-way exchange; an email sent or a voicemail left with no answer does not count,
 *     which is why neither is a basis here.
 * R9/R10: a planned or estimated start for a serialized deployment or a Customer Success Review.
 */
export const BASES = [
  'kickoff_meeting',
  'two_way_email',
  'phone_call',
  'planned',
  'estimated',
] as const;

export type Basis = (typeof BASES)[number];

export function isBasis(value: unknown): value is Basis {
  return typeof value === 'string' && (BASES as readonly string[]).includes(value);
}

/** Bases that name a concrete exchange on a known day: a month-only estimate can't be one (R9). */
export function isConcreteExchange(basis: Basis): boolean {
  return basis === 'kickoff_meeting' || basis === 'two_way_email' || basis === 'phone_call';
}

export const BASIS_LABELS_EN: Record<Basis, string> = {
  kickoff_meeting: 'kickoff meeting',
  two_way_email: 'two-way email exchange',
  phone_call: 'phone call',
  planned: 'planned',
  estimated: 'estimated',
};
