import { describe, expect, it } from 'vitest';
import {
  type Actor,
  type CalendarDate,
  type DeliveryChannel,
  type Esd,
  type L1Status,
  type Tenant,
  toCalendarDate,
  type Workload,
  type WorkloadCode,
} from '../../src/domain/index.js';
import {
  canSeeCapacity,
  canSeeTenant,
  capacityRange,
  computeCapacity,
  computeTimeline,
  computeUpcoming,
  isoWeek,
  isoWeekLabel,
  mondayOf,
  parseCapacityArgs,
  pickTenant,
  startedKey,
  weeksFrom,
} from '../../src/reports/index.js';

const day = (value: string): CalendarDate => toCalendarDate(value);
const on = (value: string): Esd => ({ date: day(value), estimate: false });
const month = (value: string): Esd => ({ date: day(`${value}-01`), estimate: true });

const ANA: DeliveryChannel = { type: 'fm', fm: { upn: 'ana@example.com', aadObjectId: 'aad-ana' } };
const BEN: DeliveryChannel = { type: 'fm', fm: { upn: 'ben@example.com', aadObjectId: null } };
const PARTNER: DeliveryChannel = { type: 'frp', partnerName: 'Adatum Consulting' };

const CONTOSO: Tenant = {
  id: 't-contoso',
  name: 'contoso.onmicrosoft.com',
  customerName: 'Contoso',
};
const CONTOSO_EAST: Tenant = {
  id: 't-contoso-east',
  name: 'contosoeast.onmicrosoft.com',
  customerName: 'Contoso East',
};

let ids = 0;
function workload(
  code: WorkloadCode,
  l1Status: L1Status,
  esd: Esd | null,
  channel: DeliveryChannel = ANA,
  tenant: Tenant = CONTOSO,
): Workload {
  ids++;
  return {
    id: `w${ids}`,
    tenantId: tenant.id,
    code,
    l1Status,
    esd,
    basis: esd ? (esd.estimate ? 'estimated' : 'planned') : null,
    channel,
    version: 1,
  };
}

const actor = (overrides: Partial<Actor> = {}): Actor => ({
  name: 'Someone',
  upn: 'someone@example.com',
  aadObjectId: 'aad-someone',
  roles: [],
  ...overrides,
});

describe('ISO weeks (Monday first)', () => {
  it.each([
    ['2026-11-22', '2026-11-16', '2026-W47'], // a Sunday belongs to the week that began on Monday
    ['2026-11-23', '2026-11-23', '2026-W48'],
    ['2026-12-31', '2026-12-28', '2026-W53'], // 2026 starts on a Thursday: 53 weeks
    ['2027-01-03', '2026-12-28', '2026-W53'], // early January in the last week of the year before
    ['2027-01-04', '2027-01-04', '2027-W01'],
    ['2024-12-30', '2024-12-30', '2025-W01'], // late December in the first week of the next year
    ['2021-01-03', '2020-12-28', '2020-W53'],
  ])('%s is in the week of %s (%s)', (date, monday, label) => {
    expect(mondayOf(day(date))).toBe(monday);
    expect(isoWeekLabel(day(date))).toBe(label);
  });

  it('counts consecutive weeks from the one today falls in', () => {
    const weeks = weeksFrom(day('2026-11-22'), 3);
    expect(weeks.map((w) => [w.start, w.end, w.isoWeek])).toEqual([
      ['2026-11-16', '2026-11-22', 47],
      ['2026-11-23', '2026-11-29', 48],
      ['2026-11-30', '2026-12-06', 49],
    ]);
    expect(capacityRange(day('2026-11-22'), 8)).toEqual({ from: '2026-11-16', to: '2027-01-10' });
    expect(isoWeek(day('2027-01-10'))).toEqual({ year: 2027, week: 1 });
  });
});

describe('capacity', () => {
  const fms = [
    { upn: 'ana@example.com', name: 'Ana Fernández', codes: ['EXO', 'TEAMS'] as WorkloadCode[] },
    { upn: 'ben@example.com', name: null, codes: ['SPO'] as WorkloadCode[] },
    { upn: 'cy@example.com', name: 'Cy Idle', codes: ['INTUNE'] as WorkloadCode[] },
  ];
  const start = (fmUpn: string, code: WorkloadCode, date: string, estimate = false) => ({
    fmUpn,
    code,
    date: day(date),
    estimate,
  });
  const starts = [
    start('ana@example.com', 'EXO', '2026-11-16'), // Monday of week 1: counted
    start('ana@example.com', 'TEAMS', '2026-11-22'), // Sunday of week 1: counted
    start('ana@example.com', 'EXO', '2026-11-23'),
    start('ben@example.com', 'SPO', '2026-11-29'),
    start('ben@example.com', 'SPO', '2026-12-01', true),
    start('ANA@example.com', 'TEAMS', '2026-12-06'), // UPN case does not matter
    start('ana@example.com', 'EXO', '2026-11-15'), // the Sunday before: not counted
    start('ana@example.com', 'EXO', '2026-12-07'), // the Monday after: not counted
  ];
  const report = (filter = {}) =>
    computeCapacity({ fms, starts, today: day('2026-11-22'), weeks: 3, filter });

  it('counts starts per FM and ISO week, estimates counted apart too', () => {
    const r = report();
    expect(r.from).toBe('2026-11-16');
    expect(r.to).toBe('2026-12-06');
    expect(r.rows.map((row) => [row.upn, row.cells.map((c) => c.count), row.total])).toEqual([
      ['ana@example.com', [2, 1, 1], 4],
      ['ben@example.com', [0, 1, 1], 2],
      // An FM with nothing starting is listed: that is free capacity.
      ['cy@example.com', [0, 0, 0], 0],
    ]);
    expect(r.rows[1]?.cells[2]).toEqual({ count: 1, estimates: 1 });
    // Every week has two starts: each is one of the busiest.
    expect(r.weeks.map((w) => [w.total, w.estimates, w.busiest])).toEqual([
      [2, 0, true],
      [2, 0, true],
      [2, 1, true],
    ]);
    expect(r.maxCell).toBe(2);
  });

  it('highlights only the busiest weeks', () => {
    const r = computeCapacity({
      fms,
      starts: [...starts, start('ben@example.com', 'SPO', '2026-11-24')],
      today: day('2026-11-22'),
      weeks: 3,
    });
    expect(r.weeks.map((w) => w.busiest)).toEqual([false, true, false]);
  });

  it('filters by part of an FM’s name or UPN, accents and case ignored', () => {
    expect(report({ fm: 'fernandez' }).rows.map((r) => r.upn)).toEqual(['ana@example.com']);
    expect(report({ fm: 'BEN@' }).rows.map((r) => r.upn)).toEqual(['ben@example.com']);
    expect(report({ fm: 'nobody' }).rows).toEqual([]);
  });

  it('filters by workload: only its starts, only FMs who have it', () => {
    const r = report({ workload: 'EXO' });
    expect(r.rows.map((row) => [row.upn, row.cells.map((c) => c.count)])).toEqual([
      ['ana@example.com', [1, 1, 0]],
    ]);
    expect(r.filter).toEqual({ fm: null, workload: 'EXO' });
  });

  it('no start at all: no busiest week', () => {
    const r = computeCapacity({ fms, starts: [], today: day('2026-11-22'), weeks: 2 });
    expect(r.weeks.every((w) => !w.busiest)).toBe(true);
    expect(r.maxCell).toBe(0);
  });

  it.each([
    ['', { fm: null, workload: null }],
    ['exo', { fm: null, workload: 'EXO' }],
    ['megan teams', { fm: 'megan', workload: 'TEAMS' }],
    ['alexw@example.com', { fm: 'alexw@example.com', workload: null }],
    ['ana maria spo', { fm: 'ana maria', workload: 'SPO' }],
  ])('reads the command’s words “%s”', (args, expected) => {
    expect(parseCapacityArgs(args)).toEqual(expected);
  });
});

describe('upcoming, overdue first', () => {
  const today = day('2026-12-05');
  const fabrikam: Tenant = {
    id: 't-fab',
    name: 'fabrikam.onmicrosoft.com',
    customerName: 'Fabrikam',
  };
  const items = [
    { tenant: CONTOSO, workload: workload('EXO', 'in_progress', on('2026-11-25')) },
    { tenant: CONTOSO, workload: workload('TEAMS', 'in_progress', on('2026-12-02')) },
    { tenant: fabrikam, workload: workload('EXO', 'in_progress', on('2026-11-22')) },
    { tenant: fabrikam, workload: workload('SPO', 'in_progress', on('2026-11-04')) }, // 31 days: too old
    { tenant: fabrikam, workload: workload('OD', 'in_progress', on('2026-11-05')) }, // 30 days: counted
    { tenant: CONTOSO, workload: workload('SPO', 'blocked', on('2026-11-30')) }, // R1: not counted
    { tenant: CONTOSO, workload: workload('OD', 'in_progress', null) }, // R3: not counted
    { tenant: CONTOSO, workload: workload('PBI', 'in_progress', on('2026-12-05')) }, // today
    { tenant: fabrikam, workload: workload('TEAMS', 'in_progress', month('2027-01')) },
    { tenant: CONTOSO, workload: workload('INTUNE', 'in_progress', on('2027-01-04')) }, // +30: last day
    { tenant: CONTOSO, workload: workload('WIN', 'in_progress', on('2027-01-05')) }, // +31: too far
  ];
  const contosoExo = items[0]?.workload as Workload;
  const report = computeUpcoming({
    items,
    today,
    days: 30,
    overdueDays: 30,
    // "Communication started" was answered for Contoso EXO on its date.
    started: new Set([startedKey(contosoExo.id, '2026-11-25')]),
  });

  it('lists the overdue ones, longest overdue first, without those whose communication started', () => {
    expect(report.overdue.map((e) => [e.tenant.customerName, e.workload.code, e.days])).toEqual([
      ['Fabrikam', 'OD', -30],
      ['Fabrikam', 'EXO', -13],
      ['Contoso', 'TEAMS', -3],
    ]);
  });

  it('a "started" answer for another date does not clear the current one', () => {
    const other = computeUpcoming({
      items,
      today,
      days: 30,
      overdueDays: 30,
      started: new Set([startedKey(contosoExo.id, '2026-11-18')]),
    });
    expect(other.overdue.map((e) => e.workload.code)).toContain('EXO');
    expect(other.overdue).toHaveLength(4);
  });

  it('R7: a date documented as not answered or inactive is counted apart, not as unknown', () => {
    const fabrikamExo = items[2]?.workload as Workload;
    const fabrikamOd = items[4]?.workload as Workload;
    const documented = computeUpcoming({
      items,
      today,
      days: 30,
      overdueDays: 30,
      started: new Set([startedKey(contosoExo.id, '2026-11-25')]),
      documented: new Map([
        [startedKey(fabrikamExo.id, '2026-11-22'), 'no_answer' as const],
        [startedKey(fabrikamOd.id, '2026-11-05'), 'inactive' as const],
        // A note about an earlier date says nothing about the current one.
        [startedKey(contosoExo.id, '2026-11-01'), 'no_answer' as const],
      ]),
    });
    expect(documented.overdue.map((e) => [e.tenant.customerName, e.workload.code])).toEqual([
      ['Contoso', 'TEAMS'],
    ]);
    expect(
      documented.documented.map((e) => [e.tenant.customerName, e.workload.code, e.recorded]),
    ).toEqual([
      ['Fabrikam', 'OD', 'inactive'],
      ['Fabrikam', 'EXO', 'no_answer'],
    ]);
    // Without notes, nothing is documented.
    expect(report.documented).toEqual([]);
  });

  it('lists the next 30 days by ISO week, today and the 30th day included, estimates marked', () => {
    expect(report.until).toBe('2027-01-04');
    expect(report.weeks.map((w) => [w.start, w.entries.map((e) => e.workload.code)])).toEqual([
      ['2026-11-30', ['PBI']],
      ['2026-12-28', ['TEAMS']],
      ['2027-01-04', ['INTUNE']],
    ]);
    expect(report.upcoming.find((e) => e.workload.code === 'TEAMS')?.estimate).toBe(true);
    expect(report.upcoming[0]?.days).toBe(0);
  });
});

describe('tenant timeline', () => {
  const workloads = [
    workload('SPO', 'in_progress', on('2027-02-10')),
    workload('EXO', 'in_progress', on('2026-12-01')),
    workload('TEAMS', 'in_progress', month('2027-01')),
    workload('OD', 'in_progress', on('2026-12-01')),
    workload('INTUNE', 'blocked', on('2026-12-15')),
    workload('AADP', 'in_progress', null),
    workload('PBI', 'no_intent', null),
  ];
  const timeline = computeTimeline(CONTOSO, workloads);

  it('orders dated workloads by date, then code; undated ones after, by code (R3)', () => {
    expect(timeline.dated.map((e) => e.code)).toEqual(['EXO', 'OD', 'INTUNE', 'TEAMS', 'SPO']);
    expect(timeline.undated.map((w) => w.code)).toEqual(['AADP', 'PBI']);
  });

  it('FAQ purpose 3: no Target Date known → the gap from each In Progress start to the next, and it says so', () => {
    const start = (from: string) => ({ measure: 'start_to_start', from });
    expect(timeline.dated.map((e) => [e.code, e.gapToNext])).toEqual([
      [
        'EXO',
        {
          ...start('2026-12-01'),
          days: 0,
          nextCode: 'OD',
          nextDate: '2026-12-01',
          approximate: false,
        },
      ],
      [
        'OD',
        {
          ...start('2026-12-01'),
          days: 31,
          nextCode: 'TEAMS',
          nextDate: '2027-01-01',
          approximate: true,
        },
      ],
      // Not In Progress: its date is history, not a step of the deployments.
      ['INTUNE', null],
      [
        'TEAMS',
        {
          ...start('2027-01-01'),
          days: 40,
          nextCode: 'SPO',
          nextDate: '2027-02-10',
          approximate: true,
        },
      ],
      ['SPO', null],
    ]);
    expect(timeline.gapMeasure).toBe('start_to_start');
    expect(timeline.span).toEqual({ first: '2026-12-01', last: '2027-02-10', days: 71 });
  });

  it.each([
    // [EXO's In Progress Target Date, expected gap to TEAMS (2027-03-01), measure, timeline measure]
    ['2027-02-15', { measure: 'target_to_start', from: '2027-02-15', days: 14 }, 'target_to_start'],
    // The next one starts before this one is done: a negative gap, an overlap.
    [
      '2027-03-11',
      { measure: 'target_to_start', from: '2027-03-11', days: -10 },
      'target_to_start',
    ],
    [null, { measure: 'start_to_start', from: '2027-01-04', days: 56 }, 'start_to_start'],
  ] as const)(
    'FAQ purpose 3: Target Date %s → the gap to the next ESD is %o',
    (target, gap, measure) => {
      const exo = {
        ...workload('EXO', 'in_progress', on('2027-01-04')),
        entitlements: [
          {
            l1Status: 'in_progress' as const,
            seats: 800,
            targetDate: target ? day(target) : null,
            l2Reason: null,
          },
          // A Blocked line's Target Date is not when onboarding is done.
          {
            l1Status: 'blocked' as const,
            seats: 200,
            targetDate: day('2027-12-31'),
            l2Reason: null,
          },
        ],
      };
      const teams = workload('TEAMS', 'in_progress', on('2027-03-01'));
      const result = computeTimeline(CONTOSO, [exo, teams]);
      expect(result.dated[0]?.gapToNext).toEqual({
        ...gap,
        nextCode: 'TEAMS',
        nextDate: '2027-03-01',
        approximate: false,
      });
      expect(result.dated[0]?.targetDate).toBe(target);
      expect(result.gapMeasure).toBe(measure);
    },
  );

  it('FAQ purpose 3: one gap from a Target Date and one start to start → mixed', () => {
    const exo = {
      ...workload('EXO', 'in_progress', on('2027-01-04')),
      entitlements: [
        {
          l1Status: 'in_progress' as const,
          seats: 10,
          targetDate: day('2027-02-01'),
          l2Reason: null,
        },
      ],
    };
    const result = computeTimeline(CONTOSO, [
      exo,
      workload('TEAMS', 'in_progress', on('2027-03-01')),
      workload('SPO', 'in_progress', on('2027-04-01')),
    ]);
    expect(result.dated.map((e) => e.gapToNext?.measure ?? null)).toEqual([
      'target_to_start',
      'start_to_start',
      null,
    ]);
    expect(result.gapMeasure).toBe('mixed');
  });

  it('no dated workload: no span', () => {
    expect(computeTimeline(CONTOSO, [workload('EXO', 'in_progress', null)]).span).toBeNull();
  });
});

describe('who may see what', () => {
  it('capacity: the Gateway Team and managers only', () => {
    expect(canSeeCapacity(actor({ roles: ['gateway'] }))).toBe(true);
    expect(canSeeCapacity(actor({ roles: ['manager'] }))).toBe(true);
    expect(canSeeCapacity(actor({ roles: ['fta', 'fe', 're_engagement'] }))).toBe(false);
    expect(canSeeCapacity(actor())).toBe(false);
    // A roles string must not pass by substring.
    expect(canSeeCapacity(actor({ roles: 'gateway' as never }))).toBe(false);
  });

  it('a tenant: its assigned FM, its partner (R11), and the roles that act on any workload', () => {
    const ana = actor({ upn: 'ana@example.com', aadObjectId: 'aad-ana' });
    expect(canSeeTenant(ana, [BEN, ANA])).toBe(true);
    expect(canSeeTenant(ana, [BEN, PARTNER])).toBe(false);
    expect(canSeeTenant(actor({ partnerName: 'adatum consulting' }), [PARTNER])).toBe(true);
    for (const role of ['gateway', 'manager', 'fta', 'fe', 're_engagement'] as const)
      expect(canSeeTenant(actor({ roles: [role] }), [])).toBe(true);
    expect(canSeeTenant(actor(), [])).toBe(false);
  });

  it('picks the tenant a name means, among those the person may see', () => {
    const ana = actor({ upn: 'ana@example.com', aadObjectId: 'aad-ana' });
    const contoso = { tenant: CONTOSO, workloads: [workload('EXO', 'in_progress', null, ANA)] };
    const east = {
      tenant: CONTOSO_EAST,
      workloads: [workload('EXO', 'in_progress', null, ANA, CONTOSO_EAST)],
    };
    const bens = {
      tenant: { ...CONTOSO_EAST, id: 't-ben', customerName: 'Contoso West' },
      workloads: [workload('EXO', 'in_progress', null, BEN)],
    };
    expect(pickTenant('', [contoso], ana)).toEqual({ status: 'need_name' });
    expect(pickTenant('nothing', [], ana)).toEqual({ status: 'none' });
    expect(pickTenant('west', [bens], ana)).toEqual({ status: 'not_allowed' });
    // The exact name wins over names that contain it.
    expect(pickTenant('contoso', [contoso, east, bens], ana)).toEqual({
      status: 'one',
      found: contoso,
    });
    expect(pickTenant('cont', [contoso, east, bens], ana)).toEqual({
      status: 'many',
      tenants: [CONTOSO, CONTOSO_EAST],
    });
    expect(pickTenant('contosoeast.onmicrosoft.com', [east], ana)).toMatchObject({
      status: 'one',
    });
  });
});
