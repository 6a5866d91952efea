/**
 * A German, a Japanese and a Chinese FM over HTTP, through the fake Bot Connector: help, the
 * change flow (R8), an R1 refusal, a date typed in chat, and a reminder (R7), each in the
 * language the Teams client's locale asks for. A Traditional Chinese client gets English.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type CalendarDate, escapeMarkdown } from '../../src/domain/index.js';
import { formatDate } from '../../src/i18n/format.js';
import { t } from '../../src/i18n/translate.js';
import { DEMO_TENANTS } from '../../src/store/demo-data.js';
import {
  actionData,
  alex,
  as,
  cardText,
  choices,
  NOW,
  TeamsHarness,
  type TeamsUser,
} from '../support/teams.js';

const CONTOSO = DEMO_TENANTS[0]?.id as string;

const LANGUAGES = [
  {
    locale: 'de-DE',
    lang: 'de',
    help: 'hilfe',
    change: 'datum ändern',
    date: '2026-12-14',
    reason: 'Der Kunde hat telefonisch gebeten, eine Woche später zu beginnen.',
    typed: '15. Januar',
    blocked: 'Blockiert',
  },
  {
    locale: 'ja-JP',
    lang: 'ja',
    help: 'ヘルプ',
    change: '日付変更',
    date: '2026-12-15',
    reason: 'お客様から電話があり、翌週に開始したいとの依頼がありました。',
    typed: '1月15日',
    blocked: 'ブロック',
  },
  {
    locale: 'zh-CN',
    lang: 'zh-Hans',
    help: '帮助',
    change: '更改日期',
    date: '2026-12-16',
    reason: '客户来电要求推迟一周开始，我们已在电话中确认新的日期。',
    typed: '1月15日',
    blocked: '受阻',
  },
] as const;

describe('in German, Japanese and Chinese', () => {
  let teams: TeamsHarness;
  beforeAll(async () => {
    teams = await TeamsHarness.start();
  });
  afterAll(async () => teams?.close());
  beforeEach(() => teams.connector.clear());

  async function workloadId(tenantId: string, code: string): Promise<string> {
    const found = (await teams.app.store.tenantWorkloads(tenantId)).find((w) => w.code === code);
    if (!found) throw new Error(`no ${code} in ${tenantId}`);
    return found.id;
  }

  async function openChangeCard(user: TeamsUser, command: string) {
    teams.connector.clear();
    expect(await teams.say(user, command)).toBe(200);
    const card = teams.lastCard();
    expect(choices(card, 'workload').length).toBeGreaterThan(0);
    return card;
  }

  it.each(LANGUAGES)('$locale: help names the date with the playbook’s term', async (l) => {
    await teams.say(as(alex, l.locale), l.help);
    const text = cardText(teams.lastCard());
    expect(text).toContain(t(l.lang, 'help.title'));
    expect(text).toContain(t(l.lang, 'help.cmd.change'));
    expect(text).toContain(t(l.lang, 'esd.name'));
  });

  it.each(LANGUAGES)(
    '$locale: pick the customer, fill the card, get a confirmation with the note (R8)',
    async (l) => {
      const user = as(alex, l.locale);
      await teams.say(user, l.change);
      const picker = teams.lastCard();
      expect(cardText(picker)).toContain(t(l.lang, 'pickTenant.title'));
      const pick = await teams.execute(user, 'esd.pickTenant', {
        ...actionData(picker),
        tenant: CONTOSO,
      });
      const card = pick.body?.value as Record<string, unknown>;
      expect(cardText(card)).toContain(t(l.lang, 'change.title'));
      const teamsId = await workloadId(CONTOSO, 'TEAMS');
      const before = (await teams.app.store.workloadHistory(teamsId)).length;
      const done = await teams.execute(user, 'esd.change', {
        ...actionData(card),
        workload: teamsId,
        date: l.date,
        month: '',
        basis: 'phone_call',
        reason: l.reason,
      });
      const confirmation = cardText(done.body?.value);
      expect(confirmation).toContain(t(l.lang, 'done.title'));
      expect(confirmation).toContain(l.reason);
      expect((await teams.app.store.getWorkload(teamsId))?.workload.esd).toEqual({
        date: l.date,
        estimate: false,
      });
      expect((await teams.app.store.workloadHistory(teamsId)).length).toBe(before + 1);
      expect((await teams.app.store.statusNotes(CONTOSO))[0]?.text).toContain(l.reason);
    },
  );

  it.each(LANGUAGES)(
    '$locale: R1 refuses a Blocked workload in the language, and writes nothing',
    async (l) => {
      const user = as(alex, l.locale);
      // The customer's name right after the command, with a space.
      const card = await openChangeCard(user, `${l.change} contoso`);
      const spo = await workloadId(CONTOSO, 'SPO');
      const answer = await teams.execute(user, 'esd.change', {
        ...actionData(card),
        workload: spo,
        date: '2026-12-10',
        basis: 'kickoff_meeting',
        reason: l.reason,
      });
      const text = cardText(answer.body?.value);
      expect(text).toContain(l.blocked);
      expect(text).toContain(t(l.lang, 'change.errorSummary'));
      expect(await teams.app.store.workloadHistory(spo)).toHaveLength(0);
    },
  );

  it.each(LANGUAGES)('$locale: a date typed while the card is open fills it in', async (l) => {
    const user = as(alex, l.locale);
    // Japanese and Chinese write the customer's name straight after the command.
    await openChangeCard(user, l.lang === 'de' ? `${l.change} contoso` : `${l.change}contoso`);
    teams.connector.clear();
    await teams.say(user, l.typed);
    expect(JSON.stringify(teams.lastCard())).toContain('"value":"2027-01-15"');
    expect(cardText(teams.lastCard())).toContain(
      t(l.lang, 'change.typedDate', {
        // The FM's words come back as text: markdown in them is escaped.
        text: escapeMarkdown(l.typed),
        date: formatDate('2027-01-15' as CalendarDate, l.lang),
      }),
    );
  });

  it.each(['zh-TW', 'zh-HK', 'zh-Hant-TW'])(
    '%s gets English, not Simplified Chinese',
    async (locale) => {
      await teams.say(as(alex, locale), 'help');
      expect(cardText(teams.lastCard())).toContain(t('en', 'help.title'));
    },
  );

  it('English commands work whatever the language', async () => {
    await teams.say(as(alex, 'ja-JP'), 'my engagements');
    expect(cardText(teams.lastCard())).toContain(t('ja', 'engagements.title'));
  });
});

describe('reminders in German, Japanese and Chinese (R7)', () => {
  let teams: TeamsHarness;
  beforeEach(async () => {
    teams = await TeamsHarness.start({
      env: {
        PROACTIVE_CONVERSATION_INTERVAL_MS: '0',
        PROACTIVE_MAX_RPS: '50',
        PROACTIVE_MAX_ATTEMPTS: '3',
        PROACTIVE_SEND_TIMEOUT_MS: '300',
      },
    });
  });
  afterEach(async () => teams?.close());

  it.each(LANGUAGES)(
    '$locale: the reminder goes out in the FM’s language, and its answer too',
    async (l) => {
      const user = as(alex, l.locale);
      await teams.install(user);
      // Demo data: Fabrikam's Exchange Online starts today (Nov 22) for Alex.
      expect((await teams.app.delivery.sweepNow(NOW)).reminders).toBeGreaterThanOrEqual(1);
      await teams.app.delivery.dispatcher.runOnce(new Date(NOW.getTime() + 30 * 86_400_000));
      const card = teams.connector.cards().find((c) => cardText(c).includes('Fabrikam Inc'));
      if (!card) throw new Error('no reminder card');
      expect(cardText(card)).toContain(
        t(l.lang, 'reminder.title', { workload: 'Exchange Online', customer: 'Fabrikam Inc' }),
      );
      expect(cardText(card)).toContain(t(l.lang, 'reminder.started'));
      const actions = (card as { actions: { verb: string; data: Record<string, unknown> }[] })
        .actions;
      const started = actions.find((a) => a.verb === 'esd.reminder.started');
      const asked = await teams.execute(user, 'esd.reminder.started', started?.data ?? {});
      // It asks the day the exchange began (R7), in the FM's language.
      expect(cardText(asked.body?.value)).toContain(
        t(l.lang, 'started.title', { workload: 'Exchange Online', customer: 'Fabrikam Inc' }),
      );
      const answer = await teams.execute(user, 'esd.reminder.startedOn', {
        ...actionData(asked.body?.value),
        when: 'today',
      });
      expect(cardText(answer.body?.value)).toContain(t(l.lang, 'reminder.doneStarted'));
    },
  );
});
