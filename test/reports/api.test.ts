/**
 * GET /api/reports/capacity, /api/reports/upcoming and /api/tenants/{id} on the demo data, the
 * real server, a real database (SQLite always, PostgreSQL when TEST_DATABASE_URL is set). The
 * expected figures are worked out by hand from src/store/demo-data.ts, with today 2026-11-22 (a
 * Sunday):
 *
 *   Alex (alexw@example.com)   Fabrikam EXO 11-22 · Contoso EXO 11-25 (moved from 11-23)
 *                              Contoso TEAMS 12-02 · Northwind SPO 12-12
 *                              Fabrikam TEAMS 2027-01 (estimate: 2027-01-01) · Northwind PBI 2027-01-06
 *   Megan (meganb@example.com) Woodgrove EXO 11-27 · Woodgrove SPO 12-04
 *   Adatum (a partner, R11)    Tailspin EXO 12-07: not an FM's, not in these reports
 *
 * ISO weeks from the one of 2026-11-22: W47 (11-16) W48 (11-23) W49 (11-30) W50 (12-07)
 * W51 (12-14) W52 (12-21) W53 (12-28; 2026 has 53 weeks) 2027-W01 (01-04 to 01-10).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CalendarDate, noResponseNote } from '../../src/domain/index.js';
import { DEMO_TENANTS } from '../../src/store/demo-data.js';
import { contextOf } from '../../src/store/store.js';
import { engines } from '../support/databases.js';
import { bodySignedHeaders, signedHeaders } from '../support/signing.js';
import { NOW, TeamsHarness } from '../support/teams.js';

const SECRET = 'reports-secret-0123456789abcdef-0123456789';
const PREVIOUS = 'reports-previous-secret-fedcba9876543210-xyz';
const NOW_SECONDS = Math.floor(NOW.getTime() / 1000);
const [CONTOSO, FABRIKAM, NORTHWIND, TAILSPIN] = DEMO_TENANTS.map((t) => t.id) as [
  string,
  string,
  string,
  string,
];

type Json = Record<string, unknown>;

/** A GET of `url` signed as docs/api.md says: method, path and query. */
function signed(url: string, secret = SECRET, skew = 0): Record<string, string> {
  return signedHeaders({ secret, timestamp: NOW_SECONDS + skew, url });
}

describe.each(engines)('the reports API on %s', (engine) => {
  let teams: TeamsHarness;

  async function get(
    path: string,
    headers: Record<string, string> = signed(path),
  ): Promise<{ status: number; type: string; text: string; json: Json }> {
    const response = await fetch(`${teams.app.url}${path}`, { headers });
    const text = await response.text();
    const type = response.headers.get('content-type') ?? '';
    return {
      status: response.status,
      type,
      text,
      json: type.includes('json') && text ? (JSON.parse(text) as Json) : {},
    };
  }
  const csv = (path: string) => get(path, { ...signed(path), accept: 'text/csv' });

  beforeAll(async () => {
    teams = await TeamsHarness.start({
      engine,
      env: { GATEWAY_WEBHOOK_SECRET: SECRET, GATEWAY_WEBHOOK_SECRET_PREVIOUS: PREVIOUS },
    });
  });
  afterAll(async () => teams?.close());

  describe('GET /api/reports/capacity', () => {
    it('counts In Progress starts per FM and ISO week, 8 weeks by default', async () => {
      const res = await get('/api/reports/capacity');
      expect(res.status).toBe(200);
      const body = res.json as {
        from: string;
        to: string;
        weeks: { week: string; starts: number; estimates: number; busiest: boolean }[];
        fms: { upn: string; starts: number; weeks: { starts: number; estimates: number }[] }[];
      };
      expect([body.from, body.to]).toEqual(['2026-11-16', '2027-01-10']);
      expect(body.weeks.map((w) => [w.week, w.starts, w.estimates, w.busiest])).toEqual([
        ['2026-W47', 1, 0, false],
        ['2026-W48', 2, 0, true],
        ['2026-W49', 2, 0, true],
        ['2026-W50', 1, 0, false],
        ['2026-W51', 0, 0, false],
        ['2026-W52', 0, 0, false],
        ['2026-W53', 1, 1, false],
        ['2027-W01', 1, 0, false],
      ]);
      expect(body.fms.map((fm) => [fm.upn, fm.starts, fm.weeks.map((w) => w.starts)])).toEqual([
        ['alexw@example.com', 6, [1, 1, 1, 1, 0, 0, 1, 1]],
        ['meganb@example.com', 2, [0, 1, 1, 0, 0, 0, 0, 0]],
      ]);
    });

    it('filters by FM and workload, and takes the weeks and the first day', async () => {
      const spo = await get('/api/reports/capacity?workload=spo&weeks=4');
      const fms = (spo.json.fms as { upn: string; weeks: { starts: number }[] }[]).map((fm) => [
        fm.upn,
        fm.weeks.map((w) => w.starts),
      ]);
      expect(fms).toEqual([
        ['alexw@example.com', [0, 0, 0, 1]],
        ['meganb@example.com', [0, 0, 1, 0]],
      ]);
      const megan = await get('/api/reports/capacity?fm=megan&from=2026-12-01&weeks=2');
      expect(megan.json).toMatchObject({
        from: '2026-11-30',
        to: '2026-12-13',
        filter: { fm: 'megan', workload: null },
        fms: [{ upn: 'meganb@example.com', starts: 1 }],
      });
    });

    it('as CSV: one row per FM, one column per week', async () => {
      const res = await csv('/api/reports/capacity');
      expect(res.status).toBe(200);
      expect(res.type).toMatch(/^text\/csv/);
      expect(res.text).toBe(
        [
          'fm_upn,fm_name,2026-W47,2026-W48,2026-W49,2026-W50,2026-W51,2026-W52,2026-W53,2027-W01,total',
          'alexw@example.com,,1,1,1,1,0,0,1,1,6',
          'meganb@example.com,,0,1,1,0,0,0,0,0,2',
          '',
        ].join('\r\n'),
      );
    });
  });

  describe('GET /api/reports/upcoming', () => {
    it('the next 30 days of every FM, soonest first; nothing overdue yet', async () => {
      const res = await get('/api/reports/upcoming');
      expect(res.status).toBe(200);
      const body = res.json as { overdue: Json[]; upcoming: Json[] };
      expect(body.overdue).toEqual([]);
      expect(
        body.upcoming.map((e) => [e.customerName, e.workloadCode, e.engagementStartDate, e.days]),
      ).toEqual([
        ['Fabrikam Inc', 'EXO', '2026-11-22', 0],
        ['Contoso Ltd', 'EXO', '2026-11-25', 3],
        ['Woodgrove Bank', 'EXO', '2026-11-27', 5],
        ['Contoso Ltd', 'TEAMS', '2026-12-02', 10],
        ['Woodgrove Bank', 'SPO', '2026-12-04', 12],
        ['Northwind Traders', 'SPO', '2026-12-12', 20],
      ]);
      expect(body.upcoming[0]).toMatchObject({
        tenantId: FABRIKAM,
        fmUpn: 'alexw@example.com',
        estimate: false,
        basis: 'phone_call',
        week: '2026-W47',
      });
      expect(JSON.stringify(body)).not.toContain(TAILSPIN);
    });

    it('as of a later day: the passed dates without "communication started" are overdue, first', async () => {
      const contosoExo = (await teams.app.store.tenantWorkloads(CONTOSO)).find(
        (w) => w.code === 'EXO',
      );
      await contextOf(teams.app.store)
        .db.insertInto('reminder_responses')
        .values({
          outbox_id: 999_001,
          workload_id: contosoExo?.id as string,
          esd_date: '2026-11-25',
          action: 'started',
          actor_name: 'Alex Wilber',
          actor_upn: 'alexw@example.com',
          responded_at: '2026-11-25T10:00:00.000Z',
        })
        .execute();
      const res = await get('/api/reports/upcoming?asOf=2026-12-05');
      const body = res.json as { overdue: Json[]; upcoming: Json[]; overdueSince: string };
      expect(body.overdueSince).toBe('2026-11-05');
      expect(body.overdue.map((e) => [e.customerName, e.workloadCode, e.days])).toEqual([
        ['Fabrikam Inc', 'EXO', -13],
        ['Woodgrove Bank', 'EXO', -8],
        ['Contoso Ltd', 'TEAMS', -3],
        ['Woodgrove Bank', 'SPO', -1],
      ]);
      expect(body.upcoming.map((e) => [e.workloadCode, e.engagementStartDate, e.estimate])).toEqual(
        [
          ['SPO', '2026-12-12', false],
          ['TEAMS', '2027-01-01', true],
        ],
      );

      const megan = await csv('/api/reports/upcoming?asOf=2026-12-05&fm=MeganB@example.com');
      expect(megan.text.split('\r\n')).toEqual([
        'kind,fm_upn,tenant_id,tenant_name,customer_name,workload_code,engagement_start_date,estimate,basis,days,week',
        `overdue,meganb@example.com,${DEMO_TENANTS[4]?.id},woodgrovebank.onmicrosoft.com,Woodgrove Bank,EXO,2026-11-27,false,phone_call,-8,2026-W48`,
        `overdue,meganb@example.com,${DEMO_TENANTS[4]?.id},woodgrovebank.onmicrosoft.com,Woodgrove Bank,SPO,2026-12-04,false,kickoff_meeting,-1,2026-W49`,
        '',
      ]);
    });

    it('R7: a passed date the FM documented as not answered is listed apart, with what was recorded', async () => {
      const woodgrove = DEMO_TENANTS[4]?.id as string;
      const exo = (await teams.app.store.tenantWorkloads(woodgrove)).find((w) => w.code === 'EXO');
      await contextOf(teams.app.store)
        .db.insertInto('status_notes')
        .values({
          tenant_id: woodgrove,
          workload_id: exo?.id as string,
          category: 'overall_status',
          text: noResponseNote({
            code: 'EXO',
            esd: { date: '2026-11-27' as CalendarDate, estimate: false },
            kind: 'no_answer',
            detail: null,
          }),
          author_name: 'Megan Bowen',
          author_upn: 'meganb@example.com',
          author_aad_object_id: null,
          created_at: '2026-11-28T10:00:00.000Z',
        })
        .execute();
      const res = await get('/api/reports/upcoming?asOf=2026-12-05&fm=meganb@example.com');
      const body = res.json as { overdue: Json[]; documented: Json[] };
      expect(body.overdue.map((e) => e.workloadCode)).toEqual(['SPO']);
      expect(body.documented.map((e) => [e.workloadCode, e.days, e.recorded])).toEqual([
        ['EXO', -8, 'no_answer'],
      ]);
      const megan = await csv('/api/reports/upcoming?asOf=2026-12-05&fm=meganb@example.com');
      expect(megan.text.split('\r\n').slice(1, 3)).toEqual([
        `overdue,meganb@example.com,${woodgrove},woodgrovebank.onmicrosoft.com,Woodgrove Bank,SPO,2026-12-04,false,kickoff_meeting,-1,2026-W49`,
        `no_answer,meganb@example.com,${woodgrove},woodgrovebank.onmicrosoft.com,Woodgrove Bank,EXO,2026-11-27,false,phone_call,-8,2026-W48`,
      ]);
    });
  });

  describe('GET /api/tenants/{id}', () => {
    it('the timeline: dated workloads by date with the gap to the next start, then undated ones', async () => {
      const res = await get(`/api/tenants/${CONTOSO}`);
      expect(res.status).toBe(200);
      const body = res.json as { tenant: Json; span: Json; workloads: Json[] };
      expect(body.tenant).toEqual({
        id: CONTOSO,
        name: 'contoso.onmicrosoft.com',
        customerName: 'Contoso Ltd',
      });
      expect(body.span).toEqual({ first: '2026-11-25', last: '2026-12-02', days: 7 });
      expect(
        body.workloads.map((w) => [
          w.code,
          w.l1Status,
          w.engagementStartDate,
          w.basis,
          w.gapToNext,
        ]),
      ).toEqual([
        [
          'EXO',
          'in_progress',
          '2026-11-25',
          'two_way_email',
          {
            measure: 'start_to_start',
            from: '2026-11-25',
            days: 7,
            nextCode: 'TEAMS',
            nextDate: '2026-12-02',
            approximate: false,
          },
        ],
        ['TEAMS', 'in_progress', '2026-12-02', 'kickoff_meeting', null],
        ['INTUNE', 'status_unknown', null, null, null],
        ['M365APPS', 'no_intent', null, null, null],
        ['OD', 'in_progress', null, null, null],
        ['SPO', 'blocked', null, null, null],
      ]);
    });

    it('an estimate makes the gap approximate (R9)', async () => {
      const fabrikam = await get(`/api/tenants/${FABRIKAM}`);
      expect((fabrikam.json.workloads as Json[])[0]?.gapToNext).toMatchObject({
        measure: 'start_to_start',
        days: 40,
        nextCode: 'TEAMS',
        nextDate: '2027-01-01',
        approximate: true,
      });
      const northwind = await csv(`/api/tenants/${NORTHWIND}`);
      expect(northwind.text.split('\r\n')).toEqual([
        'tenant_id,tenant_name,customer_name,workload_code,l1_status,engagement_start_date,estimate,basis,delivery_channel,fm_upn,partner_name,target_date,gap_measure,days_to_next_start,next_workload_code',
        `${NORTHWIND},northwindtraders.onmicrosoft.com,Northwind Traders,SPO,in_progress,2026-12-12,false,kickoff_meeting,fm,alexw@example.com,,,start_to_start,25,PBI`,
        `${NORTHWIND},northwindtraders.onmicrosoft.com,Northwind Traders,PBI,in_progress,2027-01-06,false,planned,fm,alexw@example.com,,,,,`,
        `${NORTHWIND},northwindtraders.onmicrosoft.com,Northwind Traders,AADP,in_progress,,,,fm,alexw@example.com,,,,,`,
        '',
      ]);
    });

    it('404 for an unknown tenant', async () => {
      const res = await get('/api/tenants/00000000-0000-0000-0000-000000000000');
      expect(res).toMatchObject({ status: 404, json: { error: 'not_found' } });
    });
  });

  describe('authentication and validation', () => {
    it.each([
      ['no signature', {} as Record<string, string>, /required/],
      [
        'a wrong secret',
        signed('/api/reports/capacity', 'not-the-secret-0000000000000000000000'),
        /does not match/,
      ],
      ['a stale timestamp', signed('/api/reports/capacity', SECRET, -301), /5 minutes/],
    ])('401 with %s', async (_, headers, message) => {
      const res = await get('/api/reports/capacity', headers);
      expect(res.status).toBe(401);
      expect(res.json).toMatchObject({
        error: 'unauthorized',
        message: expect.stringMatching(message),
      });
    });

    it('a signature is good for its own method, path and query only (issue 13, item 7)', async () => {
      const captured = signed('/api/reports/capacity?weeks=4');
      expect((await get('/api/reports/capacity?weeks=4', captured)).status).toBe(200);
      // The query's order and spelling do not matter: it is signed in canonical form.
      expect(
        (await get('/api/reports/capacity?weeks=4', signed('/api/reports/capacity?weeks=%34')))
          .status,
      ).toBe(200);
      for (const other of [
        '/api/reports/upcoming',
        '/api/reports/upcoming?weeks=4',
        '/api/reports/capacity',
        '/api/reports/capacity?weeks=52',
        '/api/reports/capacity?weeks=4&fm=alexw@example.com',
        `/api/tenants/${CONTOSO}`,
      ]) {
        const res = await get(other, captured);
        expect(res.status, other).toBe(401);
        expect(res.json.message).toMatch(/does not match/);
      }
      const contoso = signed(`/api/tenants/${CONTOSO}`);
      expect((await get(`/api/tenants/${CONTOSO}`, contoso)).status).toBe(200);
      expect((await get(`/api/tenants/${FABRIKAM}`, contoso)).status).toBe(401);
      // Another method with the same signature.
      const post = await fetch(`${teams.app.url}/api/tenants/${CONTOSO}`, {
        method: 'POST',
        headers: { ...contoso, 'content-type': 'application/json' },
        body: '{}',
      });
      expect(post.status).not.toBe(200);
      // The signature of the first scheme ("<timestamp>." and no body) reads nothing any more.
      const legacy = bodySignedHeaders(SECRET, NOW_SECONDS, '');
      expect((await get('/api/reports/capacity', legacy)).status).toBe(401);
    });

    it.each([
      ['/api/reports/capacity?from=9999-12-31&weeks=52', 'from'],
      ['/api/reports/capacity?from=0001-01-01', 'from'],
      ['/api/reports/upcoming?asOf=9999-12-01&days=366', 'asOf'],
      ['/api/reports/upcoming?asOf=9999-12-31', 'asOf'],
      ['/api/reports/upcoming?asOf=1000-01-01&overdueDays=366', 'asOf'],
    ])('400 naming the allowed range for %s, never 503 or a five-digit year', async (url, path) => {
      const res = await get(url);
      expect(res.status).toBe(400);
      expect(res.json.problems).toEqual([
        { path, message: 'must be between 2000-01-01 and 2199-12-31' },
      ]);
      expect(res.text).not.toContain('+0');
    });

    it('the edges of the allowed range answer 200', async () => {
      expect((await get('/api/reports/capacity?from=2199-12-31&weeks=52')).status).toBe(200);
      expect((await get('/api/reports/upcoming?asOf=2199-12-31&days=366')).json.until).toMatch(
        /^\d{4}-/,
      );
      expect((await get('/api/reports/upcoming?asOf=2000-01-01&overdueDays=366')).status).toBe(200);
    });

    it('accepts the previous secret during a rotation', async () => {
      expect(
        (await get(`/api/tenants/${CONTOSO}`, signed(`/api/tenants/${CONTOSO}`, PREVIOUS))).status,
      ).toBe(200);
    });

    it('400 listing every problem of the query', async () => {
      const res = await get(
        '/api/reports/capacity?weeks=0&workload=XYZ&from=2026-02-30&colour=red',
      );
      expect(res.status).toBe(400);
      expect(res.json.error).toBe('invalid_query');
      expect((res.json.problems as { path: string }[]).map((p) => p.path).sort()).toEqual([
        'colour',
        'from',
        'weeks',
        'workload',
      ]);
      const upcoming = await get('/api/reports/upcoming?days=ten&days=11');
      expect(upcoming.status).toBe(400);
      expect(upcoming.json.problems).toEqual([{ path: 'days', message: expect.any(String) }]);
      const tenant = await get(`/api/tenants/${CONTOSO}?format=csv`);
      expect(tenant.json.problems).toEqual([{ path: 'format', message: 'unknown parameter' }]);
    });

    it('answers problems in JSON even to a client that asked for CSV', async () => {
      const res = await get('/api/reports/capacity?weeks=99', {
        ...signed('/api/reports/capacity?weeks=99'),
        accept: 'text/csv',
      });
      expect(res.status).toBe(400);
      expect(res.type).toMatch(/application\/json/);
    });

    it.each([
      ['text/csv;q=0.9, application/json', 'application/json'],
      ['application/json;q=0.5, text/csv', 'text/csv'],
      ['*/*', 'application/json'],
      ['text/*', 'text/csv'],
    ])('Accept: %s gives %s', async (accept, type) => {
      const res = await get(`/api/tenants/${CONTOSO}`, {
        ...signed(`/api/tenants/${CONTOSO}`),
        accept,
      });
      expect(res.type).toContain(type);
    });

    it('406 for a format it does not have', async () => {
      const res = await get('/api/reports/upcoming', {
        ...signed('/api/reports/upcoming'),
        accept: 'application/xml',
      });
      expect(res.status).toBe(406);
    });
  });
});

describe('the reports API without a secret', () => {
  it('is disabled: 503 not_configured, like the webhook', async () => {
    const teams = await TeamsHarness.start();
    try {
      const response = await fetch(`${teams.app.url}/api/reports/capacity`, {
        headers: signed('/api/reports/capacity'),
      });
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ error: 'not_configured' });
    } finally {
      await teams.close();
    }
  });
});
