import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseHandoff } from '../../src/http/gateway/handoff-schema.js';
import { DEMO_TENANTS } from '../../src/store/demo-data.js';
import { contextOf } from '../../src/store/store.js';
import {
  actionData,
  alex,
  cardText,
  megan,
  lidia as partnerUser,
  TEAMS_TENANT,
  TeamsHarness,
  type TeamsUser,
} from '../support/teams.js';

/**
 * Issue 13, item 2: every card verb, replayed with Alex's card data by someone else, answers
 * "not yours, ask <assignee>" and reveals nothing of the tenant (one rule: domain/access.ts).
 */
const CONTOSO = DEMO_TENANTS[0]?.id as string;
const FABRIKAM = DEMO_TENANTS[1]?.id as string;
const LATER = new Date('2026-12-22T12:00:00.000Z');

/** A Teams user of another Entra tenant altogether. */
const stranger: TeamsUser = {
  id: '29:mallory',
  aadObjectId: '00000000-0000-0000-0000-0000000000099',
  name: 'Mallory',
  upn: 'mallory@fabrikam-attacker.example',
  locale: 'en-US',
  timeZone: 'UTC',
};
const STRANGER_TENANT = '11111111-2222-3333-4444-555555555555';

let teams: TeamsHarness;
/** Alex's card data, verb by verb, as Alex's own cards carried it. */
const alexData: Record<string, Record<string, unknown>> = {};
/** What must never reach the intruder: Contoso's and Fabrikam's names, workload ids, dates. */
const secrets: string[] = [];

beforeAll(async () => {
  teams = await TeamsHarness.start();
  for (const user of [partnerUser, stranger]) {
    teams.connector.addMember({
      id: user.id,
      aadObjectId: user.aadObjectId,
      name: user.name,
      userPrincipalName: user.upn,
    });
  }
  await teams.app.store.setPartner(partnerUser.upn, 'Litware Partners', 'test');

  const contoso = await teams.app.store.tenantWorkloads(CONTOSO);
  const fabrikam = await teams.app.store.tenantWorkloads(FABRIKAM);
  const exo = contoso.find((w) => w.code === 'EXO')?.id as string;
  for (const w of [...contoso, ...fabrikam]) {
    secrets.push(w.id);
    if (w.esd) secrets.push(w.esd.date);
  }
  secrets.push(CONTOSO, FABRIKAM, 'Contoso', 'contoso.', 'Fabrikam', 'fabrikam.onmicrosoft');
  secrets.push('In Progress', 'Exchange Online', 'Teams', '"versions"', 'Nov ', 'Dec ', '2026');

  // The change card, as Alex got it.
  await teams.say(alex, 'change date contoso');
  const change = actionData(teams.lastCard());
  alexData['esd.change'] = {
    ...change,
    workload: exo,
    date: '2026-12-14',
    month: '',
    basis: 'phone_call',
    reason: 'Customer asked by phone to start the week after.',
  };
  alexData['esd.pickTenant'] = { verb: 'esd.pickTenant', tenant: CONTOSO };
  alexData['esd.startChange'] = { verb: 'esd.startChange', tenantId: CONTOSO };
  alexData['esd.history'] = { verb: 'esd.history', workload: exo };
  alexData['esd.noResponse'] = {
    verb: 'esd.noResponse',
    workload: exo,
    kind: 'no_answer',
    detail: 'Called twice, no answer.',
  };

  // A Gateway handoff for Contoso, to Alex.
  const parsed = parseHandoff({
    handoffId: 'gw-access-1',
    tenant: { id: CONTOSO, name: 'contoso.onmicrosoft.com', customerName: 'Contoso Ltd' },
    deliveryChannel: { type: 'FM', fm: { upn: alex.upn } },
    workloads: [{ code: 'OD', l1Status: 'in_progress' }],
    enteredBy: { upn: 'gateway@example.com', name: 'Gabriel Ortega' },
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  await teams.app.store.recordHandoff(parsed.handoff, parsed.bodyHash, 'sig-access-1');
  alexData['esd.ackHandoff'] = { verb: 'esd.ackHandoff', handoffId: 'gw-access-1' };

  // Alex's reminder on Fabrikam's Exchange Online (today), as sent to Alex.
  await teams.install(alex);
  await teams.app.delivery.sweepNow(new Date('2026-11-22T12:00:00.000Z'));
  teams.connector.clear();
  await teams.app.delivery.dispatcher.runOnce(LATER);
  const reminder = teams.connector.cards().find((c) => cardText(c).includes('Fabrikam Inc'));
  const actions = (reminder as { actions: { verb: string; data: Record<string, unknown> }[] })
    .actions;
  for (const action of actions) alexData[action.verb] = action.data;
  expect(Object.keys(alexData).sort()).toEqual([
    'esd.ackHandoff',
    'esd.change',
    'esd.history',
    'esd.noResponse',
    'esd.pickTenant',
    'esd.reminder.inactive',
    'esd.reminder.noAnswer',
    'esd.reminder.reschedule',
    'esd.reminder.started',
    'esd.startChange',
  ]);
  // The answer to "Communication started" (the day it began, R7): the same token, with inputs.
  alexData['esd.reminder.startedOn'] = {
    ...alexData['esd.reminder.started'],
    verb: 'esd.reminder.startedOn',
    when: 'today',
  };
});
afterAll(async () => teams?.close());

/** Everything written that a card verb could write, for "writes nothing". */
async function written() {
  const db = contextOf(teams.app.store).db;
  const count = async (table: 'esd_changes' | 'status_notes' | 'reminder_responses' | 'outbox') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const handoff = await teams.app.store.getHandoffDetails('gw-access-1');
  return {
    changes: await count('esd_changes'),
    notes: await count('status_notes'),
    responses: await count('reminder_responses'),
    outbox: await count('outbox'),
    acknowledged: handoff?.acknowledgedAt ?? null,
    workloads: JSON.stringify([
      ...(await teams.app.store.tenantWorkloads(CONTOSO)),
      ...(await teams.app.store.tenantWorkloads(FABRIKAM)),
    ]),
  };
}

/** An Action.Execute press from a user, in a Teams tenant of our choosing. */
async function press(user: TeamsUser, tenantId: string, verb: string, data: object) {
  const activity = {
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    serviceUrl: teams.connector.url,
    channelId: 'msteams',
    from: { id: user.id, name: user.name, aadObjectId: user.aadObjectId },
    conversation: { id: `a:personal-${user.id}`, conversationType: 'personal', tenantId },
    recipient: { id: '28:esd-bot', name: 'esd-bot' },
    locale: user.locale,
    entities: [{ type: 'clientInfo', locale: user.locale, timezone: user.timeZone }],
    channelData: { tenant: { id: tenantId } },
    type: 'invoke',
    name: 'adaptiveCard/action',
    replyToId: 'card-1',
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
  };
  const response = await teams.post(activity);
  return { status: response.status, body: await response.text() };
}

const intruders: [string, TeamsUser, string][] = [
  ['Megan, another FM', megan, TEAMS_TENANT],
  ['a partner user of another partner', partnerUser, TEAMS_TENANT],
  ['a stranger of another Entra tenant', stranger, STRANGER_TENANT],
];
const VERBS = [
  'esd.change',
  'esd.pickTenant',
  'esd.startChange',
  'esd.reminder.started',
  'esd.reminder.startedOn',
  'esd.reminder.noAnswer',
  'esd.reminder.inactive',
  'esd.reminder.reschedule',
  'esd.history',
  'esd.noResponse',
  'esd.ackHandoff',
];

describe('a forged card reveals nothing and writes nothing (issue 13, item 2)', () => {
  describe.each(intruders)('%s', (_who, user, tenantId) => {
    it.each(VERBS)(
      '%s with Alex’s card data: "not yours, ask Alex", nothing else',
      async (verb) => {
        const before = await written();
        teams.connector.clear();
        const answer = await press(user, tenantId, verb, alexData[verb] ?? {});
        expect(answer.status).toBe(200);
        // The invoke answer is a plain acknowledgement: no card in place of the pressed one.
        expect(answer.body).not.toContain('application/vnd.microsoft.card.adaptive');
        expect(teams.connector.cards()).toHaveLength(0);
        const said = teams.connector.texts();
        expect(said).toEqual(['That is not one of your customers. Ask alexw@example.com.']);
        const everything = `${answer.body}\n${JSON.stringify(teams.connector.sent)}`;
        for (const secret of secrets) expect(everything).not.toContain(secret);
        expect(await written()).toEqual(before);
      },
    );
  });

  it('Alex still gets each card (the gate lets the assigned FM through)', async () => {
    teams.connector.clear();
    const answer = await press(alex, TEAMS_TENANT, 'esd.history', alexData['esd.history'] ?? {});
    expect(answer.body).toContain('application/vnd.microsoft.card.adaptive');
    expect(answer.body).toContain('Contoso Ltd');
  });
});
