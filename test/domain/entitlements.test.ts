import { describe, expect, it } from 'vitest';
import {
  checkEntitlementLines,
  type EntitlementLine,
  effectiveL1Status,
  hasInProgressSeats,
  inProgressTargetDate,
  isSplit,
  type L1Status,
} from '../../src/domain/index.js';
import { explainViolation } from '../../src/i18n/explain.js';
import { LANGUAGES } from '../../src/i18n/language.js';
import { codes, day, decide, violations, workload } from './builders.js';

const line = (
  l1Status: L1Status,
  seats: number | null,
  targetDate: string | null = null,
): EntitlementLine => ({
  l1Status,
  seats,
  targetDate: targetDate === null ? null : day(targetDate),
  l2Reason: null,
});

describe('R1 with split entitlements (domain.md, "What the portal shows")', () => {
  it.each([
    ['one line In Progress, seats unknown', [line('in_progress', null)], true, 'in_progress'],
    ['one line Blocked', [line('blocked', null)], false, 'blocked'],
    [
      'split: 80 In Progress, 20 Blocked',
      [line('in_progress', 80), line('blocked', 20)],
      true,
      'in_progress',
    ],
    [
      'split: 0 In Progress, 50 Blocked, 30 No Intent',
      [line('in_progress', 0), line('blocked', 50), line('no_intent', 30)],
      false,
      'blocked',
    ],
    [
      'split: 30 Blocked, 30 No Intent (tie: L1 order)',
      [line('no_intent', 30), line('blocked', 30)],
      false,
      'blocked',
    ],
    [
      'split: 5 In Progress, 500 No Intent',
      [line('no_intent', 500), line('in_progress', 5)],
      true,
      'in_progress',
    ],
  ] as const)('R1: %s', (_name, lines, eligible, effective) => {
    expect(hasInProgressSeats(lines)).toBe(eligible);
    expect(effectiveL1Status(lines)).toBe(effective);
  });

  it('R1: the ESD applies when the workload has In Progress seats, whatever else is split off', () => {
    const split = workload({
      l1Status: 'in_progress',
      entitlements: [line('in_progress', 80), line('blocked', 20)],
    });
    expect(decide({ workload: split }).ok).toBe(true);
  });

  it('R1: refused when no seat is In Progress, with the split in the violation', () => {
    const lines = [line('in_progress', 0), line('blocked', 50), line('no_intent', 30)];
    const split = workload({ l1Status: 'blocked', entitlements: lines });
    const decision = decide({ workload: split });
    expect(codes(decision)).toEqual(['status_ineligible']);
    expect(violations(decision)[0]?.params).toEqual({
      status: 'blocked',
      split: [line('blocked', 50), line('no_intent', 30)],
    });
  });

  it('R1: a single Blocked line is refused without a split', () => {
    const decision = decide({ workload: workload({ l1Status: 'blocked' }) });
    expect(violations(decision)[0]?.params).toEqual({ status: 'blocked', split: null });
  });

  it.each(LANGUAGES.map((lang) => [lang]))(
    'R1 (%s): the refusal shows the split, seat by seat',
    (lang) => {
      const lines = [line('blocked', 1200), line('no_intent', 30)];
      const decision = decide({ workload: workload({ l1Status: 'blocked', entitlements: lines }) });
      const text = explainViolation(
        violations(decision)[0] as never,
        {
          workload: workload(),
          tenant: { id: 't', name: 'contoso.onmicrosoft.com', customerName: 'Contoso' },
        },
        lang,
      );
      expect(text).toMatch(/1[.,\s\u202f\u00a0]?200/);
      expect(text).toContain('30');
      const single = explainViolation(
        violations(decide({ workload: workload({ l1Status: 'blocked' }) }))[0] as never,
        {
          workload: workload(),
          tenant: { id: 't', name: 'contoso.onmicrosoft.com', customerName: 'Contoso' },
        },
        lang,
      );
      expect(single).not.toBe(text);
    },
  );

  it('R1 / R7: no response is refused for a split with no In Progress seats', async () => {
    const { decideNoResponse } = await import('../../src/domain/index.js');
    const lines = [line('in_progress', 0), line('blocked', 10)];
    const result = decideNoResponse({
      workload: workload({ l1Status: 'in_progress', entitlements: lines }),
      actor: {
        name: 'Ana Silva',
        upn: 'Ana.Silva@contoso.com',
        aadObjectId: 'aad-ana-0001',
        roles: [],
      },
      detail: '',
    } as never);
    expect(result.ok).toBe(false);
  });
});

describe('Entitlement lines: what an edge may send', () => {
  it.each([
    ['one line without seats', [line('in_progress', null)], []],
    ['a split with counts', [line('in_progress', 80, '2027-06-30'), line('blocked', 20)], []],
    ['no line', [], ['(set): must list at least one line']],
    ['the same L1 twice', [line('blocked', 1), line('blocked', 2)], ['1.l1Status']],
    ['a split without counts', [line('in_progress', null), line('blocked', 2)], ['0.seats']],
    ['negative seats', [line('in_progress', -1)], ['0.seats']],
    ['fractional seats', [line('in_progress', 1.5)], ['0.seats']],
    [
      'an impossible Target Date',
      [{ ...line('in_progress', 1), targetDate: '2027-02-30' as never }],
      ['0.targetDate'],
    ],
  ] as const)('%s', (_name, lines, expected) => {
    const problems = checkEntitlementLines(lines as readonly EntitlementLine[]).map((p) =>
      p.index === null ? `(set): ${p.message}` : `${p.index}.${p.field}`,
    );
    expect(problems).toEqual(expected);
  });

  it('FAQ purpose 3: the Target Date used for gaps is the In Progress line’s', () => {
    const lines = [line('blocked', 20, '2027-01-31'), line('in_progress', 80, '2027-03-31')];
    expect(inProgressTargetDate(lines)).toBe('2027-03-31');
    expect(isSplit(lines)).toBe(true);
    expect(isSplit([line('in_progress', 80), line('blocked', 0)])).toBe(false);
  });
});
