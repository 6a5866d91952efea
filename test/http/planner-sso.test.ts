/**
 * Teams SSO for the planner (issue 18): with MicrosoftAppId set, every /api/planner data call
 * needs a token that Entra ID's OpenID metadata vouches for, here a local OpenID/JWKS server on
 * 127.0.0.1 (test/support/openid.ts). Missing, expired, without exp, wrong audience, wrong
 * issuer or wrong key: 401 and no data. A good token's claims (oid, upn or preferred_username)
 * are mapped to the store's roles: a partner user sees its own customers only (R11).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, startApp } from '../../src/app.js';
import { parseConfig } from '../../src/config/config.js';
import { createLogger } from '../../src/log/logger.js';
import { DEMO_FM, DEMO_PARTNER, DEMO_TENANTS } from '../../src/store/demo-data.js';
import { createTestDatabase, engines, type TestDatabase } from '../support/databases.js';
import { LocalIssuer } from '../support/openid.js';
import type { PlannerAnswer as Answer } from '../support/planner-answer.js';
import { NOW } from '../support/teams.js';

const APP_ID = '11111111-2222-3333-4444-555555555555';
const AUDIENCE = `api://planner.example.com/${APP_ID}`;
const TAILSPIN = DEMO_TENANTS.find((t) => t.customerName === 'Tailspin Toys')?.id as string;
const CONTOSO = DEMO_TENANTS.find((t) => t.customerName === 'Contoso Ltd')?.id as string;

describe.each(engines)('planner with Teams SSO (%s)', (engine) => {
  let issuer: LocalIssuer;
  let database: TestDatabase;
  let app: App;

  beforeAll(async () => {
    issuer = await new LocalIssuer().start();
    database = await createTestDatabase(engine);
    const target = database.target;
    const config = parseConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      DEMO_DATA: 'true',
      ...(target.kind === 'sqlite' ? { SQLITE_PATH: target.path } : { DATABASE_URL: target.url }),
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: 'not-a-real-secret-just-for-tests',
      PLANNER_SSO_AUDIENCE: AUDIENCE,
      PLANNER_OPENID_METADATA_URL: issuer.metadataUrl,
    });
    app = await startApp(config, createLogger('silent'), { background: false, now: () => NOW });
    await app.store.setPartner('pat@adatum.example', DEMO_PARTNER, 'test');
  });
  afterAll(async () => {
    await app?.close();
    await issuer?.stop();
    await database?.drop();
  });

  const call = (path: string, token?: string) =>
    fetch(`${app.url}${path}`, token ? { headers: { authorization: `Bearer ${token}` } } : {});
  const alexToken = (claims: Record<string, unknown> = {}) =>
    issuer.token({
      aud: AUDIENCE,
      oid: DEMO_FM.aadObjectId,
      upn: DEMO_FM.upn,
      name: DEMO_FM.name,
      ...claims,
    });

  const now = () => Math.floor(Date.now() / 1000);
  it.each([
    ['no token', () => undefined],
    ['an expired token', () => alexToken({ exp: now() - 3600, nbf: now() - 7200 })],
    ['a token without exp', () => alexToken({ exp: undefined })],
    ['a token for another audience', () => alexToken({ aud: 'api://elsewhere/other-app' })],
    ['a token from another issuer', () => alexToken({ iss: 'https://login.evil.example/v2.0' })],
    [
      'a token signed with another key',
      () =>
        issuer.token(
          { aud: AUDIENCE, oid: DEMO_FM.aadObjectId, upn: DEMO_FM.upn },
          issuer.strangerKey,
        ),
    ],
    ['not a JWT', () => 'not-a-token'],
  ])('%s: 401 and no data', async (_name, token) => {
    for (const path of [
      '/api/planner/capacity',
      '/api/planner/upcoming',
      `/api/planner/timeline/${CONTOSO}`,
    ]) {
      const res = await call(path, token());
      expect(res.status, path).toBe(401);
      const text = await res.text();
      expect(text).not.toContain('Contoso');
      expect(text).not.toContain('alexw');
    }
  });

  it('a valid token: the FM by oid and upn sees their own workloads', async () => {
    const res = await call('/api/planner/capacity?weeks=26', alexToken());
    expect(res.status).toBe(200);
    const data = (await res.json()) as Answer;
    expect(data.fms.map((f: { upn: string }) => f.upn)).toEqual([DEMO_FM.upn]);
    const me = (await (await call('/api/planner/me', alexToken())).json()) as Answer;
    expect(me).toMatchObject({ upn: DEMO_FM.upn, localMode: false, seesEveryone: false });
  });

  it('?as=gateway is ignored when SSO is on', async () => {
    const res = await call('/api/planner/capacity?weeks=26&as=gateway', alexToken());
    const data = (await res.json()) as Answer;
    expect(data.fms.map((f: { upn: string }) => f.upn)).toEqual([DEMO_FM.upn]);
  });

  it('the Gateway Team sees everyone (role from the store, by preferred_username)', async () => {
    const token = issuer.token({
      aud: AUDIENCE,
      oid: 'f0f0f0f0-0000-0000-0000-000000000001',
      preferred_username: 'AdeleV@example.com',
      name: 'Adele Vance',
    });
    const data = (await (await call('/api/planner/capacity?weeks=26', token)).json()) as Answer;
    expect(data.fms.map((f: { upn: string }) => f.upn)).toEqual(
      expect.arrayContaining(['alexw@example.com', 'meganb@example.com']),
    );
  });

  it('a partner user sees its own customers only (R11)', async () => {
    const token = issuer.token({
      aud: AUDIENCE,
      oid: 'f0f0f0f0-0000-0000-0000-000000000002',
      upn: 'pat@adatum.example',
      name: 'Pat',
    });
    const upcoming = (await (await call('/api/planner/upcoming?days=60', token)).json()) as Answer;
    const customers = new Set(
      [...upcoming.overdue, ...upcoming.upcoming].map(
        (e: { customerName: string }) => e.customerName,
      ),
    );
    expect([...customers]).toEqual(['Tailspin Toys']);
    expect((await call(`/api/planner/timeline/${TAILSPIN}`, token)).status).toBe(200);
    expect((await call(`/api/planner/timeline/${CONTOSO}`, token)).status).toBe(404);
    const capacity = (await (await call('/api/planner/capacity?weeks=26', token)).json()) as Answer;
    expect(capacity.fms).toEqual([]);
  });

  it('the app id alone is accepted as audience (Entra ID v2 tokens)', async () => {
    expect((await call('/api/planner/me', alexToken({ aud: APP_ID }))).status).toBe(200);
  });

  it('a person unknown to the store, with a valid token, sees nothing', async () => {
    const token = issuer.token({
      aud: AUDIENCE,
      oid: 'f0f0f0f0-0000-0000-0000-000000000003',
      upn: 'stranger@example.com',
    });
    const upcoming = (await (await call('/api/planner/upcoming?days=60', token)).json()) as Answer;
    expect([...upcoming.overdue, ...upcoming.upcoming]).toEqual([]);
  });
});
