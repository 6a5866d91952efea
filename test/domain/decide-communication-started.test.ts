/**
 * "Communication started" on a reminder (issue 15, point 1): the ESD is the day the two-way
 * exchange began (R4, R5); once the customer answers, the ESD reflects that day (R7), and a
 * month-only estimate is never "the day" (R9).
 */
import { describe, expect, it } from 'vitest';
import {
  decideCommunicationStarted as decide,
  type Esd,
  noResponseNote,
  readNoResponseNote,
} from '../../src/domain/index.js';
import { day, TODAY } from './builders.js';

const exact = (date: string): Esd => ({ date: day(date), estimate: false });
const ON_TIME = exact('2026-11-22'); // today
const PASSED = exact('2026-11-19');
const ESTIMATE: Esd = { date: day('2026-11-01'), estimate: true };

describe('R7: the day communication began decides whether the ESD moves', () => {
  it.each([
    // [rule, what, esd, when, date, basis, startedOn, moves]
    [
      'R7',
      'on time, today is the ESD: stays',
      ON_TIME,
      'today',
      undefined,
      undefined,
      '2026-11-22',
      false,
    ],
    ['R7', 'late, "on the ESD": stays', PASSED, 'esd', undefined, undefined, '2026-11-19', false],
    [
      'R7',
      'late, began today: moves to today',
      PASSED,
      'today',
      undefined,
      'phone_call',
      '2026-11-22',
      true,
    ],
    [
      'R7',
      'follow-up, another past day: moves to it',
      PASSED,
      'other',
      '2026-11-20',
      'two_way_email',
      '2026-11-20',
      true,
    ],
    [
      'R7',
      'another day that is the ESD: stays',
      PASSED,
      'other',
      '2026-11-19',
      undefined,
      '2026-11-19',
      false,
    ],
    [
      'R9',
      'estimate, began today: becomes an exact day',
      ESTIMATE,
      'today',
      undefined,
      'kickoff_meeting',
      '2026-11-22',
      true,
    ],
    [
      'R9',
      'estimate, began on the 1st itself: becomes exact too',
      ESTIMATE,
      'other',
      '2026-11-01',
      'phone_call',
      '2026-11-01',
      true,
    ],
  ] as const)('%s: %s', (_rule, _what, esd, when, date, basis, startedOn, moves) => {
    const decision = decide({ esd, today: TODAY, when, date, basis });
    expect(decision.ok).toBe(true);
    if (!decision.ok) return;
    expect(decision.startedOn).toBe(startedOn);
    expect(decision.move !== null).toBe(moves);
    if (decision.move) {
      expect(decision.move).toEqual({ kind: 'date', date: startedOn, basis });
    }
  });
});

describe('refused with the reason, nothing decided', () => {
  it.each([
    ['R7', 'no choice', PASSED, undefined, undefined, 'phone_call', ['when_missing']],
    ['R7', 'a made-up choice', PASSED, 'yesterday', undefined, 'phone_call', ['when_missing']],
    [
      'R9',
      '"on the ESD" for an estimate: the 1st is not a day',
      ESTIMATE,
      'esd',
      undefined,
      'phone_call',
      ['esd_is_estimate'],
    ],
    ['R4', 'another day, none given', PASSED, 'other', '  ', 'phone_call', ['date_missing']],
    [
      'R4',
      'a day that does not exist',
      PASSED,
      'other',
      '2026-02-31',
      'phone_call',
      ['date_invalid'],
    ],
    [
      'R4',
      'a day still ahead: a plan, not a start',
      PASSED,
      'other',
      '2026-11-23',
      'phone_call',
      ['date_in_future'],
    ],
    [
      'R5',
      'a moved date with no basis',
      PASSED,
      'today',
      undefined,
      undefined,
      ['basis_not_exchange'],
    ],
    [
      'R5',
      'a moved date "planned": not an exchange',
      PASSED,
      'today',
      undefined,
      'planned',
      ['basis_not_exchange'],
    ],
    [
      'R5',
      'a moved date "estimated": not an exchange',
      ESTIMATE,
      'today',
      undefined,
      'estimated',
      ['basis_not_exchange'],
    ],
  ] as const)('%s: %s', (_rule, _what, esd, when, date, basis, codes) => {
    const decision = decide({ esd, today: TODAY, when, date, basis });
    expect(decision.ok).toBe(false);
    if (decision.ok) return;
    expect(decision.problems.map((p) => p.code)).toEqual(codes);
  });

  it('R5: a date that stays needs no basis (nothing about the date is recorded but the note)', () => {
    expect(decide({ esd: PASSED, today: TODAY, when: 'esd', date: '', basis: '' })).toEqual({
      ok: true,
      startedOn: '2026-11-19',
      move: null,
    });
  });
});

describe('R7 notes read back (the overdue list tells documented from unknown)', () => {
  it.each([
    ['no_answer', exact('2026-11-19')],
    ['inactive', exact('2026-11-19')],
    ['no_answer', ESTIMATE],
  ] as const)('%s with %o', (kind, esd) => {
    const note = noResponseNote({ code: 'EXO', esd, kind, detail: 'Called twice, mail sent.' });
    expect(readNoResponseNote(note)).toEqual({ kind, esdDate: esd.date });
  });

  it.each([
    'Engagement Start Date for Exchange Online (EXO) changed from 2026-11-19 to 2026-11-20; basis: phone call. Reason: Customer has not answered',
    'Communication with the customer started for Exchange Online (EXO) on the Engagement Start Date 2026-11-19.',
    noResponseNote({ code: 'EXO', esd: null, kind: 'inactive', detail: null }),
    'Customer has not answered on or before the Engagement Start Date 2026-13-45 for X',
  ])('anything else is not one: %s', (text) => {
    expect(readNoResponseNote(text)).toBeNull();
  });
});
