import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CalendarDate, Workload } from '../../src/domain/index.js';
import { splitEventData } from '../../src/store/change-esd-postgres.js';
import { contextOf, Store } from '../../src/store/store.js';
import { createTestDatabase, engines, type TestDatabase } from '../support/databases.js';

// Issue 20: on PostgreSQL the change's event is written by the one prepared write statement,
// its data's changeId filled in by SQL (test/events/feed.test.ts checks the stored rows).

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

describe.each(engines.filter((e) => e === 'postgres'))('the date change on %s', (engine) => {
  let database: TestDatabase;
  let store: Store;
  beforeEach(async () => {
    database = await createTestDatabase(engine);
    store = await Store.open(database.target);
  });
  afterEach(async () => {
    await store.close();
    await database.drop();
  });

  // Without the test seam the change is the load and ONE autocommit statement: a failure inside
  // that statement (here, its last part, the event) must leave nothing of it written.
  it('a failure inside the write statement leaves nothing half-written', async () => {
    const [w] = (await store.registerTenant({ id: 't', name: 't', customerName: 'T' }, [
      {
        code: 'EXO',
        l1Status: 'in_progress',
        channel: { type: 'fm', fm: { upn: 'fm@example.com', aadObjectId: 'aad-fm' } },
      },
    ])) as [Workload];
    const db = contextOf(store).db;
    await sql`create function fail_event() returns trigger language plpgsql as
      $$ begin raise exception 'simulated failure inside the statement'; end $$`.execute(db);
    await sql`create trigger fail_event before insert on events for each row execute function fail_event()`.execute(
      db,
    );
    await expect(
      store.changeEngagementStartDate({
        workloadId: w.id,
        expectedVersion: w.version,
        actor: {
          name: 'Gateway',
          upn: 'gw@example.com',
          aadObjectId: 'aad-gw',
          roles: ['gateway'],
        },
        proposal: { kind: 'date', date: '2026-12-01', basis: 'planned' },
        reason: 'Customer agreed the kickoff on this day.',
        source: 'gateway',
        today: '2026-11-22' as CalendarDate,
      }),
    ).rejects.toThrow(/simulated failure/);
    expect((await store.getWorkload(w.id))?.workload).toEqual(w);
    for (const table of ['esd_changes', 'status_notes', 'outbox', 'events'] as const) {
      const n = await db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(n.n)).toBe(0);
    }
  });
});
