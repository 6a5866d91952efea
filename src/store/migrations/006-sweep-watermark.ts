import type { Kysely } from 'kysely';
import { sql } from '../kysely.js';

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against the untyped schema
type Db = Kysely<any>;

/**
 * What the last reminder sweep saw (src/store/sweep-watermark.ts), so that a minute with nothing
 * new costs an index probe: one row, shared by every instance. Workloads are probed by
 * updated_at (indexed here; only real changes touch it). People are not: every activity touches
 * their row, so a trigger counts only what the sweep reads of them (a new person, a changed time
 * zone, UPN or AAD object id) in sweep_people_generation.
 */
export async function up(db: Db, engine: 'sqlite' | 'postgres'): Promise<void> {
  await db.schema
    .createTable('sweep_watermarks')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('as_of', 'text', (c) => c.notNull())
    .addColumn('next_due_at', 'text')
    .addColumn('changes_after', 'text', (c) => c.notNull())
    .addColumn('people_generation', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('workloads_updated_at')
    .on('workloads')
    .column('updated_at')
    .execute();
  await db.schema
    .createTable('sweep_people_generation')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('generation', 'integer', (c) => c.notNull())
    .execute();
  await db.insertInto('sweep_people_generation').values({ id: 1, generation: 0 }).execute();
  const bump = 'update sweep_people_generation set generation = generation + 1 where id = 1';
  const changed =
    'old.time_zone is distinct from new.time_zone or old.upn is distinct from new.upn or ' +
    'old.aad_object_id is distinct from new.aad_object_id';
  if (engine === 'postgres') {
    await sql
      .raw(
        `create function sweep_people_changed() returns trigger language plpgsql as $$ begin ${bump}; return null; end $$`,
      )
      .execute(db);
    await sql
      .raw(
        'create trigger people_sweep_insert after insert on people for each row execute function sweep_people_changed()',
      )
      .execute(db);
    await sql
      .raw(
        `create trigger people_sweep_update after update on people for each row when (${changed}) execute function sweep_people_changed()`,
      )
      .execute(db);
  } else {
    const sqliteChanged = changed.replaceAll('is distinct from', 'is not');
    await sql
      .raw(`create trigger people_sweep_insert after insert on people begin ${bump}; end`)
      .execute(db);
    await sql
      .raw(
        `create trigger people_sweep_update after update on people when ${sqliteChanged} begin ${bump}; end`,
      )
      .execute(db);
  }
}
