import { randomUUID } from 'node:crypto';
import { addDays, calendarDateIn, type WorkloadCode } from '../../src/domain/index.js';
import type { Store } from '../../src/store/store.js';

export const TEAMS_TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';

/**
 * Bench FMs: like the demo FM Alex Wilber, each with their own "Contoso" customer (the demo
 * Contoso's workloads and statuses) and their own personal chat with the bot. Many FMs in many
 * conversations, as in production: turns of different conversations run in parallel, and
 * nothing is refreshed more than a person's real traffic would refresh it.
 */
export interface BenchFm {
  n: number;
  teamsId: string;
  aadObjectId: string;
  name: string;
  upn: string;
  conversationId: string;
}

export function benchFm(n: number): BenchFm {
  return {
    n,
    teamsId: `29:bench-fm-${n}`,
    aadObjectId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    name: `Bench FM ${n}`,
    upn: `benchfm${n}@example.com`,
    conversationId: `a:bench-personal-${n}`,
  };
}

// Dates beyond the sweep's window (a week ahead): no reminder or digest goes out during a run.
const WORKLOADS: {
  code: WorkloadCode;
  status: 'in_progress' | 'blocked' | 'status_unknown' | 'no_intent';
  esdIn?: number;
}[] = [
  { code: 'EXO', status: 'in_progress', esdIn: 12 },
  { code: 'TEAMS', status: 'in_progress', esdIn: 20 },
  { code: 'OD', status: 'in_progress' },
  { code: 'SPO', status: 'blocked' },
  { code: 'INTUNE', status: 'status_unknown' },
  { code: 'M365APPS', status: 'no_intent' },
];

/** The demo data, then `count` bench FMs with a Contoso each (dates set through the write path). */
export async function seedBenchFms(store: Store, count: number): Promise<BenchFm[]> {
  await store.seedDemoData();
  const today = calendarDateIn(new Date(), 'UTC');
  const fms: BenchFm[] = [];
  for (let n = 0; n < count; n++) {
    const fm = benchFm(n);
    await store.upsertPerson({
      aadObjectId: fm.aadObjectId,
      name: fm.name,
      upn: fm.upn,
      locale: 'en-US',
      timeZone: 'Europe/Lisbon',
      aadTenantId: TEAMS_TENANT,
    });
    const channel = { type: 'fm' as const, fm: { upn: fm.upn, aadObjectId: fm.aadObjectId } };
    const saved = await store.registerTenant(
      {
        id: `bench-tenant-${n}`,
        name: `contoso-${n}.onmicrosoft.com`,
        customerName: `Contoso Bench ${n}`,
      },
      WORKLOADS.map((w) => ({ code: w.code, l1Status: w.status, channel })),
    );
    const actor = {
      aadObjectId: fm.aadObjectId,
      upn: fm.upn,
      name: fm.name,
      roles: [],
      partnerName: null,
    };
    for (const w of WORKLOADS) {
      if (w.esdIn === undefined) continue;
      const workload = saved.find((s) => s.code === w.code);
      if (!workload) continue;
      const result = await store.changeEngagementStartDate({
        workloadId: workload.id,
        expectedVersion: workload.version,
        actor,
        proposal: { kind: 'date', date: addDays(today, w.esdIn), basis: 'planned' },
        reason: 'Kickoff planned with the customer for that day.',
        source: 'cli',
        today,
        quiet: true,
      });
      if (result.status !== 'changed') throw new Error(`bench seed: ${result.status}`);
    }
    fms.push(fm);
  }
  return fms;
}

/** A chat message as Teams posts it to /api/messages (see test/support/teams.ts). */
export function teamsMessage(
  fm: BenchFm,
  text: string,
  serviceUrl: string,
): Record<string, unknown> {
  return {
    type: 'message',
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    localTimestamp: new Date().toISOString(),
    serviceUrl,
    channelId: 'msteams',
    from: { id: fm.teamsId, name: fm.name, aadObjectId: fm.aadObjectId },
    conversation: { id: fm.conversationId, conversationType: 'personal', tenantId: TEAMS_TENANT },
    recipient: { id: '28:esd-bot', name: 'esd-bot' },
    textFormat: 'plain',
    text,
    locale: 'en-US',
    entities: [
      {
        type: 'clientInfo',
        locale: 'en-US',
        country: 'US',
        platform: 'Web',
        timezone: 'Europe/Lisbon',
      },
    ],
    channelData: { tenant: { id: TEAMS_TENANT } },
  };
}
