import { afterAll, beforeAll, expect, it } from 'vitest';
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
