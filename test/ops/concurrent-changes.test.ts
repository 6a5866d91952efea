import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TENANTS } from '../../src/store/demo-data.js';
import { engines } from '../support/databases.js';
import { actionData, alex, cardText, TeamsHarness } from '../support/teams.js';

const NORTHWIND = DEMO_TENANTS[2]?.id as string;

describe.each(engines)(
  '50 concurrent changes of one workload through /api/messages on %s',
  (engine) => {
    let teams: TeamsHarness;
    beforeAll(async () => {
      teams = await TeamsHarness.start({ engine });
    });
    afterAll(async () => teams?.close());

    it('exactly one wins; 49 are told of the conflict; one history row, one note', async () => {
      await teams.say(alex, 'change date northwind');
      const card = teams.lastCard();
      const spo = (await teams.app.store.tenantWorkloads(NORTHWIND)).find((w) => w.code === 'SPO');
      const historyBefore = (await teams.app.store.workloadHistory(spo?.id as string)).length;
      const notesBefore = (await teams.app.store.statusNotes(NORTHWIND)).length;
      // 50 presses of the same card in 50 different chats, so nothing serializes them but the store.
      const answers = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          teams.execute(
            alex,
            'esd.change',
            {
              ...actionData(card),
              workload: spo?.id,
              date: `2027-01-${String((i % 28) + 1).padStart(2, '0')}`,
              basis: 'kickoff_meeting',
              reason: `Kickoff agreed with the customer, attempt ${i}.`,
            },
            `19:chat-${i}@thread.v2`,
          ),
        ),
      );
      const texts = answers.map((a) => cardText(a.body?.value));
      expect(answers.every((a) => a.status === 200)).toBe(true);
      expect(texts.filter((t) => t.includes('Engagement Start Date saved'))).toHaveLength(1);
      expect(texts.filter((t) => t.includes('changed while the card was open'))).toHaveLength(49);
      expect((await teams.app.store.workloadHistory(spo?.id as string)).length).toBe(
        historyBefore + 1,
      );
      expect((await teams.app.store.statusNotes(NORTHWIND)).length).toBe(notesBefore + 1);
    });
  },
);
