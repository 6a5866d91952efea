import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatEsd } from '../../src/i18n/format.js';
import { t } from '../../src/i18n/translate.js';
import { DEMO_TENANTS } from '../../src/store/demo-data.js';
import { engines } from '../support/databases.js';
import {
  actionData,
  adele,
  alex,
  as,
  cardText,
  everyRow,
  lidia,
  mallory,
  megan,
  TeamsHarness,
  type TeamsUser,
} from '../support/teams.js';

/**
 * Issue 16, Universal Actions `refresh`: in a group chat or channel the change card is posted as a
 * read-only summary with a refresh that shows the form to the members who may act (the one
 * permission function, domain/access.ts); a refresh answers from the data as it is now, and never
 * writes or posts. Reminders carry a refresh for their FM.
 */
const CONTOSO = DEMO_TENANTS[0]?.id as string;
const LATER = new Date('2026-12-22T12:00:00.000Z');

/** People who never wrote to the bot (one per conversation type). */
const NESTOR_AAD = [
  '00000000-0000-0000-0000-0000000000041',
  '00000000-0000-0000-0000-0000000000042',
] as const;

type Node = Record<string, unknown>;

/** Every element of a card (body, containers, columns), flattened. */
function elements(card: unknown): Node[] {
  const out: Node[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const record = node as Node;
      if (typeof record.type === 'string') out.push(record);
      for (const value of Object.values(record)) if (typeof value === 'object') walk(value);
    }
  };
  walk((card as Node).body);
  walk((card as Node).actions);
  return out;
}

const isEditable = (card: unknown) =>
  elements(card).some((e) => String(e.type).startsWith('Input.') || e.type === 'Action.Execute');

function refreshOf(card: unknown): {
  action: { type: string; verb: string; data: Node };
  userIds: string[];
} {
  const refresh = (card as Node).refresh as never;
  if (!refresh) throw new Error('card has no refresh');
  return refresh;
}

describe.each(engines)('Universal Actions refresh on %s', (engine) => {
  let teams: TeamsHarness;

  /** A refresh as Teams sends it: no write, no post; returns the card answered. */
  async function refresh(
    user: TeamsUser,
    data: Node,
    conversationId: string,
    type: 'groupChat' | 'channel' = 'groupChat',
  ): Promise<Node> {
    const before = await everyRow(teams.app.store);
    const sent = teams.connector.sent.length;
    const answer = await teams.execute(user, String(data.verb), data, conversationId, {
      type,
      trigger: 'automatic',
    });
    expect(answer.status).toBe(200);
    expect(answer.body?.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(teams.connector.sent.length, 'a refresh posts nothing').toBe(sent);
    expect(await everyRow(teams.app.store), 'a refresh writes nothing').toBe(before);
    return answer.body?.value as Node;
  }

  beforeAll(async () => {
    teams = await TeamsHarness.start({ engine });
    for (const user of [lidia, mallory]) {
      teams.connector.addMember({
        id: user.id,
        aadObjectId: user.aadObjectId,
        name: user.name,
        userPrincipalName: user.upn,
      });
    }
    await teams.app.store.setPartner(lidia.upn, 'Litware Partners', 'test');
    // Everyone has written once, so the first refresh is not their first turn.
    for (const user of [alex, megan, adele, lidia, mallory]) await teams.say(user, 'help');
  });
  afterAll(async () => teams?.close());

  describe.each(['groupChat', 'channel'] as const)('in a %s', (type) => {
    const conversation = `19:esd-${type}@thread.v2`;
    let posted: Node;

    beforeAll(async () => {
      teams.connector.clear();
      await teams.say(alex, 'change date contoso', {
        type,
        mention: true,
        conversationId: conversation,
      });
      posted = teams.lastCard();
    });

    it('posts a read-only summary, refreshed for the members who may act', () => {
      expect(isEditable(posted)).toBe(false);
      expect(cardText(posted)).toContain('Contoso');
      expect(cardText(posted)).toContain(t('en', 'shared.readOnly'));
      const block = refreshOf(posted);
      expect(block.action.type).toBe('Action.Execute');
      expect(block.action.verb).toBe('esd.refresh.change');
      // Alex (the assigned FM) and Adele (Gateway); not Megan (another FM), Lidia (another
      // partner's user) or Mallory (no role).
      expect([...block.userIds].sort()).toEqual([adele.id, alex.id].sort());
      expect(JSON.stringify(block.action.data)).not.toContain(CONTOSO);
    });

    it('shows the assigned FM and the Gateway the form, with the refresh kept', async () => {
      for (const user of [alex, adele]) {
        const card = await refresh(user, refreshOf(posted).action.data, conversation, type);
        expect(isEditable(card)).toBe(true);
        expect(actionData(card).verb).toBe('esd.change');
        expect(actionData(card).tenantId).toBe(CONTOSO);
        expect(refreshOf(card).userIds).toEqual(refreshOf(posted).userIds);
      }
    });

    it('shows another FM, a partner user and a stranger the read-only summary', async () => {
      for (const user of [megan, lidia, mallory]) {
        const card = await refresh(user, refreshOf(posted).action.data, conversation, type);
        expect(isEditable(card), user.name).toBe(false);
        expect(cardText(card)).toContain('Contoso');
        expect(JSON.stringify(card)).not.toContain('"versions"');
        expect(refreshOf(card).action.verb).toBe('esd.refresh.change');
      }
    });

    it('writes nothing for someone the bot has never seen either', async () => {
      const nestor: TeamsUser = {
        ...mallory,
        id: `29:nestor-${type}`,
        aadObjectId: type === 'channel' ? NESTOR_AAD[0] : NESTOR_AAD[1],
        name: 'Nestor Wilke',
        upn: `nestorw-${type}@example.com`,
      };
      teams.connector.addMember({
        id: nestor.id,
        aadObjectId: nestor.aadObjectId,
        name: nestor.name,
        userPrincipalName: nestor.upn,
      });
      const card = await refresh(nestor, refreshOf(posted).action.data, conversation, type);
      expect(isEditable(card)).toBe(false);
    });

    it('does not bring back someone a send found unreachable (only their own turn does)', async () => {
      await teams.app.store.markUnreachable(megan.aadObjectId);
      await refresh(megan, refreshOf(posted).action.data, conversation, type);
      expect(await teams.app.store.isReachable(megan.aadObjectId.toLowerCase())).toBe(false);
      await teams.say(megan, 'help');
      expect(await teams.app.store.isReachable(megan.aadObjectId.toLowerCase())).toBe(true);
    });

    it('answers in the reader language', async () => {
      const card = await refresh(
        as(megan, 'pt-BR'),
        refreshOf(posted).action.data,
        conversation,
        type,
      );
      expect(cardText(card)).toContain(t('pt-BR', 'shared.readOnly'));
    });

    it('answers from the data as it is now', async () => {
      const form = await refresh(alex, refreshOf(posted).action.data, conversation, type);
      const workloads = await teams.app.store.tenantWorkloads(CONTOSO);
      const exo = workloads.find((w) => w.code === 'EXO');
      if (!exo) throw new Error('no EXO');
      const date = type === 'groupChat' ? '2026-12-14' : '2026-12-15';
      const answer = await teams.execute(
        alex,
        'esd.change',
        {
          ...actionData(form),
          workload: exo.id,
          date,
          month: '',
          basis: 'phone_call',
          reason: 'Customer asked by phone.',
        },
        conversation,
        { type },
      );
      expect(answer.status).toBe(200);
      // The card posted earlier shows the new date to whoever refreshes it.
      const card = await refresh(megan, refreshOf(posted).action.data, conversation, type);
      expect(cardText(card)).toContain(formatEsd({ date: date as never, estimate: false }, 'en'));
    });

    it('tells someone replaying the refresh in another conversation nothing', async () => {
      const card = await refresh(mallory, refreshOf(posted).action.data, '19:elsewhere@thread.v2');
      expect(isEditable(card)).toBe(false);
      expect(cardText(card)).not.toContain('Contoso');
      expect(cardText(card)).toContain('change date');
    });

    it('answers a forged or unknown view with the expired card', async () => {
      for (const view of ['x', 'A'.repeat(24), 42]) {
        const card = await refresh(
          alex,
          { verb: 'esd.refresh.change', view, tenantId: CONTOSO },
          conversation,
          type,
        );
        expect(isEditable(card)).toBe(false);
        expect(cardText(card)).not.toContain('Contoso');
      }
    });
  });

  it('keeps the change card in a personal chat as it was (no refresh)', async () => {
    teams.connector.clear();
    await teams.say(alex, 'change date contoso');
    const card = teams.lastCard();
    expect(isEditable(card)).toBe(true);
    expect(card.refresh).toBeUndefined();
  });

  describe('a reminder', () => {
    let reminder: Node;

    beforeAll(async () => {
      await teams.install(alex);
      await teams.app.delivery.sweepNow(new Date('2026-11-22T12:00:00.000Z'));
      teams.connector.clear();
      await teams.app.delivery.dispatcher.runOnce(LATER);
      const found = teams.connector.cards().find((c) => cardText(c).includes('Fabrikam'));
      if (!found) throw new Error('no reminder sent');
      reminder = found;
    });

    it('is refreshed for its FM only', () => {
      const block = refreshOf(reminder);
      expect(block.action.verb).toBe('esd.refresh.reminder');
      expect(block.userIds).toEqual([alex.id]);
    });

    it('shows its FM the buttons and anyone else (a forwarded copy) a summary', async () => {
      const data = refreshOf(reminder).action.data;
      const mine = await refresh(alex, data, 'a:personal-29:alex');
      expect(isEditable(mine)).toBe(true);
      expect(refreshOf(mine).userIds).toEqual([alex.id]);
      for (const user of [megan, mallory]) {
        const card = await refresh(user, data, '19:forwarded@thread.v2');
        expect(isEditable(card)).toBe(false);
        expect(cardText(card)).toContain('Fabrikam');
      }
    });

    it('shows no buttons once answered', async () => {
      // "Customer inactive" answers at once ("Communication started" first asks for the day).
      const inactive = (reminder.actions as { verb: string; data: Node }[]).find(
        (a) => a.verb === 'esd.reminder.inactive',
      );
      if (!inactive) throw new Error('no inactive button');
      await teams.execute(alex, inactive.verb, inactive.data);
      const card = await refresh(alex, refreshOf(reminder).action.data, 'a:personal-29:alex');
      expect(isEditable(card)).toBe(false);
      expect(cardText(card)).toContain('Fabrikam');
    });
  });
});
