/**
 * The report queries of src/store/reports.ts on both engines, on the demo data (today
 * 2026-11-22; see api.test.ts for the dates worked out by hand).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CalendarDate, Workload } from '../../src/domain/index.js';
import { computeCapacity } from '../../src/reports/index.js';
import { DEMO_FM, DEMO_OTHER_FM, DEMO_TENANTS } from '../../src/store/demo-data.js';
import { contextOf, Store } from '../../src/store/store.js';
import { createTestDatabase, engines, type TestDatabase } from '../support/databases.js';

const NOW = new Date('2026-11-22T12:00:00.000Z');
const day = (d: string) => d as CalendarDate;

describe.each(engines)('report queries on %s', (engine) => {
  let database: TestDatabase;
  let store: Store;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    store = await Store.open(database.target, { now: () => NOW });
    await store.seedDemoData();
  });
  afterAll(async () => {
    await store?.close();
    await database?.drop();
  });

  it('capacity data: every FM with In Progress work, and the starts in the range', async () => {
    const data = await store.capacityData(day('2026-11-16'), day('2026-11-29'));
    expect(data.fms).toEqual([
      {
        upn: 'alexw@example.com',
        name: null,
        codes: ['AADP', 'EXO', 'OD', 'PBI', 'SPO', 'TEAMS'],
      },
      { upn: 'meganb@example.com', name: null, codes: ['EXO', 'SPO'] },
    ]);
    expect(
      data.starts
        .map((s) => [s.fmUpn, s.code, s.date, s.estimate])
        .sort((a, b) => String(a[2]).localeCompare(String(b[2]))),
    ).toEqual([
      ['alexw@example.com', 'EXO', '2026-11-22', false],
      ['alexw@example.com', 'EXO', '2026-11-25', false],
      ['meganb@example.com', 'EXO', '2026-11-27', false],
    ]);
  });

  it('names FMs as they appear in Teams once they have talked to the bot', async () => {
    await store.upsertPerson({ aadObjectId: DEMO_FM.aadObjectId, name: DEMO_FM.name, upn: null });
    const data = await store.capacityData(day('2026-11-16'), day('2026-11-29'));
    expect(data.fms[0]?.name).toBe('Alex Wilber');
    const report = computeCapacity({
      ...data,
      today: day('2026-11-22'),
      weeks: 2,
      filter: { fm: 'wilber' },
    });
    expect(report.rows.map((r) => [r.upn, r.cells.map((c) => c.count)])).toEqual([
      ['alexw@example.com', [1, 1]],
    ]);
  });

  it('finds a tenant by part of its name, punctuation and accents aside', async () => {
    await store.registerTenant(
      {
        id: '8d21b6f4-3e9a-4f07-b8c2-51a7e0d94f12',
        name: 'fabrikamsa.onmicrosoft.com',
        customerName: 'Fabrikam, S.A. de C.V.',
      },
      [{ code: 'EXO', l1Status: 'in_progress', channel: { type: 'unassigned' } }],
    );
    const names = async (query: string) =>
      (await store.tenantsMatching(query)).map((m) => m.tenant.customerName);
    expect(await names('contoso')).toEqual(['Contoso Ltd']);
    expect(await names('fabrikam')).toEqual(['Fabrikam Inc', 'Fabrikam, S.A. de C.V.']);
    expect(await names('fabrikam s.a. de c.v.')).toEqual(['Fabrikam, S.A. de C.V.']);
    expect(await names('nothing like it')).toEqual([]);
    const [contoso] = await store.tenantsMatching('contoso');
    expect(contoso?.workloads.map((w) => w.code)).toEqual([
      'EXO',
      'INTUNE',
      'M365APPS',
      'OD',
      'SPO',
      'TEAMS',
    ]);
  });

  it('upcoming data: FM starts in a range, one FM or all; started answers by date', async () => {
    const all = await store.fmStartsBetween(day('2026-11-22'), day('2026-11-30'));
    expect(all.map((a) => [a.tenant.customerName, a.workload.code])).toEqual([
      ['Fabrikam Inc', 'EXO'],
      ['Contoso Ltd', 'EXO'],
      ['Woodgrove Bank', 'EXO'],
    ]);
    const megan = await store.fmStartsBetween(
      day('2026-11-22'),
      day('2026-11-30'),
      'MeganB@example.com',
    );
    expect(megan.map((a) => a.tenant.customerName)).toEqual(['Woodgrove Bank']);
    await contextOf(store)
      .db.insertInto('reminder_responses')
      .values([
        {
          outbox_id: 1,
          workload_id: 'w-a',
          esd_date: '2026-11-20',
          action: 'started',
          actor_name: 'A',
          actor_upn: null,
          responded_at: NOW.toISOString(),
        },
        {
          outbox_id: 2,
          workload_id: 'w-b',
          esd_date: '2026-11-21',
          action: 'no_answer',
          actor_name: 'A',
          actor_upn: null,
          responded_at: NOW.toISOString(),
        },
        {
          outbox_id: 3,
          workload_id: 'w-c',
          esd_date: '2026-10-01',
          action: 'started',
          actor_name: 'A',
          actor_upn: null,
          responded_at: NOW.toISOString(),
        },
      ])
      .execute();
    expect([...(await store.startedKeys(day('2026-10-23'), day('2026-11-22')))]).toEqual([
      'w-a|2026-11-20',
    ]);
  });

  it('documented missing answers (R7): read from the notes "no response" writes, the latest kind per date', async () => {
    const tenant = DEMO_TENANTS[4]?.id as string; // Woodgrove Bank, Megan's
    const exo = (await store.tenantWorkloads(tenant)).find((w) => w.code === 'EXO') as Workload;
    const megan = { name: 'Megan Bowen', upn: DEMO_OTHER_FM.upn, roles: [] };
    // Before: nothing documented.
    expect(await store.documentedKeys(day('2026-10-23'), day('2026-11-30'))).toEqual(new Map());
    const esd = exo.esd?.date as string;
    // A no-response note on the ESD itself (today is its day or after: the rules allow it).
    const later = Store.open(database.target, {
      now: () => new Date(`${esd}T12:00:00.000Z`),
    });
    const writer = await later;
    try {
      expect(
        (await writer.recordNoResponse({ workloadId: exo.id, actor: megan, kind: 'no_answer' }))
          .status,
      ).toBe('recorded');
      expect(await store.documentedKeys(day('2026-10-23'), day('2026-12-31'))).toEqual(
        new Map([[`${exo.id}|${esd}`, 'no_answer']]),
      );
      await writer.recordNoResponse({
        workloadId: exo.id,
        actor: megan,
        kind: 'inactive',
        detail: 'Three calls, no answer.',
      });
      expect(await store.documentedKeys(day('2026-10-23'), day('2026-12-31'))).toEqual(
        new Map([[`${exo.id}|${esd}`, 'inactive']]),
      );
      // Outside the range asked: not there.
      expect(await store.documentedKeys(day('2027-01-01'), day('2027-01-31'))).toEqual(new Map());
    } finally {
      await writer.close();
    }
  });
});
