import {
  type Actor,
  decideNoResponse,
  type NoResponseKind,
  type StatusNote,
} from '../domain/index.js';
import { isoNow, type StoreContext } from './context.js';
import { toStatusNote, toWorkload } from './mappers.js';
import { insertStatusNote } from './status-notes.js';

export type RecordNoResponseResult =
  | { status: 'recorded'; note: StatusNote }
  | {
      status: 'rejected';
      code: 'not_permitted' | 'detail_too_long';
      params: Record<string, unknown>;
    }
  | { status: 'not_found' };

/** R7: documents that the customer did not answer (or went inactive); the ESD stays untouched. */
export async function recordNoResponse(
  ctx: StoreContext,
  input: { workloadId: string; actor: Actor; kind: NoResponseKind; detail?: string | null },
): Promise<RecordNoResponseResult> {
  return ctx.db.transaction().execute(async (trx): Promise<RecordNoResponseResult> => {
    const row = await trx
      .selectFrom('workloads')
      .selectAll()
      .where('id', '=', input.workloadId)
      .executeTakeFirst();
    if (!row) return { status: 'not_found' };
    const workload = toWorkload(row);
    const decision = decideNoResponse({
      workload,
      actor: input.actor,
      kind: input.kind,
      detail: input.detail ?? null,
    });
    if (!decision.ok) return { status: 'rejected', code: decision.code, params: decision.params };
    const note = await insertStatusNote(trx, {
      tenantId: workload.tenantId,
      workloadId: workload.id,
      text: decision.note,
      author: input.actor,
      at: isoNow(ctx),
    });
    return { status: 'recorded', note: toStatusNote(note) };
  });
}
