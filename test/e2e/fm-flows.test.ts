import { describe, expect, it } from 'vitest';
import { recognizeTypedDate } from '../../src/bot/recognize-date.js';
import {
  addBusinessDays,
  addDays,
  type CalendarDate,
  calendarDateIn,
  monthOf,
  workloadName,
} from '../../src/domain/index.js';
import { formatDate, formatMonth } from '../../src/i18n/format.js';
import { DEMO_FM } from '../../src/store/demo-data.js';
import { signedHeaders } from '../support/signing.js';
import { GATEWAY_SECRET } from './support/bot.js';
import { cardText } from './support/emulator.js';
import { demoTenant, ENGLISH, localInstant, useWorld } from './support/world.js';

/**
 * A demo FM's day in the emulator, in English (America/New_York): the fast flows through the
 * emulator's HTTP endpoints, then the page as a person uses it — a refusal for a Blocked
 * workload, a month-only estimate (R9), a reminder and its "No answer yet" (R7) — and the bot
 * restarted in the middle of it all on the same SQLite file.
 */
describe.sequential('the demo FM in the emulator (en-US, America/New_York)', () => {
  const world = useWorld(ENGLISH);
  const exchange = workloadName('EXO', 'en');
  const oneDrive = workloadName('OD', 'en');
  /** The day of Fabrikam's Exchange Online ESD: "today" in the demo data (UTC). */
  let d0: CalendarDate;

  it('HTTP: install and uninstall events and typed messages reach the bot and its answers reach the chat', async () => {
    const { emulator } = world;
    const chat = await emulator.transcript();
    try {
      await emulator.mockActivity('uninstall');
      await expect
        .poll(async () => (await world.bot.store.getPerson(DEMO_FM.aadObjectId))?.conversationRef)
        .toBeNull();
      await emulator.mockActivity('install');
      await expect
        .poll(async () => (await world.bot.store.getPerson(DEMO_FM.aadObjectId))?.conversationRef)
        .toMatchObject({ conversation: { id: emulator.conversationId } });

      await emulator.say('help');
      const help = await chat.next('the help card', (m) =>
        cardText(m.cards).includes(world.t('help.title')),
      );
      expect(cardText(help.cards)).toContain('change date');

      await emulator.say('my engagements');
      const list = cardText(
        (
          await chat.next('the engagements card', (m) =>
            cardText(m.cards).includes(world.t('engagements.title')),
          )
        ).cards,
      );
      for (const mine of ['Contoso Ltd', 'Fabrikam Inc', 'Northwind Traders'])
        expect(list).toContain(mine);
      // Not Alex's: Woodgrove is Megan's, Tailspin a partner's (R11).
      expect(list).not.toContain('Woodgrove Bank');
      expect(list).not.toContain('Tailspin Toys');

      await emulator.say('what is this?');
      await chat.next('the not-understood answer', (m) => m.text.includes('help'));
    } finally {
      chat.close();
    }
    d0 = await world.esdOf('Fabrikam', 'EXO');
  });

  it('refuses a date for a Blocked workload (R1) with the reason next to the field, keeps what was typed, and saves once corrected', async () => {
    const { page } = world;
    const card = await page.newCard(() => page.say('change date contoso'));
    const spo = workloadName('SPO', 'en');
    const reason = 'Customer wants to start SharePoint right after Exchange.';
    await page.choose(card, world.t('change.workloadPlaceholder'), spo);
    await page.pickDate(card, addDays(d0, 1));
    await page.choose(card, world.t('change.basisPlaceholder'), world.t('basis.planned'));
    await page.fill(card, world.t('change.reasonPlaceholder'), reason);

    const refused = await page.press(
      card,
      world.t('change.submit'),
      world.t('change.errorSummary'),
    );
    const text = await page.text(refused);
    expect(text).toContain(
      world.t('violation.status_ineligible', { workload: spo, status: world.t('status.blocked') }),
    );
    await page.screenshot('blocked-rejection', refused);
    const workloads = await world.bot.store.tenantWorkloads(demoTenant('Contoso').id);
    expect(workloads.find((w) => w.code === 'SPO')?.esd).toBeNull();

    // The card came back with the values: pick an In Progress workload (OneDrive, no date yet)
    // and save. Its date, tomorrow of d0, is the one the reminder after the restart is for.
    expect(
      await refused.locator(`[placeholder="${world.t('change.reasonPlaceholder')}"]`).inputValue(),
    ).toBe(reason);
    await page.choose(refused, world.t('change.workloadPlaceholder'), oneDrive);
    const done = await page.press(refused, world.t('change.submit'), world.t('done.title'));
    expect(await page.text(done)).toContain(formatDate(addDays(d0, 1), 'en'));
    expect(await world.esdOf('Contoso', 'OD')).toBe(addDays(d0, 1));
  });

  it('records a month-only estimate (R9): stored as the 1st of the month and shown as an estimate', async () => {
    const { page } = world;
    const card = await page.newCard(() => page.say('change date northwind'));
    const aadp = workloadName('AADP', 'en');
    const month = monthOf(addDays(`${monthOf(world.today())}-15` as CalendarDate, 62));
    await page.choose(card, world.t('change.workloadPlaceholder'), aadp);
    await page.choose(card, world.t('change.monthPlaceholder'), formatMonth(month, 'en'));
    await page.choose(card, world.t('change.basisPlaceholder'), world.t('basis.estimated'));
    await page.fill(
      card,
      world.t('change.reasonPlaceholder'),
      'After Power BI the customer moves on to Entra ID; only the month is known.',
    );
    const done = await page.press(card, world.t('change.submit'), world.t('done.title'));
    expect(await page.text(done)).toContain(
      world.t('esd.estimate', { month: formatMonth(month, 'en') }),
    );
    await page.screenshot('month-estimate', done);

    const workloads = await world.bot.store.tenantWorkloads(demoTenant('Northwind').id);
    expect(workloads.find((w) => w.code === 'AADP')?.esd).toEqual({
      date: `${month}-01`,
      estimate: true,
    });
  });

  it('npm run reminders --as-of 10:00 on the start date: the reminder card arrives; "No answer yet" records a note and keeps the date (R7)', async () => {
    const { page } = world;
    const asOf = localInstant(d0, '10:00', world.person.timeZone);
    const out = await world.reminders(asOf);
    expect(out).toMatch(/queued [1-9]\d* reminder\(s\)/);

    const title = world.t('reminder.title', { workload: exchange, customer: 'Fabrikam Inc' });
    const reminder = page.card(title);
    await reminder.waitFor({ timeout: 20_000 });
    expect(await page.text(reminder)).toContain(formatDate(d0, 'en'));
    await page.screenshot('reminder', reminder);

    const followUp = addBusinessDays(calendarDateIn(new Date(), world.person.timeZone), 2);
    const noted = await page.press(
      reminder,
      world.t('reminder.noAnswer'),
      world.t('reminder.doneNoAnswer', { date: formatDate(followUp, 'en') }),
    );
    await page.screenshot('reminder-no-answer', noted);
    expect(await world.esdOf('Fabrikam', 'EXO')).toBe(d0);
  });

  it('after a restart on the same SQLite file: a reminder still reaches the chat, and a dialog begun before the restart goes on', async () => {
    const { page } = world;
    // A change card left open: the dialog waits, in the bot_state table, for a typed date.
    await page.newCard(() => page.say('change date northwind'));

    await world.bot.restart();

    // Nobody has written since the restart: the reminder goes out on the saved conversation reference.
    const d1 = addDays(d0, 1);
    await world.reminders(localInstant(d1, '10:00', world.person.timeZone));
    const title = world.t('reminder.title', { workload: oneDrive, customer: 'Contoso Ltd' });
    const reminder = page.card(title);
    await reminder.waitFor({ timeout: 20_000 });
    await page.screenshot('reminder-after-restart', reminder);
    // "Communication started" asks the day the two-way exchange began (R7, issue 15). The
    // reminder is for tomorrow (d1) but the exchange began today, the FM's today (their time
    // zone: before 05:00 UTC it is still the day before d0 in New York): the date moves to it.
    const fmToday = calendarDateIn(new Date(), world.person.timeZone);
    const asked = await page.press(
      reminder,
      world.t('reminder.started'),
      world.t('started.title', { workload: oneDrive, customer: 'Contoso Ltd' }),
    );
    await asked
      .getByRole('radio', { name: world.t('started.today', { date: formatDate(fmToday, 'en') }) })
      .check();
    await page.choose(asked, world.t('change.basisPlaceholder'), world.t('basis.phone_call'));
    await page.screenshot('reminder-started', asked);
    const started = await page.press(
      asked,
      world.t('started.submit'),
      world.t('reminder.doneStartedMoved', {
        old: formatDate(d1, 'en'),
        new: formatDate(fmToday, 'en'),
      }),
    );
    await page.screenshot('reminder-started-moved', started);
    expect(await world.esdOf('Contoso', 'OD')).toBe(fmToday);

    // The dialog begun before the restart reads a typed date and fills it into Northwind's card,
    // the one still open: one live card per change (issue 15), updated in place, no second card.
    const typed = recognizeTypedDate('next Monday', 'en', world.today());
    if (typed?.kind !== 'date') throw new Error('"next Monday" is not read as a date');
    const banner = world.t('change.typedDate', {
      text: 'next Monday',
      date: formatDate(typed.date, 'en'),
    });
    const cardsBefore = await page.cards().count();
    await page.say('next Monday');
    const card = page.card(banner);
    await card.waitFor({ timeout: 20_000 });
    await page.settle(card);
    expect(await page.text(card)).toContain('Northwind Traders');
    expect(await page.cards().count()).toBe(cardsBefore);
    await page.choose(card, world.t('change.workloadPlaceholder'), workloadName('SPO', 'en'));
    await page.choose(card, world.t('change.basisPlaceholder'), world.t('basis.two_way_email'));
    await page.fill(
      card,
      world.t('change.reasonPlaceholder'),
      'Customer replied to our email and asked to start SharePoint on Monday.',
    );
    const done = await page.press(card, world.t('change.submit'), world.t('done.title'));
    expect(await page.text(done)).toContain(formatDate(typed.date, 'en'));
    expect(await world.esdOf('Northwind', 'SPO')).toBe(typed.date);
  });

  it('Gateway handoff: a signed POST /api/gateway/handoffs brings the FM a card; Acknowledge is seen by the Gateway', async () => {
    const { page } = world;
    const handoffId = 'gw-e2e-000001';
    const esd = addDays(world.today(), 14);
    const body = JSON.stringify({
      handoffId,
      tenant: {
        id: '7a3c9e10-0000-4000-8000-0000000011a1',
        name: 'litware.onmicrosoft.com',
        customerName: 'Litware Inc',
      },
      deliveryChannel: { type: 'FM', fm: { upn: DEMO_FM.upn } },
      workloads: [
        { code: 'EXO', l1Status: 'in_progress', engagementStartDate: esd },
        { code: 'TEAMS', l1Status: 'status_unknown' },
      ],
      enteredBy: { upn: 'adelev@example.com', name: 'Adele Vance' },
      notes: 'Customer wants to start with mail; Teams after the migration.',
    });
    const posted = await fetch(`${world.bot.url}/api/gateway/handoffs`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...signedHeaders({
          secret: GATEWAY_SECRET,
          timestamp: Math.floor(Date.now() / 1000),
          method: 'POST',
          url: '/api/gateway/handoffs',
          body,
        }),
      },
      body,
    });
    expect(posted.status, await posted.clone().text()).toBe(201);
    expect(await posted.json()).toMatchObject({ handoffId, notification: 'pending' });

    // The server's dispatcher loop would send it within a second; here the test runs one pass.
    await world.bot.dispatch();
    const card = page.card(world.t('handoff.title', { customer: 'Litware Inc' }));
    await card.waitFor({ timeout: 20_000 });
    const text = await page.text(card);
    expect(text).toContain(formatDate(esd, 'en'));
    expect(text).toContain('Adele Vance');
    await page.screenshot('handoff', card);

    const acknowledged = await page.press(
      card,
      world.t('handoff.acknowledge'),
      world.t('handoff.acknowledgedTitle'),
    );
    expect(await page.text(acknowledged)).toContain(
      world.t('handoff.acknowledged', { customer: 'Litware Inc' }),
    );
    // A GET is signed over its method and path (docs/api.md, "Signing").
    const target = `/api/gateway/handoffs/${handoffId}`;
    const status = await fetch(`${world.bot.url}${target}`, {
      headers: signedHeaders({
        secret: GATEWAY_SECRET,
        timestamp: Math.floor(Date.now() / 1000),
        url: target,
      }),
    });
    expect(status.status).toBe(200);
    const state = (await status.json()) as { notification: string; acknowledgedAt: string | null };
    expect(state.notification).toBe('sent');
    expect(state.acknowledgedAt).not.toBeNull();
  });
});
