import { describe, expect, it } from 'vitest';
import {
  type Actor,
  type DeliveryChannel,
  decideNoResponse,
  type Esd,
  GRANTABLE_ROLES,
  type NoResponseKind,
  type Role,
} from '../../src/domain/index.js';
import {
  ANA,
  assignedFm,
  day,
  deepFreeze,
  fmChannel,
  frpActor,
  frpChannel,
  otherFm,
  PARTNER,
  unassignedChannel,
  withRole,
  workload,
} from './builders.js';

const KINDS: NoResponseKind[] = ['no_answer', 'inactive'];

describe('R7 no response: document, do not change the date', () => {
  const esds: [string, Esd | null][] = [
    ['an exact ESD', { date: day('2026-11-20'), estimate: false }],
    ['an estimated ESD', { date: day('2026-11-01'), estimate: true }],
    ['no ESD (R3)', null],
  ];

  describe.each(KINDS.map((kind) => [kind]))('R7: %s', (kind) => {
    it.each(esds)(`R7: ${kind} with %s yields a note and never a date`, (_what, esd) => {
      const decision = decideNoResponse({ workload: workload({ esd }), actor: assignedFm(), kind });
      expect(decision.ok).toBe(true);
      if (!decision.ok) return;
      expect(Object.keys(decision).sort()).toEqual(['detail', 'note', 'ok', 'role']);
      expect(decision.role).toBe('fm');
      expect(decision.detail).toBeNull();
      expect(decision.note).toContain('Engagement Start Date left unchanged');
      expect(decision.note).toContain('Exchange Online (EXO)');
      if (esd)
        expect(decision.note).toContain(`on or before the Engagement Start Date ${esd.date}`);
      else expect(decision.note).not.toContain('on or before');
    });
  });

  it.each([
    ['no_answer', 'Customer has not answered', 'the FM keeps trying'],
    ['inactive', 'Customer is inactive / never answered', 'left unchanged'],
  ] as const)('R7: %s says what happened', (kind, head, tail) => {
    const decision = decideNoResponse({ workload: workload(), actor: assignedFm(), kind });
    if (!decision.ok) throw new Error('expected ok');
    expect(decision.note.startsWith(head)).toBe(true);
    expect(decision.note).toContain(tail);
  });

  it('R7: the workload is not touched (its ESD stays as it was)', () => {
    const input = deepFreeze({
      workload: workload(),
      actor: assignedFm(),
      kind: 'inactive' as const,
    });
    const before = structuredClone(input);
    decideNoResponse(input);
    expect(input).toEqual(before);
  });

  it.each([
    [
      'Tried by email on 11-20 and by phone on 11-21',
      'Tried by email on 11-20 and by phone on 11-21',
    ],
    ['  Called twice;\u0000 next try   Monday  ', 'Called twice; next try Monday'],
    ['', null],
    ['   \n\t ', null],
    [null, null],
    [undefined, null],
  ])('R7: the detail %j is normalized to %j and appended to the note', (detail, expected) => {
    const decision = decideNoResponse({
      workload: workload(),
      actor: assignedFm(),
      kind: 'no_answer',
      detail,
    });
    if (!decision.ok) throw new Error('expected ok');
    expect(decision.detail).toBe(expected);
    if (expected) expect(decision.note.endsWith(` ${expected}`)).toBe(true);
    else expect(decision.note.endsWith('(FAQ: document, do not change the date).')).toBe(true);
  });

  it.each([
    ['1000 characters', 'd'.repeat(1000), true],
    ['1001 characters', 'd'.repeat(1001), false],
    ['1001 characters with blanks around', `  ${'d'.repeat(1001)}  `, false],
    ['1000 characters after trimming', `   ${'d'.repeat(1000)}   `, true],
  ])('R7: a detail of %s is ok=%s (detail_too_long beyond 1000)', (_what, detail, ok) => {
    const decision = decideNoResponse({
      workload: workload(),
      actor: assignedFm(),
      kind: 'inactive',
      detail,
    });
    if (ok) expect(decision.ok).toBe(true);
    else expect(decision).toEqual({ ok: false, code: 'detail_too_long', params: { max: 1000 } });
  });

  const permitted: [string, Actor, DeliveryChannel, Role][] = [
    ['the assigned FM', assignedFm(), fmChannel(), 'fm'],
    [
      'the assigned FM by UPN, case-insensitively',
      assignedFm({ aadObjectId: null, upn: 'ANA.SILVA@contoso.com' }),
      fmChannel(),
      'fm',
    ],
    ['the FRP of the customer (R11)', frpActor(PARTNER.toLowerCase()), frpChannel(), 'frp'],
    ...GRANTABLE_ROLES.map((role): [string, Actor, DeliveryChannel, Role] => [
      `the ${role} role`,
      withRole(role),
      fmChannel(),
      role,
    ]),
  ];
  it.each(permitted)('R7: %s may document a missing answer', (_who, who, channel, role) => {
    const decision = decideNoResponse({
      workload: workload({ channel }),
      actor: who,
      kind: 'no_answer',
    });
    expect(decision.ok && decision.role).toBe(role);
  });

  it.each([
    ['another FM', otherFm(), fmChannel(), ANA.upn],
    ['another partner', frpActor('Northwind Consulting'), frpChannel(), PARTNER],
    ['a stranger on an unassigned workload', otherFm(), unassignedChannel(), null],
  ])('R7: %s is not_permitted, naming the assignee', (_who, who, channel, assignee) => {
    expect(
      decideNoResponse({ workload: workload({ channel }), actor: who, kind: 'inactive' }),
    ).toEqual({
      ok: false,
      code: 'not_permitted',
      params: { assignee },
    });
  });

  it('R7: permission is checked before the detail', () => {
    const decision = decideNoResponse({
      workload: workload(),
      actor: otherFm(),
      kind: 'inactive',
      detail: 'd'.repeat(5000),
    });
    expect(decision.ok ? null : decision.code).toBe('not_permitted');
  });
});

describe('R7 no response: only when the customer could have answered (FAQ: "does not respond back on or by the Engagement Start Date")', () => {
  const today = day('2026-12-10');

  it.each([
    ['yesterday', '2026-12-09', true],
    ['today', '2026-12-10', true],
    ['tomorrow', '2026-12-11', false],
    ['next year', '2027-03-01', false],
  ] as const)('R7: an ESD of %s (%s) is accepted: %s', (_what, date, ok) => {
    for (const kind of KINDS) {
      const esd = { date: day(date), estimate: false };
      const decision = decideNoResponse({
        workload: workload({ esd }),
        actor: assignedFm(),
        kind,
        today,
      });
      if (ok) expect(decision.ok).toBe(true);
      else expect(decision).toEqual({ ok: false, code: 'esd_in_future', params: { esd, today } });
    }
  });

  it('R7 + R9: a month-only estimate still ahead is refused too', () => {
    const esd = { date: day('2027-01-01'), estimate: true };
    const decision = decideNoResponse({
      workload: workload({ esd }),
      actor: assignedFm(),
      kind: 'no_answer',
      today,
    });
    expect(decision.ok ? null : decision.code).toBe('esd_in_future');
  });

  it('R3: a workload without an ESD (past engagement) may still be documented', () => {
    const decision = decideNoResponse({
      workload: workload({ esd: null }),
      actor: assignedFm(),
      kind: 'inactive',
      today,
    });
    expect(decision.ok).toBe(true);
  });

  it.each([['status_unknown'], ['blocked'], ['no_intent'], ['duplicate_invalid']] as const)(
    'R1 + R7: a %s workload is refused with status_ineligible (the ESD applies to In Progress only)',
    (status) => {
      for (const kind of KINDS) {
        expect(
          decideNoResponse({
            workload: workload({ l1Status: status }),
            actor: assignedFm(),
            kind,
            today,
          }),
        ).toEqual({ ok: false, code: 'status_ineligible', params: { status } });
      }
    },
  );

  it('R7: permission is checked first, then the status, then the date', () => {
    const w = workload({ l1Status: 'blocked', esd: { date: day('2027-01-05'), estimate: false } });
    expect(
      decideNoResponse({ workload: w, actor: otherFm(), kind: 'no_answer', today }),
    ).toMatchObject({
      code: 'not_permitted',
    });
    expect(
      decideNoResponse({ workload: w, actor: assignedFm(), kind: 'no_answer', today }),
    ).toMatchObject({
      code: 'status_ineligible',
    });
  });

  it('R8 limits: the detail counts characters as the reader sees them', () => {
    const decision = decideNoResponse({
      workload: workload(),
      actor: assignedFm(),
      kind: 'no_answer',
      detail: '👍🏽'.repeat(1000),
      today,
    });
    expect(decision.ok).toBe(true);
  });
});
