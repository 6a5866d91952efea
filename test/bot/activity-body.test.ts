import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Activity } from 'botbuilder';
import { ConnectorClient } from 'botframework-connector';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompiledBody, withPrecompiledBodies } from '../../src/bot/activity-body.js';

interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A Bot Connector on 127.0.0.1 that records each request's bytes and answers as told. */
class RecordingConnector {
  readonly received: Received[] = [];
  answers: { status: number; body: unknown; headers?: Record<string, string> }[] = [];
  private server: Server | null = null;
  url = '';

  async start() {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        this.received.push({
          method: req.method ?? '',
          url: req.url ?? '',
          headers: req.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        });
        const answer = this.answers.shift() ?? { status: 200, body: { id: 'a1' } };
        res.writeHead(answer.status, {
          'content-type': 'application/json; charset=utf-8',
          ...answer.headers,
        });
        res.end(JSON.stringify(answer.body));
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
  }

  async stop() {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  take(): Received[] {
    return this.received.splice(0);
  }
}

/** Signs like the app credentials do: a bearer token header on every request. */
const credentials = {
  signRequest: async (resource: { headers: { set(name: string, value: string): void } }) => {
    resource.headers.set('authorization', 'Bearer token-1');
    return resource;
  },
};

const connector = new RecordingConnector();
let plain: ConnectorClient;
let precompiled: ConnectorClient;

beforeAll(async () => {
  await connector.start();
  plain = new ConnectorClient(credentials as never, { baseUri: connector.url });
  precompiled = withPrecompiledBodies(
    new ConnectorClient(credentials as never, { baseUri: connector.url }),
  );
});

afterAll(() => connector.stop());

const card = {
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.5',
  body: [
    { type: 'TextBlock', text: 'Ändern: **Contoso** — 15 January', wrap: true, extra: null },
    { type: 'Input.Date', id: 'date', value: '2027-01-15', min: '2026-12-02' },
  ],
  actions: [{ type: 'Action.Execute', verb: 'changeEsd', data: { verb: 'changeEsd', n: 1 } }],
  refresh: { userIds: ['29:a'], action: { type: 'Action.Execute', verb: 'refresh' } },
};

const conversation = { id: 'a:1Xy/+=?&é', tenantId: 't1', conversationType: 'personal' };

/** Activities as the bot sends them, and odd ones: extra properties, nulls, dates, entities. */
const activities: Partial<Activity>[] = [
  {
    type: 'message',
    attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }],
  },
  {
    type: 'message',
    id: 'm1',
    text: 'Hello **you**',
    textFormat: 'markdown',
    suggestedActions: { to: ['29:a'], actions: [{ type: 'imBack', title: 'help', value: 'help' }] },
    from: { id: '28:bot', name: 'ESD', role: 'bot' },
    recipient: { id: '29:a', name: 'Ana', aadObjectId: 'aad-1', extra: 1 } as never,
    conversation: conversation as never,
    channelId: 'msteams',
    serviceUrl: 'https://smba.example/emea/',
    replyToId: 'r1',
    locale: 'de-DE',
    timestamp: new Date('2026-12-02T05:06:07.089Z'),
    localTimestamp: '2026-12-02T06:06:07+01:00' as never,
    entities: [{ type: 'mention', mentioned: { id: '29:a' }, text: '<at>Ana</at>', extra: 2 }],
    channelData: { tenant: { id: 't1' }, notification: { alert: true } },
    value: { verb: 'x', nested: [1, null, 'y'] },
    unknownTopLevel: 'dropped',
    summary: undefined,
    name: null as never,
  } as Partial<Activity>,
  { type: 'typing' },
  {
    type: 'invokeResponse',
    value: {
      status: 200,
      body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: 'ok' },
    },
  },
  {
    type: 'message',
    text: 'x',
    importance: 'high',
    deliveryMode: 'normal',
    listenFor: ['a', 'b'],
    textHighlights: [{ text: 'a', occurrence: 1 }],
  },
];

type Send = (client: ConnectorClient, activity: Partial<Activity>) => Promise<unknown>;
const sends: [string, Send][] = [
  ['reply', (c, a) => c.conversations.replyToActivity(conversation.id, 'r/1', a)],
  ['send', (c, a) => c.conversations.sendToConversation(conversation.id, a)],
  ['update', (c, a) => c.conversations.updateActivity(conversation.id, 'm/1', a)],
];

/** The request as the connector saw it, without the header that is random per request. */
function comparable(request: Received) {
  const { 'x-ms-client-request-id': id, ...headers } = request.headers;
  expect(id).toBeTruthy();
  return { ...request, headers };
}

async function both(send: Send, activity: Partial<Activity>) {
  const settle = (p: Promise<unknown>) =>
    p.then(
      (value) => ({ ok: true, value }),
      (error: Error & { statusCode?: number; code?: string; details?: unknown }) => ({
        ok: false,
        name: error.name,
        message: error.message,
        statusCode: error.statusCode,
        code: error.code,
        details: error.details,
      }),
    );
  const before = await settle(send(plain, activity));
  const sentBefore = connector.take();
  const after = await settle(send(precompiled, activity));
  const sentAfter = connector.take();
  return { before, after, sentBefore, sentAfter };
}

describe('activity bodies without the Azure serializer walk', () => {
  for (const [what, send] of sends) {
    it(`${what}: the connector receives the same bytes, URL and headers, the caller the same answer`, async () => {
      for (const activity of activities) {
        const { before, after, sentBefore, sentAfter } = await both(send, activity);
        expect(sentBefore).toHaveLength(1);
        expect(sentAfter.map(comparable)).toEqual(sentBefore.map(comparable));
        expect(sentAfter[0]?.headers.authorization).toBe('Bearer token-1');
        expect(JSON.stringify((after as { value?: unknown }).value)).toBe(
          JSON.stringify((before as { value?: unknown }).value),
        );
        expect(after.ok).toBe(true);
      }
    });
  }

  it("takes the precompiled path for every activity above, the serializer's for a wrong type", async () => {
    const client = new ConnectorClient(credentials as never, { baseUri: connector.url });
    const taken: boolean[] = [];
    client.sendOperationRequest = (async (args, spec) => {
      taken.push(precompiledBody(args, spec) !== null);
      return {};
    }) as ConnectorClient['sendOperationRequest'];
    for (const [, send] of sends) for (const activity of activities) await send(client, activity);
    expect(taken).toEqual(sends.flatMap(() => activities.map(() => true)));
    taken.length = 0;
    await client.conversations.sendToConversation('c', { type: 'message', text: 5 as never });
    await client.conversations.sendToConversation('c', {
      type: 'message',
      timestamp: 'no date' as never,
    });
    expect(taken).toEqual([false, false]);
  });

  it('drops what the Activity mapper does not know and keeps null, as the serializer does', async () => {
    const { sentAfter } = await both(sends[1]?.[1] as Send, activities[1] as Partial<Activity>);
    const body = JSON.parse(sentAfter[0]?.body ?? '{}');
    expect(body.unknownTopLevel).toBeUndefined();
    expect(body.recipient).toEqual({ id: '29:a', name: 'Ana', aadObjectId: 'aad-1' });
    expect(body.entities).toEqual([
      { type: 'mention', text: '<at>Ana</at>', mentioned: { id: '29:a' } },
    ]);
    expect(body.name).toBeNull();
    expect(body.timestamp).toBe('2026-12-02T05:06:07.089Z');
    expect(body.localTimestamp).toBe('2026-12-02T05:06:07.000Z');
  });

  it('fails as the serializer does: connector errors and values of the wrong type', async () => {
    connector.answers = [
      { status: 404, body: { error: { code: 'ConversationNotFound', message: 'gone' } } },
      { status: 404, body: { error: { code: 'ConversationNotFound', message: 'gone' } } },
    ];
    const gone = await both(sends[2]?.[1] as Send, activities[0] as Partial<Activity>);
    expect(gone.before.ok).toBe(false);
    expect(gone.after).toEqual(gone.before);
    expect(gone.sentAfter.map(comparable)).toEqual(gone.sentBefore.map(comparable));

    const wrong = await both(sends[1]?.[1] as Send, { type: 'message', text: 5 as never });
    expect(wrong.before.ok).toBe(false);
    expect(wrong.after).toEqual(wrong.before);
    expect(wrong.sentAfter).toHaveLength(0);
  });

  it('is retried by the SDK with the same body (429 with Retry-After)', async () => {
    connector.answers = [
      { status: 429, body: {}, headers: { 'retry-after': '0' } },
      { status: 200, body: { id: 'a1' } },
      { status: 429, body: {}, headers: { 'retry-after': '0' } },
      { status: 200, body: { id: 'a1' } },
    ];
    const { before, after, sentBefore, sentAfter } = await both(
      sends[0]?.[1] as Send,
      activities[0] as Partial<Activity>,
    );
    expect(before.ok && after.ok).toBe(true);
    expect(sentBefore).toHaveLength(2);
    expect(sentAfter.map(comparable)).toEqual(sentBefore.map(comparable));
  });
});
