import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEMO_TENANTS } from '../../src/store/demo-data.js';
import { contextOf } from '../../src/store/store.js';
import { actionData, alex, as, TeamsHarness } from '../support/teams.js';
import { scaled } from '../support/time.js';

// Each test's and hook's limit, scaled on a busy machine (test/support/time.ts).
vi.setConfig({ testTimeout: scaled(120_000), hookTimeout: scaled(120_000) });

const VERBS = [
  'esd.change',
  'esd.pickTenant',
  'esd.startChange',
  'esd.noResponse',
  'esd.history',
  'esd.ackHandoff',
  'esd.reminder.started',
  'esd.reminder.startedOn',
  'esd.reminder.noAnswer',
  'esd.reminder.inactive',
  'esd.reminder.reschedule',
  'nonsense',
];

/** Strings people and attackers send: unicode, control characters, huge, SQL and markup. */
const nasty = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    '\u202e',
    "'; drop table workloads; --",
    '<at>x</at>',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a card-template binding, on purpose
    '${s.title}',
    '2026-02-30',
    '2027-01',
    '9999-99-99',
  ),
  fc.nat({ max: 20_000 }).map((n) => 'x'.repeat(n)),
);
const anyValue = fc.oneof(
  nasty,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(nasty, { maxLength: 3 }),
  fc.dictionary(nasty, nasty, { maxKeys: 3 }),
);

let teams: TeamsHarness;
let tried = 0;
beforeAll(async () => {
  teams = await TeamsHarness.start();
});
afterAll(async () => {
  console.info(`card fuzz: ${tried} submissions`);
  await teams?.close();
});

/** Turns that ended in onTurnError ("something went wrong"): a fuzzed input must never cause one. */
async function failedTurns(): Promise<number> {
  const text = await (await fetch(`${teams.app.url}/metrics`)).text();
  return [...text.matchAll(/esd_turns_total\{[^}]*outcome="error"[^}]*\} (\d+)/g)].reduce(
    (n, m) => n + Number(m[1]),
    0,
  );
}

async function consistent() {
  const db = contextOf(teams.app.store).db;
  // Every change has its note (R8), and every workload's date is its last change's.
  const orphans = await db
    .selectFrom('esd_changes')
    .leftJoin('status_notes', 'status_notes.id', 'esd_changes.note_id')
    .select('esd_changes.id')
    .where('status_notes.id', 'is', null)
    .execute();
  expect(orphans).toEqual([]);
  for (const tenant of DEMO_TENANTS) {
    for (const workload of await teams.app.store.tenantWorkloads(tenant.id)) {
      const [last] = await teams.app.store.workloadHistory(workload.id);
      expect(workload.esd ?? null).toEqual(last?.new ?? null);
    }
  }
}

describe('card submits with missing, extra, wrong-typed, huge, unicode and control-character values', () => {
  it('never a 5xx, never a crash, never a half-written change', async () => {
    const errorsBefore = await failedTurns();
    await teams.say(alex, 'change date contoso');
    const valid = actionData(teams.lastCard());
    const workloads = (await teams.app.store.tenantWorkloads(DEMO_TENANTS[0]?.id as string)).map(
      (w) => w.id,
    );
    const payload = fc.record(
      {
        verb: fc.constantFrom(...VERBS),
        tenantId: fc.oneof(fc.constant(valid.tenantId), anyValue),
        versions: fc.oneof(fc.constant(valid.versions), anyValue),
        workload: fc.oneof(fc.constantFrom(...workloads), anyValue),
        tenant: anyValue,
        date: fc.oneof(fc.constantFrom('2026-12-24', '2027-03-01', '2025-01-01'), anyValue),
        month: fc.oneof(fc.constantFrom('', '2027-04'), anyValue),
        basis: fc.oneof(fc.constantFrom('kickoff_meeting', 'planned', 'estimated', ''), anyValue),
        reason: fc.oneof(fc.constant('Customer asked for a later start.'), anyValue),
        kind: fc.oneof(fc.constantFrom('no_answer', 'inactive'), anyValue),
        detail: anyValue,
        outboxId: anyValue,
        handoffId: anyValue,
        extra: anyValue,
      },
      { requiredKeys: ['verb'] },
    );
    await fc.assert(
      fc.asyncProperty(
        payload,
        fc.boolean(),
        fc.constantFrom('en-US', 'pt-BR', 'es-ES'),
        async (data, viaSubmit, locale) => {
          tried++;
          const user = as(alex, locale);
          if (viaSubmit) {
            expect(await teams.submit(user, data)).toBeLessThan(500);
          } else {
            const answer = await teams.execute(user, String(data.verb), data);
            expect(answer.status).toBeLessThan(500);
            expect(answer.body?.statusCode ?? 200).toBeLessThan(500);
          }
        },
      ),
      { numRuns: 600 },
    );
    await consistent();
    expect(await failedTurns()).toBe(errorsBefore);
  });

  it('chat text of any shape is answered, never crashes the turn', async () => {
    const errorsBefore = await failedTurns();
    await fc.assert(
      fc.asyncProperty(nasty, async (text) => {
        tried++;
        expect(await teams.say(alex, text)).toBeLessThan(500);
      }),
      { numRuns: 200 },
    );
    await consistent();
    expect(await failedTurns()).toBe(errorsBefore);
  });
});
