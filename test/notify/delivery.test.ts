import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_TENANTS } from '../../src/store/demo-data.js';
import { contextOf } from '../../src/store/store.js';
import {
  actionData,
  adele,
  alex,
  as,
  cardText,
  megan,
  NOW,
  TeamsHarness,
} from '../support/teams.js';

const FABRIKAM = DEMO_TENANTS[1]?.id as string;
const CONTOSO = DEMO_TENANTS[0]?.id as string;
const LATER = new Date(NOW.getTime() + 30 * 86_400_000);

const env = {
  PROACTIVE_CONVERSATION_INTERVAL_MS: '0',
  PROACTIVE_MAX_RPS: '50',
  PROACTIVE_MAX_ATTEMPTS: '3',
  PROACTIVE_SEND_TIMEOUT_MS: '300',
};

let teams: TeamsHarness;
beforeEach(async () => {
  teams = await TeamsHarness.start({ env });
});
afterEach(async () => teams?.close());

async function rows(kind = 'reminder') {
  return contextOf(teams.app.store)
    .db.selectFrom('outbox')
    .selectAll()
    .where('kind', '=', kind)
    .orderBy('id')
    .execute();
}
const dispatch = (dueBy = LATER) => teams.app.delivery.dispatcher.runOnce(dueBy);

/** Demo data: Fabrikam's Exchange Online starts today (Nov 22) for Alex; 09:00 has passed. */
async function queueFabrikamReminder() {
  const queued = await teams.app.delivery.sweepNow(NOW);
  expect(queued.reminders).toBeGreaterThanOrEqual(1);
  const exo = (await teams.app.store.tenantWorkloads(FABRIKAM)).find((w) => w.code === 'EXO');
  return exo?.id as string;
}

function reminderCards() {
  return teams.connector.cards().filter((c) => cardText(c).includes('Fabrikam Inc'));
}

describe('reminders reach the FM', () => {
  it('waits until the FM installs the bot, then goes out once, in the FM’s language', async () => {
    await queueFabrikamReminder();
    expect(await dispatch()).toMatchObject({ waiting: 1, sent: 0 });
    expect(teams.connector.sent).toHaveLength(0);

    await teams.install(as(alex, 'pt-BR', 'America/Sao_Paulo'));
    expect(await dispatch()).toMatchObject({ sent: 1 });
    const cards = reminderCards();
    expect(cards).toHaveLength(1);
    expect(cardText(cards[0])).toContain('Hoje é a Data de Início do Envolvimento');
    expect(await dispatch()).toMatchObject({ sent: 0 });
    expect(reminderCards()).toHaveLength(1);
  });

  it('honours Retry-After on 429 and sends exactly once', async () => {
    await teams.install(alex);
    await queueFabrikamReminder();
    teams.connector.failNext({ status: 429, retryAfterSeconds: 7 });
    expect(await dispatch(NOW)).toMatchObject({ retry: 1 });
    const [row] = await rows();
    expect(new Date(row?.due_at ?? 0).getTime() - NOW.getTime()).toBeGreaterThanOrEqual(7000);
    expect(row?.last_error).toContain('429');
    expect(await dispatch()).toMatchObject({ sent: 1 });
    expect(reminderCards()).toHaveLength(1);
  });

  it.each([502, 504, 412, 500])('retries a %i with backoff', async (status) => {
    await teams.install(alex);
    await queueFabrikamReminder();
    teams.connector.failNext({ status });
    expect(await dispatch(NOW)).toMatchObject({ retry: 1 });
    expect(await dispatch()).toMatchObject({ sent: 1 });
  });

  it('dead-letters after PROACTIVE_MAX_ATTEMPTS, keeping the last error', async () => {
    await teams.install(alex);
    await queueFabrikamReminder();
    teams.connector.failNext({ status: 503, times: 3 });
    await dispatch();
    await dispatch();
    await dispatch();
    const [row] = await rows();
    expect(row).toMatchObject({ status: 'dead', attempts: 3 });
    expect(row?.last_error).toContain('503');
  });

  it('a connector that hangs costs one bounded timeout, then a retry', async () => {
    await teams.install(alex);
    await queueFabrikamReminder();
    teams.connector.failNext({ hang: true });
    // Bounded by the send timeout, not by the clock of this test: an unbounded hang never
    // returns (the test's own limit fails it), and the row says the timeout ended the send.
    expect(await dispatch(NOW)).toMatchObject({ retry: 1 });
    expect((await rows())[0]?.last_error).toContain('timeout');
  });

  it('403 (uninstalled or blocked) marks the FM unreachable; the message waits for their next message', async () => {
    await teams.install(alex);
    await queueFabrikamReminder();
    teams.connector.failNext({ status: 403 });
    expect(await dispatch()).toMatchObject({ waiting: 1 });
    expect((await teams.app.store.getPerson(alex.aadObjectId))?.reachable).toBe(false);
    await teams.say(alex, 'help');
    expect(await dispatch()).toMatchObject({ sent: 1 });
    expect((await teams.app.store.getPerson(alex.aadObjectId))?.reachable).toBe(true);
  });

  it('an uninstall forgets the conversation; a reinstall brings the waiting messages', async () => {
    await teams.install(alex);
    await teams.install(alex, 'remove');
    await queueFabrikamReminder();
    expect(await dispatch()).toMatchObject({ waiting: 1 });
    await teams.install(alex);
    expect(await dispatch()).toMatchObject({ sent: 1 });
  });

  it('a reminder whose date changed before it went out is not sent', async () => {
    await teams.install(alex);
    const exo = await queueFabrikamReminder();
    const workload = (await teams.app.store.getWorkload(exo))?.workload;
    await teams.app.store.changeEngagementStartDate({
      workloadId: exo,
      expectedVersion: workload?.version ?? 0,
      actor: { name: 'Alex Wilber', upn: alex.upn, aadObjectId: alex.aadObjectId, roles: [] },
      proposal: { kind: 'date', date: '2026-12-03', basis: 'phone_call' },
      reason: 'Customer called to move the start to December 3.',
      source: 'teams',
      today: '2026-11-22' as never,
    });
    expect((await rows())[0]?.status).toBe('cancelled');
    expect(await dispatch()).toMatchObject({ sent: 0 });
  });
});

describe('reminder card actions (R7)', () => {
  /** The buttons' data of the last Fabrikam reminder card, by verb. */
  function lastReminderData() {
    const card = reminderCards().at(-1);
    if (!card) throw new Error('no reminder card');
    const actions = (card as { actions: { verb: string; data: Record<string, unknown> }[] })
      .actions;
    return Object.fromEntries(actions.map((a) => [a.verb, a.data]));
  }

  async function sentReminder() {
    await teams.install(alex);
    const exo = await queueFabrikamReminder();
    await dispatch();
    return { data: lastReminderData(), exo };
  }

  const statusNotes = async () => (await teams.app.store.statusNotes(FABRIKAM)).length;
  const responses = () =>
    contextOf(teams.app.store).db.selectFrom('reminder_responses').selectAll().execute();

  it('the card carries only an unguessable reference: no outbox id, workload or date', async () => {
    const { data, exo } = await sentReminder();
    for (const [verb, value] of Object.entries(data)) {
      expect(Object.keys(value).sort()).toEqual(['reminder', 'verb']);
      expect(value.verb).toBe(verb);
      expect(String(value.reminder)).toMatch(/^[A-Za-z0-9_-]{22}$/);
    }
    const json = JSON.stringify(data);
    expect(json).not.toContain(exo);
    expect(json).not.toContain('2026-11-22');
    expect(json).not.toContain(FABRIKAM);
  });

  it('“No answer yet” writes a note, keeps the date, queues one follow-up; a second press writes nothing', async () => {
    const { data, exo } = await sentReminder();
    const before = (await teams.app.store.getWorkload(exo))?.workload;
    const answer = await teams.execute(
      alex,
      'esd.reminder.noAnswer',
      data['esd.reminder.noAnswer'] ?? {},
    );
    expect(cardText(answer.body?.value)).toContain('the date stays');
    expect((await teams.app.store.getWorkload(exo))?.workload).toEqual(before);
    const followUps = (await rows()).filter((r) => r.dedupe_key.includes('followup'));
    expect(followUps).toHaveLength(1);
    // Two business days after Sunday Nov 22 is Tuesday Nov 24, 09:00 in Lisbon.
    expect(followUps[0]?.due_at).toBe('2026-11-24T09:00:00.000Z');
    const again = await teams.execute(
      alex,
      'esd.reminder.noAnswer',
      data['esd.reminder.noAnswer'] ?? {},
    );
    expect(cardText(again.body?.value)).toContain('already answered');
    expect(
      (await teams.app.store.statusNotes(FABRIKAM)).filter((n) =>
        n.text.includes('has not answered'),
      ),
    ).toHaveLength(1);
    // The follow-up goes out when due, as a follow-up, with a token of its own.
    teams.connector.clear();
    expect(await dispatch(new Date('2026-11-24T09:00:00Z'))).toMatchObject({ sent: 1 });
    expect(cardText(teams.lastCard())).toContain('Follow-up');
    expect(lastReminderData()['esd.reminder.started']?.reminder).not.toBe(
      data['esd.reminder.started']?.reminder,
    );
  });

  it('“Communication started” on the follow-up, on the ESD, writes a note and stops further reminders for that date', async () => {
    const { data } = await sentReminder();
    await teams.execute(alex, 'esd.reminder.noAnswer', data['esd.reminder.noAnswer'] ?? {});
    teams.connector.clear();
    await dispatch(new Date('2026-11-24T09:00:00Z'));
    const followUp = lastReminderData();
    const asked = await teams.execute(
      alex,
      'esd.reminder.started',
      followUp['esd.reminder.started'] ?? {},
    );
    // It asks on which day the exchange began (R7); here, on the ESD itself: the date stays.
    const answer = await teams.execute(alex, 'esd.reminder.startedOn', {
      ...actionData(asked.body?.value),
      when: 'esd',
    });
    expect(cardText(answer.body?.value)).toContain('communication started');
    expect((await rows()).filter((r) => r.status === 'pending')).toHaveLength(0);
  });

  it('“Customer inactive” writes a note and leaves the date untouched', async () => {
    const { data } = await sentReminder();
    const answer = await teams.execute(
      alex,
      'esd.reminder.inactive',
      data['esd.reminder.inactive'] ?? {},
    );
    expect(cardText(answer.body?.value)).toContain('will not remind you');
    expect((await teams.app.store.statusNotes(FABRIKAM))[0]?.text).toContain('inactive');
  });

  it('“Customer asked for another date” opens the change card for the stored workload, in place', async () => {
    const { data, exo } = await sentReminder();
    const answer = await teams.execute(
      alex,
      'esd.reminder.reschedule',
      data['esd.reminder.reschedule'] ?? {},
    );
    const card = answer.body?.value;
    expect(cardText(card)).toContain('Change an Engagement Start Date');
    expect(JSON.stringify(card)).toContain(`"value":"${exo}"`);
    expect(actionData(card).tenantId).toBe(FABRIKAM);
  });

  it('Megan pressing Alex’s reminder is refused, records nothing, and Alex can still answer', async () => {
    const { data } = await sentReminder();
    const notes = await statusNotes();
    for (const verb of [
      'esd.reminder.started',
      'esd.reminder.noAnswer',
      'esd.reminder.inactive',
      'esd.reminder.reschedule',
    ]) {
      teams.connector.clear();
      const answer = await teams.execute(megan, verb, data[verb] ?? {});
      expect(answer.body?.type).not.toBe('application/vnd.microsoft.card.adaptive');
      const said = teams.connector.texts().join(' ');
      expect(said).toContain('not one of your customers');
      expect(said).toContain('alexw@example.com');
      expect(said).not.toMatch(/Fabrikam|Exchange|Nov 22|2026/);
    }
    expect(await responses()).toHaveLength(0);
    expect(await statusNotes()).toBe(notes);
    expect((await rows()).filter((r) => r.dedupe_key.includes('followup'))).toHaveLength(0);
    const answer = await teams.execute(
      alex,
      'esd.reminder.inactive',
      data['esd.reminder.inactive'] ?? {},
    );
    expect(cardText(answer.body?.value)).toContain('will not remind you');
  });

  it('old cards (outbox id, workload, date) and made-up references get “card expired”: future reminders cannot be claimed', async () => {
    const { exo } = await sentReminder();
    const [row] = await rows();
    const notes = await statusNotes();
    const forged = [
      // A card from before tokens, naming this reminder and the next twenty.
      ...Array.from({ length: 21 }, (_, i) => ({
        outboxId: Number(row?.id) + i,
        workloadId: exo,
        tenantId: FABRIKAM,
        date: '2026-11-22',
        estimate: false,
      })),
      { reminder: String(Number(row?.id) + 1).padStart(22, '0') },
      { reminder: 'AAAAAAAAAAAAAAAAAAAAAA' },
    ];
    for (const value of forged) {
      teams.connector.clear();
      await teams.execute(megan, 'esd.reminder.noAnswer', value);
      expect(teams.connector.texts().join(' ')).toContain('This card is out of date');
      await teams.execute(alex, 'esd.reminder.started', value);
      expect(teams.connector.texts().join(' ')).not.toContain('communication started');
    }
    expect(await responses()).toHaveLength(0);
    expect(await statusNotes()).toBe(notes);
    expect((await rows()).filter((r) => r.dedupe_key.includes('followup'))).toHaveLength(0);
  });
});

describe('other proactive messages', () => {
  it('tells the FM when the Gateway Team moves their date', async () => {
    await teams.install(alex);
    await teams.say(adele, 'change date contoso');
    const card = teams.lastCard();
    const teamsWorkload = (await teams.app.store.tenantWorkloads(CONTOSO)).find(
      (w) => w.code === 'TEAMS',
    );
    await teams.execute(adele, 'esd.change', {
      ...actionData(card),
      workload: teamsWorkload?.id,
      date: '2026-12-07',
      basis: 'planned',
      reason: 'Customer told the Gateway Team they are ready on December 7.',
    });
    teams.connector.clear();
    expect(await dispatch()).toMatchObject({ sent: 1 });
    const text = cardText(teams.lastCard());
    expect(text).toContain('Adele Vance (Gateway Team) changed');
    expect(text).toContain('Dec 7, 2026');
    expect(teams.connector.sent[0]?.conversationId).toBe(`a:personal-${alex.id}`);
  });
});

describe('reaching people known only from a team', () => {
  it('opens a 1:1 chat from the team the person shares with the bot, then keeps that conversation', async () => {
    // Alex writes in a channel (mentioning the bot) but never installed the bot personally.
    await teams.say(alex, 'help', { type: 'channel', mention: true });
    await queueFabrikamReminder();
    teams.connector.clear();
    expect(await dispatch()).toMatchObject({ sent: 1 });
    const sent = teams.connector.sent.at(-1);
    expect(sent?.conversationId).toMatch(/^conv-/);
    const person = await teams.app.store.getPerson(alex.aadObjectId);
    expect((person?.conversationRef as { conversation?: { id?: string } })?.conversation?.id).toBe(
      sent?.conversationId,
    );
  });
});

describe('Gateway handoff notification', () => {
  it('a signed handoff reaches the FM as a card; Acknowledge replaces it; the Gateway can see it', async () => {
    const secret = 'handoff-notification-secret-0123456789abcdef';
    const gateway = await TeamsHarness.start({
      env: { ...env, GATEWAY_WEBHOOK_SECRET: secret },
      now: () => new Date(),
    });
    try {
      await gateway.install(alex);
      const { randomUUID } = await import('node:crypto');
      const { signedHeaders } = await import('../support/signing.js');
      const handoffId = `gw-${randomUUID()}`;
      const tenantId = randomUUID();
      const body = JSON.stringify({
        handoffId,
        tenant: { id: tenantId, name: 'litware.onmicrosoft.com', customerName: 'Litware Inc' },
        deliveryChannel: { type: 'FM', fm: { upn: alex.upn } },
        workloads: [
          { code: 'EXO', l1Status: 'in_progress', engagementStartDate: '2026-12-14' },
          { code: 'SPO', l1Status: 'status_unknown' },
        ],
        enteredBy: { upn: 'adelev@example.com', name: 'Adele Vance' },
        notes: 'Customer is ready after mid-December.',
      });
      const timestamp = String(Math.floor(Date.now() / 1000));
      const posted = await fetch(`${gateway.app.url}/api/gateway/handoffs`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...signedHeaders({
            secret,
            timestamp,
            method: 'POST',
            url: '/api/gateway/handoffs',
            body,
          }),
        },
        body,
      });
      expect(posted.status).toBe(201);
      expect(await gateway.app.delivery.dispatcher.runOnce()).toMatchObject({ sent: 1 });
      const card = gateway.lastCard();
      const text = cardText(card);
      expect(text).toContain('New customer from the Gateway Team: Litware Inc');
      expect(text).toContain(
        'Entered by the Gateway Team from the customer conversation (Adele Vance)',
      );
      expect(text).toContain('Dec 14, 2026');
      const ack = (card as { actions: { verb: string; data: object }[] }).actions.find(
        (a) => a.verb === 'esd.ackHandoff',
      );
      const answer = await gateway.execute(alex, 'esd.ackHandoff', ack?.data ?? {});
      expect(cardText(answer.body?.value)).toContain('Handoff acknowledged');
      const statusAt = String(Math.floor(Date.now() / 1000));
      const target = `/api/gateway/handoffs/${handoffId}`;
      // A GET is signed over its method and path (docs/api.md, "Signing").
      const status = await fetch(`${gateway.app.url}${target}`, {
        headers: signedHeaders({ secret, timestamp: statusAt, url: target }),
      });
      const result = (await status.json()) as {
        notification: string;
        acknowledgedAt: string | null;
      };
      expect(result.notification).toBe('sent');
      expect(result.acknowledgedAt).toBeTruthy();
    } finally {
      await gateway.close();
    }
  });
});
