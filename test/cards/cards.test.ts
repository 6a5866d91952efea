/**
 * Every Adaptive Card the bot sends, built by its builder from realistic data in every language,
 * and checked four ways: fully expanded (no `${...}` left, no empty TextBlock), valid against the
 * Adaptive Card 1.5 JSON schema (a copy in ./schema, never read from elsewhere at run time), parsed
 * by the `adaptivecards` SDK at version 1.5 without a single event, and with well-formed inputs
 * and actions. The checkers themselves are tested first on broken cards, so a pass means something.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as AC from 'adaptivecards';
import Ajv, { type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { CAPACITY_CELL_BUDGET, capacityCard } from '../../src/bot/cards/capacity-card.js';
import { changeCard } from '../../src/bot/cards/change-card.js';
import { confirmationCard } from '../../src/bot/cards/confirmation-card.js';
import { engagementsCard } from '../../src/bot/cards/engagements-card.js';
import { helpCard } from '../../src/bot/cards/help-card.js';
import { historyCard } from '../../src/bot/cards/history-card.js';
import { noResponseCard } from '../../src/bot/cards/no-response-card.js';
import { pickTenantCard, pickWorkloadCard } from '../../src/bot/cards/picker-cards.js';
import { reminderStartedCard } from '../../src/bot/cards/reminder-started-card.js';
import type { Card } from '../../src/bot/cards/templates.js';
import { TENANT_HISTORY_MAX, tenantHistoryCard } from '../../src/bot/cards/tenant-history-card.js';
import { tenantTimelineCard } from '../../src/bot/cards/tenant-timeline-card.js';
import { upcomingCard } from '../../src/bot/cards/upcoming-card.js';
import {
  addDays,
  type Basis,
  type CalendarDate,
  DEFAULT_ESD_WINDOW,
  type Esd,
  type EsdChange,
  type L1Status,
  monthOf,
  type Role,
  type Tenant,
  toCalendarDate,
  type Workload,
  type WorkloadCode,
} from '../../src/domain/index.js';
import { en } from '../../src/i18n/en.js';
import { LANGUAGES, type Language } from '../../src/i18n/language.js';
import { MESSAGES, t } from '../../src/i18n/translate.js';
import {
  type CapacityFm,
  type CapacityStart,
  computeCapacity,
  computeTimeline,
} from '../../src/reports/index.js';
import type { TenantWorkload } from '../../src/store/queries.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

type Json = Record<string, unknown>;

// ---------------------------------------------------------------------------------------------
// Sample data
// ---------------------------------------------------------------------------------------------

const day = (value: string): CalendarDate => toCalendarDate(value);
const exactly = (value: string): Esd => ({ date: day(value), estimate: false });
/** R9: a month-only estimate is stored as the 1st of the month. */
const estimate = (month: string): Esd => ({ date: day(`${month}-01`), estimate: true });

/** A Sunday. */
const TODAY = day('2026-11-22');
const TIME_ZONE = 'America/Sao_Paulo';

const CONTOSO: Tenant = {
  id: '0f4c2a9e-7b1d-4c3e-9a55-2d8e6f1b3c70',
  name: 'contoso.onmicrosoft.com',
  customerName: 'Contoso Ltda.',
};
const FABRIKAM: Tenant = {
  id: '8d21b6f4-3e9a-4f07-b8c2-51a7e0d94f12',
  name: 'fabrikamsa.onmicrosoft.com',
  customerName: 'Fabrikam, S.A. de C.V.',
};
const NORTHWIND: Tenant = {
  id: 'c3a9e1d0-55f2-4b6e-8e1d-7f0b2a4c6d88',
  name: 'northwindtraders.onmicrosoft.com',
  customerName: 'Northwind Traders',
};

function workload(
  tenant: Tenant,
  code: WorkloadCode,
  l1Status: L1Status,
  esd: Esd | null,
  basis: Basis | null = esd ? (esd.estimate ? 'estimated' : 'kickoff_meeting') : null,
): Workload {
  return {
    id: `wl-${tenant.name.split('.')[0]}-${code.toLowerCase()}`,
    tenantId: tenant.id,
    code,
    l1Status,
    esd,
    basis,
    channel: { type: 'fm', fm: { upn: 'ana.silva@microsoft.com', aadObjectId: 'aad-ana-0001' } },
    version: 3,
  };
}

/** One tenant with a workload in every L1 status, with and without a date, one an estimate. */
const CONTOSO_WORKLOADS: readonly Workload[] = [
  workload(CONTOSO, 'EXO', 'in_progress', exactly('2026-12-01')),
  workload(CONTOSO, 'TEAMS', 'in_progress', estimate('2027-02')),
  workload(CONTOSO, 'SPO', 'in_progress', null),
  workload(CONTOSO, 'M365APPS', 'status_unknown', null),
  workload(CONTOSO, 'INTUNE', 'blocked', exactly('2026-09-14'), 'phone_call'),
  workload(CONTOSO, 'AIP', 'no_intent', null),
  workload(CONTOSO, 'PBI', 'duplicate_invalid', null),
];
const FABRIKAM_WORKLOADS: readonly Workload[] = [
  workload(FABRIKAM, 'WDATP', 'in_progress', exactly('2026-11-30'), 'two_way_email'),
  workload(FABRIKAM, 'AADP', 'in_progress', estimate('2026-12')),
  workload(FABRIKAM, 'YAM', 'status_unknown', null),
];
const NORTHWIND_WORKLOADS: readonly Workload[] = [
  workload(NORTHWIND, 'OD', 'in_progress', exactly('2026-12-07'), 'planned'),
];

const pairs = (tenant: Tenant, workloads: readonly Workload[]): TenantWorkload[] =>
  workloads.map((w) => ({ tenant, workload: w }));

/** What the store returns for an FM: several tenants, soonest date first, no date last. */
const ASSIGNED: readonly TenantWorkload[] = [
  ...pairs(FABRIKAM, FABRIKAM_WORKLOADS),
  ...pairs(CONTOSO, CONTOSO_WORKLOADS),
  ...pairs(NORTHWIND, NORTHWIND_WORKLOADS),
].sort((a, b) =>
  (a.workload.esd?.date ?? '9999-12-31').localeCompare(b.workload.esd?.date ?? '9999-12-31'),
);
/** Starts in the next 30 days (the caller filters; the card groups by week). */
const UPCOMING = ASSIGNED.filter(
  ({ workload: w }) => w.esd && w.esd.date >= TODAY && w.esd.date <= '2026-12-22',
);

const [EXO, TEAMS] = CONTOSO_WORKLOADS as [Workload, Workload];

function change(
  id: number,
  old: Esd | null,
  next: Esd,
  basis: Basis,
  who: { name: string; role: Role },
  reason: string,
  changedAt: string,
): EsdChange {
  return {
    id,
    workloadId: TEAMS.id,
    tenantId: CONTOSO.id,
    old,
    new: next,
    basis,
    actorName: who.name,
    actorUpn: `${who.name.toLowerCase().replace(' ', '.')}@microsoft.com`,
    actorAadObjectId: null,
    role: who.role,
    source: 'teams',
    reason,
    changedAt,
  };
}

/** Newest first, as the store returns them. */
const HISTORY: readonly EsdChange[] = [
  change(
    3,
    exactly('2026-12-01'),
    estimate('2027-02'),
    'estimated',
    { name: 'Ana Silva', role: 'fm' },
    'O cliente pediu para adiar o kickoff para “fevereiro”, depois da migração do AD.',
    '2026-11-20T14:30:00Z',
  ),
  change(
    2,
    estimate('2026-12'),
    exactly('2026-12-01'),
    'kickoff_meeting',
    { name: 'Gabriel Ortega', role: 'gateway' },
    'Kickoff booked with the customer’s IT lead <Jorge> & the project sponsor.',
    '2026-10-02T09:05:00Z',
  ),
  change(
    1,
    null,
    estimate('2026-12'),
    'planned',
    { name: 'Marta Díaz', role: 'manager' },
    'Primera fecha acordada con el cliente: diciembre.',
    '2026-08-17T21:45:00Z',
  ),
];

/** A tenant with a workload in every situation a timeline shows. */
const TIMELINE_WORKLOADS: readonly Workload[] = [
  ...CONTOSO_WORKLOADS,
  workload(CONTOSO, 'OD', 'in_progress', exactly('2026-12-01'), 'planned'),
  workload(CONTOSO, 'PROJ', 'in_progress', exactly('2026-12-02'), 'phone_call'),
];

const CAPACITY_FMS: CapacityFm[] = [
  { upn: 'ana.silva@microsoft.com', name: 'Ana Silva', codes: ['EXO', 'TEAMS'] },
  { upn: 'jorge.perez@microsoft.com', name: 'Jorge Pérez', codes: ['SPO'] },
  { upn: 'li.wei@microsoft.com', name: null, codes: ['INTUNE'] },
];
const CAPACITY_STARTS: CapacityStart[] = [
  { fmUpn: 'ana.silva@microsoft.com', code: 'EXO', date: day('2026-11-23'), estimate: false },
  { fmUpn: 'ana.silva@microsoft.com', code: 'TEAMS', date: day('2026-11-26'), estimate: false },
  { fmUpn: 'jorge.perez@microsoft.com', code: 'SPO', date: day('2026-11-27'), estimate: false },
  { fmUpn: 'jorge.perez@microsoft.com', code: 'SPO', date: day('2026-12-01'), estimate: true },
  { fmUpn: 'ana.silva@microsoft.com', code: 'EXO', date: day('2027-01-04'), estimate: false },
];

function capacityReport(
  overrides: Partial<Parameters<typeof computeCapacity>[0]> = {},
): ReturnType<typeof computeCapacity> {
  return computeCapacity({
    fms: CAPACITY_FMS,
    starts: CAPACITY_STARTS,
    today: TODAY,
    weeks: 8,
    ...overrides,
  });
}

/** Many FMs, each busy every week: the largest card the capacity command can send. */
function crowdedCapacity(fms: number, weeks: number) {
  const people = Array.from({ length: fms }, (_, i) => ({
    upn: `fm${i}@microsoft.com`,
    name: `Fernanda Maria de Albuquerque ${i}`,
    codes: ['EXO' as const],
  }));
  const starts = people.flatMap((fm, i) =>
    Array.from({ length: weeks * 2 }, (_, k) => ({
      fmUpn: fm.upn,
      code: 'EXO' as const,
      date: addDays(TODAY, (k * 7 + i) % (weeks * 7)),
      estimate: k % 5 === 0,
    })),
  );
  return computeCapacity({ fms: people, starts, today: TODAY, weeks });
}

// ---------------------------------------------------------------------------------------------
// Every card, in every variant worth sending
// ---------------------------------------------------------------------------------------------

type CardKind =
  | 'change'
  | 'confirmation'
  | 'engagements'
  | 'pickTenant'
  | 'pickWorkload'
  | 'noResponse'
  | 'history'
  | 'help'
  | 'upcoming'
  | 'capacity'
  | 'tenantTimeline'
  | 'tenantHistory'
  | 'reminderStarted';

interface Variant {
  kind: CardKind;
  name: string;
  build: (lang: Language) => Card;
}

const changeInput = (workloads: readonly Workload[] = CONTOSO_WORKLOADS) => ({
  tenant: CONTOSO,
  workloads,
  today: TODAY,
  window: DEFAULT_ESD_WINDOW,
});

const VARIANTS: readonly Variant[] = [
  {
    kind: 'change',
    name: 'blank form',
    build: (lang) => changeCard(changeInput(), lang),
  },
  {
    kind: 'change',
    name: 'prefilled with a date',
    build: (lang) =>
      changeCard(
        {
          ...changeInput(),
          values: {
            workload: EXO.id,
            date: '2026-12-10',
            basis: 'kickoff_meeting',
            reason: 'Kickoff moved a week at the customer’s request',
          },
          notice: { code: 'typed_date', text: '10 dez', date: day('2026-12-10') },
        },
        lang,
      ),
  },
  {
    kind: 'change',
    name: 'prefilled with a month only (estimate)',
    build: (lang) =>
      changeCard(
        {
          ...changeInput(),
          values: { workload: TEAMS.id, month: '2027-03', basis: 'estimated' },
          notice: { code: 'typed_month', text: 'março', month: monthOf(day('2027-03-01')) },
        },
        lang,
      ),
  },
  {
    kind: 'change',
    name: 'errors on every field and a banner',
    build: (lang) =>
      changeCard(
        {
          ...changeInput(),
          values: { workload: 'wl-gone', date: '2031-01-01', month: '2020-01', basis: 'x' },
          notice: {
            code: 'invalid',
            problems: [
              { code: 'workload_gone' },
              {
                code: 'rejected',
                workload: EXO,
                violations: [
                  {
                    code: 'date_out_of_window',
                    field: 'date',
                    params: { earliest: day('2025-11-22'), latest: day('2028-11-21') },
                  },
                  {
                    code: 'estimate_month_past',
                    field: 'month',
                    params: { currentMonth: '2026-11' },
                  },
                  { code: 'basis_invalid', field: 'basis', params: {} },
                  { code: 'reason_missing', field: 'reason', params: {} },
                ],
              },
            ],
          },
        },
        lang,
      ),
  },
  {
    kind: 'change',
    name: 'conflict banner',
    build: (lang) =>
      changeCard(
        {
          ...changeInput(),
          values: { workload: EXO.id, date: '2026-12-10', reason: 'Moved by the customer' },
          notice: { code: 'conflict', current: EXO.esd },
        },
        lang,
      ),
  },
  {
    kind: 'change',
    name: 'no workloads',
    build: (lang) => changeCard({ ...changeInput([]), notice: null }, lang),
  },
  {
    kind: 'confirmation',
    name: 'date to estimate',
    build: (lang) =>
      confirmationCard(
        {
          tenant: CONTOSO,
          workload: TEAMS,
          change: HISTORY[0] as EsdChange,
          note: '[ESD] 1 Dec 2026 → February 2027 (estimate). O cliente pediu para adiar o kickoff.',
        },
        lang,
      ),
  },
  {
    kind: 'confirmation',
    name: 'first date (none before)',
    build: (lang) =>
      confirmationCard(
        {
          tenant: CONTOSO,
          workload: TEAMS,
          change: HISTORY[2] as EsdChange,
          note: '[ESD] not set → December 2026 (estimate). Primera fecha acordada.',
        },
        lang,
      ),
  },
  {
    kind: 'engagements',
    name: 'several tenants and statuses',
    build: (lang) => engagementsCard(ASSIGNED, lang),
  },
  { kind: 'engagements', name: 'empty', build: (lang) => engagementsCard([], lang) },
  {
    kind: 'pickTenant',
    name: 'three tenants',
    build: (lang) => pickTenantCard([CONTOSO, FABRIKAM, NORTHWIND], lang),
  },
  { kind: 'pickTenant', name: 'empty', build: (lang) => pickTenantCard([], lang) },
  {
    kind: 'pickWorkload',
    name: 'history picker',
    build: (lang) =>
      pickWorkloadCard(
        ASSIGNED,
        { verb: 'esd.history', title: 'history.pickTitle', submit: 'history.show' },
        lang,
      ),
  },
  {
    kind: 'pickWorkload',
    name: 'empty',
    build: (lang) =>
      pickWorkloadCard(
        [],
        { verb: 'esd.history', title: 'history.pickTitle', submit: 'history.show' },
        lang,
      ),
  },
  {
    kind: 'noResponse',
    name: 'blank form',
    build: (lang) => noResponseCard(ASSIGNED, lang),
  },
  {
    kind: 'noResponse',
    name: 'prefilled with a banner',
    build: (lang) =>
      noResponseCard(ASSIGNED, lang, {
        values: { workload: EXO.id, kind: 'inactive', detail: 'Three emails, two calls.' },
        problem: { code: 'kind_missing' },
      }),
  },
  { kind: 'noResponse', name: 'empty', build: (lang) => noResponseCard([], lang) },
  {
    kind: 'history',
    name: 'three changes',
    build: (lang) =>
      historyCard(
        { tenant: CONTOSO, workload: TEAMS, changes: HISTORY, timeZone: TIME_ZONE },
        lang,
      ),
  },
  {
    kind: 'history',
    name: 'no change yet, no date',
    build: (lang) =>
      historyCard(
        {
          tenant: CONTOSO,
          workload: CONTOSO_WORKLOADS[2] as Workload,
          changes: [],
          timeZone: TIME_ZONE,
        },
        lang,
      ),
  },
  { kind: 'help', name: 'help', build: (lang) => helpCard(lang) },
  {
    kind: 'upcoming',
    name: 'two weeks of starts',
    build: (lang) => upcomingCard(UPCOMING, 30, lang),
  },
  { kind: 'upcoming', name: 'nothing coming', build: (lang) => upcomingCard([], 30, lang) },
  {
    kind: 'upcoming',
    name: 'overdue first, estimates marked',
    build: (lang) =>
      upcomingCard(UPCOMING, 30, lang, undefined, [
        { tenant: FABRIKAM, workload: FABRIKAM_WORKLOADS[0] as Workload, days: -12 },
        { tenant: CONTOSO, workload: EXO, days: -1 },
      ]),
  },
  {
    kind: 'upcoming',
    name: 'overdue, then the documented missing answers apart (R7)',
    build: (lang) =>
      upcomingCard(
        UPCOMING,
        30,
        lang,
        undefined,
        [{ tenant: CONTOSO, workload: EXO, days: -1 }],
        [
          {
            tenant: FABRIKAM,
            workload: FABRIKAM_WORKLOADS[0] as Workload,
            days: -12,
            recorded: 'no_answer',
          },
          { tenant: CONTOSO, workload: EXO, days: -3, recorded: 'inactive' },
        ],
      ),
  },
  {
    kind: 'reminderStarted',
    name: 'when did it begin: today, the ESD, another day',
    build: (lang) =>
      reminderStartedCard(
        {
          reminder: 'AAAAAAAAAAAAAAAAAAAAAA',
          tenant: CONTOSO,
          code: 'EXO',
          esd: { date: addDays(TODAY, -3), estimate: false },
          today: TODAY,
          pastDays: DEFAULT_ESD_WINDOW.pastDays,
        },
        lang,
      ),
  },
  {
    kind: 'reminderStarted',
    name: 'an estimate, refused with a banner, values kept',
    build: (lang) =>
      reminderStartedCard(
        {
          reminder: 'AAAAAAAAAAAAAAAAAAAAAA',
          tenant: FABRIKAM,
          code: 'TEAMS',
          esd: { date: `${TODAY.slice(0, 7)}-01` as CalendarDate, estimate: true },
          today: TODAY,
          pastDays: DEFAULT_ESD_WINDOW.pastDays,
          values: { when: 'other', date: '', basis: 'phone_call', reason: 'Called them' },
          problems: { kind: 'form', problems: [{ code: 'date_missing', field: 'date' }] },
        },
        lang,
      ),
  },
  {
    kind: 'capacity',
    name: 'several FMs, busiest weeks highlighted',
    build: (lang) => capacityCard(capacityReport(), lang),
  },
  {
    kind: 'capacity',
    name: 'filtered by FM and workload',
    build: (lang) => capacityCard(capacityReport({ filter: { fm: 'ana', workload: 'EXO' } }), lang),
  },
  {
    kind: 'capacity',
    name: 'no FM matches',
    build: (lang) => capacityCard(capacityReport({ filter: { fm: 'nobody' } }), lang),
  },
  {
    kind: 'capacity',
    name: 'FMs with no start at all',
    build: (lang) => capacityCard(capacityReport({ starts: [] }), lang),
  },
  {
    kind: 'capacity',
    name: 'more FMs than one card holds, 26 weeks',
    build: (lang) => capacityCard(crowdedCapacity(40, 26), lang),
  },
  {
    kind: 'tenantTimeline',
    name: 'dated, estimate, not In Progress and undated workloads',
    build: (lang) => tenantTimelineCard(computeTimeline(CONTOSO, TIMELINE_WORKLOADS), lang),
  },
  {
    kind: 'tenantTimeline',
    name: 'split entitlements and a Target Date gap',
    build: (lang) =>
      tenantTimelineCard(
        computeTimeline(CONTOSO, [
          {
            ...workload(CONTOSO, 'EXO', 'in_progress', exactly('2026-12-07')),
            entitlements: [
              { l1Status: 'in_progress', seats: 80, targetDate: day('2027-01-29'), l2Reason: null },
              { l1Status: 'blocked', seats: 20, targetDate: null, l2Reason: null },
            ],
          },
          workload(CONTOSO, 'TEAMS', 'in_progress', exactly('2027-02-15')),
          {
            ...workload(CONTOSO, 'SPO', 'blocked', null),
            entitlements: [
              { l1Status: 'blocked', seats: 50, targetDate: null, l2Reason: null },
              { l1Status: 'no_intent', seats: 30, targetDate: null, l2Reason: null },
            ],
          },
        ]),
        lang,
      ),
  },
  {
    kind: 'tenantTimeline',
    name: 'one workload, no date',
    build: (lang) =>
      tenantTimelineCard(computeTimeline(NORTHWIND, [CONTOSO_WORKLOADS[2] as Workload]), lang),
  },
  {
    kind: 'tenantTimeline',
    name: 'no workload at all',
    build: (lang) => tenantTimelineCard(computeTimeline(NORTHWIND, []), lang),
  },
  {
    kind: 'tenantHistory',
    name: 'three changes',
    build: (lang) =>
      tenantHistoryCard(
        { tenant: CONTOSO, workloads: CONTOSO_WORKLOADS, changes: HISTORY, timeZone: TIME_ZONE },
        lang,
      ),
  },
  {
    kind: 'tenantHistory',
    name: 'no change yet',
    build: (lang) =>
      tenantHistoryCard(
        { tenant: CONTOSO, workloads: CONTOSO_WORKLOADS, changes: [], timeZone: TIME_ZONE },
        lang,
      ),
  },
  {
    kind: 'tenantHistory',
    name: 'more changes than one card shows',
    build: (lang) =>
      tenantHistoryCard(
        {
          tenant: CONTOSO,
          workloads: CONTOSO_WORKLOADS,
          changes: Array.from({ length: 40 }, (_, i) => ({
            ...(HISTORY[i % 3] as EsdChange),
            id: 100 - i,
          })),
          timeZone: TIME_ZONE,
        },
        lang,
      ),
  },
];

/** Choice sets that stand for a required answer: the bot cannot act without them. */
const REQUIRED_CHOICE_SETS: Record<CardKind, readonly string[]> = {
  change: ['workload'],
  confirmation: [],
  engagements: [],
  pickTenant: ['tenant'],
  pickWorkload: ['workload'],
  noResponse: ['workload', 'kind'],
  history: [],
  help: [],
  upcoming: [],
  capacity: [],
  tenantTimeline: [],
  tenantHistory: [],
  reminderStarted: ['when'],
};

// ---------------------------------------------------------------------------------------------
// Walking a card
// ---------------------------------------------------------------------------------------------

/** Every object in the card, depth first, with its JSON path. */
function* objects(value: unknown, path = '$'): Generator<{ node: Json; path: string }> {
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) yield* objects(item, `${path}[${i}]`);
  } else if (value && typeof value === 'object') {
    yield { node: value as Json, path };
    for (const [key, item] of Object.entries(value)) yield* objects(item, `${path}.${key}`);
  }
}

const ofType = (card: unknown, test: (type: string) => boolean) =>
  [...objects(card)].filter(({ node }) => typeof node.type === 'string' && test(node.type));

const isInput = (type: string) => type.startsWith('Input.') && type !== 'Input.Choice';

const nonEmpty = (value: unknown): value is string =>
  typeof value === 'string' && value.trim() !== '';

// 1. Fully expanded ---------------------------------------------------------------------------

function expansionProblems(card: unknown): string[] {
  const problems: string[] = [];
  for (const { node, path } of objects(card)) {
    for (const [key, value] of Object.entries(node)) {
      if (typeof value === 'string' && value.includes('${'))
        problems.push(`${path}.${key}: unexpanded ${JSON.stringify(value)}`);
      // `$data` and `$when` are templating keywords: the host would show them as they are.
      if (key.startsWith('$') && key !== '$schema') problems.push(`${path}.${key}: leftover key`);
    }
    if (node.type === 'TextBlock' && !nonEmpty(node.text))
      problems.push(`${path}: TextBlock with empty text ${JSON.stringify(node.text)}`);
  }
  // Anywhere at all, keys included.
  if (problems.length === 0 && JSON.stringify(card).includes('${'))
    problems.push('unexpanded ${ somewhere in the card');
  return problems;
}

// 2. Adaptive Card 1.5 JSON schema ------------------------------------------------------------

/**
 * The upstream schema, from ./schema (see its README), with four changes made here, when loading,
 * so that the copy keeps upstream's data unchanged:
 * - its draft-06 `id` becomes `$id`, which is what Ajv 8 reads;
 * - `version` is pinned to "1.5": Teams renders up to 1.5, and the upstream schema only types it
 *   as a string (a "1.6" card would pass);
 * - the root card may carry Teams' documented `msteams: { "width": "Full" }` extension, and
 *   nothing else under `msteams` (upstream allows no extra root property at all);
 * - `Input.ChoiceSet` may use `style: "filtered"`: a 1.5 feature (microsoft/AdaptiveCards#5994,
 *   samples/v1.5/Elements/Input.ChoiceSet.Filtered.json; the SDK accepts it from 1.5 on, see the
 *   SDK checks) that the published 1.5.0 schema file left out of `ChoiceInputStyle`.
 */
function cardSchema(): Json {
  const { id, ...upstream } = JSON.parse(
    readFileSync(join(HERE, 'schema', 'adaptive-card-1.5.json'), 'utf8'),
  ) as Json & { definitions: Record<string, { properties: Json; anyOf: { enum?: string[] }[] }> };
  const root = upstream.definitions.AdaptiveCard;
  const choiceStyles = upstream.definitions.ChoiceInputStyle?.anyOf[0]?.enum;
  if (!root || !choiceStyles) throw new Error('not the Adaptive Card 1.5 schema this test knows');
  choiceStyles.push('filtered');
  root.properties.version = { type: 'string', enum: ['1.5'] };
  root.properties.msteams = {
    type: 'object',
    properties: { width: { enum: ['Full'] } },
    additionalProperties: false,
  };
  return { $id: id, ...upstream };
}

function schemaValidator() {
  // strictTypes off: the vendor schema puts `pattern` and `required` under `anyOf` without a
  // `type`, which is about how it is written, not about our cards. The rest of strict mode stays
  // on; its own annotations are declared as keywords.
  const ajv = new Ajv.default({ allErrors: true, strictTypes: false });
  ajv.addMetaSchema(
    JSON.parse(readFileSync(require.resolve('ajv/dist/refs/json-schema-draft-06.json'), 'utf8')),
  );
  addFormats.default(ajv);
  ajv.addVocabulary(['version', 'features', 'example']);
  const schema = cardSchema();
  const validate = ajv.compile(schema);
  const definition = (type: string) => ajv.getSchema(`${String(schema.$id)}#/definitions/${type}`);
  const show = (path: string, e: ErrorObject) =>
    `${path}${e.instancePath} ${e.message ?? ''} ${JSON.stringify(e.params)}`;

  /**
   * The schema answers yes or no; its errors for a card that fails are one per `anyOf` branch
   * (every element type). For a readable report each typed object is validated against its own
   * definition, keeping only errors that do not belong to a typed child (reported on its own).
   */
  function explain(card: unknown): string[] {
    const found: string[] = [];
    for (const { node, path } of objects(card)) {
      if (typeof node.type !== 'string') continue;
      const check = definition(node.type);
      if (!check) {
        found.push(`${path}: no element or action "${node.type}" in Adaptive Cards 1.5`);
        continue;
      }
      if (check(node)) continue;
      for (const e of check.errors ?? []) {
        const segments = e.instancePath.split('/').slice(1);
        const ownedByChild = segments.some((_, i) => {
          const inner = pointer(node, segments.slice(0, i + 1));
          return !!inner && typeof inner === 'object' && 'type' in inner;
        });
        if (!ownedByChild && e.keyword !== 'anyOf') found.push(show(path, e));
      }
    }
    return found;
  }

  return (card: unknown): string[] => {
    if (validate(card)) return [];
    const raw = (validate.errors ?? []).map((e) => show('$', e));
    const explained = explain(card);
    // Never an empty list for a card the schema rejects.
    return explained.length > 0 ? explained : raw;
  };
}

function pointer(value: unknown, segments: readonly string[]): unknown {
  let current = value;
  for (const segment of segments) {
    if (!current || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[segment.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return current;
}

const schemaErrors = schemaValidator();

// 3. The adaptivecards SDK, at version 1.5 ----------------------------------------------------

/** Parses `json` as a host of version `target` would; every parse or validation event is kept. */
function sdkParse(json: unknown, target: AC.Version = AC.Versions.v1_5) {
  const card = new AC.AdaptiveCard();
  // A card above `target` is then an UnsupportedCardVersion failure of validateProperties().
  card.maxVersion = target;
  const context = new AC.SerializationContext();
  // Elements, actions and property values above `target` are unknown at this target version.
  context.targetVersion = target;
  card.parse(json, context);
  const show = (e: AC.IValidationEvent) =>
    `${AC.ValidationPhase[e.phase]} ${AC.ValidationEvent[e.event]}: ${e.message}`;
  const events: string[] = [];
  for (let i = 0; i < context.eventCount; i++) events.push(show(context.getEventAt(i)));
  const results = card.validateProperties();
  events.push(...results.validationEvents.map(show));
  return { card, events, ids: results.allIds };
}

// 4. Inputs and actions -----------------------------------------------------------------------

function inputProblems(card: unknown, requiredChoiceSets: readonly string[] = []): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const { node, path } of ofType(card, isInput)) {
    if (!nonEmpty(node.id)) problems.push(`${path}: ${node.type} without an id`);
    else if (seen.has(node.id)) problems.push(`${path}: duplicate id ${node.id}`);
    else seen.add(node.id);
    if (!nonEmpty(node.label)) problems.push(`${path}: ${node.type} without a label`);
    if (node.isRequired === true && !nonEmpty(node.errorMessage))
      problems.push(`${path}: required ${node.type} without an errorMessage`);
  }
  for (const id of requiredChoiceSets) {
    const found = ofType(card, (type) => type === 'Input.ChoiceSet').find(
      ({ node }) => node.id === id,
    );
    if (!found) problems.push(`no Input.ChoiceSet "${id}"`);
    else if (found.node.isRequired !== true || !nonEmpty(found.node.errorMessage))
      problems.push(`${found.path}: "${id}" needs isRequired and an errorMessage`);
  }
  return problems;
}

function actionProblems(card: unknown): string[] {
  const problems: string[] = [];
  for (const { node, path } of ofType(card, (type) => type === 'Action.Execute')) {
    const { verb, data, fallback, title } = node;
    if (!nonEmpty(verb)) problems.push(`${path}: Action.Execute without a verb`);
    if (!nonEmpty(title)) problems.push(`${path}: Action.Execute without a title`);
    if (!data || typeof data !== 'object' || Array.isArray(data))
      problems.push(`${path}: Action.Execute without object data`);
    else if ((data as Json).verb !== verb)
      problems.push(`${path}: data.verb ${JSON.stringify((data as Json).verb)} is not ${verb}`);
    const submit = fallback as Json | undefined;
    if (submit?.type !== 'Action.Submit') problems.push(`${path}: no Action.Submit fallback`);
    else {
      if (JSON.stringify(submit.data) !== JSON.stringify(data))
        problems.push(`${path}.fallback: data differs from the Action.Execute data`);
      if (submit.title !== title) problems.push(`${path}.fallback: title differs`);
    }
  }
  return problems;
}

/** What a person reads first: the title, the inputs' labels, placeholders and error messages, and the buttons. */
function visibleTexts(card: unknown) {
  const texts = { title: '', labels: new Map<string, string>(), actions: [] as string[] };
  for (const { node } of objects(card)) {
    if (node.type === 'TextBlock' && !texts.title) texts.title = String(node.text);
    if (typeof node.type === 'string' && isInput(node.type))
      for (const key of ['label', 'placeholder', 'errorMessage'] as const)
        if (nonEmpty(node[key])) texts.labels.set(`${String(node.id)}.${key}`, node[key]);
    if (typeof node.type === 'string' && node.type.startsWith('Action.'))
      texts.actions.push(String(node.title));
  }
  return texts;
}

// ---------------------------------------------------------------------------------------------
// The checkers catch broken cards
// ---------------------------------------------------------------------------------------------

/** A small card that passes every check; each broken case below changes one thing. */
function goodCard(): Json {
  const action = { verb: 'esd.test', tenantId: CONTOSO.id };
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    msteams: { width: 'Full' },
    body: [
      { type: 'TextBlock', text: 'Title', wrap: true },
      {
        type: 'Input.ChoiceSet',
        id: 'workload',
        label: 'Workload',
        isRequired: true,
        errorMessage: 'Choose a workload.',
        choices: [{ title: 'Exchange Online', value: 'wl-1' }],
      },
      { type: 'Input.Text', id: 'reason', label: 'Reason', isMultiline: true },
    ],
    actions: [
      {
        type: 'Action.Execute',
        verb: 'esd.test',
        title: 'Save',
        data: action,
        fallback: { type: 'Action.Submit', title: 'Save', data: action },
      },
    ],
  };
}

const bodyOf = (card: Json) => card.body as Json[];
const actionOf = (card: Json) => (card.actions as Json[])[0] as Json;

function broken(change: (card: Json) => void): Json {
  const card = goodCard();
  change(card);
  return card;
}

type Breakage = readonly [name: string, change: (card: Json) => void, expected: RegExp];

const setVersion =
  (version: string) =>
  (card: Json): void => {
    card.version = version;
  };

describe('the checkers', () => {
  it('pass the reference card', () => {
    const card = goodCard();
    expect(expansionProblems(card)).toEqual([]);
    expect(schemaErrors(card)).toEqual([]);
    expect(sdkParse(card).events).toEqual([]);
    expect(inputProblems(card, ['workload'])).toEqual([]);
    expect(actionProblems(card)).toEqual([]);
  });

  it.each<Breakage>([
    [
      'a leftover binding',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: an unexpanded template binding
      (c) => bodyOf(c).push({ type: 'TextBlock', text: 'Hi ${name}' }),
      /body\[3\]\.text: unexpanded/,
    ],
    [
      'an empty TextBlock',
      (c) => bodyOf(c).push({ type: 'TextBlock', text: ' ' }),
      /body\[3\]: TextBlock with empty text/,
    ],
    [
      'a leftover $when',
      (c) => bodyOf(c).push({ type: 'TextBlock', text: 'x', $when: 'y' }),
      /body\[3\]\.\$when: leftover key/,
    ],
  ])('expansion check catches %s', (_, change, expected) => {
    expect(expansionProblems(broken(change))).toContainEqual(expect.stringMatching(expected));
  });

  it.each<Breakage>([
    [
      'an unknown element type',
      (c) => bodyOf(c).push({ type: 'Bogus', text: 'x' }),
      /body\[3\]: no element or action "Bogus"/,
    ],
    [
      'a 1.6 element (Carousel)',
      (c) => bodyOf(c).push({ type: 'Carousel', pages: [] }),
      /body\[3\]: no element or action "Carousel"/,
    ],
    [
      'a TextBlock without text',
      (c) => bodyOf(c).push({ type: 'TextBlock', wrap: true }),
      /body\[3\] must have required property 'text'/,
    ],
    ['version "1.6"', setVersion('1.6'), /\/version must be equal to one of the allowed values/],
    [
      'an input without id',
      (c) => delete bodyOf(c)[2]?.id,
      /body\[2\] must have required property 'id'/,
    ],
    [
      'an unknown property',
      (c) => Object.assign(bodyOf(c)[0] as Json, { colour: 'Good' }),
      /body\[0\] must NOT have additional properties .*colour/,
    ],
    [
      'a bad enum value',
      (c) => Object.assign(bodyOf(c)[0] as Json, { size: 'Huge' }),
      /body\[0\]\/size must be equal to one of the allowed values/,
    ],
    [
      'a bad choice style',
      (c) => Object.assign(bodyOf(c)[1] as Json, { style: 'wide' }),
      /body\[1\]\/style must be equal to one of the allowed values/,
    ],
    [
      'an unknown msteams option',
      (c) => Object.assign(c, { msteams: { width: 'Half' } }),
      /\/msteams\/width must be equal to one of the allowed values/,
    ],
    [
      'an unknown action type',
      (c) => Object.assign(actionOf(c), { type: 'Action.Exec' }),
      /actions\[0\]: no element or action "Action\.Exec"/,
    ],
  ])('schema check catches %s', (_, change, expected) => {
    expect(schemaErrors(broken(change))).toContainEqual(expect.stringMatching(expected));
  });

  it.each<Breakage>([
    [
      'an unknown element type',
      (c) => bodyOf(c).push({ type: 'Bogus', text: 'x' }),
      /UnknownElementType: .*"Bogus"/,
    ],
    [
      'a 1.6 element (Carousel)',
      (c) => bodyOf(c).push({ type: 'Carousel', pages: [] }),
      /UnknownElementType: .*"Carousel"/,
    ],
    [
      'a 1.6 input (Input.Rating)',
      (c) => bodyOf(c).push({ type: 'Input.Rating', id: 'rating', label: 'Rate' }),
      /UnknownElementType: .*"Input\.Rating"/,
    ],
    ['version "1.6"', setVersion('1.6'), /UnsupportedCardVersion: .*\(1\.6\)/],
    ['an input without id', (c) => delete bodyOf(c)[2]?.id, /All inputs must have a unique Id/],
    [
      'two inputs with one id',
      (c) => Object.assign(bodyOf(c)[2] as Json, { id: 'workload' }),
      /DuplicateId: .*"workload"/,
    ],
    [
      'an unknown action type',
      (c) => Object.assign(actionOf(c), { type: 'Action.Exec' }),
      /UnknownActionType: .*"Action\.Exec"/,
    ],
    [
      'a bad property value',
      (c) => Object.assign(bodyOf(c)[1] as Json, { style: 'wide' }),
      /InvalidPropertyValue: .*"wide"/,
    ],
  ])('SDK check catches %s', (_, change, expected) => {
    expect(sdkParse(broken(change)).events).toContainEqual(expect.stringMatching(expected));
  });

  it('SDK check knows "filtered" is a 1.5 choice style (a 1.4 host flags it)', () => {
    const card = broken((c) => Object.assign(bodyOf(c)[1] as Json, { style: 'filtered' }));
    expect(sdkParse(card).events).toEqual([]);
    expect(sdkParse({ ...card, version: '1.4' }, AC.Versions.v1_4).events).toEqual([
      expect.stringMatching(/InvalidPropertyValue: .*"filtered"/),
    ]);
  });

  it('SDK check catches an Action.Execute (1.4) sent to a 1.3 host', () => {
    expect(sdkParse(broken(setVersion('1.3')), AC.Versions.v1_3).events).toEqual([
      expect.stringMatching(/UnknownActionType: .*"Action\.Execute"/),
    ]);
  });

  it.each<Breakage>([
    ['an input without label', (c) => delete bodyOf(c)[2]?.label, /Input\.Text without a label/],
    ['an input without id', (c) => delete bodyOf(c)[2]?.id, /Input\.Text without an id/],
    [
      'a required input without errorMessage',
      (c) => delete bodyOf(c)[1]?.errorMessage,
      /required Input\.ChoiceSet without an errorMessage/,
    ],
    [
      'a required choice set not marked required',
      (c) => Object.assign(bodyOf(c)[1] as Json, { isRequired: false }),
      /"workload" needs isRequired and an errorMessage/,
    ],
    [
      'an Action.Execute without verb',
      (c) => delete actionOf(c).verb,
      /Action\.Execute without a verb/,
    ],
    [
      'data whose verb differs',
      (c) => Object.assign(actionOf(c), { data: { verb: 'esd.other' } }),
      /data\.verb "esd\.other" is not esd\.test/,
    ],
    ['no fallback', (c) => delete actionOf(c).fallback, /no Action\.Submit fallback/],
    [
      'a fallback that is not Action.Submit',
      (c) => Object.assign(actionOf(c), { fallback: 'drop' }),
      /no Action\.Submit fallback/,
    ],
    [
      'a fallback with other data',
      (c) =>
        Object.assign(actionOf(c), {
          fallback: { type: 'Action.Submit', title: 'Save', data: { verb: 'esd.test' } },
        }),
      /fallback: data differs/,
    ],
  ])('input and action checks catch %s', (_, change, expected) => {
    const card = broken(change);
    expect([...inputProblems(card, ['workload']), ...actionProblems(card)]).toContainEqual(
      expect.stringMatching(expected),
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Every card, every language
// ---------------------------------------------------------------------------------------------

/**
 * Problems the cards are known to have, by variant: the SDK events each produces, in every
 * language. A variant listed here must produce exactly these events (a new problem still fails,
 * and a fixed one fails too, as a reminder to remove it from this list).
 *
 * An Input.ChoiceSet with no choice: the SDK reports CollectionCantBeEmpty, and in Teams it is a
 * dead end (a required dropdown with nothing to choose). The bot guards the pickers (no card when
 * the list is empty) but not the change card of a tenant without workloads.
 */
const EMPTY_CHOICES =
  'Validation CollectionCantBeEmpty: An Input.ChoiceSet must have at least one choice defined.';
const KNOWN_SDK_EVENTS: Record<string, readonly string[]> = {
  'change: no workloads': [EMPTY_CHOICES],
  'pickTenant: empty': [EMPTY_CHOICES],
  'pickWorkload: empty': [EMPTY_CHOICES],
  'noResponse: empty': [EMPTY_CHOICES],
};

const labelled = (variants: readonly Variant[]) =>
  variants.map((v) => ({ ...v, label: `${v.kind}: ${v.name}` }));

describe.each(LANGUAGES)('cards in %s', (lang) => {
  describe.each(labelled(VARIANTS))('$label', (v) => {
    // Built on first use, so that a builder that throws fails its tests, not the whole file.
    let built: Card | undefined;
    const card = () => {
      built ??= v.build(lang);
      return built;
    };

    it('is fully expanded, with no empty TextBlock', () => {
      expect(expansionProblems(card())).toEqual([]);
    });

    it('is an Adaptive Card 1.5 by the JSON schema', () => {
      expect(card().version).toBe('1.5');
      expect(schemaErrors(card())).toEqual([]);
    });

    it('parses with the adaptivecards SDK at 1.5 without any event', () => {
      const { card: parsed, events, ids } = sdkParse(card());
      expect(events).toEqual(KNOWN_SDK_EVENTS[v.label] ?? []);
      expect(parsed.version.toString()).toBe('1.5');
      // Every input the JSON declares is known to the SDK, exactly once.
      const inputIds = ofType(card(), isInput).map(({ node }) => String(node.id));
      expect(Object.fromEntries(inputIds.map((id) => [id, ids[id]]))).toEqual(
        Object.fromEntries(inputIds.map((id) => [id, 1])),
      );
    });

    it('has labelled inputs and Action.Execute with a matching Action.Submit fallback', () => {
      expect(inputProblems(card(), REQUIRED_CHOICE_SETS[v.kind])).toEqual([]);
      expect(actionProblems(card())).toEqual([]);
    });
  });
});

describe('the sample data', () => {
  it('covers every L1 status, dates, no dates and a month-only estimate', () => {
    const all = ASSIGNED.map(({ workload: w }) => w);
    expect(new Set(all.map((w) => w.l1Status)).size).toBe(5);
    expect(all.some((w) => w.esd === null)).toBe(true);
    expect(all.some((w) => w.esd?.estimate === true)).toBe(true);
    expect(all.some((w) => w.esd?.estimate === false)).toBe(true);
    expect(UPCOMING.length).toBeGreaterThan(1);
  });

  it('shows what the builders were given (spot checks in English)', () => {
    const engagements = JSON.stringify(engagementsCard(ASSIGNED, 'en'));
    expect(engagements).toContain('February 2027 (estimate)');
    expect(engagements).toContain(en['engagements.noEsd']);
    const history = JSON.stringify(
      historyCard(
        { tenant: CONTOSO, workload: TEAMS, changes: HISTORY, timeZone: TIME_ZONE },
        'en',
      ),
    );
    expect(history).toContain('Gabriel Ortega');
    const errors = VARIANTS.find((v) => v.name === 'errors on every field and a banner');
    const textBlocks = ofType(errors?.build('en'), (type) => type === 'TextBlock');
    // One red line under each of the five fields.
    expect(textBlocks.filter(({ node }) => node.color === 'Attention')).toHaveLength(5);
    const errorTexts = textBlocks.map(({ node }) => String(node.text));
    for (const text of [
      en['change.errorSummary'],
      en['general.workloadGone'],
      en['violation.basis_invalid'],
      en['violation.reason_missing'],
    ])
      expect(errorTexts).toContain(text);
  });
});

// ---------------------------------------------------------------------------------------------
// Localized
// ---------------------------------------------------------------------------------------------

describe.each(LANGUAGES.filter((l) => l !== 'en'))('cards in %s are localized', (lang) => {
  /** English strings this language deliberately keeps (the i18n tests police that list). */
  const keptInEnglish = new Set<string>(
    (Object.keys(en) as (keyof typeof en)[])
      .filter((key) => MESSAGES[lang][key] === en[key])
      .map((key) => en[key]),
  );

  it.each(labelled(VARIANTS))('$label', (v) => {
    const english = visibleTexts(v.build('en'));
    const local = visibleTexts(v.build(lang));
    expect(local.title).not.toBe(english.title);
    expect(local.actions.length).toBe(english.actions.length);
    for (const [i, title] of local.actions.entries()) expect(title).not.toBe(english.actions[i]);
    expect([...local.labels.keys()]).toEqual([...english.labels.keys()]);
    for (const [key, text] of local.labels)
      if (!keptInEnglish.has(text)) expect(text, key).not.toBe(english.labels.get(key));
  });
});

// ---------------------------------------------------------------------------------------------
// Reports: what the cards say, and that they fit in a Teams message
// ---------------------------------------------------------------------------------------------

/** Teams refuses a message over about 28 KB; a card must leave room for the activity around it. */
const TEAMS_CARD_BUDGET = 26 * 1024;

describe('report cards', () => {
  it.each(LANGUAGES)(
    'the largest capacity and tenant history cards fit in a message (%s)',
    (lang) => {
      const capacity = capacityCard(crowdedCapacity(40, 26), lang);
      expect(Buffer.byteLength(JSON.stringify(capacity))).toBeLessThan(TEAMS_CARD_BUDGET);
      const eightWeeks = capacityCard(crowdedCapacity(40, 8), lang);
      const twelveWeeks = capacityCard(crowdedCapacity(40, 12), lang);
      expect(Buffer.byteLength(JSON.stringify(twelveWeeks))).toBeLessThan(TEAMS_CARD_BUDGET);
      expect(Buffer.byteLength(JSON.stringify(eightWeeks))).toBeLessThan(TEAMS_CARD_BUDGET);
      expect(cellsOf(eightWeeks)).toBeLessThanOrEqual(CAPACITY_CELL_BUDGET);
      const history = tenantHistoryCard(
        {
          tenant: CONTOSO,
          workloads: CONTOSO_WORKLOADS,
          changes: Array.from({ length: 200 }, (_, i) => ({
            ...(HISTORY[0] as EsdChange),
            id: 1000 - i,
            reason: 'x'.repeat(300),
          })),
          timeZone: TIME_ZONE,
        },
        lang,
      );
      expect(Buffer.byteLength(JSON.stringify(history))).toBeLessThan(TEAMS_CARD_BUDGET);
      expect(JSON.stringify(history)).toContain(
        t(lang, 'tenantHistory.more', { shown: TENANT_HISTORY_MAX, total: 200 }),
      );
    },
  );

  it('capacity: a bar per cell, taller for more starts, the busiest week highlighted', () => {
    const card = capacityCard(capacityReport(), 'en');
    const text = JSON.stringify(card);
    // Week 48 (Nov 23–29) has 3 starts: the busiest, highlighted in the header and its bars.
    expect(text).toContain('Busiest: week of Nov 23, 2026 (starts: 3)');
    const bars = ofType(card, (type) => type === 'Container').filter(
      ({ node }) => typeof node.minHeight === 'string',
    );
    const heights = bars.map(({ node }) => Number(String(node.minHeight).replace('px', '')));
    expect(Math.max(...heights)).toBe(40);
    expect(bars.some(({ node }) => node.style === 'attention')).toBe(true);
    const header = ofType(card, (type) => type === 'Column').filter(
      ({ node }) => node.style === 'warning',
    );
    expect(header).toHaveLength(1);
    // Three FMs and the total row; Li Wei has no name yet: the UPN stands in.
    expect(text).toContain('li.wei@microsoft.com');
    expect(text).toContain('All FMs');
  });

  it('capacity: more FMs than fit are counted, not dropped silently', () => {
    const card = JSON.stringify(capacityCard(crowdedCapacity(40, 8), 'en'));
    expect(card).toMatch(/32 more FMs are not shown/);
  });

  it('tenant timeline: gaps between In Progress starts, estimates and old dates marked', () => {
    const text = cardText(tenantTimelineCard(computeTimeline(CONTOSO, TIMELINE_WORKLOADS), 'en'));
    expect(text).toContain(
      '↓ 1 day from this start until Project (Dec 2, 2026), start to start: no Target Date known',
    );
    expect(text).toContain(
      '↓ about 61 days from this start until Microsoft Teams (February 2027 (estimate), an estimate), start to start',
    );
    expect(text).toContain('Not In Progress: its date is kept as history');
    expect(text).toContain('From the first start to the last: 62 days');
    // R3 only where true: the In Progress one is an engagement underway; the others have no ESD (R1).
    expect(text).toMatch(
      /In Progress, no start date: engagements already underway \(normal: nothing to backfill\)\s*SharePoint Online · In Progress\s*Not In Progress: no Engagement Start Date applies/,
    );
    expect(text).toMatch(
      /no Engagement Start Date applies[\s\S]*Microsoft 365 Apps · Status Unknown/,
    );
    expect(text).toContain('history Contoso Ltda.');
  });

  it.each([
    ['en', 'Entitlements split: In Progress: 80 seats · Blocked: 20 seats'],
    ['pt-BR', 'Direitos divididos: Em Andamento: 80 licenças · Bloqueado: 20 licenças'],
    ['es', 'Derechos divididos: En progreso: 80 licencias · Bloqueado: 20 licencias'],
  ] as const)('R1 (%s): cards that show a workload’s status show its split', (lang, split) => {
    const exo = {
      ...workload(CONTOSO, 'EXO', 'in_progress', exactly('2026-12-07')),
      entitlements: [
        { l1Status: 'blocked' as const, seats: 20, targetDate: null, l2Reason: null },
        { l1Status: 'in_progress' as const, seats: 80, targetDate: null, l2Reason: null },
      ],
    };
    expect(cardText(engagementsCard([{ tenant: CONTOSO, workload: exo }], lang))).toContain(split);
    // The single-L1 workload (the common case) shows its status alone.
    const single = workload(CONTOSO, 'TEAMS', 'blocked', null);
    const text = cardText(engagementsCard([{ tenant: CONTOSO, workload: single }], lang));
    expect(text).not.toContain(split.split(':')[0] as string);
  });

  it.each([
    [
      'en',
      'Entitlements split: In Progress: 4,000 seats · Blocked: 1,000 seats',
      'Target Date Jan 29, 2027',
      '↓ 17 days from its Target Date (Jan 29, 2027) until Microsoft Teams starts (Feb 15, 2027)',
      '↓ Project starts (Mar 1, 2027) 30 days before this Target Date (Mar 31, 2027): they overlap',
    ],
    [
      'pt-BR',
      'Direitos divididos: Em Andamento: 4.000 licenças · Bloqueado: 1.000 licenças',
      'Data de Destino',
      '↓ 17 dias da sua Data de Destino',
      'antes desta Data de Destino',
    ],
    [
      'es',
      'Derechos divididos: En progreso: 4000 licencias · Bloqueado: 1000 licencias',
      'Fecha objetivo',
      '↓ 17 días desde su fecha objetivo',
      'antes de esta fecha objetivo',
    ],
  ] as const)(
    'FAQ purpose 3 (%s): a split and Target Dates on the timeline; gaps from the Target Date say so',
    (lang, split, target, gap, overlap) => {
      const exo = {
        ...workload(CONTOSO, 'EXO', 'in_progress', exactly('2026-12-07')),
        entitlements: [
          {
            l1Status: 'in_progress' as const,
            seats: 4000,
            targetDate: day('2027-01-29'),
            l2Reason: null,
          },
          { l1Status: 'blocked' as const, seats: 1000, targetDate: null, l2Reason: null },
        ],
      };
      const teamsWorkload = {
        ...workload(CONTOSO, 'TEAMS', 'in_progress', exactly('2027-02-15')),
        entitlements: [
          {
            l1Status: 'in_progress' as const,
            seats: 10,
            targetDate: day('2027-03-31'),
            l2Reason: null,
          },
        ],
      };
      const proj = workload(CONTOSO, 'PROJ', 'in_progress', exactly('2027-03-01'));
      const text = cardText(
        tenantTimelineCard(computeTimeline(CONTOSO, [exo, teamsWorkload, proj]), lang),
      );
      expect(text).toContain(split);
      expect(text).toContain(target);
      expect(text).toContain(gap);
      expect(text).toContain(overlap);
    },
  );

  it('upcoming: the overdue ones first, with how late they are', () => {
    const variant = VARIANTS.find((v) => v.name === 'overdue first, estimates marked');
    const text = cardText(variant?.build('en'));
    expect(text.indexOf('Overdue')).toBeLessThan(text.indexOf('Week of'));
    expect(text).toContain('12 days ago');
    expect(text).toContain('yesterday');
    expect(text).toContain('December 2026 (estimate)');
  });
});

describe('what the reminder answers and the overdue list say (issue 15)', () => {
  it('upcoming (R7): documented missing answers are counted apart, with what was recorded, and not asked again', () => {
    const variant = VARIANTS.find((v) => v.name.startsWith('overdue, then the documented'));
    for (const [lang, title, kind] of [
      ['en', 'no answer recorded: documented in the Overall Status Notes (2)', 'still trying'],
      [
        'pt-BR',
        'sem resposta registrada: documentado nas Observações Gerais de Status (2)',
        'cliente inativo',
      ],
      [
        'es',
        'sin respuesta registrada: documentado en las notas generales del estado (2)',
        'cliente inactivo',
      ],
    ] as const) {
      const text = cardText(variant?.build(lang));
      expect(text).toContain(title);
      expect(text).toContain(kind);
      expect(text).toContain(t(lang, 'upcoming.overdueTitle'));
      // The "no response" hint appears once, for the undocumented one only.
      const hint = t(lang, 'upcoming.overdueHint');
      expect(text.split(hint)).toHaveLength(2);
      expect(text.indexOf(t(lang, 'upcoming.overdueTitle'))).toBeLessThan(text.indexOf(title));
    }
  });

  it('"Communication started" (R7, R9): no "on the ESD" choice for an estimate', () => {
    const estimate = VARIANTS.find((v) => v.name.startsWith('an estimate, refused'));
    const exact = VARIANTS.find((v) => v.name.startsWith('when did it begin'));
    expect(JSON.stringify(estimate?.build('en'))).not.toContain('"value":"esd"');
    expect(JSON.stringify(exact?.build('en'))).toContain('"value":"esd"');
  });
});

/** Week cells of the capacity table (a bar, or a plain 0). */
function cellsOf(card: unknown): number {
  return ofType(card, (type) => type === 'Column').filter(
    ({ node }) => node.verticalContentAlignment === 'Bottom' && node.width === 1,
  ).length;
}

/** Every TextBlock text in a card, one per line. */
function cardText(card: unknown): string {
  return ofType(card, (type) => type === 'TextBlock')
    .map(({ node }) => String(node.text))
    .join('\n');
}
