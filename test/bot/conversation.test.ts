import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CalendarDate } from '../../src/domain/index.js';
import { DEMO_TENANTS } from '../../src/store/demo-data.js';
import { contextOf } from '../../src/store/store.js';
import {
  actionData,
  adele,
  alex,
  as,
  cardText,
  choices,
  megan,
  NOW,
  TeamsHarness,
  type TeamsUser,
} from '../support/teams.js';

const CONTOSO = DEMO_TENANTS[0]?.id as string;
const FABRIKAM = DEMO_TENANTS[1]?.id as string;
const WOODGROVE = DEMO_TENANTS[4]?.id as string;

let teams: TeamsHarness;

beforeAll(async () => {
  teams = await TeamsHarness.start();
});
afterAll(async () => teams?.close());
beforeEach(() => teams.connector.clear());

async function workloadId(tenantId: string, code: string): Promise<string> {
  const found = (await teams.app.store.tenantWorkloads(tenantId)).find((w) => w.code === code);
  if (!found) throw new Error(`no ${code} in ${tenantId}`);
  return found.id;
}

async function historyCount(tenantId: string, code: string) {
  return (await teams.app.store.workloadHistory(await workloadId(tenantId, code))).length;
}

/** Opens the change card for a tenant by its name, the way a person would type it. */
async function openChangeCard(user: TeamsUser, command: string) {
  teams.connector.clear();
  expect(await teams.say(user, command)).toBe(200);
  const card = teams.lastCard();
  expect(choices(card, 'workload').length).toBeGreaterThan(0);
  return card;
}

describe('help and listings', () => {
  it.each([
    ['en-US', 'help', 'esd-bot keeps your Engagement Start Dates right'],
    ['pt-BR', 'ajuda', 'Data'],
    ['es-ES', 'ayuda', 'fecha'],
  ])(
    'help in %s explains the commands and what the date is and is not (R4, R5)',
    async (locale, command, words) => {
      await teams.say(as(alex, locale), command);
      const text = cardText(teams.lastCard());
      expect(text).toContain(words);
      expect(text).toMatch(/\*\*/);
    },
  );

  it('lists my engagements, soonest first, undated ones shown without nagging (R3), nobody else’s', async () => {
    await teams.say(alex, 'my engagements');
    const text = cardText(teams.lastCard());
    expect(text).toContain('Contoso Ltd');
    expect(text).toContain('Fabrikam Inc');
    expect(text).toContain('not set');
    expect(text).toContain('(estimate)');
    expect(text).not.toContain('Woodgrove');
    // Fabrikam's EXO starts today, before Contoso's EXO in 3 days.
    expect(text.indexOf('Fabrikam Inc')).toBeLessThan(text.indexOf('Contoso Ltd'));
  });

  it('understands aliases and ignores case and accents', async () => {
    await teams.say(as(alex, 'pt-BR'), 'MEUS ENVOLVIMENTOS');
    expect(cardText(teams.lastCard())).toContain('Contoso Ltd');
    teams.connector.clear();
    await teams.say(as(alex, 'pt-BR'), 'historico');
    expect(choices(teams.lastCard(), 'workload').length).toBeGreaterThan(3);
  });

  it('says so, kindly, when it does not understand', async () => {
    await teams.say(alex, 'what is the weather');
    expect(teams.connector.texts().at(-1)).toMatch(/help/);
  });
});

describe('change date, in three languages', () => {
  it.each([
    [
      'en-US',
      'change date',
      'Engagement Start Date saved',
      'Customer asked by phone to start the week after.',
    ],
    [
      'pt-BR',
      'alterar data',
      'Data de Início do Envolvimento',
      'Cliente pediu por telefone para começar na semana seguinte.',
    ],
    [
      'es-ES',
      'cambiar fecha',
      'fecha de inicio de la interacción',
      'El cliente pidió por teléfono empezar la semana siguiente.',
    ],
  ])(
    '%s: pick the customer, fill the card, get a confirmation with the note (R8)',
    async (locale, command, saved, reason) => {
      const user = as(alex, locale);
      await teams.say(user, command);
      const picker = teams.lastCard();
      expect(choices(picker, 'tenant').map((c) => c.value)).toEqual(
        expect.arrayContaining([CONTOSO, FABRIKAM]),
      );

      const pick = await teams.execute(user, 'esd.pickTenant', {
        ...actionData(picker),
        tenant: CONTOSO,
      });
      expect(pick.status).toBe(200);
      expect(pick.body?.type).toBe('application/vnd.microsoft.card.adaptive');
      const card = pick.body?.value as Record<string, unknown>;
      const teamsId = await workloadId(CONTOSO, 'TEAMS');
      expect(choices(card, 'workload').map((c) => c.value)).toContain(teamsId);

      const date =
        locale === 'en-US' ? '2026-12-14' : locale === 'pt-BR' ? '2026-12-15' : '2026-12-16';
      const before = await historyCount(CONTOSO, 'TEAMS');
      const done = await teams.execute(user, 'esd.change', {
        ...actionData(card),
        workload: teamsId,
        date,
        month: '',
        basis: 'phone_call',
        reason,
      });
      const confirmation = cardText(done.body?.value);
      expect(confirmation.toLowerCase()).toContain(saved.toLowerCase());
      expect(confirmation).toContain(reason);
      const stored = (await teams.app.store.getWorkload(teamsId))?.workload;
      expect(stored?.esd).toEqual({ date, estimate: false });
      expect(await historyCount(CONTOSO, 'TEAMS')).toBe(before + 1);
      const notes = await teams.app.store.statusNotes(CONTOSO);
      expect(notes[0]?.text).toContain(reason);
    },
  );

  it('skips the customer question when the name matches one customer', async () => {
    const card = await openChangeCard(alex, 'change date northwind');
    expect(cardText(card)).toContain('Northwind Traders');
  });

  it('R1: refuses a Blocked workload, naming the status next to the field, and writes nothing', async () => {
    const card = await openChangeCard(alex, 'change date contoso');
    const spo = await workloadId(CONTOSO, 'SPO');
    const answer = await teams.execute(alex, 'esd.change', {
      ...actionData(card),
      workload: spo,
      date: '2026-12-10',
      basis: 'kickoff_meeting',
      reason: 'Customer wants to start SharePoint next month.',
    });
    const text = cardText(answer.body?.value);
    expect(text).toContain('is Blocked');
    expect(text).toContain('Nothing was saved');
    // The values are kept in the re-rendered card.
    expect(JSON.stringify(answer.body?.value)).toContain(
      'Customer wants to start SharePoint next month.',
    );
    expect(await historyCount(CONTOSO, 'SPO')).toBe(0);
  });

  it.each([
    ['en-US', 'is Blocked'],
    ['pt-BR', 'Bloqueado'],
    ['es-ES', 'Bloqueado'],
  ])('R1 rejection is explained in %s', async (locale, words) => {
    const user = as(alex, locale);
    const card = await openChangeCard(
      user,
      locale === 'en-US'
        ? 'change date contoso'
        : locale === 'pt-BR'
          ? 'alterar data contoso'
          : 'cambiar fecha contoso',
    );
    const answer = await teams.execute(user, 'esd.change', {
      ...actionData(card),
      workload: await workloadId(CONTOSO, 'SPO'),
      date: '2026-12-10',
      basis: 'kickoff_meeting',
      reason: 'Customer wants to start SharePoint next month.',
    });
    expect(cardText(answer.body?.value)).toContain(words);
  });

  it('R8: a missing reason, or one without a letter or digit, is refused next to the reason field', async () => {
    const card = await openChangeCard(alex, 'change date contoso');
    const exo = await workloadId(CONTOSO, 'EXO');
    const before = await historyCount(CONTOSO, 'EXO');
    for (const reason of ['', '...', '👍']) {
      const answer = await teams.execute(alex, 'esd.change', {
        ...actionData(card),
        workload: exo,
        date: '2026-12-20',
        basis: 'planned',
        reason,
      });
      expect(cardText(answer.body?.value)).toMatch(/Write the reason in words/);
    }
    expect(await historyCount(CONTOSO, 'EXO')).toBe(before);
  });

  it('R9: only the month is stored as its first day, marked as an estimate', async () => {
    const card = await openChangeCard(alex, 'change date northwind');
    const aadp = await workloadId(DEMO_TENANTS[2]?.id as string, 'AADP');
    const answer = await teams.execute(alex, 'esd.change', {
      ...actionData(card),
      workload: aadp,
      date: '',
      month: '2027-03',
      basis: '',
      reason: 'Serialized deployment: Entra ID comes after SharePoint, probably in March.',
    });
    expect(cardText(answer.body?.value)).toContain('March 2027 (estimate)');
    expect((await teams.app.store.getWorkload(aadp))?.workload).toMatchObject({
      esd: { date: '2027-03-01', estimate: true },
      basis: 'estimated',
    });
  });

  it('asks for a date or a month, not both and not neither', async () => {
    const card = await openChangeCard(alex, 'change date contoso');
    const exo = await workloadId(CONTOSO, 'EXO');
    const both = await teams.execute(alex, 'esd.change', {
      ...actionData(card),
      workload: exo,
      date: '2026-12-20',
      month: '2027-01',
      basis: 'planned',
      reason: 'Customer moved the kickoff to after the holidays.',
    });
    expect(cardText(both.body?.value)).toContain('not both');
    const neither = await teams.execute(alex, 'esd.change', {
      ...actionData(card),
      workload: exo,
      basis: 'planned',
      reason: 'Customer moved the kickoff to after the holidays.',
    });
    expect(cardText(neither.body?.value)).toContain('Choose a date, or only the month.');
  });

  it('a card submitted twice writes once; the second press says it is saved (issue 15)', async () => {
    const card = await openChangeCard(alex, 'change date fabrikam');
    const exo = await workloadId(FABRIKAM, 'EXO');
    const before = await historyCount(FABRIKAM, 'EXO');
    const submission = {
      ...actionData(card),
      workload: exo,
      date: '2026-12-02',
      basis: 'two_way_email',
      reason: 'Customer replied by email asking to start on the 2nd.',
    };
    const first = await teams.execute(alex, 'esd.change', submission);
    const second = await teams.execute(alex, 'esd.change', submission);
    expect(cardText(first.body?.value)).toContain('Engagement Start Date saved');
    expect(cardText(second.body?.value)).toContain('Engagement Start Date saved');
    expect(cardText(second.body?.value)).not.toContain('changed while the card was open');
    expect(await historyCount(FABRIKAM, 'EXO')).toBe(before + 1);
  });

  it('a card for a workload changed since it was shown never overwrites', async () => {
    const card = await openChangeCard(alex, 'change date contoso');
    const exo = await workloadId(CONTOSO, 'EXO');
    // Someone else (Gateway) moves the date meanwhile.
    const other = await openChangeCard(adele, 'change date contoso');
    const moved = await teams.execute(adele, 'esd.change', {
      ...actionData(other),
      workload: exo,
      date: '2026-12-21',
      basis: 'planned',
      reason: 'Customer called the Gateway Team to move the start.',
    });
    expect(cardText(moved.body?.value)).toContain('saved');
    const stale = await teams.execute(alex, 'esd.change', {
      ...actionData(card),
      workload: exo,
      date: '2026-12-22',
      basis: 'planned',
      reason: 'Customer asked me to start on the 22nd.',
    });
    expect(cardText(stale.body?.value)).toContain('Dec 21, 2026');
    expect((await teams.app.store.getWorkload(exo))?.workload.esd?.date).toBe('2026-12-21');
  });

  it('an FM cannot change another FM’s workload, even with forged card data', async () => {
    const woodgroveExo = await workloadId(WOODGROVE, 'EXO');
    const workload = (await teams.app.store.getWorkload(woodgroveExo))?.workload;
    const before = await historyCount(WOODGROVE, 'EXO');
    teams.connector.clear();
    const answer = await teams.execute(alex, 'esd.change', {
      verb: 'esd.change',
      tenantId: WOODGROVE,
      versions: { [woodgroveExo]: workload?.version },
      workload: woodgroveExo,
      date: '2026-12-20',
      basis: 'planned',
      reason: 'Trying to change a workload that is not mine.',
    });
    // Refused before anything of Woodgrove is shown again (issue 13: no card, just "ask Megan").
    expect(answer.body?.type).not.toBe('application/vnd.microsoft.card.adaptive');
    expect(teams.connector.texts().at(-1)).toBe(
      'That is not one of your customers. Ask meganb@example.com.',
    );
    expect(await historyCount(WOODGROVE, 'EXO')).toBe(before);
    // Nor read its history.
    teams.connector.clear();
    await teams.execute(alex, 'esd.history', { verb: 'esd.history', workload: woodgroveExo });
    expect(teams.connector.texts().at(-1)).toContain('Ask meganb@example.com');
    // And the search for a customer by name only finds their own.
    teams.connector.clear();
    await teams.say(alex, 'change date woodgrove');
    expect(teams.connector.texts().at(-1)).toContain('No customer of yours matches');
  });

  it('the Gateway Team may change any FM’s date; the FM is told (queued)', async () => {
    const card = await openChangeCard(adele, 'change date woodgrove');
    const spo = await workloadId(WOODGROVE, 'SPO');
    const answer = await teams.execute(adele, 'esd.change', {
      ...actionData(card),
      workload: spo,
      date: '2026-12-28',
      basis: 'planned',
      reason: 'Customer told the Gateway Team they are ready after Christmas.',
    });
    expect(cardText(answer.body?.value)).toContain('saved');
    const outbox = await contextOf(teams.app.store)
      .db.selectFrom('outbox')
      .selectAll()
      .where('workload_id', '=', spo)
      .where('status', '=', 'pending')
      .execute();
    expect(outbox.map((o) => [o.kind, o.recipient_upn])).toEqual([
      ['esd_changed_by_other', megan.upn],
    ]);
  });

  it('Action.Submit fallback: the same change arrives as a message and replaces the card in place', async () => {
    const card = await openChangeCard(alex, 'change date northwind');
    const pbi = await workloadId(DEMO_TENANTS[2]?.id as string, 'PBI');
    teams.connector.clear();
    await teams.submit(
      alex,
      {
        ...actionData(card),
        workload: pbi,
        date: '2027-01-11',
        basis: 'kickoff_meeting',
        reason: 'Kickoff for Power BI scheduled with the customer for January 11.',
      },
      'card-42',
    );
    const update = teams.connector.sent.find((s) => s.method === 'PUT');
    expect(update?.targetId).toBe('card-42');
    expect(cardText(update?.activity.attachments?.[0]?.content)).toContain('saved');
  });

  it.each([
    ['en-US', 'change date contoso', 'January 15', '2027-01-15'],
    ['pt-BR', 'alterar data contoso', '15 de janeiro', '2027-01-15'],
    ['es-ES', 'cambiar fecha contoso', '1 de diciembre', '2026-12-01'],
    ['en-US', 'change date contoso', 'next Monday', '2026-11-23'],
  ])(
    '%s: a date typed while the card is open fills it in (“%s”)',
    async (locale, command, typed, expected) => {
      const user = as(alex, locale);
      await openChangeCard(user, command);
      teams.connector.clear();
      await teams.say(user, typed);
      const card = teams.lastCard();
      expect(JSON.stringify(card)).toContain(`"value":"${expected}"`);
    },
  );

  it('bad card data writes nothing and says the card is out of date', async () => {
    for (const data of [{ tenantId: 42 }, { tenantId: CONTOSO, versions: 'x' }, {}]) {
      teams.connector.clear();
      await teams.execute(alex, 'esd.change', { verb: 'esd.change', ...data });
      expect(teams.connector.texts().at(-1)).toMatch(/out of date/);
    }
  });
});

describe('no response (R7) and history', () => {
  it('records a note and leaves the date alone', async () => {
    // OneDrive has no date yet (R3): nothing to wait for. A date still ahead is refused (R7).
    const exo = await workloadId(CONTOSO, 'OD');
    const before = (await teams.app.store.getWorkload(exo))?.workload;
    await teams.say(alex, 'no response');
    const card = teams.lastCard();
    const answer = await teams.execute(alex, 'esd.noResponse', {
      ...actionData(card),
      workload: exo,
      kind: 'no_answer',
      detail: 'Called twice and emailed; trying again Thursday.',
    });
    const text = cardText(answer.body?.value);
    expect(text).toContain('the date stays');
    expect(text).toContain('Called twice');
    expect((await teams.app.store.getWorkload(exo))?.workload).toEqual(before);
    expect((await teams.app.store.statusNotes(CONTOSO))[0]?.text).toContain('has not answered');
  });

  it('R7: refused while the date is still ahead, nothing written', async () => {
    const exo = await workloadId(FABRIKAM, 'EXO');
    const notes = (await teams.app.store.statusNotes(FABRIKAM)).length;
    await teams.say(alex, 'no response');
    const answer = await teams.execute(alex, 'esd.noResponse', {
      ...actionData(teams.lastCard()),
      workload: exo,
      kind: 'no_answer',
      detail: '',
    });
    expect(cardText(answer.body?.value)).toContain('still ahead');
    expect((await teams.app.store.statusNotes(FABRIKAM)).length).toBe(notes);
  });

  it('shows a workload’s history with who, when, old, new and why', async () => {
    await teams.say(alex, 'history');
    const card = teams.lastCard();
    const exo = await workloadId(CONTOSO, 'EXO');
    const answer = await teams.execute(alex, 'esd.history', { ...actionData(card), workload: exo });
    const text = cardText(answer.body?.value);
    expect(text).toContain('History of Exchange Online');
    expect(text).toContain('Adele Vance (Gateway Team)');
    expect(text).toContain('Reason: Customer asked by email to start on Thursday instead.');
  });
});

describe('Teams plumbing', () => {
  it('in a channel, answers only when @mentioned, with the mention stripped', async () => {
    expect(await teams.say(alex, 'help', { type: 'channel', mention: false })).toBe(200);
    expect(teams.connector.sent).toHaveLength(0);
    await teams.say(alex, 'help', { type: 'channel', mention: true });
    expect(cardText(teams.lastCard())).toContain('esd-bot keeps');
  });

  it('records the sender once, with UPN, locale and time zone, without a roster call every turn', async () => {
    const lookups = teams.connector.memberLookups;
    await teams.say(as(megan, 'es-ES', 'Europe/Madrid'), 'ayuda');
    await teams.say(as(megan, 'es-ES', 'Europe/Madrid'), 'ayuda');
    expect(teams.connector.memberLookups - lookups).toBeLessThanOrEqual(1);
    expect(await teams.app.store.getPerson(megan.aadObjectId)).toMatchObject({
      upn: megan.upn,
      locale: 'es-ES',
      timeZone: 'Europe/Madrid',
    });
  });

  it('refuses over-long messages', async () => {
    await teams.say(alex, 'x'.repeat(5000));
    expect(teams.connector.texts().at(-1)).toMatch(/too long/);
  });

  it('processes concurrent turns of one conversation one at a time', async () => {
    const statuses = await Promise.all(
      Array.from({ length: 20 }, () => teams.say(alex, 'change date contoso')),
    );
    expect(statuses.every((s) => s === 200)).toBe(true);
    expect(teams.connector.cards()).toHaveLength(20);
  });
});

describe('tenant allow-list', () => {
  it('ignores activities from tenants outside ALLOWED_TENANT_IDS', async () => {
    const closed = await TeamsHarness.start({
      env: { ALLOWED_TENANT_IDS: '11111111-1111-1111-1111-111111111111' },
    });
    try {
      await closed.say(alex, 'help');
      expect(closed.connector.sent).toHaveLength(0);
      expect(await closed.app.store.getPerson(alex.aadObjectId)).toBeNull();
    } finally {
      await closed.close();
    }
  });
});

describe('reports in Teams: upcoming with overdue, capacity, a tenant’s timeline and history', () => {
  /** Megan moves one of Woodgrove's dates into the past (the store's one write path). */
  async function moveMegans(code: string, date: string, basis: 'phone_call' | 'kickoff_meeting') {
    const id = await workloadId(WOODGROVE, code);
    const current = (await teams.app.store.getWorkload(id))?.workload;
    const moved = await teams.app.store.changeEngagementStartDate({
      workloadId: id,
      expectedVersion: current?.version as number,
      actor: { ...megan, roles: [] },
      proposal: { kind: 'date', date, basis },
      reason: `The customer told us the start was ${date}.`,
      source: 'teams',
      today: '2026-11-22' as CalendarDate,
    });
    expect(moved.status).toBe('changed');
    return id;
  }

  it('upcoming: an overdue start comes first until communication started', async () => {
    const exo = await moveMegans('EXO', '2026-11-19', 'phone_call');
    await teams.say(megan, 'upcoming');
    const text = cardText(teams.lastCard());
    // Worded by what is known (issue 15, point 7): no answer of any kind is recorded.
    expect(text).toContain(
      'Date passed, nothing recorded since: no reminder answered, no missing answer documented',
    );
    expect(text).toContain('3 days ago');
    // First, right under the title.
    expect(text.split('\n')[1]).toBe(
      'Date passed, nothing recorded since: no reminder answered, no missing answer documented',
    );

    await contextOf(teams.app.store)
      .db.insertInto('reminder_responses')
      .values({
        outbox_id: 990_001,
        workload_id: exo,
        esd_date: '2026-11-19',
        action: 'started',
        actor_name: megan.name,
        actor_upn: megan.upn,
        responded_at: NOW.toISOString(),
      })
      .execute();
    teams.connector.clear();
    await teams.say(as(megan, 'es-ES'), 'próximas');
    expect(cardText(teams.lastCard())).not.toContain('Fecha pasada');
  });

  it('upcoming (R7): a missing answer already documented is counted apart, and the FM is not told to type "no response" again', async () => {
    const spo = await moveMegans('SPO', '2026-11-20', 'kickoff_meeting');
    await teams.say(megan, 'upcoming');
    const before = cardText(teams.lastCard());
    expect(before).toContain(
      'Date passed, nothing recorded since: no reminder answered, no missing answer documented',
    );
    expect(before).toContain('type **no response**');

    await teams.say(megan, 'no response');
    const answer = await teams.execute(megan, 'esd.noResponse', {
      ...actionData(teams.lastCard()),
      workload: spo,
      kind: 'inactive',
      detail: 'Three calls and two emails, no answer.',
    });
    expect(cardText(answer.body?.value)).toContain('the date stays');

    for (const [locale, command, title, kind, notAgain] of [
      [
        'en-US',
        'upcoming',
        'Date passed, no answer recorded: documented in the Overall Status Notes (1)',
        'customer inactive',
        '**no response**',
      ],
      [
        'pt-BR',
        'próximas',
        'Data passada, sem resposta registrada: documentado nas Observações Gerais de Status (1)',
        'cliente inativo',
        '**sem resposta**',
      ],
      [
        'es-ES',
        'próximas',
        'Fecha pasada, sin respuesta registrada: documentado en las notas generales del estado (1)',
        'cliente inactivo',
        '**sin respuesta**',
      ],
    ] as const) {
      teams.connector.clear();
      await teams.say(as(megan, locale), command);
      const text = cardText(teams.lastCard());
      expect(text).toContain(title);
      expect(text).toContain(kind);
      expect(text).not.toContain(notAgain);
    }
  });

  it('upcoming: estimates are marked', async () => {
    await teams.say(alex, 'upcoming');
    const card = teams.lastCard();
    // Fabrikam's TEAMS is an estimate for a month beyond the 30 days; every date shown is exact.
    expect(cardText(card)).toContain('Week of');
    const text = JSON.stringify(card);
    expect(text).not.toContain('Overdue');
  });

  it('capacity: refused politely to an FM, shown to the Gateway Team, filtered by FM and workload', async () => {
    await teams.say(alex, 'capacity');
    expect(teams.connector.texts().at(-1)).toContain(
      'The capacity report is for the Gateway Team and managers',
    );
    teams.connector.clear();
    await teams.say(as(alex, 'pt-BR'), 'capacidade');
    expect(teams.connector.texts().at(-1)).toContain('Equipe de Gateway');

    teams.connector.clear();
    await teams.say(adele, 'capacity');
    const all = cardText(teams.lastCard());
    expect(all).toContain('Starts per FM and week');
    expect(all).toContain('alexw@example.com');
    expect(all).toContain('meganb@example.com');
    expect(all).toContain('All FMs');
    expect(all).toMatch(/Busiest: week of/);

    teams.connector.clear();
    await teams.say(as(adele, 'es-ES'), 'capacidad megan spo');
    const filtered = cardText(teams.lastCard());
    expect(filtered).toContain('Inicios por FM y semana');
    expect(filtered).toContain('Solo se muestra: megan · SharePoint Online');
    expect(filtered).toContain('meganb@example.com');
    expect(filtered).not.toContain('alexw@example.com');
  });

  it('tenant: the timeline for whoever may see it, in their language', async () => {
    await teams.say(alex, 'tenant northwind');
    const text = cardText(teams.lastCard());
    expect(text).toContain('Timeline of Northwind Traders');
    // (Earlier tests moved these dates: the gap is whatever it is now, in days.)
    expect(text).toMatch(
      /↓ \d+ days from this start until Power BI .*start to start: no Target Date known/,
    );
    teams.connector.clear();
    await teams.say(alex, 'timeline contoso');
    // OneDrive has no date (R3): listed, not nagged about.
    expect(cardText(teams.lastCard())).toMatch(
      /In Progress, no start date: engagements already underway[\s\S]*OneDrive · In Progress/,
    );

    teams.connector.clear();
    await teams.say(as(adele, 'pt-BR'), 'cliente woodgrove');
    expect(cardText(teams.lastCard())).toContain('Linha do tempo de Woodgrove Bank');

    teams.connector.clear();
    await teams.say(megan, 'tenant contoso');
    expect(teams.connector.cards()).toHaveLength(0);
    expect(teams.connector.texts().at(-1)).toContain('You can see a customer when');

    for (const [said, answer] of [
      ['tenant', 'Type part of the customer’s name'],
      ['tenant nobody-like-this', 'No customer matches “nobody-like-this”'],
      ['tenant onmicrosoft', 'Several customers match'],
    ] as const) {
      teams.connector.clear();
      await teams.say(alex, said);
      expect(teams.connector.texts().at(-1)).toContain(answer);
    }
  });

  it('history <customer>: every change of the tenant’s dates; history alone keeps the picker', async () => {
    await teams.say(alex, 'history contoso');
    const text = cardText(teams.lastCard());
    expect(text).toContain('Start date changes at Contoso Ltd');
    expect(text).toContain('Exchange Online');
    expect(text).toContain('Microsoft Teams');
    expect(text).toContain('Reason: Customer asked by email to start on Thursday instead.');

    teams.connector.clear();
    await teams.say(as(alex, 'pt-BR'), 'histórico fabrikam');
    expect(cardText(teams.lastCard())).toContain(
      'Alterações de Datas de Início do Envolvimento de Fabrikam Inc',
    );

    teams.connector.clear();
    await teams.say(megan, 'history fabrikam');
    expect(teams.connector.texts().at(-1)).toContain('You can see a customer when');

    teams.connector.clear();
    await teams.say(alex, 'history');
    expect(choices(teams.lastCard(), 'workload').length).toBeGreaterThan(3);
  });
});
