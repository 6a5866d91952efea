import type { Kysely } from 'kysely';
import { sql } from '../kysely.js';

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against the untyped schema
type Db = Kysely<any>;

/**
 * SQLite: the sweep's "latest workload write" (sweep-watermark.ts) kept in one row by triggers,
 * in place of the index on workloads.updated_at (migration 006). The index's key changes on every
 * write: a date change moved its entry from an old page to the last one, two to four of the ~19
 * pages a change wrote (issue 20); the row is one page, shared by a group commit. It only grows,
 * so it is never below max(updated_at): the sweep may sweep in full more often (after a workload
 * is deleted), never less. PostgreSQL: as is (one row updated by every write would queue
 * concurrent writers for its lock); the index stays and the probe reads max(updated_at).
 */
export async function up(db: Db, engine: 'sqlite' | 'postgres'): Promise<void> {
  if (engine !== 'sqlite') return;
  await db.schema
    .createTable('sweep_workloads_written')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('last_write', 'text')
    .execute();
  await sql`insert into sweep_workloads_written (id, last_write)
    select 1, max(updated_at) from workloads`.execute(db);
  const raise =
    'update sweep_workloads_written set last_write = new.updated_at ' +
    'where id = 1 and (last_write is null or last_write < new.updated_at)';
  await sql
    .raw(`create trigger workloads_written_insert after insert on workloads begin ${raise}; end`)
    .execute(db);
  const onUpdate = 'after update of updated_at on workloads';
  await sql
    .raw(`create trigger workloads_written_update ${onUpdate} begin ${raise}; end`)
    .execute(db);
  await db.schema.dropIndex('workloads_updated_at').execute();
}
