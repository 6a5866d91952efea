import type { ExportNote, ExportSnapshot } from '../import-export/workloads-format.js';
import type { StoreContext } from './context.js';
import { parseEntitlements } from './entitlements.js';
import { readSnapshot } from './write-transaction.js';

/** The full export's read (`npm run export`); src/import-export writes it out as files. */

/** Everything about every tenant, read in one transaction (a consistent snapshot). */
export async function exportSnapshot(ctx: StoreContext): Promise<ExportSnapshot> {
  return readSnapshot(ctx, async (trx) => {
    const tenants = await trx.selectFrom('tenants').selectAll().orderBy('id').execute();
    const workloads = await trx
      .selectFrom('workloads')
      .selectAll()
      .orderBy('tenant_id')
      .orderBy('code')
      .execute();
    const changes = await trx.selectFrom('esd_changes').selectAll().orderBy('id').execute();
    const notes = await trx.selectFrom('status_notes').selectAll().orderBy('id').execute();

    const codeOf = new Map(workloads.map((w) => [w.id, w.code]));
    const out: ExportSnapshot = {
      exportedAt: ctx.now().toISOString(),
      tenants: tenants.map((t) => ({
        id: t.id,
        name: t.name,
        customerName: t.customer_name,
        createdAt: t.created_at,
        updatedAt: t.updated_at,
        workloads: [],
        changes: [],
        notes: [],
      })),
    };
    const byId = new Map(out.tenants.map((t) => [t.id, t]));
    for (const w of workloads) {
      byId.get(w.tenant_id)?.workloads.push({
        id: w.id,
        code: w.code,
        l1Status: w.l1_status,
        entitlements: parseEntitlements(w.entitlements, w.l1_status),
        esd: w.esd_date ? { date: w.esd_date, estimate: w.esd_estimate === 1 } : null,
        basis: w.esd_basis,
        channel: {
          type: w.channel_type,
          fmUpn: w.fm_upn,
          fmAadObjectId: w.fm_aad_object_id,
          partnerName: w.frp_partner_name,
        },
        version: Number(w.version),
        createdAt: w.created_at,
        updatedAt: w.updated_at,
      });
    }
    for (const c of changes) {
      byId.get(c.tenant_id)?.changes.push({
        id: Number(c.id),
        workloadId: c.workload_id,
        workloadCode: codeOf.get(c.workload_id) ?? '',
        old: c.old_date ? { date: c.old_date, estimate: c.old_estimate === 1 } : null,
        new: { date: c.new_date, estimate: c.new_estimate === 1 },
        basis: c.basis,
        actorName: c.actor_name,
        actorUpn: c.actor_upn,
        actorAadObjectId: c.actor_aad_object_id,
        role: c.role,
        source: c.source,
        reason: c.reason,
        noteId: Number(c.note_id),
        changedAt: c.changed_at,
      });
    }
    for (const n of notes) {
      const note: ExportNote = {
        id: Number(n.id),
        workloadId: n.workload_id,
        workloadCode: n.workload_id ? (codeOf.get(n.workload_id) ?? null) : null,
        category: n.category,
        text: n.text,
        authorName: n.author_name,
        authorUpn: n.author_upn,
        authorAadObjectId: n.author_aad_object_id,
        createdAt: n.created_at,
      };
      byId.get(n.tenant_id)?.notes.push(note);
    }
    return out;
  });
}
