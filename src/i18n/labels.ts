import {
  type Basis,
  type EntitlementLine,
  entitlementsOf,
  isSplit,
  type L1Status,
  type Role,
  seatLines,
} from '../domain/index.js';
import type { Language } from './language.js';
import { t } from './translate.js';

/** The domain's enum values in words: what cards and explanations call them. */
export const statusLabel = (status: L1Status, lang: Language) => t(lang, `status.${status}`);
export const basisLabel = (basis: Basis, lang: Language) => t(lang, `basis.${basis}`);
export const roleLabel = (role: Role, lang: Language) => t(lang, `role.${role}`);

/** "Blocked: 50 seats · No Intent: 30 seats": the lines holding seats, as the portal lists them. */
export function seatLinesLabel(lines: readonly EntitlementLine[], lang: Language): string {
  const number = new Intl.NumberFormat(lang);
  return seatLines(lines)
    .map((line) =>
      t(lang, 'entitlements.line', {
        status: statusLabel(line.l1Status, lang),
        seats: line.seats === null ? '?' : number.format(line.seats),
      }),
    )
    .join(' · ');
}

/** "Entitlements split: In Progress: 80 seats · Blocked: 20 seats", or '' for a single L1. */
export function splitLabel(lines: readonly EntitlementLine[], lang: Language): string {
  return isSplit(lines)
    ? t(lang, 'entitlements.split', { lines: seatLinesLabel(lines, lang) })
    : '';
}

/** A workload's status as cards show it: its L1 status, or its split where there is one. */
export function workloadStatusLabel(
  workload: { l1Status: L1Status; entitlements?: readonly EntitlementLine[] },
  lang: Language,
): string {
  return splitLabel(entitlementsOf(workload), lang) || statusLabel(workload.l1Status, lang);
}
