import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Activity, ConversationState, MemoryStorage } from 'botbuilder';
import { DialogTestClient } from 'botbuilder-testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChangeDateDialog } from '../../src/bot/dialogs/change-date-dialog.js';
import { loadSession } from '../../src/bot/middleware/load-session.js';
import { parseConfig } from '../../src/config/config.js';
import { createLogger } from '../../src/log/logger.js';
import { DEMO_FM } from '../../src/store/demo-data.js';
import { Store } from '../../src/store/store.js';
import { cardText, choices, NOW } from '../support/teams.js';

let dir: string;
let store: Store;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'esd-dialog-'));
  store = await Store.open({ kind: 'sqlite', path: join(dir, 'db.sqlite') }, { now: () => NOW });
  await store.seedDemoData();
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

function client(locale = 'en-US', conversationState?: ConversationState) {
  const services = {
    store,
    config: parseConfig({}),
    logger: createLogger('silent'),
    now: () => NOW,
  };
  const dialogClient = new DialogTestClient(
    'msteams',
    new ChangeDateDialog(),
    {},
    [loadSession(services)],
    conversationState,
  );
  const from = { id: '29:alex', name: DEMO_FM.name, aadObjectId: DEMO_FM.aadObjectId };
  return {
    say: (text: string): Promise<Partial<Activity>> =>
      dialogClient.sendActivity({ type: 'message', text, from, locale } as Partial<Activity>),
    next: () => dialogClient.getNextReply(),
  };
}

const card = (activity: Partial<Activity> | undefined) => activity?.attachments?.[0]?.content;

describe('the change-date dialog (botbuilder-testing)', () => {
  it('asks which customer, accepts a typed name, then shows the card for that customer', async () => {
    const dialog = client();
    const picker = await dialog.say('change date');
    expect(choices(card(picker), 'tenant').map((c) => c.title)).toEqual(
      expect.arrayContaining([
        expect.stringContaining('Contoso Ltd'),
        expect.stringContaining('Northwind Traders'),
      ]),
    );
    const form = await dialog.say('northwind');
    expect(cardText(card(form))).toContain('Northwind Traders');
  });

  it('re-asks when the typed name matches no customer, or several', async () => {
    const dialog = client();
    await dialog.say('change date');
    // "o" is in both Contoso and Northwind: several.
    const retry = await dialog.say('o');
    expect(retry.text).toContain('Choose a customer in the card');
    // A name in no customer offered: none.
    const none = await dialog.say('zzz');
    expect(none.text).toContain('Choose a customer in the card');
    // Still asking: a name that matches one opens its card.
    const form = await dialog.say('contoso');
    expect(cardText(card(form))).toContain('Contoso Ltd');
  });

  it('a customer question left open is answered to a new dialog, as after a restart', async () => {
    // The tenant prompt is loaded on its first use (LazyTextPrompt): a process that never asked
    // the question must still take the answer from the saved dialog state.
    const state = new ConversationState(new MemoryStorage());
    await client('en-US', state).say('change date');
    const form = await client('en-US', state).say('northwind');
    // The change card for Northwind, not the picker again (which names both customers).
    expect(cardText(card(form))).toContain('Northwind Traders');
    expect(cardText(card(form))).not.toContain('Contoso Ltd');
  });

  it('a date typed while the card is open updates that card, no second one; other text gets a hint', async () => {
    const dialog = client('pt-BR');
    await dialog.say('alterar data');
    await dialog.say('contoso');
    const hint = await dialog.say('não sei');
    expect(hint.text).toContain('15 de janeiro');
    // The open card is updated in place (test/bot/card-flow.test.ts sees the update over HTTP):
    // nothing new is posted.
    expect(await dialog.say('15 de janeiro')).toBeUndefined();
  });

  it('a day that does not exist, or a date outside the window, is answered in the chat', async () => {
    const dialog = client('pt-BR');
    await dialog.say('alterar data');
    await dialog.say('contoso');
    expect((await dialog.say('31 de fevereiro')).text).toContain('não é uma data');
    expect((await dialog.say('2 de junho de 2025')).text).toContain('fora do intervalo permitido');
  });
});
