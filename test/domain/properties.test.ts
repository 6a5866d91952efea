import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Actor,
  addDays,
  BASES,
  type CalendarDate,
  calendarDateIn,
  carriesReason,
  checkReason,
  DEFAULT_ESD_WINDOW,
  daysBetween,
  decideEsdChange,
  type EsdChangeRequest,
  GRANTABLE_ROLES,
  graphemesOf,
  isBasis,
  isCalendarDate,
  isConcreteExchange,
  isoWeekday,
  L1_STATUSES,
  monthOf,
  normalizeReason,
  ROLES,
  reasonLength,
  WORKLOAD_CODES,
  type Workload,
} from '../../src/domain/index.js';
import { ANA, PARTNER } from './builders.js';

const RUNS = { numRuns: 2_000 };
const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` of a UTC instant in years 0001..9999 (independent of the code under test). */
const isoDay = (d: Date) => d.toISOString().slice(0, 10) as CalendarDate;
const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);

const anyDay = (min = '0001-01-01', max = '9999-12-31') =>
  fc.date({ min: utc(min), max: utc(max), noInvalidDate: true }).map(isoDay);

// ---- text: unicode, control characters, combining marks, surrogates, huge strings ----------

const TRICKY = [
  '\u0000',
  '\u0007',
  '\u001b',
  '\u007f',
  '\u0085',
  '\u200b',
  '\u200d',
  '\u2028',
  '\u2060',
  '\ufeff',
  '\ud800',
  '\udc00',
  '\ue000',
  '\r',
  '\n',
  '\t',
  ' ',
  '\u00a0',
  '\u3000',
  'e',
  'a',
  'A',
  '\u0301',
  '\u0323',
  '\u0307',
  '\u1100',
  '\u1161',
  '\u11a8',
  'ç',
  'ã',
  'ñ',
  '😀',
  'x',
  '.',
  '1',
  '/',
  '-',
];
const HUGE = 'Customer asked to move the start.\u0000 '.repeat(5_000);
const trickyText = fc.string({ unit: fc.constantFrom(...TRICKY), maxLength: 40 });
const text = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 60 }) },
  { weight: 3, arbitrary: trickyText },
  {
    weight: 1,
    arbitrary: fc.constantFrom('', ' ', 'n/a', 'TBD', 'changed date', 'nova data', '..........'),
  },
  { weight: 1, arbitrary: fc.constantFrom(HUGE, 'x'.repeat(1001), 'ç'.repeat(100_000)) },
);
/** Values of the wrong type, passed through `as never`. */
const wrongType = fc.anything();

const REAL_REASONS = [
  'Customer asked to move the kickoff to next month',
  'Cliente pediu para adiar a reunião de abertura',
  'El cliente reprogramó la reunión de inicio',
  'Serialized deployment: Teams starts after the EXO migration',
];
const reason = fc.oneof(
  {
    weight: 8,
    arbitrary: fc
      .tuple(trickyText, fc.constantFrom(...REAL_REASONS), trickyText)
      .map(([a, r, b]) => `${a}${r}${b}`),
  },
  { weight: 3, arbitrary: text },
  { weight: 1, arbitrary: wrongType },
);

// ---- actors and workloads --------------------------------------------------------------------

const maybe = <T>(arb: fc.Arbitrary<T>) =>
  fc.oneof(arb, fc.constant(null), fc.constant(undefined), text, wrongType);

const actorArb: fc.Arbitrary<Actor> = fc
  .record(
    {
      name: fc.oneof(text, wrongType),
      upn: maybe(fc.constantFrom(ANA.upn, ANA.upn.toUpperCase(), ` ${ANA.upn} `, 'x@contoso.com')),
      aadObjectId: maybe(fc.constantFrom(ANA.aadObjectId, 'aad-other')),
      roles: fc.oneof(
        { weight: 6, arbitrary: fc.subarray([...GRANTABLE_ROLES]) },
        { weight: 1, arbitrary: fc.array(fc.oneof(fc.constantFrom(...ROLES), fc.string())) },
        { weight: 1, arbitrary: wrongType },
      ),
      partnerName: maybe(fc.constantFrom(PARTNER, PARTNER.toLowerCase(), 'Northwind Consulting')),
    },
    { requiredKeys: ['name', 'roles'] },
  )
  .map((a) => a as never);

const channelArb = fc.oneof(
  fc.record({
    type: fc.constant('fm' as const),
    fm: fc.record({
      upn: fc.oneof(fc.constant(ANA.upn), text),
      aadObjectId: fc.oneof(fc.constant(ANA.aadObjectId), fc.constant(null), text),
    }),
  }),
  fc.record({
    type: fc.constant('frp' as const),
    partnerName: fc.oneof(fc.constant(PARTNER), text),
  }),
  fc.constant({ type: 'unassigned' as const }),
);

const nearDay = (today: CalendarDate) =>
  fc.integer({ min: -800, max: 1600 }).map((n) => addDays(today, n));

const workloadArb = (today: CalendarDate): fc.Arbitrary<Workload> =>
  fc.record({
    id: text,
    tenantId: text,
    code: fc.constantFrom(...WORKLOAD_CODES),
    l1Status: fc.oneof(
      { weight: 8, arbitrary: fc.constant('in_progress') },
      { weight: 2, arbitrary: fc.constantFrom(...L1_STATUSES) },
      { weight: 1, arbitrary: wrongType },
    ),
    esd: fc.option(
      fc.record({
        date: fc.oneof(
          nearDay(today),
          nearDay(today).map((d) => `${monthOf(d)}-01`),
        ),
        estimate: fc.boolean(),
      }),
    ),
    basis: fc.option(fc.constantFrom(...BASES)),
    channel: channelArb,
    version: fc.nat(),
  }) as never;

const proposalArb = (today: CalendarDate) => {
  const date = fc.oneof(
    { weight: 8, arbitrary: nearDay(today) },
    { weight: 1, arbitrary: anyDay() },
    { weight: 1, arbitrary: text },
    { weight: 1, arbitrary: wrongType },
  );
  const month = fc.oneof(
    { weight: 8, arbitrary: nearDay(today).map(monthOf) },
    { weight: 1, arbitrary: text },
    { weight: 1, arbitrary: wrongType },
  );
  const basis = fc.oneof(
    { weight: 10, arbitrary: fc.constantFrom(...BASES) },
    { weight: 1, arbitrary: fc.constantFrom(null, undefined) },
    { weight: 1, arbitrary: text },
    { weight: 1, arbitrary: wrongType },
  );
  return fc.oneof(
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('date' as const), date, basis }) },
    {
      weight: 4,
      arbitrary: fc.record(
        { kind: fc.constant('month' as const), month, basis },
        { requiredKeys: ['kind', 'month'] },
      ),
    },
    { weight: 1, arbitrary: fc.record({ kind: wrongType, date, month, basis }) },
  ) as fc.Arbitrary<EsdChangeRequest['proposal']>;
};

const requestArb: fc.Arbitrary<EsdChangeRequest> = anyDay('2000-01-01', '2099-12-31').chain(
  (today) =>
    fc.record(
      {
        workload: workloadArb(today),
        actor: actorArb,
        today: fc.constant(today),
        proposal: proposalArb(today),
        reason: reason as fc.Arbitrary<string>,
        source: fc.constantFrom(
          'teams' as const,
          'gateway' as const,
          'import' as const,
          'cli' as const,
        ),
        window: fc.record({
          pastDays: fc.integer({ min: 0, max: 2000 }),
          futureDays: fc.integer({ min: 0, max: 4000 }),
        }),
      },
      { requiredKeys: ['workload', 'actor', 'today', 'proposal', 'reason', 'source'] },
    ),
);

// ---- decideEsdChange ------------------------------------------------------------------------

describe('decideEsdChange properties', () => {
  it('R1-R11: never throws, and every decision keeps the invariants', () => {
    let approvals = 0;
    fc.assert(
      fc.property(requestArb, (request) => {
        const decision = decideEsdChange(request);
        const { workload, proposal, today } = request;
        if (!decision.ok) {
          expect(decision.violations.length).toBeGreaterThan(0);
          expect(decision.code).toBe(decision.violations[0]?.code);
          // At most one problem per field; who-and-whether failures stand alone.
          const fields = decision.violations.map((v) => v.field);
          expect(new Set(fields).size).toBe(fields.length);
          if (decision.code === 'not_permitted' || decision.code === 'status_ineligible') {
            expect(decision.violations).toHaveLength(1);
          }
          return;
        }
        approvals++;
        const change = decision.change;
        // R1, R2, R3
        expect(workload.l1Status).toBe('in_progress');
        expect(change.workloadId).toBe(workload.id);
        expect(change.tenantId).toBe(workload.tenantId);
        expect(change.old).toBe(workload.esd);
        expect(change.firstSetting).toBe(workload.esd === null);
        // R8: a real, normalized reason, and the note carries it.
        expect(typeof change.reason).toBe('string');
        expect(reasonLength(change.reason)).toBeLessThanOrEqual(1000);
        expect(change.reason).toBe(normalizeReason(change.reason));
        expect(carriesReason(change.reason)).toBe(true);
        expect(change.note).toContain(change.reason);
        expect(change.note.endsWith(`Reason: ${change.reason}`)).toBe(true);
        // R9: estimates come only from a month, as its first day.
        expect(isCalendarDate(change.new.date)).toBe(true);
        expect(change.new.estimate).toBe(proposal.kind === 'month');
        if (change.new.estimate) {
          expect(proposal.kind).toBe('month');
          expect(change.new.date.endsWith('-01')).toBe(true);
          if (proposal.kind === 'month') expect(change.new.date).toBe(`${proposal.month}-01`);
          expect(isConcreteExchange(change.basis)).toBe(false);
        } else {
          // An exact date (also when a malformed kind was sent: it is read as a date).
          expect(change.new.date).toBe((proposal as { date: unknown }).date);
        }
        expect(isBasis(change.basis)).toBe(true);
        // Window: within [today - pastDays, today + futureDays]; the current month's estimate
        // (its first day) is the one allowed exception on the early side.
        const window = request.window ?? DEFAULT_ESD_WINDOW;
        const earliest = addDays(today, -window.pastDays);
        const latest = addDays(today, window.futureDays);
        expect(change.new.date <= latest).toBe(true);
        const currentMonthEstimate =
          change.new.estimate && monthOf(change.new.date) === monthOf(today);
        if (!currentMonthEstimate) expect(change.new.date >= earliest).toBe(true);
        else expect(change.new.date <= today).toBe(true);
        // Never "unchanged".
        const old = workload.esd;
        expect(!!old && old.date === change.new.date && old.estimate === change.new.estimate).toBe(
          false,
        );
        // Role follows from the assignment or a granted role.
        expect(ROLES).toContain(change.role);
        if (change.role === 'fm') expect(workload.channel.type).toBe('fm');
        if (change.role === 'frp') expect(workload.channel.type).toBe('frp');
        if ((GRANTABLE_ROLES as readonly string[]).includes(change.role)) {
          expect(request.actor.roles).toContain(change.role);
        }
        expect(change.source).toBe(request.source);
      }),
      RUNS,
    );
    // The property is not vacuous: a fair share of the generated requests are approved.
    expect(approvals).toBeGreaterThan(RUNS.numRuns / 50);
  });

  it('R11: an FRP on its own workload meets exactly the checks the Gateway Team meets', () => {
    const frpOnly = requestArb.map((request) => ({
      ...request,
      workload: { ...request.workload, channel: { type: 'frp' as const, partnerName: PARTNER } },
    }));
    fc.assert(
      fc.property(frpOnly, (request) => {
        const partner: Actor = {
          name: 'Paula',
          upn: 'p@fabrikam.example',
          roles: [],
          partnerName: PARTNER,
        };
        const gateway: Actor = { name: 'Gus', upn: 'g@microsoft.com', roles: ['gateway'] };
        const asFrp = decideEsdChange({ ...request, actor: partner });
        const asGateway = decideEsdChange({ ...request, actor: gateway });
        if (asFrp.ok && asGateway.ok) {
          expect(asFrp.change.role).toBe('frp');
          expect({ ...asFrp.change, role: 'gateway' }).toEqual(asGateway.change);
        } else {
          expect(asFrp).toEqual(asGateway);
        }
      }),
      RUNS,
    );
  });
});

// ---- reasons ----------------------------------------------------------------------------------

const anyText = fc.oneof(text, fc.string({ unit: fc.constantFrom(...TRICKY), maxLength: 200 }));

describe('normalizeReason and checkReason properties', () => {
  it('R8: normalizeReason is idempotent', () => {
    fc.assert(
      fc.property(anyText, (raw) => {
        const once = normalizeReason(raw);
        expect(normalizeReason(once)).toBe(once);
      }),
      RUNS,
    );
  });

  it('R8: normalizeReason leaves no control or format characters but \\n and \\t, no outer blanks', () => {
    fc.assert(
      fc.property(anyText, (raw) => {
        const out = normalizeReason(raw);
        expect(/[\p{Cc}\p{Cf}\p{Co}\p{Cs}]/u.test(out.replace(/[\n\t]/g, ''))).toBe(false);
        expect(out).toBe(out.trim());
        expect(out.normalize('NFC')).toBe(out);
      }),
      RUNS,
    );
  });

  it('R8: checkReason never throws; an accepted reason is normalized, at most 1000 long, has a letter or digit', () => {
    fc.assert(
      fc.property(fc.oneof(reason, wrongType), (raw) => {
        const result = checkReason(raw as never);
        if (!result.ok) return;
        expect(result.reason).toBe(normalizeReason(result.reason));
        expect(reasonLength(result.reason)).toBeLessThanOrEqual(1000);
        expect(carriesReason(result.reason)).toBe(true);
      }),
      RUNS,
    );
  });

  it('R8: graphemesOf, a chunk at a time, cuts any text as one pass over it does', () => {
    const whole = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    const piece = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 8 }),
      fc.constantFrom('🇧🇷', '🇧', '👨‍👩‍👧‍👦', '👍🏽', 'e\u0301', '\r\n', '\u200d', '\ud83c'),
    );
    const long = fc.array(piece, { maxLength: 400 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(long, (text) => {
        expect([...graphemesOf(text)]).toEqual([...whole.segment(text)].map((s) => s.segment));
      }),
      { numRuns: 300 },
    );
  });

  it('R8: the verdict is the same in every language: refused exactly when nothing is there to read', () => {
    fc.assert(
      fc.property(anyText, (raw) => {
        const result = checkReason(raw);
        const normalized = normalizeReason(raw);
        if (!/[\p{L}\p{N}]/u.test(normalized))
          expect(result).toEqual({ ok: false, problem: 'reason_missing' });
        else if (reasonLength(normalized) <= 1000)
          expect(result).toEqual({ ok: true, reason: normalized });
      }),
      RUNS,
    );
  });
});

// ---- calendar dates ---------------------------------------------------------------------------

describe('calendar date properties', () => {
  it('addDays(d, n) then addDays(-n) round-trips, and agrees with UTC arithmetic', () => {
    fc.assert(
      fc.property(anyDay(), fc.integer({ min: -200_000, max: 200_000 }), (d, n) => {
        const expected = new Date(utc(d).getTime() + n * DAY_MS);
        fc.pre(expected.getUTCFullYear() >= 1 && expected.getUTCFullYear() <= 9999);
        const moved = addDays(d, n);
        expect(moved).toBe(isoDay(expected));
        expect(isCalendarDate(moved)).toBe(true);
        expect(addDays(moved, -n)).toBe(d);
        expect(daysBetween(d, moved)).toBe(n);
      }),
      RUNS,
    );
  });

  it('daysBetween agrees with UTC arithmetic, and addDays(a, daysBetween(a, b)) is b', () => {
    fc.assert(
      fc.property(anyDay(), anyDay(), (a, b) => {
        const n = daysBetween(a, b);
        expect(n).toBe((utc(b).getTime() - utc(a).getTime()) / DAY_MS);
        expect(addDays(a, n)).toBe(b);
        expect(daysBetween(b, a) + n).toBe(0);
      }),
      RUNS,
    );
  });

  it('isoWeekday agrees with the UTC day of the week', () => {
    fc.assert(
      fc.property(anyDay(), (d) => {
        expect(isoWeekday(d)).toBe(utc(d).getUTCDay() || 7);
      }),
      RUNS,
    );
  });

  it('isCalendarDate accepts exactly the YYYY-MM-DD strings that name a real day', () => {
    const pad = (n: number, w: number) => String(n).padStart(w, '0');
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        (y, m, d) => {
          const s = `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
          const parsed = new Date(`${s}T00:00:00Z`);
          const real = y >= 1 && !Number.isNaN(parsed.getTime()) && isoDay(parsed) === s;
          expect(isCalendarDate(s)).toBe(real);
        },
      ),
      RUNS,
    );
  });

  const zones = [...Intl.supportedValuesOf('timeZone'), 'UTC'];
  it('calendarDateIn always returns a valid calendar date, at most a day from the UTC one', () => {
    fc.assert(
      fc.property(
        fc.date({ min: utc('0001-01-03'), max: utc('9999-12-29'), noInvalidDate: true }),
        fc.constantFrom(...zones),
        (instant, zone) => {
          const local = calendarDateIn(instant, zone);
          expect(isCalendarDate(local)).toBe(true);
          expect(Math.abs(daysBetween(isoDay(instant), local))).toBeLessThanOrEqual(1);
        },
      ),
      RUNS,
    );
  });
});
