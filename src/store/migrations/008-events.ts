import type { Kysely } from 'kysely';
import { sql } from '../kysely.js';

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against the untyped schema
type Db = Kysely<any>;

/**
 * The event feed (issue 17, src/store/events.ts). Each event is inserted by the transaction that
 * makes the change, without a position; the last statement of that transaction gives it the next
 * position from event_log's one row. Holding that row's lock until commit makes positions follow
 * commit order on PostgreSQL too, so a reader never sees position n+1 before n (no consumer skips
 * an event that commits late, as it could with a plain sequence). Since issue 20, PostgreSQL
 * numbers events after commit instead (src/store/event-positioner.ts), with the same guarantee.
 */
export async function up(db: Db, engine: 'sqlite' | 'postgres'): Promise<void> {
  await db.schema
    .createTable('events')
    .addColumn('id', engine === 'postgres' ? 'bigserial' : 'integer', (c) =>
      engine === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
    )
    .addColumn('position', 'bigint', (c) => c.unique())
    .addColumn('event_id', 'text', (c) => c.notNull().unique())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('tenant_id', 'text')
    .addColumn('subject', 'text')
    .addColumn('time', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .execute();
  // Unpositioned rows are few (not yet numbered): finding them is an index probe.
  await db.schema
    .createIndex('events_unpositioned')
    .on('events')
    .column('id')
    .where(sql.ref('position'), 'is', null)
    .execute();
  await db.schema.createIndex('events_time').on('events').column('time').execute();
  await db.schema
    .createTable('event_log')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('last_position', 'bigint', (c) => c.notNull())
    /** Events up to this position were deleted by retention: a cursor before it is expired. */
    .addColumn('purged_through', 'bigint', (c) => c.notNull())
    .execute();
  await db.insertInto('event_log').values({ id: 1, last_position: 0, purged_through: 0 }).execute();
}
