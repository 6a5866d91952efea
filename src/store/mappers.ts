import type { Selectable } from 'kysely';
import type { DeliveryChannel, EsdChange, StatusNote, Tenant, Workload } from '../domain/index.js';
import { parseEntitlements } from './entitlements.js';
import type { EsdChangesTable, StatusNotesTable, TenantsTable, WorkloadsTable } from './schema.js';

export function toTenant(row: Selectable<TenantsTable>): Tenant {
  return { id: row.id, name: row.name, customerName: row.customer_name };
}

/** The workload columns toWorkload reads (its timestamps are not part of a Workload). */
export type WorkloadRow = Omit<Selectable<WorkloadsTable>, 'created_at' | 'updated_at'>;

function toChannel(row: WorkloadRow): DeliveryChannel {
  if (row.channel_type === 'fm' && row.fm_upn) {
    return { type: 'fm', fm: { upn: row.fm_upn, aadObjectId: row.fm_aad_object_id } };
  }
  if (row.channel_type === 'frp' && row.frp_partner_name) {
    return { type: 'frp', partnerName: row.frp_partner_name };
  }
  return { type: 'unassigned' };
}

export function channelColumns(channel: DeliveryChannel) {
  return {
    channel_type: channel.type,
    fm_upn: channel.type === 'fm' ? channel.fm.upn.trim().toLowerCase() : null,
    fm_aad_object_id:
      channel.type === 'fm' ? (channel.fm.aadObjectId?.toLowerCase() ?? null) : null,
    frp_partner_name: channel.type === 'frp' ? channel.partnerName.trim() : null,
  };
}

export function toWorkload(row: WorkloadRow): Workload {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    // Kept as stored, even a code the catalogue does not know: workloadName() shows it raw.
    code: row.code,
    l1Status: row.l1_status,
    entitlements: parseEntitlements(row.entitlements, row.l1_status),
    esd: row.esd_date ? { date: row.esd_date, estimate: row.esd_estimate === 1 } : null,
    basis: row.esd_basis,
    channel: toChannel(row),
    version: Number(row.version),
  };
}

export function toEsdChange(row: Selectable<EsdChangesTable>): EsdChange {
  return {
    id: Number(row.id),
    workloadId: row.workload_id,
    tenantId: row.tenant_id,
    old: row.old_date ? { date: row.old_date, estimate: row.old_estimate === 1 } : null,
    new: { date: row.new_date, estimate: row.new_estimate === 1 },
    basis: row.basis,
    actorName: row.actor_name,
    actorUpn: row.actor_upn,
    actorAadObjectId: row.actor_aad_object_id,
    role: row.role,
    source: row.source,
    reason: row.reason,
    changedAt: row.changed_at,
  };
}

export function toStatusNote(row: Selectable<StatusNotesTable>): StatusNote {
  return {
    id: Number(row.id),
    tenantId: row.tenant_id,
    workloadId: row.workload_id,
    category: 'overall_status',
    text: row.text,
    authorName: row.author_name,
    authorUpn: row.author_upn,
    createdAt: row.created_at,
  };
}
