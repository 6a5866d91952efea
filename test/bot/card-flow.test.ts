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
});
