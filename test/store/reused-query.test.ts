import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ReusedQuery } from '../../src/store/reused-query.js';
import { contextOf, Store } from '../../src/store/store.js';
import { createTestDatabase, engines, type TestDatabase } from '../support/databases.js';

const NOW = '2026-11-22T12:00:00.000Z';

describe.each(engines)('a query compiled once, on %s', (engine) => {
  let database: TestDatabase;
  let store: Store;

  beforeEach(async () => {
    database = await createTestDatabase(engine);
    store = await Store.open(database.target);
    const { db } = contextOf(store);
    for (const id of ['a', 'b', 'c'])
      await db
        .insertInto('tenants')
        .values({ id, name: `${id}.example`, customer_name: id, created_at: NOW, updated_at: NOW })
        .execute();
  });
  afterEach(async () => {
    await store.close();
    await database.drop();
  });

  it('binds each call’s values where the placeholders were, beside constant parameters', async () => {
    const { db, engine: kind } = contextOf(store);
    const build = (from: string, name: string) =>
      db
        .selectFrom('tenants')
        .select(['id', 'name'])
        .where('id', '>=', from)
        .where('customer_name', '!=', 'c') // a constant: stays as compiled
        .where('name', '!=', name)
        .orderBy('id');
    const query = new ReusedQuery(2, (_db, from, name) => build(from as string, name as string));
    for (const [from, name] of [
      ['a', 'b.example'],
      ['b', 'x'],
      ['z', 'x'],
      ['a', "'; drop table tenants; --"],
    ] as const)
      expect(await query.execute(db, kind, from, name)).toEqual(await build(from, name).execute());
  });

  it('refuses a placeholder that did not become a parameter', async () => {
    const { db, engine: kind } = contextOf(store);
    const query = new ReusedQuery(2, (built, id) =>
      built
        .selectFrom('tenants')
        .selectAll()
        .where('id', '=', id as string),
    );
    await expect(query.execute(db, kind, 'a', 'b')).rejects.toThrow(/placeholder 1/);
  });
});
