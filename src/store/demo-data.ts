import {
  type Actor,
  addDays,
  type Basis,
  type CalendarDate,
  calendarDateIn,
  type DeliveryChannel,
  type EsdProposal,
  type L1Status,
  monthOf,
  type WorkloadCode,
} from '../domain/index.js';
import { applyEsdChange } from './change-esd.js';
import type { StoreContext } from './context.js';
import { positionEvents } from './events.js';
import { upsertTenant, upsertWorkload } from './tenants.js';
import { writeTransaction } from './write-transaction.js';

/**
 * Fictional customers for a first run and for the Teams emulator. The demo FM is the emulator's
 * default user (Alex Wilber), so a newcomer sees their own engagements at once.
 */
export const DEMO_FM = {
  name: 'Alex Wilber',
  upn: 'alexw@example.com',
  aadObjectId: '00000000-0000-0000-0000-0000000000020',
} as const;
export const DEMO_OTHER_FM = {
  name: 'Megan Bowen',
  upn: 'meganb@example.com',
  aadObjectId: '00000000-0000-0000-0000-0000000000021',
} as const;
export const DEMO_GATEWAY = { name: 'Adele Vance', upn: 'adelev@example.com' } as const;
export const DEMO_MANAGER = { name: 'Patti Fernandez', upn: 'pattif@example.com' } as const;
export const DEMO_PARTNER = 'Adatum Consulting';

type Esd = { in: number; basis: Basis } | { month: number; basis?: Basis };
interface DemoWorkload {
  code: WorkloadCode;
  status: L1Status;
  esd?: Esd;
  /** A later change by the FM, to show a history with two rows. */
  fmChange?: { in: number; basis: Basis; reason: string };
}
interface DemoTenant {
  id: string;
  name: string;
  customerName: string;
  channel: DeliveryChannel;
  workloads: DemoWorkload[];
}

const fm = (who: typeof DEMO_FM | typeof DEMO_OTHER_FM): DeliveryChannel => ({
  type: 'fm',
  fm: { upn: who.upn, aadObjectId: who.aadObjectId },
});

export const DEMO_TENANTS: DemoTenant[] = [
  {
    id: '6f1c2a10-0000-4000-8000-00000000c0a1',
    name: 'contoso.onmicrosoft.com',
    customerName: 'Contoso Ltd',
    channel: fm(DEMO_FM),
    workloads: [
      {
        code: 'EXO',
        status: 'in_progress',
        esd: { in: 1, basis: 'planned' },
        fmChange: {
          in: 3,
          basis: 'two_way_email',
          reason: 'Customer asked by email to start on Thursday instead.',
        },
      },
      { code: 'TEAMS', status: 'in_progress', esd: { in: 10, basis: 'kickoff_meeting' } },
      { code: 'OD', status: 'in_progress' },
      { code: 'SPO', status: 'blocked' },
      { code: 'INTUNE', status: 'status_unknown' },
      { code: 'M365APPS', status: 'no_intent' },
    ],
  },
  {
    id: '6f1c2a10-0000-4000-8000-00000000fab1',
    name: 'fabrikam.onmicrosoft.com',
    customerName: 'Fabrikam Inc',
    channel: fm(DEMO_FM),
    workloads: [
      { code: 'EXO', status: 'in_progress', esd: { in: 0, basis: 'phone_call' } },
      { code: 'TEAMS', status: 'in_progress', esd: { month: 2 } },
      { code: 'WIN', status: 'duplicate_invalid' },
    ],
  },
  {
    id: '6f1c2a10-0000-4000-8000-0000000000a7',
    name: 'northwindtraders.onmicrosoft.com',
    customerName: 'Northwind Traders',
    channel: fm(DEMO_FM),
    workloads: [
      { code: 'SPO', status: 'in_progress', esd: { in: 20, basis: 'kickoff_meeting' } },
      { code: 'PBI', status: 'in_progress', esd: { in: 45, basis: 'planned' } },
      { code: 'AADP', status: 'in_progress' },
    ],
  },
  {
    id: '6f1c2a10-0000-4000-8000-00000000a115',
    name: 'tailspintoys.onmicrosoft.com',
    customerName: 'Tailspin Toys',
    channel: { type: 'frp', partnerName: DEMO_PARTNER },
    workloads: [
      { code: 'EXO', status: 'in_progress', esd: { in: 15, basis: 'planned' } },
      { code: 'TEAMS', status: 'in_progress' },
    ],
  },
  {
    id: '6f1c2a10-0000-4000-8000-00000000b00d',
    name: 'woodgrovebank.onmicrosoft.com',
    customerName: 'Woodgrove Bank',
    channel: fm(DEMO_OTHER_FM),
    workloads: [
      { code: 'EXO', status: 'in_progress', esd: { in: 5, basis: 'phone_call' } },
      { code: 'SPO', status: 'in_progress', esd: { in: 12, basis: 'kickoff_meeting' } },
    ],
  },
];

function proposalFor(esd: Esd, today: CalendarDate): EsdProposal {
  if ('in' in esd) return { kind: 'date', date: addDays(today, esd.in), basis: esd.basis };
  const month = monthOf(addDays(`${monthOf(today)}-15` as CalendarDate, 30 * esd.month));
  return { kind: 'month', month, basis: esd.basis ?? 'estimated' };
}

export interface SeedResult {
  seeded: boolean;
  tenants: number;
  workloads: number;
  dates: number;
}

/**
 * Loads the demo tenants through the same write path as everything else (rules, history, notes),
 * all in one transaction. Does nothing if any demo tenant already exists.
 */
export async function seedDemoData(ctx: StoreContext): Promise<SeedResult> {
  const today = calendarDateIn(ctx.now(), 'UTC');
  const existing = await ctx.db
    .selectFrom('tenants')
    .select('id')
    .where(
      'id',
      'in',
      DEMO_TENANTS.map((t) => t.id),
    )
    .execute();
  if (existing.length > 0) return { seeded: false, tenants: 0, workloads: 0, dates: 0 };

  const gateway: Actor = { ...DEMO_GATEWAY, roles: ['gateway'] };
  const alex: Actor = { ...DEMO_FM, roles: [] };
  let workloads = 0;
  let dates = 0;
  await writeTransaction(ctx, async (trx) => {
    for (const tenant of DEMO_TENANTS) {
      await upsertTenant(trx, ctx, tenant);
      for (const spec of tenant.workloads) {
        let workload = await upsertWorkload(trx, ctx, {
          tenantId: tenant.id,
          code: spec.code,
          l1Status: spec.status,
          channel: tenant.channel,
        });
        workloads++;
        if (!spec.esd) continue;
        const first = await applyEsdChange(trx, ctx, {
          workloadId: workload.id,
          expectedVersion: workload.version,
          actor: gateway,
          proposal: proposalFor(spec.esd, today),
          reason: 'Date the customer gave in the Gateway conversation (demo data).',
          source: 'gateway',
          today,
          quiet: true,
        });
        if (first.status !== 'changed')
          throw new Error(`demo data rejected: ${JSON.stringify(first)}`);
        workload = first.workload;
        dates++;
        if (spec.fmChange) {
          const second = await applyEsdChange(trx, ctx, {
            workloadId: workload.id,
            expectedVersion: workload.version,
            actor: alex,
            proposal: {
              kind: 'date',
              date: addDays(today, spec.fmChange.in),
              basis: spec.fmChange.basis,
            },
            reason: spec.fmChange.reason,
            source: 'teams',
            today,
            quiet: true,
          });
          if (second.status !== 'changed')
            throw new Error(`demo data rejected: ${JSON.stringify(second)}`);
          dates++;
        }
      }
    }
    // The demo dates went through the one write path: their events are in the feed too.
    await positionEvents(trx);
    for (const grant of [
      { upn: DEMO_GATEWAY.upn, role: 'gateway' as const },
      { upn: DEMO_MANAGER.upn, role: 'manager' as const },
    ]) {
      await trx
        .insertInto('role_grants')
        .values({
          ...grant,
          partner_name: null,
          granted_by: 'demo data',
          granted_at: ctx.now().toISOString(),
        })
        .onConflict((oc) => oc.columns(['upn', 'role']).doNothing())
        .execute();
    }
  });
  return { seeded: true, tenants: DEMO_TENANTS.length, workloads, dates };
}
