/**
 * The card an FM gets when the Gateway Team hands a customer over (R6), in every language, and
 * its "Acknowledge" button, run through the real action with a botbuilder TestAdapter turn (the
 * verb is routed by esd-bot.ts; the session is set up here the way load-session.ts does it).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as AC from 'adaptivecards';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { type Activity, TestAdapter, TurnContext } from 'botbuilder';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { acknowledgeHandoff } from '../../src/bot/actions/acknowledge-handoff.js';
import { type HandoffCardInput, handoffCard } from '../../src/bot/cards/handoff-card.js';
import type { Card } from '../../src/bot/cards/templates.js';
import { invokeResponse } from '../../src/bot/present.js';
import { getSession, SESSION, type Session } from '../../src/bot/session.js';
import { parseConfig } from '../../src/config/config.js';
import { type Actor, type CalendarDate, toCalendarDate } from '../../src/domain/index.js';
import { parseHandoff } from '../../src/http/gateway/handoff-schema.js';
import { de } from '../../src/i18n/de.js';
import { en } from '../../src/i18n/en.js';
import { es } from '../../src/i18n/es.js';
import { ja } from '../../src/i18n/ja.js';
import { LANGUAGES, type Language } from '../../src/i18n/language.js';
import { ptBR } from '../../src/i18n/pt-BR.js';
import { zhHans } from '../../src/i18n/zh-Hans.js';
import { createLogger } from '../../src/log/logger.js';
import { Store } from '../../src/store/store.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';
import { cardText } from '../support/teams.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

type Json = Record<string, unknown>;

const day = (value: string): CalendarDate => toCalendarDate(value);

const INPUT: HandoffCardInput = {
  handoffId: 'gw-2026-000123',
  tenant: {
    id: '0f4c2a9e-7b1d-4c3e-9a55-2d8e6f1b3c70',
    name: 'contoso.onmicrosoft.com',
    customerName: 'Contoso Ltda.',
  },
  workloads: [
    { code: 'EXO', l1Status: 'in_progress', esd: { date: day('2026-12-01'), estimate: false } },
    { code: 'M365APPS', l1Status: 'in_progress', esd: { date: day('2027-02-01'), estimate: true } },
    { code: 'SPO', l1Status: 'blocked', esd: null },
  ],
  enteredBy: { name: 'Gabriel Ortega' },
  notes: 'Customer wants mail first; SharePoint waits for the AD clean-up.',
};

const EXPECTED: Record<
  Language,
  {
    messages: Record<string, string>;
    title: string;
    enteredBy: string;
    workloads: string[];
    statuses: string[];
    dates: string[];
  }
> = {
  en: {
    messages: en,
    title: 'New customer from the Gateway Team: Contoso Ltda.',
    enteredBy: 'Entered by the Gateway Team from the customer conversation (Gabriel Ortega).',
    workloads: ['Exchange Online', 'Microsoft 365 Apps', 'SharePoint Online'],
    statuses: ['In Progress', 'In Progress', 'Blocked'],
    dates: ['Dec 1, 2026', 'February 2027 (estimate)', 'not set'],
  },
  'pt-BR': {
    messages: ptBR,
    title: 'Novo cliente da Equipe de Gateway: Contoso Ltda.',
    enteredBy:
      'Inserido pela Equipe de Gateway a partir da conversa com o cliente (Gabriel Ortega).',
    workloads: ['Exchange Online', 'Aplicativos do Microsoft 365', 'SharePoint Online'],
    statuses: ['Em Andamento', 'Em Andamento', 'Bloqueado'],
    dates: ['1 dez 2026', 'fevereiro de 2027 (estimativa)', 'não definida'],
  },
  es: {
    messages: es,
    title: 'Nuevo cliente del equipo de Gateway: Contoso Ltda.',
    enteredBy:
      'Introducido por el equipo de Gateway a partir de la conversación con el cliente (Gabriel Ortega).',
    workloads: ['Exchange Online', 'Aplicaciones de Microsoft 365', 'SharePoint Online'],
    statuses: ['En progreso', 'En progreso', 'Bloqueado'],
    dates: ['1 dic 2026', 'febrero de 2027 (estimación)', 'sin definir'],
  },
  de: {
    messages: de,
    title: 'Neukunde vom Gateway-Team: Contoso Ltda.',
    enteredBy: 'Vom Gateway-Team aus dem Gespräch mit dem Kunden eingetragen (Gabriel Ortega).',
    workloads: ['Exchange Online', 'Microsoft 365 Apps', 'SharePoint Online'],
    statuses: ['In Bearbeitung', 'In Bearbeitung', 'Blockiert'],
    dates: ['1. Dezember 2026', 'Februar 2027 (Schätzung)', 'nicht festgelegt'],
  },
  ja: {
    messages: ja,
    title: 'Gateway チームからの新しいお客様: Contoso Ltda.',
    enteredBy: 'Gateway チームがお客様との会話をもとに入力しました (Gabriel Ortega)。',
    workloads: ['Exchange Online', 'Microsoft 365 Apps', 'SharePoint Online'],
    statuses: ['進行中', '進行中', 'ブロック'],
    dates: ['2026年12月1日', '2027年2月 (推定)', '未設定'],
  },
  'zh-Hans': {
    messages: zhHans,
    title: '来自 Gateway 团队的新客户：Contoso Ltda.',
    enteredBy: '由 Gateway 团队根据与客户的对话录入（Gabriel Ortega）。',
    workloads: ['Exchange Online', 'Microsoft 365 应用版', 'SharePoint Online'],
    statuses: ['进行中', '进行中', '受阻'],
    dates: ['2026年12月1日', '2027年2月（估计）', '未设置'],
  },
};

/** Every object in the card, depth first. */
function* objects(value: unknown): Generator<Json> {
  if (Array.isArray(value)) for (const item of value) yield* objects(item);
  else if (value && typeof value === 'object') {
    yield value as Json;
    for (const item of Object.values(value)) yield* objects(item);
  }
}

const textBlocks = (card: unknown) =>
  [...objects(card)].filter((n) => n.type === 'TextBlock').map((n) => String(n.text));

/** The workload rows: one ColumnSet per workload, after the header row. */
function rows(card: Card): string[][] {
  const sets = (card.body as Json[]).filter((n) => n.type === 'ColumnSet');
  return sets.slice(1).map((set) => textBlocks(set));
}

/** The Adaptive Card 1.5 schema from test/cards/schema, loaded as test/cards/cards.test.ts does. */
function schemaValidator() {
  const { id, ...upstream } = JSON.parse(
    readFileSync(join(HERE, '..', 'cards', 'schema', 'adaptive-card-1.5.json'), 'utf8'),
  ) as Json & { definitions: Record<string, { properties: Json }> };
  const root = upstream.definitions.AdaptiveCard;
  if (!root) throw new Error('not the Adaptive Card schema');
  root.properties.version = { type: 'string', enum: ['1.5'] };
  root.properties.msteams = {
    type: 'object',
    properties: { width: { enum: ['Full'] } },
    additionalProperties: false,
  };
  const ajv = new Ajv.default({ allErrors: true, strictTypes: false });
  ajv.addMetaSchema(
    JSON.parse(readFileSync(require.resolve('ajv/dist/refs/json-schema-draft-06.json'), 'utf8')),
  );
  addFormats.default(ajv);
  ajv.addVocabulary(['version', 'features', 'example']);
  const validate = ajv.compile({ $id: String(id), ...upstream });
  return (card: unknown) =>
    validate(card) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

function sdkEvents(json: unknown): string[] {
  const card = new AC.AdaptiveCard();
  card.maxVersion = AC.Versions.v1_5;
  const context = new AC.SerializationContext();
  context.targetVersion = AC.Versions.v1_5;
  card.parse(json, context);
  const events: string[] = [];
  for (let i = 0; i < context.eventCount; i++) events.push(context.getEventAt(i).message);
  events.push(...card.validateProperties().validationEvents.map((e) => e.message));
  return events;
}

describe.each(LANGUAGES)('the handoff card in %s', (lang) => {
  const expected = EXPECTED[lang];
  const card = handoffCard(INPUT, lang);
  const strings = expected.messages;

  it('names the customer, the tenant, the Gateway reference and who entered it', () => {
    const texts = textBlocks(card);
    expect(texts[0]).toBe(expected.title);
    expect(texts).toContain(expected.enteredBy);
    const facts = (card.body as Json[]).find((n) => n.type === 'FactSet')?.facts as Json[];
    expect(facts).toEqual([
      { title: strings['common.customer'], value: 'Contoso Ltda.' },
      { title: strings['common.tenant'], value: 'contoso.onmicrosoft.com' },
      { title: strings['handoff.reference'], value: 'gw-2026-000123' },
    ]);
  });

  it('lists each workload with its localized name, L1 status and date (none is fine, R3)', () => {
    expect(rows(card)).toEqual(
      expected.workloads.map((name, i) => [name, expected.statuses[i], expected.dates[i]]),
    );
    const header = textBlocks((card.body as Json[]).find((n) => n.type === 'ColumnSet'));
    expect(header).toEqual([
      strings['common.workload'],
      strings['common.status'],
      strings['common.esd'],
    ]);
  });

  it('shows the Gateway Team’s notes under their heading', () => {
    const texts = textBlocks(card);
    expect(texts).toContain(strings['handoff.notes']);
    expect(texts).toContain(INPUT.notes);
  });

  it('has Acknowledge and Change a date, as Action.Execute with Action.Submit fallbacks', () => {
    const actions = card.actions as Json[];
    expect(actions).toEqual([
      {
        type: 'Action.Execute',
        verb: 'esd.ackHandoff',
        title: strings['handoff.acknowledge'],
        style: 'positive',
        data: { verb: 'esd.ackHandoff', handoffId: 'gw-2026-000123' },
        fallback: {
          type: 'Action.Submit',
          title: strings['handoff.acknowledge'],
          data: { verb: 'esd.ackHandoff', handoffId: 'gw-2026-000123' },
        },
      },
      {
        type: 'Action.Execute',
        verb: 'esd.startChange',
        title: strings['handoff.change'],
        data: { verb: 'esd.startChange', tenantId: INPUT.tenant.id },
        fallback: {
          type: 'Action.Submit',
          title: strings['handoff.change'],
          data: { verb: 'esd.startChange', tenantId: INPUT.tenant.id },
        },
      },
    ]);
  });

  it('is a fully expanded Adaptive Card 1.5 (JSON schema and the SDK agree)', () => {
    expect(JSON.stringify(card)).not.toContain('${');
    expect(JSON.stringify(card)).not.toMatch(/"\$(data|when)"/);
    expect(textBlocks(card).filter((text) => text.trim() === '')).toEqual([]);
    expect(card.version).toBe('1.5');
    expect(schemaValidator()(card)).toEqual([]);
    expect(sdkEvents(card)).toEqual([]);
  });
});

describe('the handoff card', () => {
  it('leaves the notes out when there are none', () => {
    const card = handoffCard({ ...INPUT, notes: null }, 'en');
    expect(textBlocks(card)).not.toContain(en['handoff.notes']);
    expect(JSON.stringify(card)).not.toContain('${');
    expect(handoffCard({ ...INPUT, notes: '   ' }, 'en')).toEqual(card);
  });

  it('shows text from the Gateway Team as it is, never as a template', () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a template binding in the data
    const binding = '${title}';
    const notes = `Budget: ${binding} and {customer}; see <b>the plan</b>.`;
    const name = `Ana {customer} ${binding}`;
    const card = handoffCard({ ...INPUT, notes, enteredBy: { name } }, 'en');
    // Bindings stay literal; the HTML tag is escaped, as all markup people typed (issue 13).
    expect(textBlocks(card)).toContain(
      `Budget: ${binding} and {customer}; see \\<b\\>the plan\\</b\\>.`,
    );
    expect(cardText(card)).toContain(`(${name})`);
  });
});

// ---------------------------------------------------------------------------------------------
// Acknowledge
// ---------------------------------------------------------------------------------------------

const ALEX = {
  aadObjectId: '6a1f0c2e-4b3d-4e5f-9a7b-1c2d3e4f5a60',
  upn: 'alexw@example.com',
  name: 'Alex Wilber',
};
const MEGAN = {
  aadObjectId: '6a1f0c2e-4b3d-4e5f-9a7b-1c2d3e4f5a61',
  upn: 'meganb@example.com',
  name: 'Megan Bowen',
};
const NOW = new Date('2026-11-22T12:00:00.000Z');
const TENANT_ID = '3c1d2e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f';

describe('acknowledging a handoff', () => {
  let database: TestDatabase;
  let store: Store;
  let now = NOW;
  const config = parseConfig({});
  const logger = createLogger('silent');

  /** Records a handoff the way the webhook does; returns its id. */
  async function recordHandoff(
    handoffId: string,
    fm: { upn: string; aadObjectId?: string } = ALEX,
  ): Promise<string> {
    const parsed = parseHandoff({
      handoffId,
      tenant: { id: TENANT_ID, name: 'contoso.onmicrosoft.com', customerName: 'Contoso Ltd' },
      deliveryChannel: { type: 'FM', fm: { upn: fm.upn, aadObjectId: fm.aadObjectId } },
      workloads: [{ code: 'EXO', l1Status: 'in_progress', engagementStartDate: '2026-12-01' }],
      enteredBy: { upn: 'gateway@example.com', name: 'Gabriel Ortega' },
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const result = await store.recordHandoff(parsed.handoff, parsed.bodyHash, `sig-${handoffId}`);
    expect(result.status).toBe('created');
    return handoffId;
  }

  interface Turn {
    context: TurnContext;
    /** Activities sent (new messages). */
    sent: Partial<Activity>[];
    /** Activities updated in place (the Action.Submit path). */
    updated: Partial<Activity>[];
  }

  /**
   * One turn: an Action.Execute invoke (the default) or an Action.Submit message, from `who`,
   * with a session set up by hand like load-session.ts builds it.
   */
  function turn(
    who: typeof ALEX,
    data: Json,
    options: { submit?: boolean; lang?: Language; upnOnly?: boolean } = {},
  ): Turn {
    const sent: Partial<Activity>[] = [];
    const updated: Partial<Activity>[] = [];
    const adapter = new TestAdapter(async () => {});
    adapter.sendActivities = async (_context, activities) => {
      sent.push(...activities);
      return activities.map((_, i) => ({ id: `sent-${i}` }));
    };
    adapter.updateActivity = async (_context, activity) => {
      updated.push(activity);
      return { id: activity.id ?? '' };
    };
    const common = {
      channelId: 'msteams',
      from: { id: `29:${who.name}`, name: who.name, aadObjectId: who.aadObjectId },
      recipient: { id: '28:esd-bot', name: 'esd-bot' },
      conversation: {
        id: `a:personal-${who.name}`,
        isGroup: false,
        name: '',
        conversationType: 'personal',
      },
      serviceUrl: 'https://smba.example.com/',
      replyToId: 'card-1',
    };
    const activity = options.submit
      ? { ...common, type: 'message', value: data }
      : {
          ...common,
          type: 'invoke',
          name: 'adaptiveCard/action',
          value: { action: { type: 'Action.Execute', verb: 'esd.ackHandoff', data } },
        };
    const context = new TurnContext(adapter, activity as Partial<Activity> as Activity);
    const identity = {
      aadObjectId: options.upnOnly ? null : who.aadObjectId,
      upn: who.upn,
      name: who.name,
    };
    const actor: Actor = { ...identity, roles: [] };
    const session: Session = {
      lang: options.lang ?? 'en',
      timeZone: 'Europe/Lisbon',
      today: day('2026-11-22'),
      identity,
      actor: async () => actor,
      reachable: async () => true,
      takeState: () => undefined,
      services: { store, config, logger, now: () => now },
    };
    context.turnState.set(SESSION, session);
    return { context, sent, updated };
  }

  /** What a card verb handler is handed (esd-bot.ts builds it on each turn). */
  function turnOf(context: TurnContext) {
    const session = getSession(context);
    return { ...session.services, context, session };
  }

  /** The card that replaces the pressed one, as the invoke answer carries it. */
  function replacement(context: TurnContext): Json | undefined {
    const answer = invokeResponse(context);
    return answer.type === 'application/vnd.microsoft.card.adaptive'
      ? (answer.value as unknown as Json)
      : undefined;
  }

  async function acknowledgedAt(handoffId: string) {
    return (await store.getHandoff(handoffId))?.acknowledgedAt ?? null;
  }

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    store = await Store.open(database.target, { now: () => now });
  });
  afterAll(async () => {
    await store?.close();
    await database?.drop();
  });
  beforeEach(() => {
    now = NOW;
  });

  it('the card is built from the stored handoff, with the workloads as they are now', async () => {
    const id = await recordHandoff('gw-card-1');
    const details = await store.getHandoffDetails(id);
    if (!details) throw new Error('handoff not found');
    expect(details).toMatchObject({
      handoffId: id,
      tenant: { id: TENANT_ID, customerName: 'Contoso Ltd' },
      enteredBy: { name: 'Gabriel Ortega', upn: 'gateway@example.com' },
      notes: null,
      acknowledgedAt: null,
    });
    const card = handoffCard(details, 'en');
    expect(rows(card)).toEqual([['Exchange Online', 'In Progress', 'Dec 1, 2026']]);
    expect(textBlocks(card)).not.toContain(en['handoff.notes']);
    expect(await store.getHandoffDetails('gw-never-sent')).toBeNull();
  });

  it('the assigned FM acknowledges: recorded once, and the card becomes a notice', async () => {
    const id = await recordHandoff('gw-ack-1');
    const first = turn(ALEX, { verb: 'esd.ackHandoff', handoffId: id });
    await acknowledgeHandoff(turnOf(first.context), first.context.activity.value.action.data);
    const card = replacement(first.context);
    expect(card).toBeDefined();
    expect(cardText(card)).toContain(en['handoff.acknowledgedTitle']);
    expect(cardText(card)).toContain('You took over Contoso Ltd');
    expect(card?.actions).toBeUndefined();
    expect(first.sent).toEqual([]);
    expect(await acknowledgedAt(id)).toBe(NOW.toISOString());

    // A second press (another copy of the card, later): the first time stays.
    now = new Date('2026-11-23T09:00:00.000Z');
    const second = turn(ALEX, { verb: 'esd.ackHandoff', handoffId: id });
    await acknowledgeHandoff(turnOf(second.context), { verb: 'esd.ackHandoff', handoffId: id });
    const again = cardText(replacement(second.context));
    expect(again).toContain('This handoff was already acknowledged');
    expect(again).toContain('Nov 22, 2026');
    expect(await acknowledgedAt(id)).toBe(NOW.toISOString());
  });

  it('another FM cannot acknowledge it, even with the card data: nothing recorded', async () => {
    const id = await recordHandoff('gw-ack-2');
    const { context, sent } = turn(MEGAN, { verb: 'esd.ackHandoff', handoffId: id });
    await acknowledgeHandoff(turnOf(context), { verb: 'esd.ackHandoff', handoffId: id });
    expect(replacement(context)).toBeUndefined();
    // Not yours, ask the assignee: and nothing of the customer (issue 13, item 2).
    expect(sent.map((a) => a.text)).toEqual([
      'That is not one of your customers. Ask alexw@example.com.',
    ]);
    expect(await acknowledgedAt(id)).toBeNull();
  });

  it('an FM the Gateway Team named by UPN alone is recognized by UPN', async () => {
    const id = await recordHandoff('gw-ack-3', { upn: 'AlexW@Example.com' });
    const { context } = turn(ALEX, { handoffId: id }, { upnOnly: true });
    await acknowledgeHandoff(turnOf(context), { handoffId: id });
    expect(await acknowledgedAt(id)).toBe(NOW.toISOString());
  });

  it('Action.Submit fallback: the card is replaced in place, in the person’s language', async () => {
    const id = await recordHandoff('gw-ack-4');
    const { context, updated, sent } = turn(
      ALEX,
      { verb: 'esd.ackHandoff', handoffId: id },
      { submit: true, lang: 'pt-BR' },
    );
    await acknowledgeHandoff(turnOf(context), context.activity.value);
    expect(sent).toEqual([]);
    expect(updated).toHaveLength(1);
    expect(updated[0]?.id).toBe('card-1');
    const card = updated[0]?.attachments?.[0]?.content;
    expect(cardText(card)).toContain(ptBR['handoff.acknowledgedTitle']);
    expect(cardText(card)).toContain('Você assumiu o cliente Contoso Ltd');
    expect(await acknowledgedAt(id)).toBe(NOW.toISOString());
  });

  it('an unknown handoff, or card data that does not parse, records nothing', async () => {
    const unknown = turn(ALEX, { verb: 'esd.ackHandoff', handoffId: 'gw-never-sent' });
    await acknowledgeHandoff(turnOf(unknown.context), {
      verb: 'esd.ackHandoff',
      handoffId: 'gw-never-sent',
    });
    expect(cardText(replacement(unknown.context))).toContain(en['handoff.gone']);

    for (const data of [{}, { handoffId: 42 }, { handoffId: '' }, null, 'gw-ack-1']) {
      const bad = turn(ALEX, { verb: 'esd.ackHandoff' });
      await acknowledgeHandoff(turnOf(bad.context), data);
      expect(replacement(bad.context)).toBeUndefined();
      expect(cardText(bad.sent[0]?.attachments?.[0]?.content)).toContain(en['handoff.gone']);
    }
  });
});
