import { randomUUID } from 'node:crypto';
import { type App, startApp } from '../../src/app.js';
import { parseConfig } from '../../src/config/config.js';
import { createLogger } from '../../src/log/logger.js';
import { DEMO_FM, DEMO_GATEWAY, DEMO_OTHER_FM } from '../../src/store/demo-data.js';
import type { Store } from '../../src/store/index.js';
import { contextOf } from '../../src/store/store.js';
import { createTestDatabase, type TestDatabase } from './databases.js';
import { FakeConnector } from './fake-connector.js';

export const TEAMS_TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
export const NOW = new Date('2026-11-22T12:00:00.000Z');

export interface TeamsUser {
  id: string;
  aadObjectId: string;
  name: string;
  upn: string;
  locale: string;
  timeZone: string;
}

export const alex: TeamsUser = {
  id: '29:alex',
  ...DEMO_FM,
  locale: 'en-US',
  timeZone: 'Europe/Lisbon',
};
export const megan: TeamsUser = {
  id: '29:megan',
  ...DEMO_OTHER_FM,
  locale: 'en-US',
  timeZone: 'America/New_York',
};
export const adele: TeamsUser = {
  id: '29:adele',
  aadObjectId: '00000000-0000-0000-0000-0000000000022',
  ...DEMO_GATEWAY,
  locale: 'en-US',
  timeZone: 'UTC',
};
/** A partner's (FRP) person, for another partner than the demo customers' (R11). */
export const lidia: TeamsUser = {
  id: '29:lidia',
  aadObjectId: '00000000-0000-0000-0000-0000000000031',
  name: 'Lidia Holloway',
  upn: 'lidiah@litware.example',
  locale: 'en-US',
  timeZone: 'UTC',
};

/** Someone with no role and no customer. */
export const mallory: TeamsUser = {
  id: '29:mallory',
  aadObjectId: '00000000-0000-0000-0000-0000000000099',
  name: 'Mallory',
  upn: 'mallory@example.com',
  locale: 'en-US',
  timeZone: 'UTC',
};

/** Every row of every table, as one string: "nothing written" means it is unchanged. */
export async function everyRow(store: Store): Promise<string> {
  const db = contextOf(store).db;
  const tables = [
    'tenants',
    'workloads',
    'esd_changes',
    'status_notes',
    'people',
    'role_grants',
    'outbox',
    'gateway_handoffs',
    'bot_state',
    'reminder_responses',
    'webhook_replays',
    'reminder_tokens',
  ] as const;
  const rows: Record<string, string[]> = {};
  for (const table of tables) {
    const found = await db.selectFrom(table).selectAll().execute();
    rows[table] = found.map((r) => JSON.stringify(r)).sort();
  }
  return JSON.stringify(rows);
}

export const as = (user: TeamsUser, locale: string, timeZone = user.timeZone): TeamsUser => ({
  ...user,
  locale,
  timeZone,
});

export interface InvokeAnswer {
  status: number;
  body: { statusCode?: number; type?: string; value?: Record<string, unknown> } | undefined;
}

/**
 * esd-bot as Teams sees it: the real server on a free loopback port, a real database, and a fake
 * Bot Connector capturing what the bot sends. Activities are shaped like the ones Teams posts.
 */
export class TeamsHarness {
  private constructor(
    readonly app: App,
    readonly connector: FakeConnector,
    readonly database: TestDatabase,
  ) {}

  static async start(
    options: {
      engine?: 'sqlite' | 'postgres';
      env?: Record<string, string>;
      now?: () => Date;
      /** Run the sweep and dispatcher loops (off by default: tests drive them by hand). */
      background?: boolean;
      /** Reach PostgreSQL another way (through a proxy that a test can cut). */
      rewriteDatabaseUrl?: (url: string) => string;
    } = {},
  ): Promise<TeamsHarness> {
    const connector = await new FakeConnector().start();
    for (const user of [alex, megan, adele]) {
      connector.addMember({
        id: user.id,
        aadObjectId: user.aadObjectId,
        name: user.name,
        userPrincipalName: user.upn,
      });
    }
    const database = await createTestDatabase(options.engine ?? 'sqlite');
    const env: Record<string, string> = {
      PORT: '0',
      LOG_LEVEL: 'silent',
      // The tests' world is the demo data, on both engines (PostgreSQL's default is false).
      DEMO_DATA: 'true',
      // No typing indicator in the suites' counts of what was sent, however slow the machine.
      TYPING_DELAY_MS: '60000',
      ...(database.target.kind === 'sqlite'
        ? { SQLITE_PATH: database.target.path }
        : { DATABASE_URL: (options.rewriteDatabaseUrl ?? ((u) => u))(database.target.url) }),
      ...options.env,
    };
    const app = await startApp(parseConfig(env), createLogger('silent'), {
      now: options.now ?? (() => NOW),
      background: options.background ?? false,
    });
    return new TeamsHarness(app, connector, database);
  }

  async close(): Promise<void> {
    await this.app.close();
    await this.connector.stop();
    await this.database.drop();
  }

  private base(
    user: TeamsUser,
    conversation: { id?: string; type?: 'personal' | 'channel' | 'groupChat' } = {},
  ) {
    const type = conversation.type ?? 'personal';
    return {
      id: randomUUID(),
      timestamp: new Date().toISOString(),
      serviceUrl: this.connector.url,
      channelId: 'msteams',
      from: { id: user.id, name: user.name, aadObjectId: user.aadObjectId },
      conversation: {
        id:
          conversation.id ??
          (type === 'personal' ? `a:personal-${user.id}` : '19:general@thread.tacv2'),
        conversationType: type,
        tenantId: TEAMS_TENANT,
      },
      recipient: { id: '28:esd-bot', name: 'esd-bot' },
      locale: user.locale,
      entities: [
        {
          type: 'clientInfo',
          locale: user.locale,
          country: 'US',
          platform: 'Web',
          timezone: user.timeZone,
        },
      ],
      channelData: { tenant: { id: TEAMS_TENANT } },
    };
  }

  async post(activity: object): Promise<Response> {
    return fetch(`${this.app.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });
  }

  /** A chat message; in a channel, `mention` puts the bot's @mention in front like Teams does. */
  async say(
    user: TeamsUser,
    text: string,
    options: {
      type?: 'personal' | 'channel' | 'groupChat';
      mention?: boolean;
      conversationId?: string;
    } = {},
  ): Promise<number> {
    const base = this.base(user, { type: options.type, id: options.conversationId });
    const mention = options.mention ?? options.type === 'channel';
    const activity = {
      ...base,
      type: 'message',
      textFormat: 'plain',
      text: mention ? `<at>esd-bot</at> ${text}` : text,
      entities: mention
        ? [
            ...base.entities,
            {
              type: 'mention',
              text: '<at>esd-bot</at>',
              mentioned: { id: '28:esd-bot', name: 'esd-bot' },
            },
          ]
        : base.entities,
    };
    return (await this.post(activity)).status;
  }

  /** Teams' installationUpdate for a personal install ('add') or uninstall ('remove'). */
  async install(
    user: TeamsUser,
    action: 'add' | 'remove' = 'add',
    conversation: { id?: string; type?: 'personal' | 'channel' | 'groupChat' } = {},
  ): Promise<number> {
    return (
      await this.post({ ...this.base(user, conversation), type: 'installationUpdate', action })
    ).status;
  }

  /** An Action.Submit press: a message whose value is the card's data merged with its inputs. */
  async submit(user: TeamsUser, value: object, replyToId = 'card-1'): Promise<number> {
    return (await this.post({ ...this.base(user), type: 'message', replyToId, value })).status;
  }

  /** An Action.Execute press: the adaptiveCard/action invoke; returns Teams' view of the answer. */
  async execute(
    user: TeamsUser,
    verb: string,
    data: object,
    conversationId?: string,
    options: { type?: 'groupChat' | 'channel'; trigger?: 'manual' | 'automatic' } = {},
  ): Promise<InvokeAnswer> {
    const response = await this.post({
      ...this.base(
        user,
        conversationId ? { id: conversationId, type: options.type ?? 'groupChat' } : {},
      ),
      type: 'invoke',
      name: 'adaptiveCard/action',
      replyToId: 'card-1',
      value: {
        action: { type: 'Action.Execute', verb, data },
        trigger: options.trigger ?? 'manual',
      },
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  }

  /** Any other invoke (a message extension's composeExtension/query, …): Teams' view of the answer. */
  async invoke(
    user: TeamsUser,
    name: string,
    value: object,
    conversation: { id?: string; type?: 'personal' | 'channel' | 'groupChat' } = {},
  ): Promise<{ status: number; body: Record<string, unknown> | undefined }> {
    const response = await this.post({
      ...this.base(user, conversation),
      type: 'invoke',
      name,
      value,
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  }

  lastCard(): Record<string, unknown> {
    const cards = this.connector.cards();
    const card = cards[cards.length - 1];
    if (!card)
      throw new Error(`no card was sent; texts: ${JSON.stringify(this.connector.texts())}`);
    return card;
  }
}

/** Every TextBlock text and fact in a card, flattened, for "the card says X" assertions. */
export function cardText(card: unknown): string {
  const out: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (typeof record.text === 'string') out.push(record.text);
      if (typeof record.title === 'string') out.push(record.title);
      if (typeof record.value === 'string' && record.type === undefined) out.push(record.value);
      if (typeof record.label === 'string') out.push(record.label);
      for (const value of Object.values(record)) if (typeof value === 'object') walk(value);
    }
  };
  walk(card);
  return out.join('\n');
}

/** The action data of a card's first Action.Execute (what Teams would send back). */
export function actionData(card: unknown): Record<string, unknown> {
  const actions =
    (card as { actions?: { type: string; data?: Record<string, unknown> }[] }).actions ?? [];
  const execute = actions.find((a) => a.type === 'Action.Execute');
  if (!execute?.data) throw new Error('card has no Action.Execute');
  return execute.data;
}

/** The choices of the ChoiceSet with this id. */
export function choices(card: unknown, id: string): { title: string; value: string }[] {
  let found: { title: string; value: string }[] | null = null;
  const walk = (node: unknown) => {
    if (found) return;
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (record.type === 'Input.ChoiceSet' && record.id === id) found = record.choices as never;
      else for (const value of Object.values(record)) if (typeof value === 'object') walk(value);
    }
  };
  walk(card);
  if (!found) throw new Error(`no ChoiceSet ${id}`);
  return found;
}
