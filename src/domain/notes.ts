import { BASIS_LABELS_EN, type Basis } from './basis.js';
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

export function noResponseNote(input: {
  code: WorkloadCode;
  esd: Esd | null;
  kind: NoResponseKind;
  detail: string | null;
}): string {
  const when = input.esd ? ` on or before the Engagement Start Date ${formatEsd(input.esd)}` : '';
  const head =
    input.kind === 'no_answer'
      ? `Customer has not answered${when} for ${label(input.code)}; the FM keeps trying.`
      : `Customer is inactive / never answered${when} for ${label(input.code)}.`;
  const detail = input.detail ? ` ${input.detail}` : '';
  return `${head} Engagement Start Date left unchanged (FAQ: document, do not change the date).${detail}`;
}

export function communicationStartedNote(input: { code: WorkloadCode; esd: Esd }): string {
  return `Communication with the customer started for ${label(input.code)} on the Engagement Start Date ${formatEsd(input.esd)}.`;
}
