import { randomUUID } from 'node:crypto';
import { CompiledQuery } from 'kysely';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor, CalendarDate, Workload, WorkloadCode } from '../../src/domain/index.js';
import { POSITION_COMMITTED, positionCommittedEvents } from '../../src/store/event-positioner.js';
import { contextOf, Store } from '../../src/store/store.js';
import { createTestDatabase, engines, type TestDatabase } from '../support/databases.js';

// Issue 20: on PostgreSQL a change inserts its event unpositioned and commits without touching
// event_log; the feed's readers number committed events (src/store/event-positioner.ts).

const NOW = new Date('2026-11-22T12:00:00.000Z');
const TODAY = '2026-11-22' as CalendarDate;
const alex: Actor = { name: 'Alex', upn: 'alex@example.com', aadObjectId: 'aad-alex', roles: [] };
const fmChannel = { type: 'fm' as const, fm: { upn: 'alex@example.com', aadObjectId: 'aad-alex' } };
const CODES: WorkloadCode[] = ['EXO', 'TEAMS', 'SPO', 'OD', 'OLM'];

describe.each(engines.filter((e) => e === 'postgres'))('event positioner on %s', (engine) => {
  let database: TestDatabase;
  let store: Store;
  let client: pg.Client;
  const clients: pg.Client[] = [];

  async function connected(): Promise<pg.Client> {
    if (database.target.kind !== 'postgres') throw new Error('postgres only');
    const c = new pg.Client({ connectionString: database.target.url });
    await c.connect();
    clients.push(c);
    return c;
  }

  /** An event committed without a position, as a change that committed just before a crash leaves it. */
  const insertUnpositioned = (on: pg.Client, subject: string) =>
    on.query(
      `insert into events (position, event_id, type, tenant_id, subject, time, data)
       values (null, $1, 'esdbot.esd.changed', null, $2, $3, '{}')`,
      [randomUUID(), subject, NOW.toISOString()],
    );

  const positions = async () =>
    (await client.query('select position, subject from events order by position nulls last'))
      .rows as { position: string | null; subject: string }[];

  beforeEach(async () => {
    database = await createTestDatabase(engine);
    store = await Store.open(database.target, { now: () => NOW, poolSize: 12 });
    client = await connected();
  });

  afterEach(async () => {
    for (const c of clients.splice(0)) await c.end();
    await store.close();
    await database.drop();
  });

  it('a change commits its event unpositioned; the next read numbers it', async () => {
    const [exo] = (await store.registerTenant({ id: 't', name: 't', customerName: 'T' }, [
      { code: 'EXO', l1Status: 'in_progress', channel: fmChannel },
    ])) as [Workload];
    const changed = await store.changeEngagementStartDate({
      workloadId: exo.id,
      expectedVersion: exo.version,
      actor: alex,
      proposal: { kind: 'date', date: '2027-01-10', basis: 'kickoff_meeting' },
      reason: 'Customer agreed the kickoff on this day.',
      source: 'teams',
      today: TODAY,
    });
    expect(changed.status).toBe('changed');
    expect(await positions()).toEqual([{ position: null, subject: exo.id }]);
    const page = await store.readEvents(0, 10);
    expect(page.status === 'ok' && page.events.map((e) => [e.sequence, e.subject])).toEqual([
      ['0000000000000001', exo.id],
    ]);
  });

  it('an event committed but never numbered (a crash in between) is numbered by the next read', async () => {
    await insertUnpositioned(client, 'a');
    await insertUnpositioned(client, 'b');
    const page = await store.readEvents(0, 10);
    expect(page.status === 'ok' && page.events.map((e) => e.subject)).toEqual(['a', 'b']);
    expect(await positions()).toEqual([
      { position: '1', subject: 'a' },
      { position: '2', subject: 'b' },
    ]);
    const log = await client.query('select last_position from event_log');
    expect(log.rows[0].last_position).toBe('2');
  });

  it('a backlog of several batches is numbered by one read, in the order committed', async () => {
    await client.query(
      `insert into events (position, event_id, type, tenant_id, subject, time, data)
       select null, gen_random_uuid()::text, 'esdbot.esd.changed', null, 'e' || g, $1, '{}'
       from generate_series(1, 12000) g`,
      [NOW.toISOString()],
    );
    const page = await store.readEvents(11_995, 10);
    expect(page.status === 'ok' && page.events.map((e) => e.subject)).toEqual([
      'e11996',
      'e11997',
      'e11998',
      'e11999',
      'e12000',
    ]);
    const numbered = await client.query(
      'select count(*) as n, min(position) as lo, max(position) as hi from events where position is not null',
    );
    expect(numbered.rows[0]).toEqual({ n: '12000', lo: '1', hi: '12000' });
  });

  it("numbers what committed while it waited for event_log's row: each statement of its query has its own snapshot", async () => {
    await insertUnpositioned(client, 'before');
    // A writer's event, not yet committed.
    const writer = await connected();
    await writer.query('begin');
    await insertUnpositioned(writer, 'late');
    // Another positioner holds event_log's row.
    const holder = await connected();
    await holder.query('begin');
    await holder.query('select 1 from event_log where id = 1 for update');
    // The query itself, not positionCommittedEvents (whose next batch would number 'late' anyway).
    const running = contextOf(store).db.executeQuery(CompiledQuery.raw(POSITION_COMMITTED));
    // Wait until the positioner is blocked on the lock, then commit the writer's event.
    for (;;) {
      const waiting = await client.query(
        `select 1 from pg_stat_activity where datname = current_database()
         and wait_event_type = 'Lock' and query like '%for update%'`,
      );
      if (waiting.rows.length > 0) break;
      await new Promise((r) => setTimeout(r, 10));
    }
    await writer.query('commit');
    await holder.query('commit');
    await running;
    // A snapshot taken when the query arrived would have missed 'late'.
    expect(await positions()).toEqual([
      { position: '1', subject: 'before' },
      { position: '2', subject: 'late' },
    ]);
  });

  it('concurrent changes and readers: positions unique and gap-free, each reader collects every event once', async () => {
    const tenants: Workload[][] = [];
    for (let t = 0; t < 10; t++)
      tenants.push(
        await store.registerTenant(
          { id: `t${t}`, name: `t${t}`, customerName: `T${t}` },
          CODES.map((code) => ({ code, l1Status: 'in_progress' as const, channel: fmChannel })),
        ),
      );
    const CHANGES_PER_WRITER = 8;
    let writing = true;
    const writers = tenants.map(async (workloads) => {
      const ids: string[] = [];
      for (let i = 0; i < CHANGES_PER_WRITER; i++) {
        const w = workloads[i % workloads.length] as Workload;
        const result = await store.changeEngagementStartDate({
          workloadId: w.id,
          expectedVersion: w.version,
          actor: alex,
          proposal: {
            kind: 'date',
            date: `2027-01-${String(10 + i).padStart(2, '0')}`,
            basis: 'kickoff_meeting',
          },
          reason: 'Customer agreed the kickoff on this day.',
          source: 'teams',
          today: TODAY,
        });
        if (result.status !== 'changed') throw new Error(JSON.stringify(result));
        workloads[i % workloads.length] = result.workload;
        ids.push(String(result.change.id));
      }
      return ids;
    });
    // Readers poll from their cursors while the changes are written, each on a store of its own.
    const readers = await Promise.all(
      [1, 2, 3].map(() => Store.open(database.target, { now: () => NOW })),
    );
    const reading = readers.map(async (reader) => {
      const seen: string[] = [];
      let cursor = 0;
      for (;;) {
        const done = !writing;
        const page = await reader.readEvents(cursor, 7);
        if (page.status !== 'ok') throw new Error('expired');
        seen.push(...page.events.map((e) => String(e.data.changeId)));
        cursor = Number(page.next);
        if (done && !page.more) return seen;
      }
    });
    const written = (await Promise.all(writers)).flat();
    writing = false;
    const collected = await Promise.all(reading);
    for (const r of readers) await r.close();
    for (const seen of collected) {
      expect(seen).toHaveLength(written.length);
      expect(new Set(seen)).toEqual(new Set(written));
    }
    const rows = await positions();
    expect(rows.map((r) => Number(r.position))).toEqual(rows.map((_, i) => i + 1));
  });

  it('concurrent positioners number every committed event once', async () => {
    const inserting = (async () => {
      for (let i = 0; i < 200; i++) await insertUnpositioned(client, `e${i}`);
    })();
    const positioning = Array.from({ length: 4 }, async () => {
      for (let i = 0; i < 30; i++) await positionCommittedEvents(contextOf(store));
    });
    await Promise.all([inserting, ...positioning]);
    await positionCommittedEvents(contextOf(store));
    const rows = await positions();
    expect(rows.map((r) => Number(r.position))).toEqual(rows.map((_, i) => i + 1));
    // Inserted one after the other, each committed before the next: numbered in that order.
    expect(rows.map((r) => r.subject)).toEqual(Array.from({ length: 200 }, (_, i) => `e${i}`));
  });
});
