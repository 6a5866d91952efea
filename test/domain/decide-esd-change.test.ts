import { describe, expect, it } from 'vitest';
import {
  type Actor,
  addDays,
  BASES,
  type CalendarDate,
  DEFAULT_ESD_WINDOW,
  type DeliveryChannel,
  decideEsdChange,
  GRANTABLE_ROLES,
  type L1Status,
  type Role,
  type ViolationCode,
  WORKLOAD_CODES,
  type Workload,
  whoMayChangeDate,
  windowBounds,
  workloadName,
} from '../../src/domain/index.js';
import {
  ANA,
  actor,
  approved,
  assignedFm,
  codes,
  DEFAULT_EARLIEST,
  DEFAULT_LATEST,
  day,
  decide,
  deepFreeze,
  exact,
  fmChannel,
  frpActor,
  frpChannel,
  GOOD_REASON,
  month,
  otherFm,
  PARTNER,
  request,
  TODAY,
  unassignedChannel,
  violations,
  withRole,
  workload,
} from './builders.js';

const INELIGIBLE: L1Status[] = ['status_unknown', 'blocked', 'no_intent', 'duplicate_invalid'];

describe('R1 eligibility: only In Progress workloads carry an ESD', () => {
  it('R1: allows an ESD on an in_progress workload', () => {
    const change = approved(decide({ workload: workload({ l1Status: 'in_progress' }) }));
    expect(change.new).toEqual({ date: '2026-12-10', estimate: false });
  });

  it.each(INELIGIBLE)('R1: rejects an ESD on a %s workload, naming the status', (status) => {
    expect(decide({ workload: workload({ l1Status: status }) })).toEqual({
      ok: false,
      code: 'status_ineligible',
      violations: [
        { code: 'status_ineligible', field: 'workload', params: { status, split: null } },
      ],
    });
  });

  const whoAndWhat: [string, Actor, DeliveryChannel][] = [
    ['the assigned FM', assignedFm(), fmChannel()],
    ['the Gateway Team', withRole('gateway'), unassignedChannel()],
    ['a manager', withRole('manager'), unassignedChannel()],
    ['the FRP', frpActor(), frpChannel()],
  ];
  describe.each(whoAndWhat)('R1: for %s', (_who, who, channel) => {
    it.each(
      INELIGIBLE.flatMap((status) => [
        { status, proposal: exact('2026-12-10'), esd: null },
        { status, proposal: month('2027-03'), esd: { date: day('2026-12-01'), estimate: false } },
      ]),
    )(
      'R1: a $proposal.kind proposal on a $status workload is status_ineligible',
      ({ status, proposal, esd }) => {
        const decision = decide({
          actor: who,
          proposal,
          workload: workload({ l1Status: status, esd, channel }),
        });
        expect(violations(decision)).toEqual([
          { code: 'status_ineligible', field: 'workload', params: { status, split: null } },
        ]);
      },
    );
  });
});

describe('Permissions (R6, R11): who may set or change the ESD', () => {
  const allowed: [string, Actor, DeliveryChannel, Role][] = [
    [
      'the assigned FM, matched by aadObjectId (UPN renamed)',
      assignedFm({ upn: 'ana.new@contoso.com' }),
      fmChannel(),
      'fm',
    ],
    [
      'the assigned FM, matched by UPN case-insensitively (no aadObjectId on the assignment)',
      assignedFm({ upn: 'ANA.SILVA@CONTOSO.COM' }),
      fmChannel({ upn: 'ana.silva@contoso.com', aadObjectId: null }),
      'fm',
    ],
    [
      'the assigned FM, matched by UPN case-insensitively (no aadObjectId on the actor)',
      assignedFm({ aadObjectId: null, upn: 'ana.SILVA@contoso.COM' }),
      fmChannel(),
      'fm',
    ],
    [
      'the assigned FM, matched by aadObjectId case-insensitively',
      assignedFm({ aadObjectId: ANA.aadObjectId?.toUpperCase() ?? null }),
      fmChannel(),
      'fm',
    ],
    ['the FRP of the same partner', frpActor(), frpChannel(), 'frp'],
    [
      'the FRP of the same partner, case-insensitively',
      frpActor(PARTNER.toUpperCase()),
      frpChannel(),
      'frp',
    ],
    [
      'the FRP of the same partner, ignoring outer blanks',
      frpActor(` ${PARTNER} `),
      frpChannel(),
      'frp',
    ],
  ];
  it.each(allowed)('R6/R11: allows %s', (_who, who, channel, role) => {
    const change = approved(decide({ actor: who, workload: workload({ channel }) }));
    expect(change.role).toBe(role);
  });

  const channels: [string, DeliveryChannel][] = [
    ['an FM-assigned', fmChannel()],
    ['an FRP-assigned', frpChannel()],
    ['an unassigned', unassignedChannel()],
  ];
  // Every granted role may date an FRP's or an unassigned workload (R6, R11: the FM's date is not
  // at stake); an FM's workload follows the overwrite policy (test/domain/overwrite-policy.test.ts).
  describe.each(GRANTABLE_ROLES.map((role) => [role]))('R6: the granted role %s', (role) => {
    it.each(channels.filter(([, channel]) => channel.type !== 'fm'))(
      `R6: ${role} may change the ESD of %s workload, and the change carries ${role}`,
      (_kind, channel) => {
        const change = approved(decide({ actor: withRole(role), workload: workload({ channel }) }));
        expect(change.role).toBe(role);
      },
    );
  });

  it('R6: the assigned FM acts as fm even when also holding a granted role', () => {
    expect(approved(decide({ actor: assignedFm({ roles: ['manager'] }) })).role).toBe('fm');
  });

  const refused: [string, Actor, DeliveryChannel, { channel: string; assignee: string | null }][] =
    [
      [
        'another FM without roles, naming the assignee',
        otherFm(),
        fmChannel(),
        { channel: 'fm', assignee: ANA.upn },
      ],
      [
        'a person whose UPN matches but whose aadObjectId differs (UPN reused)',
        otherFm({ upn: ANA.upn }),
        fmChannel(),
        { channel: 'fm', assignee: ANA.upn },
      ],
      [
        'an FM on an FRP workload, naming the partner',
        assignedFm(),
        frpChannel(),
        { channel: 'frp', assignee: PARTNER },
      ],
      [
        'the FRP of another partner',
        frpActor('Northwind Consulting'),
        frpChannel(),
        { channel: 'frp', assignee: PARTNER },
      ],
      [
        'an FRP on an FM-assigned workload',
        frpActor(),
        fmChannel(),
        { channel: 'fm', assignee: ANA.upn },
      ],
      [
        'an FRP on an unassigned workload',
        frpActor(),
        unassignedChannel(),
        { channel: 'unassigned', assignee: null },
      ],
      [
        'a stranger on an unassigned workload',
        otherFm(),
        unassignedChannel(),
        { channel: 'unassigned', assignee: null },
      ],
      [
        'an actor with neither UPN nor aadObjectId',
        actor({ upn: null, aadObjectId: null }),
        fmChannel({ upn: ANA.upn, aadObjectId: null }),
        { channel: 'fm', assignee: ANA.upn },
      ],
      [
        'an actor with no partner name on an FRP workload',
        actor({ partnerName: null }),
        frpChannel(),
        { channel: 'frp', assignee: PARTNER },
      ],
    ];
  refused.push(
    [
      'an actor whose roles are a string, not a list ("gateway")',
      actor({ roles: 'gateway' as never }),
      fmChannel(),
      { channel: 'fm', assignee: ANA.upn },
    ],
    [
      'a blank UPN against a blank assignee UPN',
      actor({ upn: '  ', aadObjectId: null }),
      fmChannel({ upn: ' ', aadObjectId: null }),
      { channel: 'fm', assignee: ' ' },
    ],
    [
      'a blank partner name against a blank partner',
      frpActor('  '),
      frpChannel(' '),
      { channel: 'frp', assignee: ' ' },
    ],
    [
      'an actor with identity fields of the wrong type',
      actor({ upn: 42 as never, aadObjectId: {} as never, partnerName: [PARTNER] as never }),
      frpChannel(),
      { channel: 'frp', assignee: PARTNER },
    ],
  );
  it.each(refused)('R6/R11: rejects %s (not_permitted)', (_who, who, channel, params) => {
    expect(decide({ actor: who, workload: workload({ channel }) })).toEqual({
      ok: false,
      code: 'not_permitted',
      violations: [
        {
          code: 'not_permitted',
          field: 'workload',
          // The refusal carries who may, as the policy says (overwrite-policy.ts).
          params: { ...params, who: whoMayChangeDate(channel.type) },
        },
      ],
    });
  });
});

describe('R2 per workload: the decision touches only the given workload', () => {
  it('R2: the approved change names exactly the workload id and tenant given', () => {
    const change = approved(
      decide({ workload: workload({ id: 'wl-spo-7', tenantId: 'tenant-b', code: 'SPO' }) }),
    );
    expect(change.workloadId).toBe('wl-spo-7');
    expect(change.tenantId).toBe('tenant-b');
    expect(change.note).toContain('SharePoint Online (SPO)');
  });

  it('R2: two workloads of one tenant each keep their own old ESD', () => {
    const exo = workload({
      id: 'wl-exo',
      code: 'EXO',
      esd: { date: day('2026-12-01'), estimate: false },
    });
    const teams = workload({
      id: 'wl-teams',
      code: 'TEAMS',
      esd: { date: day('2027-02-01'), estimate: true },
    });
    const forExo = approved(decide({ workload: exo, proposal: exact('2026-12-15') }));
    const forTeams = approved(decide({ workload: teams, proposal: exact('2026-12-15') }));
    expect([forExo.workloadId, forExo.old]).toEqual(['wl-exo', exo.esd]);
    expect([forTeams.workloadId, forTeams.old]).toEqual(['wl-teams', teams.esd]);
  });

  it('R2: the decision neither mutates the workload, the actor nor the proposal', () => {
    const input = deepFreeze(request());
    const before = structuredClone(input);
    approved(decideEsdChange(input));
    expect(input).toEqual(before);
  });

  it.each(WORKLOAD_CODES.map((code) => [code]))(
    'R2: a change on %s names that workload only',
    (code) => {
      const change = approved(decide({ workload: workload({ code }) }));
      expect(change.note).toContain(`for ${workloadName(code)} (${code}) `);
      for (const other of WORKLOAD_CODES)
        if (other !== code) expect(change.note).not.toContain(`(${other})`);
    },
  );
});

describe('R3 no backfill: a workload without an ESD is normal', () => {
  it.each([
    { proposal: exact('2026-12-10', 'kickoff_meeting'), shown: '2026-12-10', estimate: false },
    {
      proposal: month('2027-03'),
      shown: '2027-03-01 (estimate: 2027-03, first of month)',
      estimate: true,
    },
  ])(
    'R3: the first setting ($proposal.kind) is allowed, firstSetting=true, note says "set to"',
    ({ proposal, shown, estimate }) => {
      const change = approved(decide({ workload: workload({ esd: null, basis: null }), proposal }));
      expect(change.firstSetting).toBe(true);
      expect(change.old).toBeNull();
      expect(change.new.estimate).toBe(estimate);
      expect(change.note).toContain(`set to ${shown}`);
      expect(change.note).not.toContain('changed from');
    },
  );

  it('R3: a later change is not a first setting and says "changed from ... to ..."', () => {
    const change = approved(decide({ proposal: exact('2026-12-10') }));
    expect(change.firstSetting).toBe(false);
    expect(change.note).toContain('changed from 2026-12-01 to 2026-12-10');
  });
});

describe('R4/R5: what the date is, and what it is not', () => {
  it.each(BASES.map((basis) => [basis]))(
    'R4: an exact date with basis %s is accepted and kept',
    (basis) => {
      const change = approved(decide({ proposal: exact('2026-12-10', basis) }));
      expect(change.basis).toBe(basis);
      expect(change.new.estimate).toBe(false);
    },
  );

  it('R4: the ESD may be in the past, before the kickoff (an email exchange already started)', () => {
    const change = approved(decide({ proposal: exact('2026-11-02', 'two_way_email') }));
    expect(change.new.date).toBe('2026-11-02');
  });

  it.each([
    ['email_sent'],
    ['voicemail'],
    ['voicemail_left'],
    ['first_email'],
    ['Kickoff_Meeting'],
  ])(
    'R5: %s is not a basis (a one-way contact does not start the engagement): basis_invalid',
    (basis) => {
      expect(violations(decide({ proposal: exact('2026-12-10', basis) }))).toEqual([
        { code: 'basis_invalid', field: 'basis', params: {} },
      ]);
    },
  );
});

describe('R6: who sets it first, who updates it', () => {
  it('R6: the Gateway Team sets the first date before the delivery channel is assigned', () => {
    const change = approved(
      decide({
        actor: withRole('gateway'),
        workload: workload({ esd: null, basis: null, channel: unassignedChannel() }),
        proposal: exact('2027-01-11', 'planned'),
        source: 'gateway',
      }),
    );
    expect(change).toMatchObject({
      role: 'gateway',
      firstSetting: true,
      source: 'gateway',
      basis: 'planned',
    });
  });

  it('R6: the assigned FM updates the date afterwards when the customer reschedules', () => {
    const change = approved(
      decide({
        workload: workload({ esd: { date: day('2027-01-11'), estimate: false }, basis: 'planned' }),
        proposal: exact('2027-01-18', 'phone_call'),
        reason: 'Customer rescheduled the first call by one week',
      }),
    );
    expect(change).toMatchObject({
      role: 'fm',
      firstSetting: false,
      old: { date: '2027-01-11', estimate: false },
      new: { date: '2027-01-18', estimate: false },
    });
  });

  it.each([['teams'], ['gateway'], ['import'], ['cli']] as const)(
    'R6: the source %s is carried as given',
    (source) => {
      expect(approved(decide({ source })).source).toBe(source);
    },
  );
});

describe('R8: every change has a reason, in the Overall Status Note', () => {
  it.each([
    [null, 'reason_missing'],
    [undefined, 'reason_missing'],
    ['', 'reason_missing'],
    ['   \n\t  ', 'reason_missing'],
    ['\u0000\u0007\u001b\u007f', 'reason_missing'],
    ['\u200b\u200e\ufeff', 'reason_missing'],
    ['x'.repeat(1001), 'reason_too_long'],
    ['Customer asked for a later start. '.repeat(40), 'reason_too_long'],
    ['..........', 'reason_missing'],
    ['-', 'reason_missing'],
    ['?!', 'reason_missing'],
    ['😀😀😀', 'reason_missing'],
    ['→ ✓ ★', 'reason_missing'],
    ['。、！', 'reason_missing'],
  ] as const)('R8: the reason %j is refused with %s', (reason, code) => {
    const found = violations(decide({ reason }));
    expect(found).toHaveLength(1);
    expect(found[0]?.code).toBe(code);
    expect(found[0]?.field).toBe('reason');
  });

  it('R8: too long names its limit', () => {
    expect(violations(decide({ reason: 'y'.repeat(1001) }))[0]).toEqual({
      code: 'reason_too_long',
      field: 'reason',
      params: { max: 1000 },
    });
  });

  it.each([
    ['en', 'Postponed'],
    ['en', 'Requested new date'],
    ['pt-BR', 'Adiado'],
    ['pt-BR', 'Remarcado'],
    ['pt-BR', 'Nova data solicitada'],
    ['es', 'Aplazado'],
    ['es', 'Nueva fecha solicitada'],
    ['de', 'Verschoben'],
    ['ja', '延期になりました'],
    ['zh', '延期'],
  ] as const)(
    'R8 (FAQ: "make a note as to the reason"): a one-word reason (%s) %j is accepted',
    (_lang, reason) => {
      expect(approved(decide({ reason })).reason).toBe(reason);
    },
  );

  it.each([
    ['en', 'Customer asked to move the kickoff to next month'],
    ['pt', 'Cliente pediu para adiar a reunião de abertura para janeiro'],
    ['es', 'El cliente reprogramó la reunión de inicio para la próxima semana'],
    ['one word', 'Reschedule'],
    ['exactly 1000 chars', `Customer ${'z'.repeat(991)}`],
  ])('R8: a real reason (%s) is accepted and recorded in the note', (_lang, reason) => {
    const change = approved(decide({ reason }));
    expect(change.reason).toBe(reason);
    expect(change.note.endsWith(`Reason: ${reason}`)).toBe(true);
  });

  it('R8: the note carries the normalized reason (controls out, blanks collapsed, trimmed)', () => {
    const change = approved(
      decide({ reason: '  Customer\u0000 asked   to\r\n\r\n  reschedule\u200b the call  ' }),
    );
    expect(change.reason).toBe('Customer asked to\nreschedule the call');
    expect(change.note).toContain('Reason: Customer asked to\nreschedule the call');
  });

  it('R8: the note is an Overall Status Note that says what changed, its basis and why', () => {
    const change = approved(decide({ proposal: exact('2026-12-10', 'phone_call') }));
    expect(change.note).toBe(
      `Engagement Start Date for Exchange Online (EXO) changed from 2026-12-01 to 2026-12-10; basis: phone call. Reason: ${GOOD_REASON}`,
    );
  });
});

describe('R9 serialized deployments: month-only estimates', () => {
  it('R9: a month-only ESD becomes the first of that month, estimate=true, basis defaults to estimated', () => {
    const change = approved(decide({ proposal: month('2027-03') }));
    expect(change.new).toEqual({ date: '2027-03-01', estimate: true });
    expect(change.basis).toBe('estimated');
    expect(change.note).toContain(
      'to 2027-03-01 (estimate: 2027-03, first of month); basis: estimated.',
    );
  });

  it.each([
    [undefined, 'estimated'],
    [null, 'estimated'],
    ['estimated', 'estimated'],
    ['planned', 'planned'],
  ] as const)('R9: a month with basis %j is recorded with basis %s', (basis, expected) => {
    const proposal = basis === undefined ? month('2027-03') : month('2027-03', basis);
    expect(approved(decide({ proposal })).basis).toBe(expected);
  });

  it.each([['kickoff_meeting'], ['two_way_email'], ['phone_call']] as const)(
    'R9: a month with the concrete basis %s is basis_not_estimate',
    (basis) => {
      expect(violations(decide({ proposal: month('2027-03', basis) }))).toEqual([
        { code: 'basis_not_estimate', field: 'basis', params: { basis } },
      ]);
    },
  );

  it.each([['2026-10'], ['2026-01'], ['2025-11'], ['2019-10']])(
    'R9: the month %s, before the current month, is estimate_month_past',
    (value) => {
      expect(violations(decide({ proposal: month(value) }))).toEqual([
        { code: 'estimate_month_past', field: 'month', params: { currentMonth: '2026-11' } },
      ]);
    },
  );

  it.each([
    ['the default window', undefined],
    ['a window allowing no past day', { pastDays: 0, futureDays: 30 }],
  ])(
    'R9: the current month is allowed with %s, though its first day is before today',
    (_w, window) => {
      const change = approved(decide({ proposal: month('2026-11'), window }));
      expect(change.new).toEqual({ date: '2026-11-01', estimate: true });
    },
  );

  it('R9: next month is allowed', () => {
    expect(approved(decide({ proposal: month('2026-12') })).new.date).toBe('2026-12-01');
  });
});

describe('R10 Customer Success Review: the planned start of the discussion', () => {
  it('R10: a planned date for the new workloads, equal to their kickoff, is accepted', () => {
    const change = approved(
      decide({
        workload: workload({ code: 'INTUNE', esd: null, basis: null }),
        proposal: exact('2027-02-15', 'planned'),
        reason: 'Customer Success Review: intent to deploy Intune, kickoff planned',
      }),
    );
    expect(change).toMatchObject({
      basis: 'planned',
      firstSetting: true,
      new: { date: '2027-02-15' },
    });
  });
});

describe('R11 partners: an FRP may update, nothing is demanded of it', () => {
  it('R11: the FRP assigned to the customer may update the ESD the Gateway Team entered', () => {
    const change = approved(
      decide({
        actor: frpActor(),
        workload: workload({ channel: frpChannel(), basis: 'planned' }),
      }),
    );
    expect(change.role).toBe('frp');
  });

  it('R11: the Gateway Team may enter the ESD of a partner-assigned customer', () => {
    const change = approved(
      decide({
        actor: withRole('gateway'),
        workload: workload({ channel: frpChannel(), esd: null }),
      }),
    );
    expect(change).toMatchObject({ role: 'gateway', firstSetting: true });
  });

  const inputs = [
    { proposal: exact('2026-12-10'), reason: GOOD_REASON },
    { proposal: exact('2026-12-01'), reason: GOOD_REASON },
    { proposal: exact('2030-01-01'), reason: 'n/a' },
    { proposal: month('2027-01', 'phone_call'), reason: null },
    { proposal: month('2026-01'), reason: GOOD_REASON },
    { proposal: exact('2026-02-30', 'voicemail'), reason: '   ' },
  ];
  it.each(inputs)(
    'R11: an FRP meets exactly the checks any permitted role meets ($proposal.kind, $reason)',
    ({ proposal, reason }) => {
      const frpWorkload = workload({ channel: frpChannel() });
      const asFrp = decide({ actor: frpActor(), workload: frpWorkload, proposal, reason });
      const asGateway = decide({
        actor: withRole('gateway'),
        workload: frpWorkload,
        proposal,
        reason,
      });
      if (asFrp.ok && asGateway.ok) {
        expect({ ...asFrp.change, role: 'gateway' }).toEqual(asGateway.change);
      } else {
        expect(asFrp).toEqual(asGateway);
      }
    },
  );

  it('R11: an FRP workload without an ESD is not an error (nothing prompts the partner)', () => {
    const frpWorkload = workload({ channel: frpChannel(), esd: null, basis: null });
    expect(approved(decide({ actor: frpActor(), workload: frpWorkload })).firstSetting).toBe(true);
  });
});

describe('Unchanged dates', () => {
  it.each([
    {
      current: { date: day('2026-12-10'), estimate: false },
      proposal: exact('2026-12-10'),
      field: 'date',
    },
    {
      current: { date: day('2027-03-01'), estimate: true },
      proposal: month('2027-03'),
      field: 'month',
    },
    {
      current: { date: day('2026-11-01'), estimate: true },
      proposal: month('2026-11'),
      field: 'month',
    },
  ])(
    'R8: the same date with the same estimate flag ($current.date) is unchanged, with params.current',
    ({ current, proposal, field }) => {
      expect(violations(decide({ workload: workload({ esd: current }), proposal }))).toEqual([
        { code: 'unchanged', field, params: { current } },
      ]);
    },
  );

  it.each([
    {
      current: { date: day('2027-03-01'), estimate: true },
      proposal: exact('2027-03-01', 'planned'),
    },
    { current: { date: day('2027-03-01'), estimate: false }, proposal: month('2027-03') },
  ])(
    'R9: the same date with a changed estimate flag ($current.estimate → $proposal.kind) is allowed',
    ({ current, proposal }) => {
      const change = approved(decide({ workload: workload({ esd: current }), proposal }));
      expect(change.new.date).toBe(current.date);
      expect(change.new.estimate).toBe(!current.estimate);
    },
  );
});

describe('Window of acceptable dates', () => {
  it.each([
    ['exactly today - pastDays', DEFAULT_EARLIEST],
    ['exactly today + futureDays', DEFAULT_LATEST],
    ['today', TODAY],
  ])('R4/R9: %s (%s) is allowed with the default window', (_what, date) => {
    expect(approved(decide({ proposal: exact(date) })).new.date).toBe(date);
  });

  it.each([
    ['one day before today - pastDays', '2025-11-21'],
    ['one day after today + futureDays', '2028-11-22'],
    ['far in the past', '1999-01-01'],
    ['far in the future', '9999-12-31'],
  ])('R4/R9: %s (%s) is date_out_of_window, with earliest and latest', (_what, date) => {
    expect(violations(decide({ proposal: exact(date) }))).toEqual([
      {
        code: 'date_out_of_window',
        field: 'date',
        params: { earliest: DEFAULT_EARLIEST, latest: DEFAULT_LATEST },
      },
    ]);
  });

  it.each([
    ['2028-11', true],
    ['2028-12', false],
  ])('R9: the month %s against the default window: allowed=%s', (value, ok) => {
    const decision = decide({ proposal: month(value) });
    if (ok) expect(approved(decision).new.date).toBe(`${value}-01`);
    else
      expect(violations(decision)).toEqual([
        {
          code: 'date_out_of_window',
          field: 'month',
          params: { earliest: DEFAULT_EARLIEST, latest: DEFAULT_LATEST },
        },
      ]);
  });

  const custom = { pastDays: 7, futureDays: 30 };
  it.each([
    ['2026-11-15', true],
    ['2026-11-14', false],
    ['2026-12-22', true],
    ['2026-12-23', false],
  ])('R4: a custom window (7 back, 30 ahead) is respected: %s allowed=%s', (date, ok) => {
    const decision = decide({ proposal: exact(date), window: custom });
    if (ok) expect(approved(decision).new.date).toBe(date);
    else
      expect(violations(decision)).toEqual([
        {
          code: 'date_out_of_window',
          field: 'date',
          params: { earliest: day('2026-11-15'), latest: day('2026-12-22') },
        },
      ]);
  });

  it('R9: a custom window also limits months: next month is out when its first day is beyond', () => {
    const decision = decide({ proposal: month('2026-12'), window: { pastDays: 0, futureDays: 5 } });
    expect(codes(decision)).toEqual(['date_out_of_window']);
  });
});

describe('Invalid input', () => {
  it.each([
    ['2026-02-30'],
    ['2026-13-01'],
    ['2026-00-10'],
    ['2026-11-31'],
    ['2026-02-29'],
    [''],
    ['26-1-1'],
    ['2026-1-1'],
    ['0000-01-01'],
    ['2026-11-22T00:00:00Z'],
    [' 2026-11-22'],
    ['22/11/2026'],
    ['tomorrow'],
  ])('R4: the exact date %j is date_invalid', (date) => {
    expect(violations(decide({ proposal: exact(date) }))).toEqual([
      { code: 'date_invalid', field: 'date', params: {} },
    ]);
  });

  it.each([
    [42],
    [null],
    [undefined],
    [{ date: '2026-12-10' }],
    [new Date('2026-12-10T00:00:00Z')],
  ])('R4: a date of the wrong type (%j) is date_invalid', (date) => {
    expect(
      codes(decide({ proposal: { kind: 'date', date: date as never, basis: 'planned' } })),
    ).toEqual(['date_invalid']);
  });

  it.each([
    { kind: 'weekly', expected: ['date_invalid'] },
    { kind: undefined, expected: ['date_invalid'] },
    { kind: 42, expected: ['date_invalid'] },
  ])(
    'R9: a proposal of unknown kind ($kind) is never read as a month estimate',
    ({ kind, expected }) => {
      const proposal = { kind, month: '2027-03', basis: 'kickoff_meeting' } as never;
      expect(codes(decide({ proposal }))).toEqual(expected);
      const withDate = {
        kind,
        month: '2027-03',
        date: '2027-03-10',
        basis: 'kickoff_meeting',
      } as never;
      expect(approved(decide({ proposal: withDate })).new).toEqual({
        date: '2027-03-10',
        estimate: false,
      });
    },
  );

  it.each([
    ['2026-13'],
    ['2026-00'],
    ['2027-3'],
    ['27-03'],
    [''],
    ['2027-03-01'],
    ['March 2027'],
    ['0000-05'],
  ])('R9: the month %j is month_invalid', (value) => {
    expect(violations(decide({ proposal: month(value) }))).toEqual([
      { code: 'month_invalid', field: 'month', params: {} },
    ]);
  });

  it.each([[null], [undefined], [''], ['unknown'], ['PLANNED'], [' planned'], [7]])(
    'R4: an exact date with a missing or unknown basis (%j) is basis_invalid',
    (basis) => {
      const proposal = { kind: 'date', date: '2026-12-10', basis: basis as never } as const;
      expect(violations(decide({ proposal }))).toEqual([
        { code: 'basis_invalid', field: 'basis', params: {} },
      ]);
    },
  );

  it.each([
    {
      what: 'bad date, bad basis, no reason',
      proposal: exact('2026-02-30', 'voicemail'),
      reason: '',
      expected: ['date_invalid', 'basis_invalid', 'reason_missing'],
    },
    {
      what: 'bad month, concrete basis, only punctuation',
      proposal: month('2027-13', 'kickoff_meeting'),
      reason: '...',
      expected: ['month_invalid', 'basis_not_estimate', 'reason_missing'],
    },
    {
      what: 'past month, concrete basis, only emoji',
      proposal: month('2026-01', 'phone_call'),
      reason: '🙂',
      expected: ['estimate_month_past', 'basis_not_estimate', 'reason_missing'],
    },
    {
      what: 'out of window and too long',
      proposal: exact('2030-01-01'),
      reason: 'w'.repeat(2000),
      expected: ['date_out_of_window', 'reason_too_long'],
    },
    {
      what: 'unchanged and no reason',
      proposal: exact('2026-12-01'),
      reason: null,
      expected: ['unchanged', 'reason_missing'],
    },
  ] as const)(
    'R8/R9: several field problems at once are all reported ($what)',
    ({ proposal, reason, expected }) => {
      const decision = decide({ proposal, reason });
      expect(codes(decision)).toEqual(expected);
      expect(decision.ok ? null : decision.code).toBe(expected[0]);
    },
  );
});

describe('Permission and R1 failures short-circuit', () => {
  const everythingWrong = { proposal: exact('2026-02-30', 'voicemail'), reason: '' };
  it.each<[string, Actor, Partial<Workload>, ViolationCode]>([
    ['a stranger on an eligible workload', otherFm(), {}, 'not_permitted'],
    [
      'a stranger on a blocked workload (permission is checked first)',
      otherFm(),
      { l1Status: 'blocked' },
      'not_permitted',
    ],
    [
      'the assigned FM on a no_intent workload',
      assignedFm(),
      { l1Status: 'no_intent' },
      'status_ineligible',
    ],
    [
      'a manager on an unassigned status_unknown workload',
      withRole('manager'),
      { l1Status: 'status_unknown', channel: { type: 'unassigned' } },
      'status_ineligible',
    ],
    [
      'a manager on an FM’s workload (the default policy: FM and Gateway Team only)',
      withRole('manager'),
      { l1Status: 'status_unknown' },
      'not_permitted',
    ],
  ])('R1: %s yields only %s, not the field problems', (_what, who, overrides, code) => {
    const decision = decide({ ...everythingWrong, actor: who, workload: workload(overrides) });
    expect(codes(decision)).toEqual([code]);
  });
});

describe('windowBounds', () => {
  it('answers every day and window, a new object each time', () => {
    const windows = [
      DEFAULT_ESD_WINDOW,
      { pastDays: 0, futureDays: 1 },
      { pastDays: 30, futureDays: 730 },
    ];
    const days = ['2026-12-02', '2026-12-03', '2024-02-29', '2026-12-02'] as CalendarDate[];
    for (const today of days)
      for (const window of [...windows, ...windows]) {
        const first = windowBounds(today, window);
        const second = windowBounds(today, window);
        expect(first).toEqual({
          earliest: addDays(today, -window.pastDays),
          latest: addDays(today, window.futureDays),
        });
        expect(second).toEqual(first);
        expect(second).not.toBe(first);
      }
  });
});
