import {
  type Actor,
  type CalendarDate,
  decideNoResponse,
  type NoResponseKind,
  type NoResponseRejection,
  type StatusNote,
} from '../domain/index.js';
import { isoNow, type StoreContext } from './context.js';
import { appendEvent, EVENT_TYPES, eventActor, positionEvents, workloadEvent } from './events.js';
import { toStatusNote, toWorkload } from './mappers.js';
import { insertStatusNote } from './status-notes.js';
import { writeTransaction } from './write-transaction.js';

export type RecordNoResponseResult =
  | { status: 'recorded'; note: StatusNote }
  | ({ status: 'rejected' } & NoResponseRejection)
  | { status: 'not_found' };

/** R7: documents that the customer did not answer (or went inactive); the ESD stays untouched. */
export async function recordNoResponse(
  ctx: StoreContext,
  input: {
    workloadId: string;
    actor: Actor;
    kind: NoResponseKind;
    detail?: string | null;
    /** Today in the FM's time zone: an ESD after it is refused (R7). */
    today?: CalendarDate;
  },
): Promise<RecordNoResponseResult> {
  return writeTransaction(ctx, async (trx): Promise<RecordNoResponseResult> => {
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
      today: input.today,
    });
    if (!decision.ok) {
      const { ok: _ok, ...rejection } = decision;
      return { status: 'rejected', ...rejection };
    }
    const at = isoNow(ctx);
    const note = await insertStatusNote(trx, {
      tenantId: workload.tenantId,
      workloadId: workload.id,
      text: decision.note,
      author: input.actor,
      at,
    });
    await appendEvent(
      trx,
      workloadEvent(EVENT_TYPES.noResponseRecorded, workload, at, {
        kind: input.kind,
        esd: workload.esd ? { date: workload.esd.date, estimate: workload.esd.estimate } : null,
        note: decision.note,
        actor: eventActor(input.actor),
      }),
    );
    await positionEvents(trx);
    return { status: 'recorded', note: toStatusNote(note) };
  });
}
