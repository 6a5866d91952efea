import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_TENANTS } from '../../src/store/demo-data.js';
import { engines } from '../support/databases.js';
import {
  actionData,
  adele,
  alex,
  as,
  cardText,
  TeamsHarness,
  type TeamsUser,
} from '../support/teams.js';

const CONTOSO = DEMO_TENANTS[0]?.id as string;

const COMMAND: Record<string, string> = {
  'en-US': 'change date contoso',
  'pt-BR': 'alterar data contoso',
  'es-ES': 'cambiar fecha contoso',
};

/**
 * Issue 15, "Answers that mislead a user", over HTTP as Teams sends it (the fake connector):
 * what the change card and the chat say never leaves the FM guessing.
 */
describe.each(engines)('the change card flow on %s', (engine) => {
  let teams: TeamsHarness;
  beforeAll(async () => {
    teams = await TeamsHarness.start({ engine });
  });
  afterAll(async () => teams?.close());
  beforeEach(() => teams.connector.clear());

  async function workloadId(code: string): Promise<string> {
    const found = (await teams.app.store.tenantWorkloads(CONTOSO)).find((w) => w.code === code);
    if (!found) throw new Error(`no ${code}`);
    return found.id;
  }

  async function openCard(user: TeamsUser) {
    teams.connector.clear();
    await teams.say(user, COMMAND[user.locale] ?? 'change date contoso');
    return teams.lastCard();
  }

  describe('Save date and reason pressed twice (R8: one write, and the truth about it)', () => {
    it.each([
      ['en-US', 'Engagement Start Date saved', 'changed while the card was open', '2027-01-11'],
      ['pt-BR', 'Data de Início do Envolvimento salva', 'mudou enquanto', '2027-01-12'],
      ['es-ES', 'guardada', 'cambió mientras', '2027-01-13'],
    ])(
      '%s: the second press says it is saved, and writes nothing more',
      async (locale, saved, conflict, date) => {
        const user = as(alex, locale);
        const card = await openCard(user);
        const submission = {
          ...actionData(card),
          workload: await workloadId('TEAMS'),
          date,
          month: '',
          basis: 'phone_call',
          reason: '  Customer asked by phone ',
        };
        const first = await teams.execute(user, 'esd.change', submission);
        expect(cardText(first.body?.value)).toContain(saved);
        const before = (await teams.app.store.workloadHistory(submission.workload)).length;
        const second = await teams.execute(user, 'esd.change', submission);
        const text = cardText(second.body?.value);
        expect(text).toContain(saved);
        expect(text).not.toContain(conflict);
        expect(text).toContain('Customer asked by phone');
        expect((await teams.app.store.workloadHistory(submission.workload)).length).toBe(before);
      },
    );

    it('someone else’s change meanwhile is still a conflict: nothing written, the current date shown', async () => {
      const card = await openCard(alex);
      const teamsId = await workloadId('TEAMS');
      const mine = {
        ...actionData(card),
        workload: teamsId,
        date: '2027-01-18',
        month: '',
        basis: 'phone_call',
        reason: 'Customer asked by phone',
      };
      // The Gateway Team saves the very same date and reason first, from its own card.
      const theirs = await openCard(adele);
      await teams.execute(adele, 'esd.change', {
        ...actionData(theirs),
        ...mine,
        versions: actionData(theirs).versions,
      });
      const answer = await teams.execute(alex, 'esd.change', mine);
      expect(cardText(answer.body?.value)).toContain('changed while the card was open');
    });

    it('the same person pressing an old card with another reason is a conflict, not “saved”', async () => {
      const card = await openCard(alex);
      const submission = {
        ...actionData(card),
        workload: await workloadId('TEAMS'),
        date: '2027-01-19',
        month: '',
        basis: 'phone_call',
        reason: 'First reason',
      };
      await teams.execute(alex, 'esd.change', submission);
      const again = await teams.execute(alex, 'esd.change', { ...submission, reason: 'Another' });
      expect(cardText(again.body?.value)).toContain('changed while the card was open');
    });
  });

  /** The value of the input with this id in a card. */
  function inputValue(card: unknown, id: string): unknown {
    let found: unknown;
    const walk = (node: unknown) => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === 'object') {
        const record = node as Record<string, unknown>;
        if (typeof record.type === 'string' && record.type.startsWith('Input.') && record.id === id)
          found = record.value;
        else Object.values(record).forEach(walk);
      }
    };
    walk(card);
    return found;
  }
  const cardOf = (sent: { activity: { attachments?: { content: Record<string, unknown> }[] } }) =>
    sent.activity.attachments?.[0]?.content;

  /** Opens the card and saves it without a date: refused, nothing written (R8), values kept. */
  async function refusedWithoutDate(user: TeamsUser, reason: string) {
    const card = await openCard(user);
    const teamsId = await workloadId('TEAMS');
    const answer = await teams.execute(user, 'esd.change', {
      ...actionData(card),
      workload: teamsId,
      date: '',
      month: '',
      basis: 'kickoff_meeting',
      reason,
    });
    teams.connector.clear();
    return { teamsId, refusal: cardText(answer.body?.value) };
  }

  describe('one live card per change: a typed date updates the open card, keeping the FM’s choices', () => {
    it.each([
      ['en-US', '15 January', '2027-01-15'],
      ['pt-BR', '15 de janeiro', '2027-01-15'],
      ['es-ES', '15 de enero', '2027-01-15'],
    ])(
      '%s: “%s” updates the card shown, and nothing else is posted',
      async (locale, typed, date) => {
        const user = as(alex, locale);
        await openCard(user);
        const shown = teams.connector.sent.at(-1);
        expect(shown?.method).toBe('POST');
        teams.connector.clear();
        await teams.say(user, typed);
        const cards = teams.connector.sent.filter((s) => s.activity.attachments?.length);
        expect(cards.map((s) => [s.method, s.targetId])).toEqual([['PUT', shown?.id]]);
        expect(inputValue(cardOf(cards[0] as never), 'date')).toBe(date);
      },
    );

    it.each([
      ['en-US', '15 January', 'Choose a date, or only the month.'],
      ['pt-BR', '15 de janeiro', 'Escolha uma data'],
      ['es-ES', '15 de enero', 'Elige una fecha'],
    ])(
      '%s: after a refused Save, a typed date keeps the workload, basis and reason chosen',
      async (locale, typed, refused) => {
        const user = as(alex, locale);
        const { teamsId, refusal } = await refusedWithoutDate(
          user,
          'Kickoff moved by the customer',
        );
        expect(refusal).toContain(refused);
        await teams.say(user, typed);
        const cards = teams.connector.sent.filter((s) => s.activity.attachments?.length);
        // The card that was pressed (Teams' replyToId) is the one updated.
        expect(cards.map((s) => [s.method, s.targetId])).toEqual([['PUT', 'card-1']]);
        const updated = cardOf(cards[0] as never);
        expect(inputValue(updated, 'date')).toBe('2027-01-15');
        expect(inputValue(updated, 'workload')).toBe(teamsId);
        expect(inputValue(updated, 'basis')).toBe('kickoff_meeting');
        expect(inputValue(updated, 'reason')).toBe('Kickoff moved by the customer');
      },
    );

    it('a month typed after a kickoff basis becomes an estimate (R9); the reason stays', async () => {
      await refusedWithoutDate(alex, 'Only the month is known');
      await teams.say(alex, 'March 2027');
      const updated = cardOf(teams.connector.sent.find((s) => s.method === 'PUT') as never);
      expect(inputValue(updated, 'month')).toBe('2027-03');
      expect(inputValue(updated, 'date')).toBe('');
      expect(inputValue(updated, 'basis')).toBe('estimated');
      expect(inputValue(updated, 'reason')).toBe('Only the month is known');
    });
  });

  describe('out-of-window dates say the allowed range', () => {
    // Alex is in Europe/Lisbon; today is 2026-11-22; the window is 365 days back, 730 ahead (2028 is a leap year).
    it.each([
      [
        'en-US',
        '2 June 2025',
        'outside the allowed range',
        'between Nov 22, 2025 and Nov 21, 2028',
      ],
      [
        'pt-BR',
        '2 de junho de 2025',
        'fora do intervalo permitido',
        'entre 22 nov 2025 e 21 nov 2028',
      ],
      [
        'es-ES',
        '2 de junio de 2025',
        'fuera del intervalo permitido',
        'entre 22 nov 2025 y 21 nov 2028',
      ],
    ])(
      '%s: “%s” typed in chat is answered with the range; the card is not changed',
      async (locale, typed, words, range) => {
        const user = as(alex, locale);
        await openCard(user);
        teams.connector.clear();
        await teams.say(user, typed);
        const said = teams.connector.texts().join('\n');
        expect(said).toContain(words);
        expect(said).toContain(range);
        expect(teams.connector.sent.filter((s) => s.activity.attachments?.length)).toEqual([]);
      },
    );

    it.each([
      ['en-US', 'Choose a date between Nov 22, 2025 and Nov 21, 2028.'],
      ['pt-BR', 'Escolha uma data entre 22 nov 2025 e 21 nov 2028.'],
      ['es-ES', 'Elige una fecha entre 22 nov 2025 y 21 nov 2028.'],
    ])(
      '%s: the calendar has min, max and the range as its error message; a Save beyond it is refused with the range',
      async (locale, range) => {
        const user = as(alex, locale);
        const card = await openCard(user);
        const walk = (node: unknown): Record<string, unknown> | undefined => {
          if (Array.isArray(node)) return node.map(walk).find(Boolean);
          if (node && typeof node === 'object') {
            const record = node as Record<string, unknown>;
            if (record.type === 'Input.Date') return record;
            return Object.values(record).map(walk).find(Boolean);
          }
          return undefined;
        };
        expect(walk(card)).toMatchObject({
          min: '2025-11-22',
          max: '2028-11-21',
          errorMessage: range,
        });
        const teamsId = await workloadId('TEAMS');
        const answer = await teams.execute(user, 'esd.change', {
          ...actionData(card),
          workload: teamsId,
          date: '2029-06-02',
          month: '',
          basis: 'planned',
          reason: 'Customer plans far ahead',
        });
        expect(cardText(answer.body?.value)).toContain(range);
        expect((await teams.app.store.getWorkload(teamsId))?.workload.esd?.date).not.toBe(
          '2029-06-02',
        );
      },
    );
  });

  describe('a day that does not exist says so', () => {
    it.each([
      ['en-US', '31 February', 'is not a date'],
      ['en-US', 'February 30', 'is not a date'],
      ['en-US', '31 April', 'is not a date'],
      ['pt-BR', '31 de fevereiro', 'não é uma data'],
      ['pt-BR', '30 de fevereiro', 'não é uma data'],
      ['pt-BR', '31 de abril', 'não é uma data'],
      ['es-ES', '31 de febrero', 'no es una fecha'],
      ['es-ES', '30 de febrero', 'no es una fecha'],
      ['es-ES', '31 de abril', 'no es una fecha'],
    ])('%s: “%s”', async (locale, typed, words) => {
      const user = as(alex, locale);
      await openCard(user);
      teams.connector.clear();
      await teams.say(user, typed);
      const said = teams.connector.texts().join('\n');
      expect(said).toContain(words);
      expect(said).toContain(typed);
      expect(said).not.toMatch(/Fill in the card|Preencha o cartão|Completa la tarjeta/);
    });
  });
});
