/**
 * POST /api/gateway/handoffs and GET /api/gateway/handoffs/{id}: the Gateway Team's system hands
 * a new customer over (R6). The real server on a free port, a real database (SQLite always,
 * PostgreSQL when TEST_DATABASE_URL is set), and requests signed here, independently of the code
 * under test, the way docs/api.md tells the Gateway Team to sign them.
 */
import { randomUUID } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, startApp } from '../../src/app.js';
import { parseConfig } from '../../src/config/config.js';
import { createLogger } from '../../src/log/logger.js';
import type { Database } from '../../src/store/schema.js';
import type { Store } from '../../src/store/store.js';
import { contextOf } from '../../src/store/store.js';
import { createTestDatabase, engines } from '../support/databases.js';
import { bodySignedHeaders, signedHeaders as sign } from '../support/signing.js';
import { NOW, TeamsHarness } from '../support/teams.js';
import { until } from '../support/time.js';

const SECRET = 'gw-current-secret-0123456789abcdef-XYZ';
const PREVIOUS = 'gw-previous-secret-fedcba9876543210-QRS';
const OTHER = 'not-the-secret-at-all-0000000000000000';
const NOW_SECONDS = Math.floor(NOW.getTime() / 1000);
const FM = { upn: 'Ana.Silva@Example.com', aadObjectId: '5e0c1d2a-3b4c-4d5e-8f60-718293a4b5c6' };
const ENTERED_BY = { upn: 'gateway@example.com', name: 'Gabriel Ortega' };

const TABLES = [
  'tenants',
  'workloads',
  'esd_changes',
  'status_notes',
  'people',
  'role_grants',
  'outbox',
  'gateway_handoffs',
  'bot_state',
  'reminder_responses',
] as const satisfies readonly (keyof Database)[];

type Json = Record<string, unknown>;

/** A handoff body as the Gateway Team's system sends it: a new tenant, an FM, two workloads. */
function handoff(overrides: Json = {}): Json {
  return {
    handoffId: `gw-2026-${randomUUID().slice(0, 8)}`,
    tenant: {
      id: randomUUID(),
      name: 'contoso.onmicrosoft.com',
      customerName: 'Contoso Ltd',
    },
    deliveryChannel: { type: 'FM', fm: FM },
    workloads: [
      { code: 'EXO', l1Status: 'in_progress', engagementStartDate: '2026-12-01' },
      { code: 'TEAMS', l1Status: 'status_unknown' },
    ],
    enteredBy: ENTERED_BY,
    notes: 'Customer wants to start with mail; Teams after the migration.',
    ...overrides,
  };
}

interface SendOptions {
  secret?: string;
  /** Seconds from the server clock. */
  skew?: number;
  headers?: Record<string, string>;
  omit?: ('x-esd-timestamp' | 'x-esd-signature')[];
  /** The first scheme, "<timestamp>.<body>" (still accepted on the POST). */
  bodyOnly?: boolean;
}

const HANDOFFS = '/api/gateway/handoffs';

/** Signed with test/support/signing.ts, the production signing function (docs/api.md). */
function signedHeaders(
  body: string,
  options: SendOptions,
  request: { method: string; url: string } = { method: 'POST', url: HANDOFFS },
): Record<string, string> {
  const timestamp = NOW_SECONDS + (options.skew ?? 0);
  const secret = options.secret ?? SECRET;
  const headers: Record<string, string> = {
    ...(options.bodyOnly
      ? bodySignedHeaders(secret, timestamp, body)
      : sign({ secret, timestamp, ...request, body })),
    ...options.headers,
  };
  for (const name of options.omit ?? []) delete headers[name];
  return headers;
}

interface Answer {
  status: number;
  body: Json;
}

async function answer(response: Response): Promise<Answer> {
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Json) : {} };
}

function postTo(url: string, body: unknown, options: SendOptions = {}): Promise<Answer> {
  const raw = typeof body === 'string' ? body : JSON.stringify(body);
  return fetch(`${url}/api/gateway/handoffs`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...signedHeaders(raw, options) },
    body: raw,
  }).then(answer);
}

function getFrom(url: string, handoffId: string, options: SendOptions = {}): Promise<Answer> {
  const target = `${HANDOFFS}/${encodeURIComponent(handoffId)}`;
  return fetch(`${url}${target}`, {
    headers: signedHeaders('', options, { method: 'GET', url: target }),
  }).then(answer);
}

async function counts(store: Store): Promise<Record<(typeof TABLES)[number], number>> {
  const out = {} as Record<(typeof TABLES)[number], number>;
  for (const table of TABLES) {
    const row = await contextOf(store)
      .db.selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    out[table] = Number(row.n);
  }
  return out;
}

async function workloadsOf(store: Store, tenantId: string) {
  return contextOf(store)
    .db.selectFrom('workloads')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .orderBy('code')
    .execute();
}

async function outboxFor(store: Store, handoffId: string) {
  return contextOf(store)
    .db.selectFrom('outbox')
    .selectAll()
    .where('dedupe_key', '=', `handoff:${handoffId}`)
    .execute();
}

const idOf = (body: Json) => body.handoffId as string;
const tenantOf = (body: Json) => (body.tenant as { id: string }).id;

describe.each(engines)('the Gateway handoff webhook on %s', (engine) => {
  let teams: TeamsHarness;
  let url: string;
  let store: Store;
  const post = (body: unknown, options?: SendOptions) => postTo(url, body, options);
  const get = (handoffId: string, options?: SendOptions) => getFrom(url, handoffId, options);

  beforeAll(async () => {
    teams = await TeamsHarness.start({
      engine,
      env: { GATEWAY_WEBHOOK_SECRET: SECRET, GATEWAY_WEBHOOK_SECRET_PREVIOUS: PREVIOUS },
    });
    url = teams.app.url;
    store = teams.app.store;
  });
  afterAll(async () => teams?.close());

  /** Runs `act` and checks that not a single row changed, in any table. */
  async function writesNothing(act: () => Promise<void>): Promise<void> {
    const before = await counts(store);
    await act();
    expect(await counts(store)).toEqual(before);
  }

  describe('a new customer', () => {
    it('201: tenant, workloads, the date with history and note (R6, R8), one message for the FM', async () => {
      const body = handoff();
      const before = await counts(store);
      const res = await post(body);
      expect(res).toEqual({
        status: 201,
        body: { handoffId: idOf(body), status: 'accepted', notification: 'pending' },
      });

      const tenant = await store.getTenant(tenantOf(body));
      expect(tenant).toEqual({
        id: tenantOf(body),
        name: 'contoso.onmicrosoft.com',
        customerName: 'Contoso Ltd',
      });
      const [exo, teamsWorkload] = await workloadsOf(store, tenantOf(body));
      expect(exo).toMatchObject({
        code: 'EXO',
        l1_status: 'in_progress',
        esd_date: '2026-12-01',
        esd_estimate: 0,
        esd_basis: 'planned',
        channel_type: 'fm',
        fm_upn: 'ana.silva@example.com',
        fm_aad_object_id: FM.aadObjectId,
      });
      // R3: no date given, none demanded.
      expect(teamsWorkload).toMatchObject({
        code: 'TEAMS',
        l1_status: 'status_unknown',
        esd_date: null,
        channel_type: 'fm',
      });

      const history = await store.workloadHistory(exo?.id as string);
      expect(history).toHaveLength(1);
      expect(history[0]).toMatchObject({
        old: null,
        new: { date: '2026-12-01', estimate: false },
        role: 'gateway',
        source: 'gateway',
        actorName: 'Gabriel Ortega',
        actorUpn: 'gateway@example.com',
        basis: 'planned',
      });
      expect(history[0]?.reason).toBe(
        `Date the customer gave in the Gateway conversation (handoff ${idOf(body)}). Notes: Customer wants to start with mail; Teams after the migration.`,
      );
      const notes = await store.statusNotes(tenantOf(body));
      expect(notes).toHaveLength(1);
      expect(notes[0]).toMatchObject({ category: 'overall_status', authorName: 'Gabriel Ortega' });
      expect(notes[0]?.text).toContain(
        'Engagement Start Date for Exchange Online (EXO) set to 2026-12-01',
      );
      expect(notes[0]?.text).toContain(`handoff ${idOf(body)}`);

      const outbox = await outboxFor(store, idOf(body));
      expect(outbox).toHaveLength(1);
      expect(outbox[0]).toMatchObject({
        kind: 'gateway_handoff',
        workload_id: null,
        recipient_aad_object_id: FM.aadObjectId,
        recipient_upn: 'ana.silva@example.com',
        status: 'pending',
        due_at: NOW.toISOString(),
      });
      expect(JSON.parse(outbox[0]?.payload as string)).toEqual({
        handoffId: idOf(body),
        tenantId: tenantOf(body),
      });
      // quiet: no "your date changed" message on top of the handoff card.
      const after = await counts(store);
      expect(after).toEqual({
        ...before,
        tenants: before.tenants + 1,
        workloads: before.workloads + 2,
        esd_changes: before.esd_changes + 1,
        status_notes: before.status_notes + 1,
        outbox: before.outbox + 1,
        gateway_handoffs: before.gateway_handoffs + 1,
      });
      const stored = await contextOf(store)
        .db.selectFrom('gateway_handoffs')
        .selectAll()
        .where('handoff_id', '=', idOf(body))
        .executeTakeFirstOrThrow();
      expect(stored).toMatchObject({
        tenant_id: tenantOf(body),
        created_at: NOW.toISOString(),
        acknowledged_at: null,
      });
      expect(stored.body_hash).toMatch(/^[0-9a-f]{64}$/);
    });

    it('201 for a partner (FRP): the date is kept, nobody is messaged (R11) → not_applicable', async () => {
      const body = handoff({
        deliveryChannel: { type: 'FRP', partnerName: 'Adatum Consulting' },
      });
      const res = await post(body);
      expect(res).toEqual({
        status: 201,
        body: { handoffId: idOf(body), status: 'accepted', notification: 'not_applicable' },
      });
      const [exo] = await workloadsOf(store, tenantOf(body));
      expect(exo).toMatchObject({
        esd_date: '2026-12-01',
        channel_type: 'frp',
        frp_partner_name: 'Adatum Consulting',
        fm_upn: null,
      });
      expect(await outboxFor(store, idOf(body))).toEqual([]);
      const noOutbox = await contextOf(store)
        .db.selectFrom('outbox')
        .select('id')
        .where('payload', 'like', `%${idOf(body)}%`)
        .execute();
      expect(noOutbox).toEqual([]);
      expect((await get(idOf(body))).body.notification).toBe('not_applicable');
    });

    it('R3/R6: a new customer whose In Progress workloads have no date → 422 naming them; nothing written', async () => {
      const body = handoff({
        workloads: [
          { code: 'EXO', l1Status: 'in_progress' },
          { code: 'SPO', l1Status: 'in_progress', engagementStartDate: null },
          { code: 'TEAMS', l1Status: 'in_progress', engagementStartDate: '2026-12-01' },
          { code: 'INTUNE', l1Status: 'blocked' },
        ],
        notes: null,
      });
      await writesNothing(async () => {
        const res = await post(body);
        expect(res.status).toBe(422);
        expect(res.body).toEqual({
          error: 'rule_violation',
          workloads: [
            {
              code: 'EXO',
              violations: [
                {
                  code: 'esd_required',
                  field: 'date',
                  params: { newCustomer: true },
                  message: expect.stringContaining(
                    'Exchange Online is In Progress for a new customer',
                  ),
                },
              ],
            },
            {
              code: 'SPO',
              violations: [expect.objectContaining({ code: 'esd_required' })],
            },
          ],
        });
      });
      expect(await get(idOf(body))).toMatchObject({ status: 404 });
    });

    it('R3: an existing customer (already known to esd-bot, e.g. imported) may be handed off without dates', async () => {
      const body = handoff({
        workloads: [{ code: 'INTUNE', l1Status: 'blocked' }],
        notes: null,
      });
      expect((await post(body)).status).toBe(201);
      const later = handoff({
        handoffId: `${idOf(body)}-later`,
        tenant: body.tenant,
        workloads: [
          { code: 'EXO', l1Status: 'in_progress' },
          { code: 'SPO', l1Status: 'in_progress', engagementStartDate: null },
          { code: 'INTUNE', l1Status: 'blocked' },
        ],
        notes: null,
      });
      expect((await post(later)).status).toBe(201);
      const rows = await workloadsOf(store, tenantOf(body));
      expect(rows.map((r) => [r.code, r.l1_status, r.esd_date])).toEqual([
        ['EXO', 'in_progress', null],
        ['INTUNE', 'blocked', null],
        ['SPO', 'in_progress', null],
      ]);
      expect(await store.tenantHistory(tenantOf(body))).toEqual([]);
      expect(await store.statusNotes(tenantOf(body))).toEqual([]);
    });

    it('R6: a new customer with only workloads that are not In Progress needs no date', async () => {
      const body = handoff({
        workloads: [
          { code: 'INTUNE', l1Status: 'blocked' },
          { code: 'SPO', l1Status: 'status_unknown' },
        ],
      });
      expect((await post(body)).status).toBe(201);
    });

    it('a second handoff for a known tenant moves a date, keeps an unchanged one, updates statuses', async () => {
      const first = handoff();
      expect((await post(first)).status).toBe(201);
      const second = handoff({
        tenant: {
          id: tenantOf(first),
          name: 'contoso.onmicrosoft.com',
          customerName: 'Contoso Ltda.',
        },
        workloads: [
          { code: 'EXO', l1Status: 'in_progress', engagementStartDate: '2026-12-15' },
          { code: 'TEAMS', l1Status: 'in_progress', engagementStartDate: '2027-01-11' },
        ],
        notes: undefined,
      });
      expect((await post(second)).status).toBe(201);
      expect((await store.getTenant(tenantOf(first)))?.customerName).toBe('Contoso Ltda.');
      const [exo, teamsWorkload] = await workloadsOf(store, tenantOf(first));
      expect(exo?.esd_date).toBe('2026-12-15');
      expect(teamsWorkload).toMatchObject({ l1_status: 'in_progress', esd_date: '2027-01-11' });
      const history = await store.workloadHistory(exo?.id as string);
      expect(history.map((h) => [h.old?.date ?? null, h.new.date, h.role, h.source])).toEqual([
        ['2026-12-01', '2026-12-15', 'gateway', 'gateway'],
        [null, '2026-12-01', 'gateway', 'gateway'],
      ]);
      expect(history[0]?.reason).toBe(
        `Date the customer gave in the Gateway conversation (handoff ${idOf(second)}).`,
      );

      // The same dates again, under a third id: a no-op for the dates, not an error.
      const third = { ...second, handoffId: `${idOf(second)}-again` };
      const before = await counts(store);
      expect((await post(third)).status).toBe(201);
      const after = await counts(store);
      expect(after.esd_changes).toBe(before.esd_changes);
      expect(after.status_notes).toBe(before.status_notes);
      expect(after.gateway_handoffs).toBe(before.gateway_handoffs + 1);
    });

    it('long notes are cut to fit the reason (R8 limit), the handoff is still accepted', async () => {
      const body = handoff({ notes: 'The customer explained the plan in detail. '.repeat(90) });
      expect((await post(body)).status).toBe(201);
      const [exo] = await workloadsOf(store, tenantOf(body));
      const [change] = await store.workloadHistory(exo?.id as string);
      expect([...(change?.reason ?? '')].length).toBeLessThanOrEqual(1000);
      expect(change?.reason).toMatch(/…$/);
    });
  });

  describe('split entitlements (issue 15, point 6)', () => {
    it('201: the lines are stored; the workload is In Progress when any seats are (R1) and takes the date', async () => {
      const body = handoff({
        workloads: [
          {
            code: 'SPO',
            entitlements: [
              { l1Status: 'blocked', seats: 1000, l2Reason: 'Cloud Trust (Security/Compliance)' },
              {
                l1Status: 'in_progress',
                seats: 5000,
                targetDate: '2027-06-30',
                l2Reason: 'Migration',
              },
            ],
            engagementStartDate: '2026-12-01',
          },
        ],
      });
      expect((await post(body)).status).toBe(201);
      const [spo] = await workloadsOf(store, tenantOf(body));
      expect(spo).toMatchObject({ l1_status: 'in_progress', esd_date: '2026-12-01' });
      const read = await store.getWorkload(spo?.id as string);
      expect(read?.workload.entitlements).toEqual([
        { l1Status: 'in_progress', seats: 5000, targetDate: '2027-06-30', l2Reason: 'Migration' },
        {
          l1Status: 'blocked',
          seats: 1000,
          targetDate: null,
          l2Reason: 'Cloud Trust (Security/Compliance)',
        },
      ]);
      // Later, the old form (or a bare single line) saying In Progress again keeps the split.
      for (const [i, workload] of [
        { code: 'SPO', l1Status: 'in_progress' },
        { code: 'SPO', entitlements: [{ l1Status: 'in_progress' }] },
      ].entries()) {
        const again = handoff({
          handoffId: `${idOf(body)}-${i}`,
          tenant: body.tenant,
          workloads: [workload],
        });
        expect((await post(again)).status).toBe(201);
        const kept = await store.getWorkload(spo?.id as string);
        expect(kept?.workload.entitlements).toHaveLength(2);
        expect(kept?.workload.version).toBe(read?.workload.version);
      }
    });

    it('422 (R1): a date on a split with no In Progress seats, the split in params and message; nothing written', async () => {
      const body = handoff({
        workloads: [
          {
            code: 'SPO',
            entitlements: [
              { l1Status: 'in_progress', seats: 0 },
              { l1Status: 'blocked', seats: 1200 },
              { l1Status: 'no_intent', seats: 300 },
            ],
            engagementStartDate: '2026-12-01',
          },
        ],
      });
      await writesNothing(async () => {
        const res = await post(body);
        expect(res.status).toBe(422);
        const violation = (res.body.workloads as Json[])[0]?.violations as Json[];
        expect(violation[0]).toMatchObject({
          code: 'status_ineligible',
          params: {
            status: 'blocked',
            split: [
              { l1Status: 'blocked', seats: 1200, targetDate: null, l2Reason: null },
              { l1Status: 'no_intent', seats: 300, targetDate: null, l2Reason: null },
            ],
          },
        });
        expect(violation[0]?.message).toContain('Blocked: 1,200 seats · No Intent: 300 seats');
      });
    });

    it('the old single-L1 form and a bare single line are the same handoff (200 replay, not 409)', async () => {
      const old = handoff({
        workloads: [{ code: 'EXO', l1Status: 'in_progress', engagementStartDate: '2026-12-01' }],
      });
      expect((await post(old)).status).toBe(201);
      const same = {
        ...old,
        workloads: [
          {
            code: 'EXO',
            entitlements: [{ l1Status: 'in_progress' }],
            engagementStartDate: '2026-12-01',
          },
        ],
      };
      expect((await post(same)).status).toBe(200);
    });

    it('400 for both forms at once, a split without seat counts, the same L1 twice, a bad Target Date', async () => {
      const body = handoff({
        workloads: [
          { code: 'EXO', l1Status: 'in_progress', entitlements: [{ l1Status: 'in_progress' }] },
          {
            code: 'SPO',
            entitlements: [{ l1Status: 'in_progress' }, { l1Status: 'blocked', seats: 3 }],
          },
          {
            code: 'TEAMS',
            entitlements: [
              { l1Status: 'blocked', seats: 1 },
              { l1Status: 'blocked', seats: 2, targetDate: '2027-02-30' },
            ],
          },
          { code: 'OD' },
        ],
      });
      await writesNothing(async () => {
        const res = await post(body);
        expect(res.status).toBe(400);
        const paths = (res.body.problems as { path: string }[]).map((p) => p.path).sort();
        expect(paths).toEqual([
          'workloads.0.l1Status',
          'workloads.1.entitlements.0.seats',
          'workloads.2.entitlements.1.l1Status',
          'workloads.2.entitlements.1.targetDate',
          'workloads.3.l1Status',
        ]);
      });
    });
  });

  describe('idempotency', () => {
    it('the same id and body again → 200 with the same answer, nothing written', async () => {
      const body = handoff();
      const first = await post(body);
      expect(first.status).toBe(201);
      await writesNothing(async () => {
        // The sender's retry is signed again (a new timestamp); the very same request is a replay.
        const again = await post(body, { skew: 1 });
        expect(again).toEqual({ status: 200, body: first.body });
        // The same body with other key order and whitespace is the same body.
        const reordered = JSON.stringify(
          {
            notes: body.notes,
            workloads: [...(body.workloads as Json[])].reverse(),
            enteredBy: body.enteredBy,
            deliveryChannel: body.deliveryChannel,
            tenant: body.tenant,
            handoffId: body.handoffId,
          },
          null,
          2,
        );
        expect(await post(reordered)).toEqual({ status: 200, body: first.body });
      });
    });

    it('the same id with another body → 409, nothing written', async () => {
      const body = handoff();
      expect((await post(body)).status).toBe(201);
      await writesNothing(async () => {
        const other = await post({
          ...body,
          workloads: [{ code: 'EXO', l1Status: 'in_progress', engagementStartDate: '2026-12-02' }],
        });
        expect(other.status).toBe(409);
        expect(other.body.error).toBe('conflict');
      });
    });

    it('the very same signed request again (a retry policy) gets the first answer again: 201, same body, nothing written', async () => {
      for (const bodyOnly of [false, true]) {
        const body = handoff();
        const first = await post(body, { bodyOnly });
        expect(first.status).toBe(201);
        await writesNothing(async () => {
          // Power Automate, Logic Apps or API Management resend the byte-identical request.
          for (let i = 0; i < 3; i++) expect(await post(body, { bodyOnly })).toEqual(first);
        });
        // Another body under the same id, even signed the same second, is still a conflict.
        const other = await post({ ...body, notes: 'Another note.' }, { bodyOnly });
        expect(other.status).toBe(409);
      }
    });

    it('a retry of a 200 answer gets 200 again', async () => {
      const body = handoff();
      expect((await post(body)).status).toBe(201);
      const second = await post(body, { skew: 1 });
      expect(second.status).toBe(200);
      expect(await post(body, { skew: 1 })).toEqual(second);
    });

    it('a request refused by the rules is not remembered: once fixed at the sender, it goes through', async () => {
      const blocked = handoff({
        workloads: [{ code: 'EXO', l1Status: 'blocked', engagementStartDate: '2026-12-01' }],
      });
      expect((await post(blocked)).status).toBe(422);
      expect((await post(blocked)).status).toBe(422);
    });

    it('10 concurrent identical requests: exactly one 201, the rest 200, one of everything', async () => {
      const body = handoff();
      // Ten retries, each signed at its own second.
      const answers = await Promise.all(
        Array.from({ length: 10 }, (_, i) => post(body, { skew: i })),
      );
      const statuses = answers.map((a) => a.status).sort();
      expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
      for (const a of answers)
        expect(a.body).toEqual({
          handoffId: idOf(body),
          status: 'accepted',
          notification: 'pending',
        });
      const rows = await contextOf(store)
        .db.selectFrom('gateway_handoffs')
        .select('handoff_id')
        .where('handoff_id', '=', idOf(body))
        .execute();
      expect(rows).toHaveLength(1);
      expect(await outboxFor(store, idOf(body))).toHaveLength(1);
      expect(await store.tenantHistory(tenantOf(body))).toHaveLength(1);
    });

    it('concurrent requests with one id and two bodies: one 201, the others 200 or 409', async () => {
      const a = handoff();
      const b = { ...a, notes: 'Another note entirely.' };
      const answers = await Promise.all(
        Array.from({ length: 6 }, (_, i) => post(i % 2 === 0 ? a : b, { skew: i })),
      );
      const statuses = answers.map((x) => x.status);
      expect(statuses.filter((s) => s === 201)).toHaveLength(1);
      expect(statuses.every((s) => s === 201 || s === 200 || s === 409)).toBe(true);
      expect(statuses.filter((s) => s === 409)).toHaveLength(3);
      expect(await store.tenantHistory(tenantOf(a))).toHaveLength(1);
    });
  });

  describe('bodies that are refused', () => {
    it('400 lists every problem by path at once, and writes nothing', async () => {
      const body = {
        ...handoff(),
        handoffId: 'gw 2026/000123',
        tenant: { id: 'not-a-guid', name: '', customerName: 'x'.repeat(201), region: 'EU' },
        deliveryChannel: { type: 'FM', fm: { upn: 'not an email' } },
        workloads: [
          { code: 'XYZ', l1Status: 'in_progress' },
          { code: 'EXO', l1Status: 'started', engagementStartDate: '2026-02-30' },
          { code: 'EXO', l1Status: 'in_progress', engagementStartDate: '01/12/2026' },
        ],
        enteredBy: { upn: 'gateway@example.com' },
        notes: 'n'.repeat(4001),
        extra: true,
      };
      await writesNothing(async () => {
        const res = await post(body);
        expect(res.status).toBe(400);
        expect(res.body.error).toBe('invalid_body');
        const problems = res.body.problems as { path: string; message: string }[];
        const paths = problems.map((p) => p.path);
        expect(paths).toEqual(
          expect.arrayContaining([
            'handoffId',
            'tenant.id',
            'tenant.name',
            'tenant.customerName',
            'tenant.region',
            'deliveryChannel.fm.upn',
            'workloads.0.code',
            'workloads.1.l1Status',
            'workloads.1.engagementStartDate',
            'workloads.2.engagementStartDate',
            'workloads.2.code',
            'enteredBy.name',
            'notes',
            'extra',
          ]),
        );
        for (const p of problems) expect(p.message).toMatch(/\S/);
        expect(problems.find((p) => p.path === 'workloads.2.code')?.message).toMatch(/duplicate/);
        expect(problems.find((p) => p.path === 'extra')?.message).toBe('unknown field');
      });
    });

    it('400 for a delivery channel of an unknown type, too many workloads, none at all', async () => {
      const channel = await post(handoff({ deliveryChannel: { type: 'TEAM', fm: FM } }));
      expect(channel.status).toBe(400);
      expect((channel.body.problems as { path: string }[]).map((p) => p.path)).toContain(
        'deliveryChannel.type',
      );
      const many = await post(
        handoff({
          workloads: Array.from({ length: 51 }, () => ({ code: 'EXO', l1Status: 'in_progress' })),
        }),
      );
      expect(many.status).toBe(400);
      expect((many.body.problems as { path: string }[]).map((p) => p.path)).toContain('workloads');
      expect((await post(handoff({ workloads: [] }))).status).toBe(400);
    });

    it('400 for a body that is not JSON, or not an object', async () => {
      await writesNothing(async () => {
        const broken = await post('{"handoffId": "gw-1", ');
        expect(broken.status).toBe(400);
        expect(broken.body).toMatchObject({
          error: 'invalid_body',
          problems: [{ path: '(body)' }],
        });
        expect((await post('[]')).status).toBe(400);
        expect((await post('')).status).toBe(400);
      });
    });

    it.each([
      [
        'multipart/form-data; boundary=x',
        '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--\r\n',
      ],
      ['application/x-www-form-urlencoded', 'handoffId=gw-1'],
      ['text/plain', '{}'],
      ['application/json; charset=latin1', '{}'],
    ])('415 for %s, signed or not; nothing written (issue 13, item 1)', async (type, raw) => {
      await writesNothing(async () => {
        for (const headers of [signedHeaders(raw, {}), {}]) {
          const res = await fetch(`${url}/api/gateway/handoffs`, {
            method: 'POST',
            headers: { ...headers, 'content-type': type },
            body: raw,
          });
          expect(res.status).toBe(415);
          expect(await res.json()).toMatchObject({ error: 'unsupported_media_type' });
        }
      });
    });

    it('413 for a 300 KB body, declared or not (chunked)', async () => {
      const big = JSON.stringify(handoff({ notes: 'x'.repeat(300 * 1024) }));
      await writesNothing(async () => {
        const res = await post(big);
        expect(res.status).toBe(413);
        expect(res.body.error).toBe('too_large');

        // No Content-Length: the bytes are counted as they come.
        const chunks = [big.slice(0, 100_000), big.slice(100_000, 200_000), big.slice(200_000)];
        const stream = new ReadableStream({
          pull(controller) {
            const next = chunks.shift();
            if (next === undefined) controller.close();
            else controller.enqueue(new TextEncoder().encode(next));
          },
        });
        const chunked = await fetch(`${url}/api/gateway/handoffs`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...signedHeaders(big, {}) },
          body: stream,
          duplex: 'half',
        } as RequestInit);
        expect(chunked.status).toBe(413);
        await chunked.text();
      });
    });

    it('422 for a date on a Blocked workload (R1), with the code per workload; nothing written', async () => {
      const body = handoff({
        workloads: [
          { code: 'EXO', l1Status: 'in_progress', engagementStartDate: '2026-12-01' },
          { code: 'SPO', l1Status: 'blocked', engagementStartDate: '2026-12-01' },
          { code: 'INTUNE', l1Status: 'no_intent', engagementStartDate: '2026-12-03' },
        ],
      });
      await writesNothing(async () => {
        const res = await post(body);
        expect(res.status).toBe(422);
        expect(res.body).toMatchObject({
          error: 'rule_violation',
          workloads: [
            {
              code: 'SPO',
              violations: [
                {
                  code: 'status_ineligible',
                  field: 'workload',
                  params: { status: 'blocked' },
                  message: expect.stringContaining('Blocked'),
                },
              ],
            },
            {
              code: 'INTUNE',
              violations: [{ code: 'status_ineligible', params: { status: 'no_intent' } }],
            },
          ],
        });
      });
      // Nothing written means the id is still free: the corrected handoff goes through.
      expect(await get(idOf(body))).toMatchObject({ status: 404 });
      const fixed = {
        ...body,
        workloads: [
          { code: 'EXO', l1Status: 'in_progress', engagementStartDate: '2026-12-01' },
          { code: 'SPO', l1Status: 'blocked' },
        ],
      };
      expect((await post(fixed)).status).toBe(201);
    });

    it('422 for a date outside the window around today (UTC of the server clock)', async () => {
      const body = handoff({
        workloads: [{ code: 'EXO', l1Status: 'in_progress', engagementStartDate: '2030-01-01' }],
      });
      await writesNothing(async () => {
        const res = await post(body);
        expect(res.status).toBe(422);
        expect(res.body).toMatchObject({
          workloads: [
            {
              code: 'EXO',
              violations: [
                {
                  code: 'date_out_of_window',
                  params: { earliest: '2025-11-22', latest: '2028-11-21' },
                },
              ],
            },
          ],
        });
      });
    });

    it('a status change of a known workload to Blocked together with a date → 422 (R1)', async () => {
      const first = handoff();
      expect((await post(first)).status).toBe(201);
      await writesNothing(async () => {
        const res = await post(
          handoff({
            tenant: first.tenant,
            workloads: [{ code: 'EXO', l1Status: 'blocked', engagementStartDate: '2026-12-20' }],
          }),
        );
        expect(res.status).toBe(422);
      });
      const [exo] = await workloadsOf(store, tenantOf(first));
      expect(exo).toMatchObject({ l1_status: 'in_progress', esd_date: '2026-12-01' });
    });
  });

  describe('signatures', () => {
    it('401 for a signature made with another secret, or over another body; nothing written', async () => {
      const body = handoff();
      await writesNothing(async () => {
        const wrong = await post(body, { secret: OTHER });
        expect(wrong.status).toBe(401);
        expect(wrong.body.error).toBe('unauthorized');
        const raw = JSON.stringify(body);
        const tampered = await fetch(`${url}/api/gateway/handoffs`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...signedHeaders(raw, {}) },
          body: raw.replace('2026-12-01', '2026-12-02'),
        });
        expect(tampered.status).toBe(401);
      });
    });

    it.each([
      ['stale (5 min + 1 s in the past)', -301],
      ['from the future (5 min + 1 s ahead)', 301],
    ])('401 for a timestamp %s', async (_, skew) => {
      await writesNothing(async () => {
        const res = await post(handoff(), { skew });
        expect(res.status).toBe(401);
        expect(String(res.body.message)).toMatch(/5 minutes/);
      });
    });

    it('accepts a timestamp exactly 5 minutes off, either way', async () => {
      expect((await post(handoff(), { skew: -300 })).status).toBe(201);
      expect((await post(handoff(), { skew: 300 })).status).toBe(201);
    });

    it.each<[string, SendOptions]>([
      ['no timestamp', { omit: ['x-esd-timestamp'] }],
      ['no signature', { omit: ['x-esd-signature'] }],
      ['neither header', { omit: ['x-esd-timestamp', 'x-esd-signature'] }],
      [
        'a timestamp that is not Unix seconds',
        { headers: { 'x-esd-timestamp': '2026-11-22T12:00:00Z' } },
      ],
      ['a signature without sha256=', { headers: { 'x-esd-signature': 'a'.repeat(64) } }],
      [
        'a signature that is not hex',
        { headers: { 'x-esd-signature': `sha256=${'z'.repeat(64)}` } },
      ],
      ['a truncated signature', { headers: { 'x-esd-signature': `sha256=${'a'.repeat(62)}` } }],
      ['another algorithm', { headers: { 'x-esd-signature': `sha1=${'a'.repeat(40)}` } }],
    ])('401 for %s', async (_, options) => {
      await writesNothing(async () => {
        expect((await post(handoff(), options)).status).toBe(401);
      });
    });

    it('accepts a signature made with the previous secret while it is configured (rotation)', async () => {
      expect((await post(handoff(), { secret: PREVIOUS })).status).toBe(201);
    });

    it('the POST also accepts the first scheme, "<timestamp>.<body>"', async () => {
      const body = handoff();
      expect((await post(body, { bodyOnly: true })).status).toBe(201);
      expect((await post(handoff(), { bodyOnly: true, secret: OTHER })).status).toBe(401);
    });

    it('the GET is signed too, over its method and path: it reads that handoff only', async () => {
      const body = handoff();
      const other = handoff();
      expect((await post(body)).status).toBe(201);
      expect((await post(other)).status).toBe(201);
      const target = `${HANDOFFS}/${idOf(body)}`;
      const captured = signedHeaders('', {}, { method: 'GET', url: target });
      expect((await fetch(`${url}${target}`, { headers: captured })).status).toBe(200);
      const elsewhere = await fetch(`${url}${HANDOFFS}/${idOf(other)}`, { headers: captured });
      expect(elsewhere.status).toBe(401);
      // The first scheme ("<timestamp>." over no body) is not enough for a GET.
      const legacy = bodySignedHeaders(SECRET, NOW_SECONDS, '');
      expect((await fetch(`${url}${target}`, { headers: legacy })).status).toBe(401);
      expect((await get(idOf(body), { secret: OTHER })).status).toBe(401);
      expect((await get(idOf(body), { omit: ['x-esd-signature'] })).status).toBe(401);
      expect((await get(idOf(body), { skew: 301 })).status).toBe(401);
      expect((await get(idOf(body), { secret: PREVIOUS })).status).toBe(200);
    });
  });

  describe('GET /api/gateway/handoffs/{id}', () => {
    it('pending, then sent, then acknowledged', async () => {
      const body = handoff();
      expect((await post(body)).status).toBe(201);
      expect(await get(idOf(body))).toEqual({
        status: 200,
        body: {
          handoffId: idOf(body),
          status: 'accepted',
          notification: 'pending',
          notifiedAt: null,
          acknowledgedAt: null,
          receivedAt: NOW.toISOString(),
        },
      });

      const sentAt = '2026-11-22T12:00:05.000Z';
      await contextOf(store)
        .db.updateTable('outbox')
        .set({ status: 'sent', sent_at: sentAt })
        .where('dedupe_key', '=', `handoff:${idOf(body)}`)
        .execute();
      expect((await get(idOf(body))).body).toMatchObject({
        notification: 'sent',
        notifiedAt: sentAt,
        acknowledgedAt: null,
      });

      const ackAt = new Date('2026-11-22T13:30:00.000Z');
      expect(await store.acknowledgeHandoff(idOf(body), ackAt)).toMatchObject({
        status: 'acknowledged',
        acknowledgedAt: ackAt.toISOString(),
      });
      // Once: a second acknowledgement keeps the first time.
      expect(
        await store.acknowledgeHandoff(idOf(body), new Date('2026-11-23T08:00:00.000Z')),
      ).toMatchObject({ status: 'already', acknowledgedAt: ackAt.toISOString() });
      expect((await get(idOf(body))).body).toMatchObject({
        notification: 'sent',
        notifiedAt: sentAt,
        acknowledgedAt: ackAt.toISOString(),
      });
    });

    it('a message that could not be delivered reads as failed', async () => {
      const body = handoff();
      expect((await post(body)).status).toBe(201);
      await contextOf(store)
        .db.updateTable('outbox')
        .set({ status: 'dead' })
        .where('dedupe_key', '=', `handoff:${idOf(body)}`)
        .execute();
      expect((await get(idOf(body))).body.notification).toBe('failed');
    });

    it('reads ids with every character the id may have', async () => {
      const body = handoff({ handoffId: 'GW:2026.000_123-a' });
      expect((await post(body)).status).toBe(201);
      expect(await get('GW:2026.000_123-a')).toMatchObject({
        status: 200,
        body: { handoffId: 'GW:2026.000_123-a', notification: 'pending' },
      });
    });

    it('404 for an unknown id, or one that could never be an id', async () => {
      expect(await get('gw-2026-unknown')).toEqual({ status: 404, body: { error: 'not_found' } });
      expect((await get('x'.repeat(101))).status).toBe(404);
      expect((await get('a b')).status).toBe(404);
    });
  });

  describe('failures', () => {
    it('a database failure halfway → 503 with retry, no stack trace, nothing half-written', async () => {
      const body = handoff();
      contextOf(store).afterStatement = (step) => {
        if (step === 'history') throw new Error('simulated: the database went away');
      };
      try {
        await writesNothing(async () => {
          const res = await post(body);
          expect(res).toEqual({ status: 503, body: { error: 'unavailable', retry: true } });
        });
      } finally {
        contextOf(store).afterStatement = undefined;
      }
      // The id was not taken: the retry goes through.
      expect((await post(body)).status).toBe(201);
    });
  });
});

describe('configuration', () => {
  const opened: TeamsHarness[] = [];
  afterAll(async () => {
    for (const harness of opened) await harness.close();
  });

  it('503 saying GATEWAY_WEBHOOK_SECRET is not set when no secret is configured', async () => {
    const harness = await TeamsHarness.start();
    opened.push(harness);
    const before = await counts(harness.app.store);
    const post = await postTo(harness.app.url, handoff());
    expect(post.status).toBe(503);
    expect(String(post.body.message)).toContain('GATEWAY_WEBHOOK_SECRET is not set');
    const get = await getFrom(harness.app.url, 'gw-2026-000123');
    expect(get.status).toBe(503);
    expect(await counts(harness.app.store)).toEqual(before);
  });

  it('rejects a signature made with a previous secret once it is no longer configured', async () => {
    const harness = await TeamsHarness.start({ env: { GATEWAY_WEBHOOK_SECRET: SECRET } });
    opened.push(harness);
    expect((await postTo(harness.app.url, handoff(), { secret: PREVIOUS })).status).toBe(401);
    expect((await postTo(harness.app.url, handoff(), { secret: SECRET })).status).toBe(201);
  });
});

describe('logs', () => {
  let app: App;
  let drop: () => Promise<void>;
  const lines: string[] = [];

  beforeAll(async () => {
    const database = await createTestDatabase('sqlite');
    drop = database.drop;
    const sink = new PassThrough();
    sink.on('data', (chunk: Buffer) => lines.push(chunk.toString('utf8')));
    const target = database.target as { kind: 'sqlite'; path: string };
    app = await startApp(
      parseConfig({
        PORT: '0',
        SQLITE_PATH: target.path,
        DEMO_DATA: 'false',
        GATEWAY_WEBHOOK_SECRET: SECRET,
        GATEWAY_WEBHOOK_SECRET_PREVIOUS: PREVIOUS,
      }),
      createLogger('trace', sink),
      { now: () => NOW, background: false },
    );
  });
  afterAll(async () => {
    await app?.close();
    await drop?.();
  });

  it('never contain a secret or a signature, whatever the outcome', async () => {
    const body = handoff();
    const raw = JSON.stringify(body);
    const signatures = [SECRET, PREVIOUS, OTHER].flatMap((secret) => [
      sign({ secret, timestamp: NOW_SECONDS, method: 'POST', url: HANDOFFS, body: raw })[
        'x-esd-signature'
      ] as string,
      bodySignedHeaders(secret, NOW_SECONDS, raw)['x-esd-signature'] as string,
    ]);
    expect((await postTo(app.url, body)).status).toBe(201);
    expect((await postTo(app.url, body, { secret: PREVIOUS })).status).toBe(200);
    expect((await postTo(app.url, body, { secret: OTHER })).status).toBe(401);
    expect((await postTo(app.url, body, { skew: 400 })).status).toBe(401);
    // Each request's log line is written once its answer has gone ('after'): wait for all four.
    await until(
      () => lines.join('').split('"msg":"request"').length - 1 >= 4,
      10_000,
      'the four request log lines',
    );
    const log = lines.join('');
    expect(log).toContain('gateway');
    for (const secret of [SECRET, PREVIOUS]) expect(log).not.toContain(secret);
    for (const sig of signatures) {
      expect(log).not.toContain(sig);
      expect(log).not.toContain(sig.slice('sha256='.length));
    }
  });
});
