import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor, CalendarDate, Workload } from '../../src/domain/index.js';
import { loadWorkloadRowPostgres, splitEventData } from '../../src/store/change-esd-postgres.js';
import { contextOf, Store } from '../../src/store/store.js';
import { createTestDatabase, engines, type TestDatabase } from '../support/databases.js';

// Issue 20: on PostgreSQL the change's event is written by the one prepared write statement,
// its data's changeId filled in by SQL. The stored text must be what JSON.stringify writes, as
// on SQLite, whatever the strings hold (R8: the reason is stored as typed).

const TRICKY = 'He said "\\"changeId\\":0," \u0000 and \\u0000changeId\\u0000 — ok 日本';

describe('splitEventData', () => {
  it('joined around an id, gives exactly JSON.stringify of the data with that id', () => {
    const data = {
      workloadId: 'w-"1"',
      tenantId: 't\\1',
      workload: 'EXO',
      changeId: 0,
      reason: TRICKY,
      actor: { name: '"changeId":0', upn: null },
    };
    const { dataHead, dataTail } = splitEventData(data);
    for (const id of [1, 42, 9_007_199_254])
      expect(`${dataHead}${id}${dataTail}`).toBe(JSON.stringify({ ...data, changeId: id }));
  });
});

const NOW = new Date('2026-11-22T12:00:00.000Z');
const TODAY = '2026-11-22' as CalendarDate;
const fm = { upn: 'alexw@example.com', aadObjectId: 'aad-alex' };
const other: Actor = {
  name: 'Megan "M" Bowen',
  upn: 'MeganB@example.com',
  aadObjectId: 'aad-megan',
  roles: ['gateway'],
};

describe.each(engines)('the change event as stored on %s', (engine) => {
  let database: TestDatabase;
  let store: Store;

  beforeEach(async () => {
    database = await createTestDatabase(engine);
    store = await Store.open(database.target, { now: () => NOW });
  });

  afterEach(async () => {
    await store.close();
    await database.drop();
  });

  it('R8: data is JSON.stringify text with the history row id; positions follow the changes', async () => {
    const workloads = await store.registerTenant(
      { id: 'tenant-a', name: 'a.onmicrosoft.com', customerName: 'A' },
      [
        { code: 'EXO', l1Status: 'in_progress', channel: { type: 'fm', fm } },
        { code: 'SPO', l1Status: 'in_progress', channel: { type: 'fm', fm } },
      ],
    );
    const changes: { id: number; reason: string }[] = [];
    for (const w of workloads as Workload[]) {
      const result = await store.changeEngagementStartDate({
        workloadId: w.id,
        expectedVersion: w.version,
        actor: other,
        proposal: { kind: 'date', date: '2027-01-10', basis: 'kickoff_meeting' },
        reason: TRICKY,
        source: 'teams',
        today: TODAY,
      });
      if (result.status !== 'changed') throw new Error(JSON.stringify(result));
      changes.push({ id: result.change.id, reason: result.change.reason });
    }
    const rows = await contextOf(store)
      .db.selectFrom('events')
      .select(['position', 'data', 'subject'])
      .orderBy('id')
      .execute();
    expect(rows.map((r) => Number(r.position))).toEqual([1, 2]);
    rows.forEach((row, i) => {
      const data = JSON.parse(row.data);
      expect(row.data).toBe(JSON.stringify(data));
      // The reason as the history row keeps it (the rules tidy what was typed).
      expect({ changeId: data.changeId, reason: data.reason }).toEqual({
        changeId: changes[i]?.id,
        reason: changes[i]?.reason,
      });
      expect(data.reason).toContain('\\u0000changeId');
      expect(row.subject).toBe(workloads[i]?.id);
    });
  });

  it.runIf(engine === 'postgres')(
    'the prepared load (named columns) reads the same row as select *',
    async () => {
      const [w] = await store.registerTenant(
        { id: 'tenant-b', name: 'b.onmicrosoft.com', customerName: 'B' },
        [{ code: 'EXO', l1Status: 'in_progress', channel: { type: 'fm', fm } }],
      );
      const db = contextOf(store).db;
      const all = await db
        .selectFrom('workloads')
        .selectAll()
        .where('id', '=', w?.id as string)
        .executeTakeFirst();
      const loaded = await db
        .transaction()
        .execute((trx) => loadWorkloadRowPostgres(trx, w?.id as string));
      expect(loaded).toEqual(all);
    },
  );
});
