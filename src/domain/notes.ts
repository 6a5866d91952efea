import { BASIS_LABELS_EN, type Basis } from './basis.js';
import { type CalendarDate, isCalendarDate } from './calendar-date.js';
import type { Esd } from './types.js';
import { type WorkloadCode, workloadName } from './workloads.js';

/**
 * The exact text written to the Overall Status Notes. Notes are shared with the whole FastTrack
 * team (Gateway, managers, other FMs), so they are written in English, the program's common
 * language; the reason stays in the words the person typed.
 */

function formatEsd(esd: Esd): string {
  return esd.estimate
    ? `${esd.date} (estimate: ${esd.date.slice(0, 7)}, first of month)`
    : esd.date;
}

function label(code: WorkloadCode): string {
  return `${workloadName(code)} (${code})`;
}

export function esdChangeNote(input: {
  code: WorkloadCode;
  old: Esd | null;
  new: Esd;
  basis: Basis;
  reason: string;
}): string {
  const what = input.old
    ? `changed from ${formatEsd(input.old)} to ${formatEsd(input.new)}`
    : `set to ${formatEsd(input.new)}`;
  return `Engagement Start Date for ${label(input.code)} ${what}; basis: ${BASIS_LABELS_EN[input.basis]}. Reason: ${input.reason}`;
}

export type NoResponseKind = 'no_answer' | 'inactive';

// The heads of R7's notes, shared by the writer and the reader below: the reports tell a
// documented "no answer" from an unanswered reminder by them (issue 15, point 7).
const NO_RESPONSE_HEAD: Record<NoResponseKind, string> = {
  no_answer: 'Customer has not answered',
  inactive: 'Customer is inactive / never answered',
};
const ON_OR_BEFORE = ' on or before the Engagement Start Date ';

export function noResponseNote(input: {
  code: WorkloadCode;
  esd: Esd | null;
  kind: NoResponseKind;
  detail: string | null;
}): string {
  const when = input.esd ? `${ON_OR_BEFORE}${formatEsd(input.esd)}` : '';
  const head =
    input.kind === 'no_answer'
      ? `${NO_RESPONSE_HEAD.no_answer}${when} for ${label(input.code)}; the FM keeps trying.`
      : `${NO_RESPONSE_HEAD.inactive}${when} for ${label(input.code)}.`;
  const detail = input.detail ? ` ${input.detail}` : '';
  return `${head} Engagement Start Date left unchanged (FAQ: document, do not change the date).${detail}`;
}

/** The first words every R7 note starts with (for a store's coarse pre-filter). */
export const NO_RESPONSE_NOTE_START = 'Customer ';

/**
 * Reads back an R7 note written by noResponseNote: which kind, and the ESD it documented a missing
 * answer for. Null for any other note (a reason, a started note, one without a date).
 */
export function readNoResponseNote(
  text: string,
): { kind: NoResponseKind; esdDate: CalendarDate } | null {
  for (const kind of ['no_answer', 'inactive'] as const) {
    const start = `${NO_RESPONSE_HEAD[kind]}${ON_OR_BEFORE}`;
    if (!text.startsWith(start)) continue;
    const date = text.slice(start.length, start.length + 10);
    return isCalendarDate(date) ? { kind, esdDate: date } : null;
  }
  return null;
}

export function communicationStartedNote(input: { code: WorkloadCode; esd: Esd }): string {
  return `Communication with the customer started for ${label(input.code)} on the Engagement Start Date ${formatEsd(input.esd)}.`;
}
