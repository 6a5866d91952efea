import type { Activity } from 'botbuilder';
import { ConnectorClient } from 'botframework-connector';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { precompiledBody } from '../../src/bot/activity-body.js';

/**
 * Property: for any activity-shaped value, the precompiled body is exactly what core-client's own
 * serializer makes of it, or the serializer's path is taken (null). The operations' specs are the
 * real ones, captured from a ConnectorClient without sending anything.
 */

type Captured = Parameters<ConnectorClient['sendOperationRequest']>;

async function specsOf(): Promise<Map<string, Captured>> {
  const client = new ConnectorClient({ signRequest: async (r: unknown) => r } as never, {
    baseUri: 'http://127.0.0.1:9/',
  });
  const captured = new Map<string, Captured>();
  let name = '';
  client.sendOperationRequest = ((...args: Captured) => {
    captured.set(name, args);
    return Promise.resolve({});
  }) as never;
  const activity = { type: 'message' } as Partial<Activity>;
  name = 'reply';
  await client.conversations.replyToActivity('c', 'a', activity);
  name = 'send';
  await client.conversations.sendToConversation('c', activity);
  name = 'update';
  await client.conversations.updateActivity('c', 'a', activity);
  return captured;
}

/** What core-client's serializeRequestBody does with the operation's body. */
function bySerializer(spec: Captured[1], value: unknown): { ok: unknown } | { error: true } {
  const mapper = spec.requestBody?.mapper;
  if (!mapper || !spec.serializer) throw new Error('no body mapper');
  try {
    return { ok: spec.serializer.serialize(mapper, value, mapper.serializedName ?? 'activity') };
  } catch {
    return { error: true };
  }
}

const text = fc.oneof(fc.string(), fc.constantFrom('', 'message', '29:a', '<at>Ana</at>'));
const account = fc.record(
  {
    id: text,
    name: fc.oneof(text, fc.constant(null)),
    aadObjectId: text,
    role: text,
    extra: fc.jsonValue(),
  },
  { requiredKeys: [] },
);
const date = fc.oneof(
  fc.date({ min: new Date(0), max: new Date(4_102_444_800_000), noInvalidDate: true }),
  fc
    .date({ min: new Date(0), max: new Date(4_102_444_800_000), noInvalidDate: true })
    .map((d) => d.toISOString()),
  // Other texts Date parses: the serializer sends them as ISO strings.
  fc
    .date({ min: new Date(0), max: new Date(4_102_444_800_000), noInvalidDate: true })
    .map((d) => d.toUTCString()),
  fc.constant('not a date'),
);
const attachment = fc.record(
  {
    contentType: text,
    content: fc.jsonValue(),
    contentUrl: text,
    name: text,
    unknown: fc.jsonValue(),
  },
  { requiredKeys: [] },
);
/** Mostly well-typed, sometimes not (a number where a string goes, a string for an array). */
const odd = fc.oneof(fc.integer(), fc.boolean(), fc.string(), fc.constant(null));
const activity = fc.record(
  {
    type: fc.oneof(fc.constantFrom('message', 'typing', 'invokeResponse'), odd),
    id: fc.oneof(text, odd),
    text: fc.oneof(text, odd),
    textFormat: text,
    locale: text,
    timestamp: date,
    localTimestamp: date,
    from: fc.oneof(account, odd),
    recipient: account,
    conversation: fc.record(
      { id: text, conversationType: text, isGroup: fc.boolean(), tenantId: text },
      { requiredKeys: [] },
    ),
    attachments: fc.oneof(fc.array(attachment, { maxLength: 3 }), odd),
    entities: fc.array(
      fc.record({ type: text, mentioned: account, text: text }, { requiredKeys: [] }),
      { maxLength: 3 },
    ),
    channelData: fc.jsonValue(),
    value: fc.jsonValue(),
    suggestedActions: fc.record(
      {
        to: fc.array(text, { maxLength: 2 }),
        actions: fc.array(
          fc.record({ type: text, title: text, value: fc.jsonValue() }, { requiredKeys: [] }),
          { maxLength: 2 },
        ),
      },
      { requiredKeys: [] },
    ),
    replyToId: text,
    notInTheMapper: fc.jsonValue(),
  },
  { requiredKeys: [] },
);

describe('precompiled activity bodies (property)', () => {
  it('are what the Azure serializer makes of any activity, or leave it to the serializer', async () => {
    const specs = await specsOf();
    expect([...specs.keys()]).toEqual(['reply', 'send', 'update']);
    let compiled = 0;
    fc.assert(
      fc.property(activity, fc.constantFrom(...specs.keys()), (value, op) => {
        const [args, spec] = specs.get(op) as Captured;
        const parameter = spec.requestBody?.parameterPath as string;
        const precompiled = precompiledBody({ ...args, [parameter]: value }, spec);
        const expected = bySerializer(spec, value);
        if (precompiled === null) return; // the serializer's own path: nothing to compare
        compiled++;
        // Taken only where the serializer would have succeeded, with the same JSON text.
        expect(expected).toHaveProperty('ok');
        const body = (precompiled.args as Record<string, unknown>)[parameter];
        expect(JSON.stringify(body)).toBe(JSON.stringify((expected as { ok: unknown }).ok));
      }),
      { numRuns: 2000 },
    );
    // Most generated activities are well typed: the fast path must actually be exercised.
    expect(compiled).toBeGreaterThan(200);
  });
});
