import type { Selectable, Transaction } from 'kysely';
import type { Actor } from '../domain/index.js';
import type { Database, StatusNotesTable } from './schema.js';

/** Writes an Overall Status Note (where every ESD reason and every R7 note goes) in `trx`. */
export function insertStatusNote(
  trx: Transaction<Database>,
  note: { tenantId: string; workloadId: string | null; text: string; author: Actor; at: string },
): Promise<Selectable<StatusNotesTable>> {
  return trx
    .insertInto('status_notes')
    .values({
      tenant_id: note.tenantId,
      workload_id: note.workloadId,
      category: 'overall_status',
      text: note.text,
      author_name: note.author.name,
      author_upn: note.author.upn?.toLowerCase() ?? null,
      author_aad_object_id: note.author.aadObjectId?.toLowerCase() ?? null,
      created_at: note.at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}
