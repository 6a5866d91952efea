import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { signGatewayBody } from '../../src/http/signature.js';
import { contextOf } from '../../src/store/store.js';
import { TeamsHarness } from '../support/teams.js';
import { scaled } from '../support/time.js';

// Each test's and hook's limit, scaled on a busy machine (test/support/time.ts).
vi.setConfig({ testTimeout: scaled(120_000), hookTimeout: scaled(120_000) });

const SECRET = 'fuzzing-secret-with-enough-length-0123456789';
const TABLES = [
  'tenants',
  'workloads',
  'esd_changes',
  'status_notes',
  'outbox',
  'gateway_handoffs',
] as const;

let teams: TeamsHarness;
let tried = 0;
beforeAll(async () => {
  teams = await TeamsHarness.start({
    env: { GATEWAY_WEBHOOK_SECRET: SECRET },
    now: () => new Date(),
  });
});
afterAll(async () => {
  console.info(`webhook fuzz: ${tried} requests`);
  await teams?.close();
});

async function counts() {
  const out: Record<string, number> = {};
  for (const table of TABLES) {
    const row = await contextOf(teams.app.store)
      .db.selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    out[table] = Number(row.n);
  }
  return out;
}

const sign = (timestamp: string, body: string) => signGatewayBody(SECRET, timestamp, body);

const text = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
);
const json: fc.Arbitrary<unknown> = fc.jsonValue({ maxDepth: 3 });

/** Handoff-shaped bodies with every field possibly missing, wrong-typed or out of range. */
const handoffLike = fc.record(
  {
    handoffId: fc.oneof(fc.constant(`gw-${randomUUID()}`), text, json),
    tenant: fc.oneof(
      fc.record(
        { id: fc.oneof(fc.uuid(), text), name: text, customerName: text },
        { requiredKeys: [] },
      ),
      json,
    ),
    deliveryChannel: fc.oneof(
      fc.record({
        type: fc.constant('FM'),
        fm: fc.record({ upn: fc.oneof(fc.constant('fm@example.com'), text) }),
      }),
      fc.record({ type: fc.constant('FRP'), partnerName: text }),
      json,
    ),
    workloads: fc.oneof(
      fc.array(
        fc.record(
          {
            code: fc.oneof(fc.constantFrom('EXO', 'SPO', 'TEAMS'), text),
            l1Status: fc.oneof(fc.constantFrom('in_progress', 'blocked', 'no_intent'), text),
            engagementStartDate: fc.oneof(
              fc.constantFrom('2026-12-01', '2030-01-01', '2026-02-30'),
              text,
            ),
          },
          { requiredKeys: [] },
        ),
        { maxLength: 60 },
      ),
      json,
    ),
    enteredBy: fc.oneof(fc.record({ upn: fc.constant('gw@example.com'), name: text }), json),
    notes: fc.oneof(
      text,
      fc.nat({ max: 6000 }).map((n) => 'n'.repeat(n)),
      json,
    ),
  },
  { requiredKeys: [] },
);

describe('the Gateway webhook under generated input', () => {
  it('signed bodies of any shape: a 2xx or a 4xx, never a 5xx; a 4xx writes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          handoffLike.map((b) => JSON.stringify(b)),
          json.map((b) => JSON.stringify(b)),
          text,
        ),
        async (body) => {
          tried++;
          const before = await counts();
          const timestamp = String(Math.floor(Date.now() / 1000));
          const response = await fetch(`${teams.app.url}/api/gateway/handoffs`, {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              'x-esd-timestamp': timestamp,
              'x-esd-signature': sign(timestamp, body),
            },
            body,
          });
          expect(response.status).toBeLessThan(500);
          if (response.status >= 400) expect(await counts()).toEqual(before);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('headers of any shape: 401 (or 400/413 for the body), never a 5xx, nothing written', async () => {
    const before = await counts();
    const header = fc.oneof(
      fc.constant(undefined),
      text,
      fc.constantFrom('sha256=', 'sha256=zz', `sha256=${'0'.repeat(64)}`, '-1', '99999999999999'),
    );
    await fc.assert(
      fc.asyncProperty(
        header,
        header,
        fc.oneof(
          json.map((b) => JSON.stringify(b)),
          text,
        ),
        async (timestamp, signature, body) => {
          tried++;
          const headers: Record<string, string> = { 'content-type': 'application/json' };
          if (timestamp !== undefined)
            headers['x-esd-timestamp'] = timestamp.replace(/[^\x20-\x7e]/g, '');
          if (signature !== undefined)
            headers['x-esd-signature'] = signature.replace(/[^\x20-\x7e]/g, '');
          const response = await fetch(`${teams.app.url}/api/gateway/handoffs`, {
            method: 'POST',
            headers,
            body,
          });
          expect([400, 401, 413]).toContain(response.status);
        },
      ),
      { numRuns: 400 },
    );
    expect(await counts()).toEqual(before);
  });
});
