import type { TurnContext } from 'botbuilder';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { observeTurn } from '../../src/bot/middleware/observe-turn.js';
import { createLogger } from '../../src/log/logger.js';
import { DEMO_TENANTS } from '../../src/store/demo-data.js';
import { actionData, alex, TeamsHarness } from '../support/teams.js';

let teams: TeamsHarness;
beforeAll(async () => {
  teams = await TeamsHarness.start();
});
afterAll(async () => teams?.close());

it('GET /metrics reports turns, rule rejections by code, outbox depth and HTTP requests', async () => {
  await teams.say(alex, 'change date contoso');
  const spo = (await teams.app.store.tenantWorkloads(DEMO_TENANTS[0]?.id as string)).find(
    (w) => w.code === 'SPO',
  );
  await teams.execute(alex, 'esd.change', {
    ...actionData(teams.lastCard()),
    workload: spo?.id,
    date: '2026-12-10',
    basis: 'planned',
    reason: 'Customer wants SharePoint in December.',
  });
  await teams.app.delivery.sweepNow();
  const response = await fetch(`${teams.app.url}/metrics`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/plain');
  const text = await response.text();
  expect(text).toMatch(/esd_turns_total\{type="message",outcome="ok"\} \d+/);
  expect(text).toMatch(/esd_turn_duration_seconds_bucket/);
  expect(text).toMatch(
    /esd_rule_rejections_total\{code="status_ineligible",source="teams"\} [1-9]/,
  );
  expect(text).toMatch(/esd_outbox_depth\{status="pending"\} [1-9]/);
  expect(text).toMatch(/esd_http_requests_total\{route="\/api\/messages",status="200"\} [1-9]/);
  expect(response.headers.get('x-request-id')).toBeTruthy();
});

it('2,000 distinct activity types do not grow /metrics: labels come from closed sets (issue 13, item 8)', async () => {
  const scrape = async () => (await fetch(`${teams.app.url}/metrics`)).text();
  // The turn middleware the adapter runs, called as the adapter calls it (2,000 real HTTP turns
  // would only make the test slow on a busy machine): same process, same registry as /metrics.
  const observe = observeTurn(createLogger('silent'));
  const turn = (type: string) =>
    observe.onTurn(
      { activity: { type, id: type }, turnState: new Map() } as unknown as TurnContext,
      async () => {},
    );
  // One made-up type and one unknown route first, so that the `other` series exist already.
  await turn('made-up-type-first');
  expect(
    await teams.post({
      type: 'made-up-type-over-http',
      channelId: 'msteams',
      serviceUrl: teams.connector.url,
      from: { id: alex.id, aadObjectId: alex.aadObjectId, name: alex.name },
      recipient: { id: '28:esd-bot', name: 'esd-bot' },
      conversation: { id: `a:personal-${alex.id}`, conversationType: 'personal' },
    }),
  ).toHaveProperty('status', 200);
  await fetch(`${teams.app.url}/no-such-route-first`);
  const before = await scrape();
  for (let i = 0; i < 2000; i++) await turn(`made-up-type-${i}-${'x'.repeat(40)}`);
  for (let i = 0; i < 20; i++) await fetch(`${teams.app.url}/no-such-route-${i}`);
  const after = await scrape();
  expect(after).not.toContain('made-up-type');
  expect(after).not.toContain('no-such-route');
  expect(after).toMatch(/esd_turns_total\{type="other",outcome="ok"\} \d+/);
  expect(after).toMatch(/esd_http_requests_total\{route="unmatched",status="404"\} \d+/);
  // Only counts change; the default process metrics' values may take a few more digits.
  expect(after.length - before.length).toBeLessThan(2000);
  expect(after.length).toBeLessThan(64 * 1024);
});
