import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql, type Transaction } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseHandoff } from '../../src/http/gateway/handoff-schema.js';
import { sqliteDirect } from '../../src/store/connect.js';
import type { Database } from '../../src/store/schema.js';
import { StateConflictError } from '../../src/store/state.js';
import { contextOf, Store } from '../../src/store/store.js';
import {
  waitingWrites,
  writeTransaction,
  writeTransactionDirect,
} from '../../src/store/write-transaction.js';
import { createTestDatabase, engines, type TestDatabase } from '../support/databases.js';

const NOW = '2026-11-22T12:00:00.000Z';

/** A piece of work: one tenant row, written after a turn of the event loop (as real work awaits). */
const addTenant = (id: string) => async (trx: Transaction<Database>) => {
  await new Promise((resolve) => setImmediate(resolve));
  await trx
    .insertInto('tenants')
    .values({
      id,
      name: `${id}.onmicrosoft.com`,
      customer_name: id,
      created_at: NOW,
      updated_at: NOW,
    })
    .execute();
  return id;
};

describe.each(engines)('writeTransaction on %s', (engine) => {
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

  const tenantIds = async () =>
    (await contextOf(store).db.selectFrom('tenants').select('id').orderBy('id').execute()).map(
      (r) => r.id,
    );

  it('settles each piece with its own result; a failing piece is rolled back alone', async () => {
    const results = await Promise.allSettled([
      writeTransaction(contextOf(store), addTenant('t1')),
      writeTransaction(contextOf(store), addTenant('t2')),
      writeTransaction(contextOf(store), async (trx) => {
        await addTenant('t3')(trx);
        throw new Error('this piece fails after its insert');
      }),
      writeTransaction(contextOf(store), addTenant('t4')),
      // A constraint failure of the database itself: t1 again.
      writeTransaction(contextOf(store), addTenant('t1')),
      writeTransaction(contextOf(store), addTenant('t5')),
    ]);
    expect(results.map((r) => r.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
      'rejected',
      'fulfilled',
    ]);
    expect(results[0]).toEqual({ status: 'fulfilled', value: 't1' });
    expect(await tenantIds()).toEqual(['t1', 't2', 't4', 't5']);
  });

  it('a thousand concurrent pieces: every one committed, each exactly once', async () => {
    const ids = Array.from({ length: 1000 }, (_, i) => `t${String(i).padStart(4, '0')}`);
    // SQLite: all at once, so they queue and commit in groups. PostgreSQL: a transaction per call
    // on a pool of 10 whose wait for a connection is bounded at 5 s (connect.ts); a thousand at
    // once on a busy machine outwait that bound, which tests the pool, not this module. In waves
    // of 50, each still waits behind others for a connection.
    const wave = engine === 'sqlite' ? ids.length : 50;
    const done: string[] = [];
    for (let i = 0; i < ids.length; i += wave)
      done.push(
        ...(await Promise.all(
          ids.slice(i, i + wave).map((id) => writeTransaction(contextOf(store), addTenant(id))),
        )),
      );
    expect(done).toEqual(ids);
    expect(await tenantIds()).toEqual(ids);
  });

  it.runIf(engine === 'sqlite')(
    'when the commit of a group fails, none of its pieces is written and each is rejected',
    async () => {
      // A deferred foreign key: SQLite accepts the orphan row and refuses the COMMIT.
      const orphan = async (trx: Transaction<Database>) => {
        await sql`pragma defer_foreign_keys = on`.execute(trx);
        await trx
          .insertInto('workloads')
          .values({
            id: 'w-orphan',
            tenant_id: 'no-such-tenant',
            code: 'EXO',
            l1_status: 'in_progress',
            channel_type: 'fm',
            esd_estimate: 0,
            version: 1,
            created_at: NOW,
            updated_at: NOW,
          })
          .execute();
        return 'orphan';
      };
      const first = writeTransaction(contextOf(store), addTenant('t0'));
      // These three queue while t0 commits: one group, one commit, which fails.
      const group = Promise.allSettled([
        writeTransaction(contextOf(store), addTenant('t1')),
        writeTransaction(contextOf(store), orphan),
        writeTransaction(contextOf(store), addTenant('t2')),
      ]);
      await first;
      const results = await group;
      expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
      expect(String((results[0] as PromiseRejectedResult).reason)).toMatch(/FOREIGN KEY/i);
      expect(await tenantIds()).toEqual(['t0']);
      // The queue goes on: the next piece commits.
      await writeTransaction(contextOf(store), addTenant('t3'));
      expect(await tenantIds()).toEqual(['t0', 't3']);
    },
  );

  it.runIf(engine === 'sqlite')(
    'synchronous pieces (writeTransactionDirect): each settles alone, in groups and beside others',
    async () => {
      const ctx = contextOf(store);
      const on = sqliteDirect(ctx.db);
      if (!on) throw new Error('no synchronous handle for a SQLite store');
      const insert = (id: string) =>
        on.run(
          'insert into tenants (id, name, customer_name, created_at, updated_at) values (?, ?, ?, ?, ?)',
          [id, `${id}.onmicrosoft.com`, id, NOW, NOW],
        );
      const direct = (id: string, fail = false) =>
        writeTransactionDirect(ctx, on, () => {
          insert(id);
          if (fail) throw new Error('this piece fails after its insert');
          return id;
        });
      // Alone: committed, or rolled back whole.
      expect(await direct('a0')).toBe('a0');
      await expect(direct('a1', true)).rejects.toThrow(/fails after its insert/);
      // Held behind an open write, the next ones queue: a group of synchronous pieces, then
      // kysely's work with a synchronous piece after it (run inside kysely's transaction).
      let open = () => {};
      const held = new Promise<void>((resolve) => {
        open = resolve;
      });
      const gate = writeTransaction(ctx, async () => held);
      await new Promise((resolve) => setImmediate(resolve)); // the gate is taken, and holds
      const pieces = Promise.allSettled([
        direct('t1'),
        direct('t2', true),
        direct('t1'), // the primary key again: a constraint failure of SQLite itself
        direct('t3'),
        writeTransaction(ctx, addTenant('t4')),
        direct('t5'),
        direct('t6', true),
      ]);
      expect(waitingWrites(ctx)).toBe(7);
      open();
      await gate;
      const results = await pieces;
      expect(results.map((r) => r.status)).toEqual([
        'fulfilled',
        'rejected',
        'rejected',
        'fulfilled',
        'fulfilled',
        'fulfilled',
        'rejected',
      ]);
      expect(String((results[2] as PromiseRejectedResult).reason)).toMatch(/UNIQUE/i);
      expect(await tenantIds()).toEqual(['a0', 't1', 't3', 't4', 't5']);

      // A group whose COMMIT fails: nothing of it is written, each piece is rejected.
      let reopen = () => {};
      const heldAgain = new Promise<void>((resolve) => {
        reopen = resolve;
      });
      const first = writeTransaction(ctx, async (trx) => {
        await addTenant('u0')(trx);
        await heldAgain;
      });
      await new Promise((resolve) => setImmediate(resolve));
      const group = Promise.allSettled([
        direct('u1'),
        writeTransactionDirect(ctx, on, () => {
          on.run('pragma defer_foreign_keys = on');
          on.run(
            `insert into workloads (id, tenant_id, code, l1_status, channel_type, esd_estimate,
              version, created_at, updated_at) values ('w-orphan', 'no-such-tenant', 'EXO',
              'in_progress', 'fm', 0, 1, ?, ?)`,
            [NOW, NOW],
          );
          return 'orphan';
        }),
        direct('u2'),
      ]);
      reopen();
      await first;
      const failed = await group;
      expect(failed.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
      expect(String((failed[0] as PromiseRejectedResult).reason)).toMatch(/FOREIGN KEY/i);
      expect(await tenantIds()).toEqual(['a0', 't1', 't3', 't4', 't5', 'u0']);
      // The queue goes on.
      expect(await direct('u3')).toBe('u3');
    },
  );

  it.runIf(engine === 'sqlite')(
    'synchronous pieces queued on a closed store are rejected, not retried',
    async () => {
      const other = await Store.open(database.target);
      const ctx = contextOf(other);
      const on = sqliteDirect(ctx.db);
      if (!on) throw new Error('no synchronous handle for a SQLite store');
      await other.close();
      const results = await Promise.allSettled([
        writeTransactionDirect(ctx, on, () => 1),
        writeTransactionDirect(ctx, on, () => 2),
      ]);
      expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
      expect(waitingWrites(ctx)).toBe(0);
    },
  );
});

/** Issue 14, item 1: one transaction discipline for every write of the store. */
describe('every write goes through writeTransaction', () => {
  it('no module of src/store but write-transaction.ts opens a transaction', () => {
    const dir = join(import.meta.dirname, '../../src/store');
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter(
      (f) => f.endsWith('.ts') && f !== 'write-transaction.ts',
    );
    expect(files.length).toBeGreaterThan(10);
    const opening = files.filter((f) =>
      /\.(transaction|startTransaction)\(\)/.test(readFileSync(join(dir, f), 'utf8')),
    );
    expect(opening).toEqual([]);
  });
});

describe.each(engines)('store writes in one group commit on %s', (engine) => {
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

  const handoff = (id: string, tenantId: string, date: string | null) => {
    const parsed = parseHandoff({
      handoffId: id,
      tenant: { id: tenantId, name: `${id}.onmicrosoft.com`, customerName: id },
      deliveryChannel: { type: 'FM', fm: { upn: 'alexw@example.com' } },
      workloads: [{ code: 'EXO', l1Status: 'in_progress', engagementStartDate: date }],
      enteredBy: { upn: 'gateway@example.com', name: 'Gabriel Ortega' },
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    return parsed;
  };

  it('a write that fails in the group is undone alone; the others commit', async () => {
    const ctx = contextOf(store);
    const [stale] = [...(await store.writeState([{ key: 'b', data: 'before' }])).values()];
    expect(stale).toBeDefined();
    // A new customer's In Progress workload comes with its date (R3, R6): thirty days ahead.
    const ahead = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const good = handoff('gw-good', '11111111-1111-4111-8111-111111111111', ahead);
    // A date decades in the past: the rules refuse it and the whole handoff is rolled back.
    const refused = handoff('gw-refused', '22222222-2222-4222-8222-222222222222', '2001-01-15');

    // Hold the queue with one open write, so that everything below queues behind it.
    let open = () => {};
    const held = new Promise<void>((resolve) => {
      open = resolve;
    });
    const gate = writeTransaction(ctx, async () => held);
    const pieces = Promise.allSettled([
      store.registerTenant(
        {
          id: '33333333-3333-4333-8333-333333333333',
          name: 'new.onmicrosoft.com',
          customerName: 'New',
        },
        [{ code: 'EXO', l1Status: 'in_progress', channel: { type: 'unassigned' } }],
      ),
      // Two items, the second with an eTag that is no longer the stored one: neither is written.
      store.writeState([
        { key: 'a', data: 'lost' },
        { key: 'b', data: 'lost', etag: 'not-the-current-one' },
      ]),
      store.recordHandoff(good.handoff, good.bodyHash, 'sig-good'),
      store.recordHandoff(refused.handoff, refused.bodyHash, 'sig-refused'),
      writeTransaction(ctx, async () => {
        throw new Error('a piece that fails on its own');
      }),
      store.writeState([
        { key: 'c', data: 'kept' },
        { key: 'd', data: 'kept' },
      ]),
    ]);
    // On SQLite the six wait together and are committed as one group after the gate.
    if (engine === 'sqlite') expect(waitingWrites(ctx)).toBe(6);
    open();
    await gate;
    const results = await pieces;

    expect(results.map((r) => r.status)).toEqual([
      'fulfilled',
      'rejected',
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
    ]);
    expect((results[1] as PromiseRejectedResult).reason).toBeInstanceOf(StateConflictError);
    expect((results[2] as PromiseFulfilledResult<{ status: string }>).value.status).toBe('created');
    expect((results[3] as PromiseFulfilledResult<{ status: string }>).value.status).toBe(
      'rejected',
    );

    expect(await store.getTenant('33333333-3333-4333-8333-333333333333')).not.toBeNull();
    expect(await store.getTenant('11111111-1111-4111-8111-111111111111')).not.toBeNull();
    expect(await store.getHandoff('gw-good')).not.toBeNull();
    // The refused handoff left nothing: no tenant, no handoff row.
    expect(await store.getTenant('22222222-2222-4222-8222-222222222222')).toBeNull();
    expect(await store.getHandoff('gw-refused')).toBeNull();
    const state = await store.readState(['a', 'b', 'c', 'd']);
    expect([...state.keys()].sort()).toEqual(['b', 'c', 'd']);
    expect(state.get('b')).toEqual({ etag: stale, data: 'before' });
    expect(state.get('c')?.data).toBe('kept');
    if (engine === 'sqlite') {
      // A group of dialog state only is committed with relaxed durability; FULL is back after.
      await store.writeState([
        { key: 'e', data: 1 },
        { key: 'f', data: 2 },
      ]);
      const [mode] = (await sql<{ synchronous: number }>`pragma synchronous`.execute(ctx.db)).rows;
      expect(mode?.synchronous).toBe(2);
    }
  });
});
