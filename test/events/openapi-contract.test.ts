/**
 * Issue 17: docs/openapi.yaml is the contract others build on. Live answers of the running
 * server (real database, both engines) are checked against what the document gives for that path,
 * method and status: the media type (JSON or CSV), the JSON schema, the CSV's header row. The last
 * test walks the document: every path + method + status it lists must have been answered here
 * (or be named in NOT_EXERCISED with why), so neither the code nor the document can drift alone.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { CalendarDate } from '../../src/domain/index.js';
import { DEMO_FM, DEMO_GATEWAY, DEMO_TENANTS } from '../../src/store/demo-data.js';
import { contextOf } from '../../src/store/store.js';
import { engines } from '../support/databases.js';
import type { LocalIssuer } from '../support/openid.js';
import {
  ENTRA_AUDIENCE,
  ENTRA_TENANT,
  startWithServiceCallers,
} from '../support/service-callers.js';
import { signedHeaders } from '../support/signing.js';
import { NOW, TeamsHarness } from '../support/teams.js';

const SECRET = 'contract-secret-0123456789abcdef-0123456789';
const NOW_SECONDS = Math.floor(NOW.getTime() / 1000);
const AUDIENCE = ENTRA_AUDIENCE;
const TENANT = ENTRA_TENANT;
const APP_ID = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const PLANNER_AUDIENCE = `api://esd-bot.example.com/${APP_ID}`;
/** A day after the demo data's first starts: they are overdue as of it. */
const LATER = '2026-12-10' as CalendarDate;

/** Listed in docs/openapi.yaml but not answered by this test: key "method path status", why. */
const NOT_EXERCISED: Record<string, string> = {};

const UPCOMING_HEADER =
  'kind,fm_upn,tenant_id,tenant_name,customer_name,workload_code,engagement_start_date,estimate,basis,days,week';
const TENANT_HEADER =
  'tenant_id,tenant_name,customer_name,workload_code,l1_status,engagement_start_date,estimate,basis,delivery_channel,fm_upn,partner_name,target_date,gap_measure,days_to_next_start,next_workload_code';

type Json = Record<string, unknown>;
const doc = parse(
  readFileSync(new URL('../../docs/openapi.yaml', import.meta.url), 'utf8'),
) as Json;
const ajv = new Ajv2020.default({ strict: false, allErrors: true });
addFormats.default(ajv);
ajv.addSchema({ ...doc, $id: 'openapi' });

/** Follows a local $ref of the document. */
function deref(node: Json): Json {
  const ref = node.$ref;
  if (typeof ref !== 'string') return node;
  let target: unknown = doc;
  for (const key of ref.replace(/^#\//, '').split('/')) target = (target as Json)[key];
  return deref(target as Json);
}

/** Rewrites local refs so that Ajv resolves them in the registered document. */
function rooted(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(rooted);
  if (!schema || typeof schema !== 'object') return schema;
  return Object.fromEntries(
    Object.entries(schema as Json).map(([k, v]) => [
      k,
      k === '$ref' && typeof v === 'string' && v.startsWith('#') ? `openapi${v}` : rooted(v),
    ]),
  );
}

/** Every "method path status" the document lists. */
function documented(): string[] {
  const keys: string[] = [];
  for (const [path, item] of Object.entries(doc.paths as Json))
    for (const [method, op] of Object.entries(item as Json))
      for (const status of Object.keys((op as Json).responses as Json))
        keys.push(`${method} ${path} ${status}`);
  return keys;
}

interface Answer {
  status: number;
  contentType: string;
  headers: Headers | Record<string, string | string[] | undefined>;
  text: string;
  body: unknown;
}

function answerOf(
  status: number,
  contentType: string,
  headers: Answer['headers'],
  text: string,
): Answer {
  const json = contentType.startsWith('application/json') && text;
  return { status, contentType, headers, text, body: json ? (JSON.parse(text) as unknown) : null };
}

describe.each(engines)('live answers match docs/openapi.yaml on %s', (engine) => {
  let teams: TeamsHarness;
  let issuer: LocalIssuer;
  /** esd-bot in local mode with no service caller configured: 503 not_configured, planner 403. */
  let bare: TeamsHarness;
  let close = async () => {};
  const exercised = new Set<string>();

  beforeAll(async () => {
    ({ teams, issuer, close } = await startWithServiceCallers(engine, SECRET, (local) => ({
      // Teams SSO on (not local mode): the planner reads tokens from the same local Entra ID.
      HOST: '127.0.0.1',
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: 'not-a-real-secret-just-for-tests',
      PLANNER_SSO_AUDIENCE: PLANNER_AUDIENCE,
      PLANNER_OPENID_METADATA_URL: local.metadataUrl,
    })));
    bare = await TeamsHarness.start({ engine });
  });
  afterAll(async () => {
    await close();
    await bare?.close();
  });

  /**
   * The answer is one the document lists for this path, method and status, in one of its media
   * types; a JSON answer matches that schema.
   */
  function expectMatches(path: string, method: string, status: number, res: Answer) {
    expect(res.status, `${method} ${path}: ${res.text.slice(0, 300)}`).toBe(status);
    const operation = ((doc.paths as Json)[path] as Json)?.[method] as Json | undefined;
    expect(operation, `${method} ${path} in docs/openapi.yaml`).toBeDefined();
    const response = (operation?.responses as Json)?.[String(status)] as Json | undefined;
    expect(response, `${method} ${path} ${status} in docs/openapi.yaml`).toBeDefined();
    const content = deref(response as Json).content as Json;
    const media = res.contentType.split(';')[0]?.trim() ?? '';
    expect(Object.keys(content), `${method} ${path} ${status}: media type`).toContain(media);
    if (media === 'application/json') {
      const validate = ajv.compile(rooted((content[media] as Json).schema) as object);
      const ok = validate(res.body);
      expect(ok, `${method} ${path} ${status}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
    exercised.add(`${method} ${path} ${status}`);
  }

  /** A CSV answer: UTF-8 text/csv, an attachment, this header row, `rows` data rows. */
  function expectCsv(res: Answer, header: string, rows: number) {
    expect(res.contentType).toBe('text/csv; charset=utf-8');
    const disposition = (res.headers as Headers).get('content-disposition') ?? '';
    expect(disposition).toMatch(/^attachment; filename="[\w.-]+\.csv"$/);
    const lines = res.text.split('\r\n');
    expect(lines[0]).toBe(header);
    expect(lines.at(-1)).toBe('');
    expect(lines.length - 2).toBe(rows);
  }

  async function call(app: TeamsHarness, url: string, init: RequestInit = {}): Promise<Answer> {
    const res = await fetch(`${app.app.url}${url}`, init);
    return answerOf(
      res.status,
      res.headers.get('content-type') ?? '',
      res.headers,
      await res.text(),
    );
  }
  /** A GET with this Host header (fetch cannot set one): what a DNS-rebinding page sends. */
  function withHost(app: TeamsHarness, url: string, host: string): Promise<Answer> {
    const target = new URL(`${app.app.url}${url}`);
    return new Promise((resolve, reject) => {
      const req = request(
        {
          host: target.hostname,
          port: target.port,
          path: `${target.pathname}${target.search}`,
          headers: { host },
        },
        (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => {
            text += chunk.toString();
          });
          res.on('end', () =>
            resolve(
              answerOf(res.statusCode ?? 0, res.headers['content-type'] ?? '', res.headers, text),
            ),
          );
        },
      );
      req.on('error', reject);
      req.end();
    });
  }

  const signed = (url: string, method = 'GET', body?: string, timestamp = NOW_SECONDS) =>
    signedHeaders({ secret: SECRET, timestamp, url, method, body });
  const get = (url: string, headers: Record<string, string> = signed(url)) =>
    call(teams, url, { headers });
  const bearer = (roles: string[]) => ({
    authorization: `Bearer ${issuer.token({ aud: AUDIENCE, tid: TENANT, roles })}`,
  });
  /** The Gateway user's Teams SSO token: sees every FM's row (R11 aside). */
  const sso = () => ({
    authorization: `Bearer ${issuer.token({
      aud: PLANNER_AUDIENCE,
      tid: TENANT,
      upn: DEMO_GATEWAY.upn,
      name: DEMO_GATEWAY.name,
    })}`,
  });

  function handoffBody(
    workloads: Json[] = [
      { code: 'EXO', l1Status: 'in_progress', engagementStartDate: '2026-12-01' },
    ],
    notes: string | null = null,
  ) {
    return {
      handoffId: `gw-2026-${randomUUID().slice(0, 8)}`,
      tenant: { id: randomUUID(), name: 'contoso.onmicrosoft.com', customerName: 'Contoso Ltd' },
      deliveryChannel: {
        type: 'FM',
        fm: { upn: 'ana.silva@example.com', aadObjectId: '5e0c1d2a-3b4c-4d5e-8f60-718293a4b5c6' },
      },
      workloads,
      enteredBy: { upn: 'gateway@example.com', name: 'Gabriel Ortega' },
      notes,
    };
  }
  const HANDOFFS = '/api/gateway/handoffs';
  const postHandoff = (
    body: string,
    headers: Record<string, string> = signed(HANDOFFS, 'POST', body),
    type = 'application/json',
  ) =>
    call(teams, HANDOFFS, { method: 'POST', headers: { 'content-type': type, ...headers }, body });

  it('the Gateway handoff API: every answer', async () => {
    const handoff = handoffBody();
    const body = JSON.stringify(handoff);
    expectMatches(HANDOFFS, 'post', 201, await postHandoff(body));
    // The same body, signed again: already recorded.
    expectMatches(
      HANDOFFS,
      'post',
      200,
      await postHandoff(body, signed(HANDOFFS, 'POST', body, NOW_SECONDS + 1)),
    );
    // The same handoffId with another body: R6's idempotency refuses it.
    const changed = JSON.stringify({ ...handoff, notes: 'Another body.' });
    expectMatches(HANDOFFS, 'post', 409, await postHandoff(changed));
    expectMatches(HANDOFFS, 'post', 400, await postHandoff('{"handoffId":"x"}'));
    expectMatches(HANDOFFS, 'post', 401, await postHandoff(body, {}));
    expectMatches(HANDOFFS, 'post', 403, await postHandoff(body, bearer(['Reports.Read'])));
    const big = JSON.stringify(handoffBody(undefined, 'x'.repeat(300 * 1024)));
    expectMatches(HANDOFFS, 'post', 413, await postHandoff(big));
    expectMatches(
      HANDOFFS,
      'post',
      415,
      await postHandoff(body, signed(HANDOFFS, 'POST', body), 'text/plain'),
    );
    // R3/R6: a new customer's In Progress workload needs the date the Gateway Team was given.
    const undated = JSON.stringify(handoffBody([{ code: 'EXO', l1Status: 'in_progress' }]));
    const refused = await postHandoff(undated);
    expectMatches(HANDOFFS, 'post', 422, refused);
    expect(refused.body).toMatchObject({
      error: 'rule_violation',
      workloads: [{ code: 'EXO', violations: [{ code: 'esd_required' }] }],
    });

    const one = `${HANDOFFS}/{handoffId}`;
    const statusUrl = `${HANDOFFS}/${handoff.handoffId}`;
    expectMatches(one, 'get', 200, await get(statusUrl));
    expectMatches(one, 'get', 401, await get(statusUrl, {}));
    expectMatches(one, 'get', 403, await get(statusUrl, bearer(['Events.Read'])));
    expectMatches(one, 'get', 404, await get(`${HANDOFFS}/gw-unknown`));
    // JSON whatever the Accept header asks for (the document lists no other media type).
    for (const accept of ['text/csv', 'text/html', 'application/xml'])
      expectMatches(one, 'get', 200, await get(statusUrl, { ...signed(statusUrl), accept }));
  });

  it('the reports API: JSON, CSV with its header row, and every error', async () => {
    const csv = (url: string) =>
      call(teams, url, { headers: { ...signed(url), accept: 'text/csv' } });

    const capacityUrl = '/api/reports/capacity?weeks=4';
    const capacity = await get(capacityUrl);
    expectMatches('/api/reports/capacity', 'get', 200, capacity);
    const report = capacity.body as { weeks: { week: string }[]; fms: unknown[] };
    expect(report.fms.length).toBeGreaterThan(0);
    const capacityCsv = await csv(capacityUrl);
    expectMatches('/api/reports/capacity', 'get', 200, capacityCsv);
    expectCsv(
      capacityCsv,
      ['fm_upn', 'fm_name', ...report.weeks.map((w) => w.week), 'total'].join(','),
      report.fms.length,
    );

    // As of a later day, so that every list has rows: the overdue starts, and one of them
    // documented (R7: no answer recorded after its date passed).
    const upcomingUrl = `/api/reports/upcoming?asOf=${LATER}`;
    const before = (await get(upcomingUrl)).body as { overdue: { workloadId: string }[] };
    const overdue = before.overdue[0];
    expect(overdue).toBeDefined();
    const recorded = await teams.app.store.recordNoResponse({
      workloadId: overdue?.workloadId as string,
      actor: { name: DEMO_FM.name, upn: DEMO_FM.upn, aadObjectId: DEMO_FM.aadObjectId, roles: [] },
      kind: 'no_answer',
      today: LATER,
    });
    expect(recorded.status).toBe('recorded');
    const upcoming = await get(upcomingUrl);
    expectMatches('/api/reports/upcoming', 'get', 200, upcoming);
    const lists = upcoming.body as {
      overdue: unknown[];
      documented: unknown[];
      upcoming: unknown[];
    };
    expect(lists.upcoming.length * lists.overdue.length * lists.documented.length).toBeGreaterThan(
      0,
    );
    const upcomingCsv = await csv(upcomingUrl);
    expectMatches('/api/reports/upcoming', 'get', 200, upcomingCsv);
    expectCsv(
      upcomingCsv,
      UPCOMING_HEADER,
      lists.overdue.length + lists.documented.length + lists.upcoming.length,
    );

    const tenantUrl = `/api/tenants/${DEMO_TENANTS[0]?.id}`;
    const tenant = await get(tenantUrl);
    expectMatches('/api/tenants/{tenantId}', 'get', 200, tenant);
    const tenantCsv = await csv(tenantUrl);
    expectMatches('/api/tenants/{tenantId}', 'get', 200, tenantCsv);
    expectCsv(tenantCsv, TENANT_HEADER, (tenant.body as { workloads: unknown[] }).workloads.length);
    expectMatches('/api/tenants/{tenantId}', 'get', 404, await get(`/api/tenants/${randomUUID()}`));

    for (const [path, url] of [
      ['/api/reports/capacity', '/api/reports/capacity'],
      ['/api/reports/upcoming', '/api/reports/upcoming'],
      ['/api/tenants/{tenantId}', tenantUrl],
    ] as const) {
      expectMatches(path, 'get', 400, await get(`${url}?since=1`));
      expectMatches(path, 'get', 401, await get(url, {}));
      expectMatches(path, 'get', 403, await get(url, bearer(['Events.Read'])));
      expectMatches(path, 'get', 406, await get(url, { ...signed(url), accept: 'image/png' }));
    }
  });

  it('the event feed: a page, and every error', async () => {
    const feed = await get('/api/events?limit=1000');
    expectMatches('/api/events', 'get', 200, feed);
    const types = new Set((feed.body as { events: { type: string }[] }).events.map((e) => e.type));
    expect([...types].sort()).toEqual([
      'esdbot.esd.changed',
      'esdbot.handoff.received',
      'esdbot.no_response.recorded',
    ]);
    const filtered = await get('/api/events?type=esdbot.handoff.received');
    expectMatches('/api/events', 'get', 200, filtered);
    expectMatches('/api/events', 'get', 400, await get('/api/events?limit=0'));
    const url = '/api/events?limit=1';
    expectMatches(
      '/api/events',
      'get',
      200,
      await get(url, { ...signed(url), accept: 'text/csv' }),
    );
    expectMatches('/api/events', 'get', 401, await get('/api/events', {}));
    expectMatches('/api/events', 'get', 403, await get('/api/events', bearer(['Reports.Read'])));
    // As if retention had deleted the first two events (test/events/api.test.ts purges for real).
    const db = contextOf(teams.app.store).db;
    await db.updateTable('event_log').set({ purged_through: 2 }).where('id', '=', 1).execute();
    try {
      const expired = await get('/api/events?after=1');
      expectMatches('/api/events', 'get', 410, expired);
      expect(expired.body).toMatchObject({ error: 'cursor_expired', oldest: '2' });
    } finally {
      await db.updateTable('event_log').set({ purged_through: 0 }).where('id', '=', 1).execute();
    }
  });

  it('the planner API with Teams SSO: JSON, CSV, and every error', async () => {
    const planner = (url: string, headers: Record<string, string> = sso()) =>
      call(teams, url, { headers });
    expectMatches(
      '/api/planner/strings',
      'get',
      200,
      await planner('/api/planner/strings?lang=de', {}),
    );

    const me = await planner('/api/planner/me');
    expectMatches('/api/planner/me', 'get', 200, me);
    expect(me.body).toMatchObject({
      upn: DEMO_GATEWAY.upn,
      roles: ['gateway'],
      seesEveryone: true,
      localMode: false,
    });

    const capacity = await planner('/api/planner/capacity?weeks=8');
    expectMatches('/api/planner/capacity', 'get', 200, capacity);
    const report = capacity.body as {
      weeks: { week: string }[];
      fms: unknown[];
      workloads: unknown[];
    };
    expect(report.workloads.length).toBeGreaterThan(0);
    const capacityCsv = await planner('/api/planner/capacity?weeks=8&format=csv');
    expectMatches('/api/planner/capacity', 'get', 200, capacityCsv);
    expectCsv(
      capacityCsv,
      ['fm_upn', 'fm_name', ...report.weeks.map((w) => w.week), 'total'].join(','),
      report.fms.length,
    );

    const upcoming = await planner(`/api/planner/upcoming?from=${LATER}`);
    expectMatches('/api/planner/upcoming', 'get', 200, upcoming);
    const lists = upcoming.body as {
      overdue: unknown[];
      documented: unknown[];
      upcoming: unknown[];
    };
    expect(lists.upcoming.length * lists.overdue.length * lists.documented.length).toBeGreaterThan(
      0,
    );
    const upcomingCsv = await planner(`/api/planner/upcoming?from=${LATER}&format=csv`);
    expectMatches('/api/planner/upcoming', 'get', 200, upcomingCsv);
    expectCsv(
      upcomingCsv,
      UPCOMING_HEADER,
      lists.overdue.length + lists.documented.length + lists.upcoming.length,
    );

    const tenants = await planner('/api/planner/tenants');
    expectMatches('/api/planner/tenants', 'get', 200, tenants);
    expect((tenants.body as { tenants: unknown[] }).tenants.length).toBeGreaterThan(0);
    expectMatches(
      '/api/planner/tenants',
      'get',
      200,
      await planner('/api/planner/tenants?q=contoso'),
    );

    const tenantId = DEMO_TENANTS[0]?.id as string;
    const timeline = await planner(`/api/planner/timeline/${tenantId}`);
    expectMatches('/api/planner/timeline/{tenantId}', 'get', 200, timeline);
    const timelineCsv = await planner(`/api/planner/timeline/${tenantId}?format=csv`);
    expectMatches('/api/planner/timeline/{tenantId}', 'get', 200, timelineCsv);
    expectCsv(
      timelineCsv,
      TENANT_HEADER,
      (timeline.body as { workloads: unknown[] }).workloads.length,
    );
    expectMatches(
      '/api/planner/timeline/{tenantId}',
      'get',
      404,
      await planner(`/api/planner/timeline/${randomUUID()}`),
    );

    for (const [path, url] of [
      ['/api/planner/me', '/api/planner/me'],
      ['/api/planner/capacity', '/api/planner/capacity'],
      ['/api/planner/upcoming', '/api/planner/upcoming'],
      ['/api/planner/tenants', '/api/planner/tenants'],
      ['/api/planner/timeline/{tenantId}', `/api/planner/timeline/${tenantId}`],
    ] as const) {
      expectMatches(path, 'get', 400, await planner(`${url}?since=1`));
      expectMatches(path, 'get', 401, await planner(url, {}));
    }
  });

  it('an esd-bot without service callers answers 503 not_configured; local mode answers 403 to a Host not this machine', async () => {
    for (const path of ['/api/reports/capacity', '/api/reports/upcoming', '/api/events']) {
      const res = await call(bare, path, { headers: signed(path) });
      expectMatches(path, 'get', 503, res);
      expect(res.body).toMatchObject({ error: 'not_configured' });
    }
    expectMatches(
      '/api/tenants/{tenantId}',
      'get',
      503,
      await call(bare, `/api/tenants/${DEMO_TENANTS[0]?.id}`),
    );
    expectMatches(`${HANDOFFS}/{handoffId}`, 'get', 503, await call(bare, `${HANDOFFS}/gw-1`));
    const body = JSON.stringify(handoffBody());
    expectMatches(
      HANDOFFS,
      'post',
      503,
      await call(bare, HANDOFFS, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...signed(HANDOFFS, 'POST', body) },
        body,
      }),
    );

    const port = new URL(bare.app.url).port;
    for (const [path, url] of [
      ['/api/planner/strings', '/api/planner/strings'],
      ['/api/planner/me', '/api/planner/me'],
      ['/api/planner/capacity', '/api/planner/capacity'],
      ['/api/planner/upcoming', '/api/planner/upcoming'],
      ['/api/planner/tenants', '/api/planner/tenants'],
      ['/api/planner/timeline/{tenantId}', `/api/planner/timeline/${DEMO_TENANTS[0]?.id}`],
    ] as const) {
      const res = await withHost(bare, url, `evil.example:${port}`);
      expectMatches(path, 'get', 403, res);
    }
  });

  // Last but one: the database's tables go away.
  it('503 unavailable when the database fails, on every endpoint that reads it', async () => {
    const db = contextOf(teams.app.store).db;
    for (const table of [
      'events',
      'gateway_handoffs',
      'workloads',
      'tenants',
      'people',
      'role_grants',
    ])
      await sql.raw(`ALTER TABLE ${table} RENAME TO ${table}_gone`).execute(db);
    const unavailable = async (path: string, res: Answer) => {
      expectMatches(path, 'get', 503, res);
      expect(res.body).toEqual({ error: 'unavailable', retry: true });
    };
    const body = JSON.stringify(handoffBody());
    const post = await postHandoff(body);
    expectMatches(HANDOFFS, 'post', 503, post);
    expect(post.body).toEqual({ error: 'unavailable', retry: true });
    await unavailable(`${HANDOFFS}/{handoffId}`, await get(`${HANDOFFS}/gw-1`));
    await unavailable('/api/reports/capacity', await get('/api/reports/capacity'));
    await unavailable('/api/reports/upcoming', await get('/api/reports/upcoming'));
    const tenantUrl = `/api/tenants/${DEMO_TENANTS[0]?.id}`;
    await unavailable('/api/tenants/{tenantId}', await get(tenantUrl));
    await unavailable('/api/events', await get('/api/events'));
    for (const [path, url] of [
      ['/api/planner/me', '/api/planner/me'],
      ['/api/planner/capacity', '/api/planner/capacity'],
      ['/api/planner/upcoming', '/api/planner/upcoming'],
      ['/api/planner/tenants', '/api/planner/tenants'],
      ['/api/planner/timeline/{tenantId}', `/api/planner/timeline/${DEMO_TENANTS[0]?.id}`],
    ] as const)
      await unavailable(path, await call(teams, url, { headers: sso() }));
  });

  it('every answer the document lists was checked above (or is named in NOT_EXERCISED, with why)', () => {
    const listed = documented();
    for (const key of Object.keys(NOT_EXERCISED)) {
      expect(listed, `${key} is in docs/openapi.yaml`).toContain(key);
      expect(exercised.has(key), `${key} is exercised: take it off NOT_EXERCISED`).toBe(false);
    }
    const missing = listed.filter((key) => !exercised.has(key) && !(key in NOT_EXERCISED));
    expect(missing).toEqual([]);
  });

  it('the document and its schemas compile (no broken $ref)', () => {
    for (const [path, item] of Object.entries(doc.paths as Json))
      for (const [method, op] of Object.entries(item as Json))
        for (const [status, response] of Object.entries((op as Json).responses as Json)) {
          const content = deref(response as Json).content as Json | undefined;
          const schema = (content?.['application/json'] as Json | undefined)?.schema;
          if (schema)
            expect(
              () => ajv.compile(rooted(schema) as object),
              `${method} ${path} ${status}`,
            ).not.toThrow();
        }
  });
});
