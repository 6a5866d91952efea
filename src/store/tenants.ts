import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type {
  DeliveryChannel,
  EntitlementLine,
  L1Status,
  Tenant,
  Workload,
  WorkloadCode,
} from '../domain/index.js';
import { isoNow, type StoreContext } from './context.js';
import { entitlementColumns, linesChanged, nextLines, parseEntitlements } from './entitlements.js';
import { appendEvent, EVENT_TYPES } from './events.js';
import { channelColumns, toWorkload } from './mappers.js';
import type { Database } from './schema.js';

export async function upsertTenant(
  trx: Transaction<Database>,
  ctx: StoreContext,
  tenant: Tenant,
): Promise<void> {
  const now = isoNow(ctx);
  await trx
    .insertInto('tenants')
    .values({
      id: tenant.id,
      name: tenant.name,
      customer_name: tenant.customerName,
      created_at: now,
      updated_at: now,
    })
    .onConflict((oc) =>
      oc
        .column('id')
        .doUpdateSet({ name: tenant.name, customer_name: tenant.customerName, updated_at: now }),
    )
    .execute();
}

export interface WorkloadSpec {
  tenantId: string;
  code: WorkloadCode;
  /** With no `entitlements`: one line at this status (or the stored split, see nextLines). */
  l1Status: L1Status;
  /** The entitlement lines, when the source has them (the webhook's and the CSV's split). */
  entitlements?: readonly EntitlementLine[] | null;
  channel: DeliveryChannel;
}

/**
 * Creates the workload, or updates its entitlement lines (and so its effective status) and
 * channel. Never touches the ESD: that has one write path, with history and a reason. Any change
 * bumps the version, so a card showing the old status or assignee is refused as stale. This is
 * the one write of entitlement lines and Target Dates, and so the one place their event is written.
 */
export async function upsertWorkload(
  trx: Transaction<Database>,
  ctx: StoreContext,
  spec: WorkloadSpec,
): Promise<Workload> {
  const now = isoNow(ctx);
  const channel = channelColumns(spec.channel);
  const existing = await trx
    .selectFrom('workloads')
    .selectAll()
    .where('tenant_id', '=', spec.tenantId)
    .where('code', '=', spec.code)
    .executeTakeFirst();
  const stored = existing ? parseEntitlements(existing.entitlements, existing.l1_status) : null;
  const lines = nextLines(stored, spec);
  const columns = entitlementColumns(lines);
  if (!existing) {
    const row = await trx
      .insertInto('workloads')
      .values({
        id: randomUUID(),
        tenant_id: spec.tenantId,
        code: spec.code,
        ...columns,
        esd_date: null,
        esd_estimate: 0,
        esd_basis: null,
        ...channel,
        version: 1,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toWorkload(row);
  }
  const same =
    !linesChanged(stored, lines) &&
    existing.channel_type === channel.channel_type &&
    existing.fm_upn === channel.fm_upn &&
    existing.fm_aad_object_id === channel.fm_aad_object_id &&
    existing.frp_partner_name === channel.frp_partner_name;
  if (same) return toWorkload(existing);
  const row = await trx
    .updateTable('workloads')
    .set({ ...columns, ...channel, version: existing.version + 1, updated_at: now })
    .where('id', '=', existing.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  // Issue 17: a change of lines or Target Date is an event, in this transaction; its owner
  // positions it (positionEvents) before commit.
  if (linesChanged(stored, lines))
    await appendEvent(trx, {
      type: EVENT_TYPES.entitlementsChanged,
      tenantId: spec.tenantId,
      subject: existing.id,
      time: now,
      data: { workloadId: existing.id, workload: spec.code, before: stored, after: lines },
    });
  return toWorkload(row);
}
