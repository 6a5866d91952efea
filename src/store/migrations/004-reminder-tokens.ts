import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against the untyped schema
type Db = Kysely<any>;

/**
 * The unguessable reference a reminder card carries instead of the outbox id, workload and date
 * (issue 13): the server finds the reminder by it and takes everything else from the stored row.
 * One token per reminder message, made when the card is first rendered.
 */
export async function up(db: Db): Promise<void> {
  await db.schema
    .createTable('reminder_tokens')
    .addColumn('token', 'text', (c) => c.primaryKey())
    .addColumn('outbox_id', 'integer', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}
