import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/translate.js';
import { DEMO_TENANTS } from '../../src/store/demo-data.js';
import { engines } from '../support/databases.js';
import { adele, alex, as, megan, TeamsHarness } from '../support/teams.js';

/**
 * Issue 16, the courtesies: the welcome once per install (personal: what esd-bot does and how to
 * start; group chat and team: how to @mention it), suggested actions after help and after a
 * refusal in a personal chat, and the typing indicator for a turn that takes longer than a moment.
 */
const WOODGROVE = DEMO_TENANTS[4]?.id as string;

interface SentActivity {
  type?: string;
  text?: string;
  suggestedActions?: { to: string[]; actions: { type: string; title: string; value: string }[] };
}

describe.each(engines)('courtesies on %s', (engine) => {
  let teams: TeamsHarness;
  const sent = () => teams.connector.sent.map((s) => s.activity as SentActivity);
  const said = () => sent().filter((a) => a.type === 'message' && a.text);

  beforeAll(async () => {
    teams = await TeamsHarness.start({ engine });
  });
  afterAll(async () => teams?.close());

  describe('the welcome on install', () => {
    it('in a personal chat says what esd-bot does and how to start, once per install', async () => {
      teams.connector.clear();
      await teams.install(alex);
      const [welcome] = said();
      expect(welcome?.text).toBe(
        t('en', 'welcome.personal', { help: 'help', engagements: 'my engagements' }),
      );
      expect(welcome?.suggestedActions?.actions.map((a) => a.value)).toEqual([
        'my engagements',
        'help',
      ]);
      // A client reload sends the install again: no second welcome.
      await teams.install(alex);
      expect(said()).toHaveLength(1);
      // Removed and added again: welcomed again.
      await teams.install(alex, 'remove');
      await teams.install(alex);
      expect(said()).toHaveLength(2);
    });

    it('in the person language', async () => {
      teams.connector.clear();
      await teams.install(as(megan, 'pt-BR'));
      expect(said()[0]?.text).toContain('**meus envolvimentos**');
      expect(said()[0]?.text).toBe(
        t('pt-BR', 'welcome.personal', { help: 'ajuda', engagements: 'meus envolvimentos' }),
      );
    });

    it.each([
      ['groupChat', '19:welcome-chat@thread.v2'],
      ['channel', '19:welcome-team@thread.tacv2'],
    ] as const)('in a %s says how to @mention esd-bot there, once', async (type, id) => {
      teams.connector.clear();
      await teams.install(adele, 'add', { id, type });
      await teams.install(megan, 'add', { id, type });
      expect(said()).toHaveLength(1);
      const text = said()[0]?.text ?? '';
      expect(text).toContain('**@esd-bot help**');
      expect(text).toContain('**@esd-bot change date contoso**');
      // Suggested actions are for personal chats only.
      expect(said()[0]?.suggestedActions).toBeUndefined();
      expect(teams.connector.sent.every((s) => s.conversationId === id)).toBe(true);
    });
  });

  describe('suggested actions', () => {
    it('after help: the next commands, in the person language', async () => {
      teams.connector.clear();
      await teams.say(alex, 'help');
      const [help] = sent();
      expect(help?.suggestedActions?.to).toEqual([alex.id]);
      expect(help?.suggestedActions?.actions).toEqual(
        ['my engagements', 'upcoming', 'change date'].map((c) => ({
          type: 'imBack',
          title: c,
          value: c,
        })),
      );
      teams.connector.clear();
      await teams.say(as(alex, 'es-ES'), 'ayuda');
      expect(sent()[0]?.suggestedActions?.actions.map((a) => a.value)).toEqual([
        'mis interacciones',
        'próximas',
        'cambiar fecha',
      ]);
    });

    it('after a refusal: the person own customers, or help', async () => {
      teams.connector.clear();
      await teams.execute(alex, 'esd.startChange', {
        verb: 'esd.startChange',
        tenantId: WOODGROVE,
      });
      const [refusal] = said();
      expect(refusal?.text).toContain(megan.upn);
      expect(refusal?.suggestedActions?.actions.map((a) => a.value)).toEqual([
        'my engagements',
        'help',
      ]);
    });

    it('a suggested action works as the typed command', async () => {
      teams.connector.clear();
      await teams.say(alex, 'my engagements');
      expect(teams.connector.cards()).toHaveLength(1);
    });

    it('not in a group chat or channel, where Teams does not show them', async () => {
      teams.connector.clear();
      await teams.say(alex, 'help', { type: 'groupChat', mention: true });
      await teams.say(alex, 'help', { type: 'channel' });
      expect(sent()).toHaveLength(2);
      expect(sent().every((a) => a.suggestedActions === undefined)).toBe(true);
    });
  });
});

describe('the typing indicator', () => {
  const typing = (teams: TeamsHarness) =>
    teams.connector.sent.filter((s) => s.activity.type === 'typing');

  it('shows while a typed command is still being answered', async () => {
    // Delay 0: every turn is "longer than the delay", so the indicator must be sent.
    const teams = await TeamsHarness.start({ env: { TYPING_DELAY_MS: '0' } });
    try {
      await teams.say(adele, 'capacity');
      const shown = typing(teams).length;
      expect(shown).toBeGreaterThanOrEqual(1);
      expect(teams.connector.cards()).toHaveLength(1);
      // A card press answers in its invoke response: no indicator.
      await teams.execute(alex, 'esd.startChange', { verb: 'esd.startChange' });
      expect(typing(teams)).toHaveLength(shown);
    } finally {
      await teams.close();
    }
  });

  it('is not sent for a turn answered within the delay', async () => {
    const teams = await TeamsHarness.start({ env: { TYPING_DELAY_MS: '60000' } });
    try {
      await teams.say(adele, 'capacity');
      expect(typing(teams)).toEqual([]);
      expect(teams.connector.cards()).toHaveLength(1);
    } finally {
      await teams.close();
    }
  });
});
