import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TENANTS } from '../../src/store/demo-data.js';
import { TEST_DATABASE_URL } from '../support/databases.js';
import { TcpProxy } from '../support/tcp-proxy.js';
import { actionData, alex, cardText, TeamsHarness } from '../support/teams.js';

const CONTOSO = DEMO_TENANTS[0]?.id as string;

describe.skipIf(!TEST_DATABASE_URL)('PostgreSQL restarted while traffic flows', () => {
  let proxy: TcpProxy;
  let teams: TeamsHarness;

  beforeAll(async () => {
    const target = new URL(TEST_DATABASE_URL as string);
    proxy = await new TcpProxy(target.hostname, Number(target.port || 5432)).start();
    teams = await TeamsHarness.start({
      engine: 'postgres',
      rewriteDatabaseUrl: (url) => {
        const viaProxy = new URL(url);
        viaProxy.port = String(proxy.port);
        return viaProxy.toString();
      },
    });
  });
  afterAll(async () => {
    await teams?.close();
    await proxy?.stop();
  });

  it('fails cleanly while it is down (a friendly “try again”, 503 readiness) and recovers by itself', async () => {
    await teams.say(alex, 'change date contoso');
    const card = teams.lastCard();
    const exo = (await teams.app.store.tenantWorkloads(CONTOSO)).find((w) => w.code === 'EXO');
    const history = async () => (await teams.app.store.workloadHistory(exo?.id as string)).length;
    const before = await history();

    proxy.cut();
    teams.connector.clear();
    expect(await teams.say(alex, 'my engagements')).toBe(200);
    expect(teams.connector.texts().at(-1)).toContain('Please try again in a minute');
    const press = await teams.execute(alex, 'esd.change', {
      ...actionData(card),
      workload: exo?.id,
      date: '2026-12-18',
      basis: 'planned',
      reason: 'Customer moved the start to December 18.',
    });
    expect(press.status).toBe(200);
    expect(press.body?.value).toContain('try again');
    expect((await fetch(`${teams.app.url}/readyz`)).status).toBe(503);
    expect((await fetch(`${teams.app.url}/healthz`)).status).toBe(200);

    proxy.restore();
    expect((await fetch(`${teams.app.url}/readyz`)).status).toBe(200);
    // The same press again: written once, nothing doubled by the failed attempt.
    const again = await teams.execute(alex, 'esd.change', {
      ...actionData(card),
      workload: exo?.id,
      date: '2026-12-18',
      basis: 'planned',
      reason: 'Customer moved the start to December 18.',
    });
    expect(cardText(again.body?.value)).toContain('Engagement Start Date saved');
    expect(await history()).toBe(before + 1);
  });
});
