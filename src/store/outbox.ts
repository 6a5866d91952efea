import type { Transaction } from 'kysely';
import { sql } from './kysely.js';
import type { Database } from './schema.js';

export interface OutboxMessage {
  kind: string;
  /** At most one row per key, ever: queueing the same message twice is a no-op. */
  dedupeKey: string;
  workloadId: string | null;
  recipient: { aadObjectId: string | null; upn: string | null };
  payload: unknown;
  dueAt: string;
  now: string;
}

/** Queues a proactive message inside the caller's transaction. Returns false when already queued. */
export async function enqueue(
  trx: Transaction<Database>,
  message: OutboxMessage,
): Promise<boolean> {
  const result = await trx
    .insertInto('outbox')
    .values({
      kind: message.kind,
      dedupe_key: message.dedupeKey,
      workload_id: message.workloadId,
      recipient_aad_object_id: message.recipient.aadObjectId?.toLowerCase() ?? null,
      recipient_upn: message.recipient.upn?.toLowerCase() ?? null,
      payload: JSON.stringify(message.payload),
      status: 'pending',
      due_at: message.dueAt,
      attempts: 0,
      created_at: message.now,
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function cancelPendingForWorkload(
  trx: Transaction<Database>,
  workloadId: string,
  kinds: readonly string[],
  now: string,
): Promise<number> {
  const result = await trx
    .updateTable('outbox')
    // The key is freed (suffixed), so the same message can be queued again if the date comes back.
    .set({
      status: 'cancelled',
      last_error: `cancelled at ${now}: the date changed`,
      dedupe_key: sql<string>`dedupe_key || ${':cancelled:'} || cast(id as text)`,
    })
    .where('workload_id', '=', workloadId)
    .where('status', '=', 'pending')
    .where('kind', 'in', kinds)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
