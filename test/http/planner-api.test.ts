/**
 * The planner's JSON endpoints in local mode (issue 18), on both engines: the demo FM sees their
 * own workloads only, the demo Gateway user (?as=gateway) everyone's (R6, domain/access.ts); a
 * timeline keeps undated workloads apart and measures gaps from a Target Date to the next start
 * (FAQ purpose 3), start to start where none is known, and says which;
 * the CSV is the neutralized one; local mode refuses a Host that is not this machine.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Esd, noResponseNote } from '../../src/domain/index.js';
import { PLANNER_STRINGS } from '../../src/i18n/planner.js';
import { DEMO_TENANTS } from '../../src/store/demo-data.js';
import { contextOf } from '../../src/store/store.js';
import { engines } from '../support/databases.js';
import type { PlannerAnswer as Answer } from '../support/planner-answer.js';
import { TeamsHarness } from '../support/teams.js';

const CONTOSO = DEMO_TENANTS.find((t) => t.customerName === 'Contoso Ltd')?.id as string;
const WOODGROVE = DEMO_TENANTS.find((t) => t.customerName === 'Woodgrove Bank')?.id as string;
const TAILSPIN = DEMO_TENANTS.find((t) => t.customerName === 'Tailspin Toys')?.id as string;

describe.each(engines)('planner API in local mode (%s)', (engine) => {
  let teams: TeamsHarness;
  beforeAll(async () => {
    teams = await TeamsHarness.start({ engine });
  });
  afterAll(async () => teams?.close());

  const get = (path: string) => fetch(`${teams.app.url}${path}`);
  const json = async (path: string) => {
    const res = await get(path);
    expect(res.status, path).toBe(200);
    return (await res.json()) as Answer;
  };

  it('the FM sees only their own row and workloads in the capacity heat map', async () => {
    const data = await json('/api/planner/capacity?weeks=26');
    expect(data.fms.map((f: { upn: string }) => f.upn)).toEqual(['alexw@example.com']);
    expect(data.weeks).toHaveLength(26);
    const customers = new Set(data.workloads.map((w: { customerName: string }) => w.customerName));
    expect(customers.has('Woodgrove Bank')).toBe(false);
    expect(customers.has('Contoso Ltd')).toBe(true);
    // R9: a first-of-month estimate is counted, and counted apart as one.
    const estimates = (data.fms[0]?.weeks ?? []).reduce(
      (n: number, w: { estimates: number }) => n + w.estimates,
      0,
    );
    expect(estimates).toBeGreaterThan(0);
  });

  it('the Gateway user sees every FM, and filters by FM and workload', async () => {
    const all = await json('/api/planner/capacity?as=gateway&weeks=26');
    const upns = all.fms.map((f: { upn: string }) => f.upn);
    expect(upns).toEqual(expect.arrayContaining(['alexw@example.com', 'meganb@example.com']));
    const megan = await json('/api/planner/capacity?as=gateway&weeks=26&fm=megan');
    expect(megan.fms.map((f: { upn: string }) => f.upn)).toEqual(['meganb@example.com']);
    const spo = await json('/api/planner/capacity?as=gateway&weeks=26&workload=SPO');
    expect(new Set(spo.workloads.map((w: { code: string }) => w.code))).toEqual(new Set(['SPO']));
  });

  it('upcoming: the FM sees no other FM or partner workload; the Gateway user sees them', async () => {
    const fm = await json('/api/planner/upcoming?days=60');
    const fmCustomers = [...fm.overdue, ...fm.upcoming].map(
      (e: { customerName: string }) => e.customerName,
    );
    expect(fmCustomers).not.toContain('Woodgrove Bank');
    expect(fmCustomers).not.toContain('Tailspin Toys');
    const gw = await json('/api/planner/upcoming?days=60&as=gateway');
    const gwCustomers = [...gw.overdue, ...gw.upcoming].map(
      (e: { customerName: string }) => e.customerName,
    );
    expect(gwCustomers).toEqual(expect.arrayContaining(['Woodgrove Bank', 'Tailspin Toys']));
  });

  it('R7, upcoming: a passed date the FM documented as not answered is listed apart with what was recorded, not as overdue', async () => {
    const woodgrove = DEMO_TENANTS.find((t) => t.customerName === 'Woodgrove Bank')?.id as string;
    const exo = (await teams.app.store.tenantWorkloads(woodgrove)).find((w) => w.code === 'EXO');
    const path = '/api/planner/upcoming?as=gateway&fm=megan&from=2026-12-05';
    // Before the note: both of Woodgrove's passed dates are overdue (nothing recorded since).
    const before = await json(path);
    expect(before.overdue.map((e) => e.workloadCode).sort()).toEqual(['EXO', 'SPO']);
    expect(before.documented).toEqual([]);
    // The note "no response" writes (src/domain noResponseNote), for Exchange Online's date.
    await contextOf(teams.app.store)
      .db.insertInto('status_notes')
      .values({
        tenant_id: woodgrove,
        workload_id: exo?.id as string,
        category: 'overall_status',
        text: noResponseNote({
          code: 'EXO',
          esd: exo?.esd as Esd,
          kind: 'inactive',
          detail: null,
        }),
        author_name: 'Megan Bowen',
        author_upn: 'meganb@example.com',
        author_aad_object_id: null,
        created_at: '2026-11-28T10:00:00.000Z',
      })
      .execute();
    const after = await json(path);
    expect(after.overdue.map((e) => e.workloadCode)).toEqual(['SPO']);
    expect(
      after.documented.map((e) => [e.workloadCode, e.engagementStartDate, e.recorded]),
    ).toEqual([['EXO', exo?.esd?.date, 'inactive']]);
    // The page names what was recorded in every language (planner/planner.js, recorded_<kind>).
    for (const strings of Object.values(PLANNER_STRINGS)) {
      expect(strings.recorded_inactive).not.toBe('');
      expect(strings.documented).toContain('{count}');
    }
  });

  it('FAQ purpose 3: a Target Date gap, from one workload’s Target Date to the next one’s ESD', async () => {
    const store = teams.app.store;
    const tenant = {
      id: '7c1d3f0e-9a52-4b8e-9f21-6a5d4c3b2a10',
      name: 'litware.onmicrosoft.com',
      customerName: 'Litware',
    };
    const fm = { type: 'fm' as const, fm: { upn: 'alexw@example.com', aadObjectId: null } };
    const [exo, teamsWorkload] = await store.registerTenant(tenant, [
      {
        code: 'EXO',
        l1Status: 'in_progress',
        entitlements: [
          {
            l1Status: 'in_progress',
            seats: 900,
            targetDate: '2027-01-29' as never,
            l2Reason: 'Migration',
          },
          { l1Status: 'blocked', seats: 100, targetDate: null, l2Reason: null },
        ],
        channel: fm,
      },
      { code: 'TEAMS', l1Status: 'in_progress', channel: fm },
    ]);
    for (const [w, date] of [
      [exo, '2026-12-07'],
      [teamsWorkload, '2027-02-15'],
    ] as const) {
      const result = await store.changeEngagementStartDate({
        workloadId: w?.id as string,
        expectedVersion: w?.version as number,
        actor: { name: 'Adele Vance', upn: 'adelev@example.com', roles: ['gateway'] },
        proposal: { kind: 'date', date, basis: 'planned' },
        reason: 'Agreed with the customer',
        source: 'teams',
        today: '2026-11-22' as never,
      });
      expect(result.status).toBe('changed');
    }
    const data = await json(`/api/planner/timeline/${tenant.id}?as=gateway`);
    expect(data.gapMeasure).toBe('target_to_start');
    expect(data.workloads.map((w) => [w.code, w.targetDate, w.gapToNext])).toEqual([
      [
        'EXO',
        '2027-01-29',
        {
          measure: 'target_to_start',
          from: '2027-01-29',
          days: 17,
          nextCode: 'TEAMS',
          nextDate: '2027-02-15',
          approximate: false,
        },
      ],
      ['TEAMS', null, null],
    ]);
    const csv = await (
      await get(`/api/planner/timeline/${tenant.id}?as=gateway&format=csv`)
    ).text();
    expect(csv).toContain('2027-01-29,target_to_start,17,TEAMS');
  });

  it('a timeline: bars with targetDate null, gaps start to start, undated apart', async () => {
    const data = await json(`/api/planner/timeline/${CONTOSO}`);
    expect(data.gapMeasure).toBe('start_to_start');
    expect(data.workloads.every((w: { targetDate: unknown }) => w.targetDate === null)).toBe(true);
    const undated = data.workloads.filter(
      (w: { engagementStartDate: unknown }) => !w.engagementStartDate,
    );
    expect(undated.map((w: { code: string }) => w.code)).toContain('OD');
    expect(data.workloads.some((w: { gapToNext: unknown }) => w.gapToNext !== null)).toBe(true);
  });

  it("another FM's or a partner's tenant is not found for the FM, and is for the Gateway user", async () => {
    expect((await get(`/api/planner/timeline/${WOODGROVE}`)).status).toBe(404);
    expect((await get(`/api/planner/timeline/${TAILSPIN}`)).status).toBe(404);
    expect((await get(`/api/planner/timeline/${WOODGROVE}?as=gateway`)).status).toBe(200);
    const fmTenants = await json('/api/planner/tenants');
    const names = fmTenants.tenants.map((t: { customerName: string }) => t.customerName);
    expect(names).toContain('Contoso Ltd');
    expect(names).not.toContain('Woodgrove Bank');
    const found = await json('/api/planner/tenants?q=woodgrove');
    expect(found.tenants).toEqual([]);
  });

  it('CSV downloads of what is shown', async () => {
    const res = await get('/api/planner/capacity?format=csv&weeks=4');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="capacity-/);
    const text = await res.text();
    expect(text.split(/\r?\n/)[0]).toMatch(/^fm_upn,fm_name,\d{4}-W\d\d/);
    expect(text).toContain('alexw@example.com');
    expect(text).not.toContain('meganb@example.com');
    const timeline = await (await get(`/api/planner/timeline/${CONTOSO}?format=csv`)).text();
    expect(timeline).toContain('Contoso Ltd');
  });

  it('a bad query is a 400 naming the parameter, and nothing else', async () => {
    const res = await get('/api/planner/capacity?weeks=99&bogus=1');
    expect(res.status).toBe(400);
    const body = (await res.json()) as Answer;
    expect(body.problems.map((p: { path: string }) => p.path)).toEqual(
      expect.arrayContaining(['weeks']),
    );
    expect(body.fms).toBeUndefined();
  });

  it('serves the page and its strings in the asked language', async () => {
    const page = await get('/planner');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('/planner/planner.js');
    expect((await get('/planner/planner.js')).status).toBe(200);
    expect((await get('/planner/planner.css')).status).toBe(200);
    expect((await get('/planner/../package.json')).status).toBe(404);
    const words = await json('/api/planner/strings?lang=pt-BR');
    expect(words.language).toBe('pt-BR');
    expect(words.strings.tabCapacity).toBe('Capacidade');
  });

  it('local mode refuses a Host that is not this machine (DNS rebinding), page and data', async () => {
    const url = new URL(teams.app.url);
    for (const path of ['/planner', '/api/planner/capacity', '/api/planner/strings']) {
      const status = await new Promise<number>((resolve, reject) => {
        const req = request(
          {
            host: url.hostname,
            port: url.port,
            path,
            headers: { host: `evil.example:${url.port}` },
          },
          (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          },
        );
        req.on('error', reject);
        req.end();
      });
      expect(status, path).toBe(403);
    }
  });
});

describe('planner strings', () => {
  it('every language has every key, none empty', () => {
    const keys = Object.keys(PLANNER_STRINGS.en).sort();
    for (const [language, strings] of Object.entries(PLANNER_STRINGS)) {
      expect(Object.keys(strings).sort(), language).toEqual(keys);
      for (const [key, value] of Object.entries(strings))
        expect(value.trim(), `${language}.${key}`).not.toBe('');
    }
  });
});
