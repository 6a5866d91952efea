import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against the untyped schema
type Db = Kysely<any>;

/** Signatures of webhook requests already processed: the same signed request twice is a replay. */
export async function up(db: Db): Promise<void> {
  await db.schema
    .createTable('webhook_replays')
    .addColumn('signature', 'text', (c) => c.primaryKey())
    .addColumn('seen_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('webhook_replays_seen')
    .on('webhook_replays')
    .column('seen_at')
    .execute();
}
