import { sql, type Transaction } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/store/schema.js';
import { contextOf, Store } from '../../src/store/store.js';
import { writeTransaction } from '../../src/store/write-transaction.js';
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
    const done = await Promise.all(
      ids.map((id) => writeTransaction(contextOf(store), addTenant(id))),
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
});
