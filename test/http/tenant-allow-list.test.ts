/**
 * ALLOWED_TENANT_IDS: activities from any other tenant are dropped. A message stays unanswered;
 * an invoke is refused the way Teams expects (issue 13, item 9), not with botbuilder's 501.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { alex, TeamsHarness } from '../support/teams.js';

let closed: TeamsHarness;
beforeAll(async () => {
  closed = await TeamsHarness.start({
    env: { ALLOWED_TENANT_IDS: '11111111-1111-1111-1111-111111111111' },
  });
});
afterAll(async () => closed?.close());

it('a message from another tenant stays unanswered and records nothing', async () => {
  expect(await closed.say(alex, 'help')).toBe(200);
  expect(closed.connector.sent).toHaveLength(0);
  expect(await closed.app.store.getPerson(alex.aadObjectId)).toBeNull();
});

it('a card press (adaptiveCard/action) gets 200 with an application/vnd.microsoft.error 403', async () => {
  const answer = await closed.execute(alex, 'esd.change', { tenant: 'x' });
  expect(answer.status).toBe(200);
  expect(answer.body).toEqual({
    statusCode: 403,
    type: 'application/vnd.microsoft.error',
    value: { code: 'Forbidden', message: 'This app does not serve your organization.' },
  });
  expect(closed.connector.sent).toHaveLength(0);
  expect(await closed.app.store.getPerson(alex.aadObjectId)).toBeNull();
});

it('any other invoke gets 403, never 501', async () => {
  const base = {
    type: 'invoke',
    name: 'task/fetch',
    id: 'x',
    channelId: 'msteams',
    serviceUrl: closed.connector.url,
    from: { id: alex.id, aadObjectId: alex.aadObjectId, name: alex.name },
    recipient: { id: '28:esd-bot', name: 'esd-bot' },
    conversation: { id: 'a:x', conversationType: 'personal', tenantId: 'not-allowed' },
    value: {},
  };
  const response = await closed.post(base);
  expect(response.status).toBe(403);
});
