import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeMarkdown, type Violation, type Workload } from '../../src/domain/index.js';
import { parseHandoff } from '../../src/http/gateway/handoff-schema.js';
import { fieldErrors } from '../../src/i18n/explain.js';
import { DEMO_TENANTS } from '../../src/store/demo-data.js';
import {
  actionData,
  adele,
  alex,
  cardText,
  TeamsHarness,
  type TeamsUser,
} from '../support/teams.js';

/**
 * Issue 13, item 5: what one person typed is shown to another as text. Markdown is escaped where
 * it is shown; control and bidi characters are removed where the text enters.
 */
const CONTOSO = DEMO_TENANTS[0]?.id as string;
const HANDOFF_TENANT = '0b5e6a9c-1d2e-4f30-8a41-5b6c7d8e9f01';
const RLO = '\u202E';

const patti: TeamsUser = {
  id: '29:patti',
  aadObjectId: '00000000-0000-0000-0000-0000000000023',
  name: 'Patti Fernandez',
  upn: 'pattif@example.com',
  locale: 'en-US',
  timeZone: 'UTC',
};

let teams: TeamsHarness;
beforeAll(async () => {
  teams = await TeamsHarness.start();
  teams.connector.addMember({
    id: patti.id,
    aadObjectId: patti.aadObjectId,
    name: patti.name,
    userPrincipalName: patti.upn,
  });
  await teams.app.store.grantRole({ upn: patti.upn, role: 'manager', grantedBy: 'test' });
});
afterAll(async () => teams?.close());

describe('people’s text is shown as text', () => {
  it('an FM’s reason [click](https://evil.example) shows literally in a manager’s history card', async () => {
    await teams.say(alex, 'change date contoso');
    const card = teams.lastCard();
    const teamsWorkload = (await teams.app.store.tenantWorkloads(CONTOSO)).find(
      (w) => w.code === 'TEAMS',
    );
    const reason = `Customer asked [click](https://evil.example) **now**${RLO} please.`;
    const done = await teams.execute(alex, 'esd.change', {
      ...actionData(card),
      workload: teamsWorkload?.id,
      date: '2026-12-15',
      month: '',
      basis: 'phone_call',
      reason,
    });
    expect(cardText(done.body?.value)).toContain('Engagement Start Date saved');
    // Stored without the override character: it never entered.
    const [latest] = await teams.app.store.workloadHistory(teamsWorkload?.id as string);
    expect(latest?.reason).toBe('Customer asked [click](https://evil.example) **now** please.');

    // The manager's view: the workload's history, and the tenant's.
    const answer = await teams.execute(patti, 'esd.history', {
      verb: 'esd.history',
      workload: teamsWorkload?.id,
    });
    teams.connector.clear();
    await teams.say(patti, 'history contoso');
    for (const shown of [cardText(answer.body?.value), cardText(teams.lastCard())]) {
      expect(shown).toContain('\\[click\\]\\(https://evil.example\\) \\*\\*now\\*\\* please.');
      expect(shown).not.toContain('[click](');
      expect(shown).not.toContain('**now**');
      expect(shown).not.toContain(RLO);
    }
  });

  it('a Gateway note with markdown and a right-to-left override is inert in the FM’s handoff card', async () => {
    const parsed = parseHandoff({
      handoffId: 'gw-markup-1',
      tenant: {
        id: HANDOFF_TENANT,
        name: 'litware.onmicrosoft.com',
        customerName: `**Litware** [Inc](https://evil.example)`,
      },
      deliveryChannel: { type: 'FM', fm: { upn: alex.upn } },
      workloads: [{ code: 'EXO', l1Status: 'status_unknown' }],
      enteredBy: { upn: 'gateway@example.com', name: `Gabriel ${RLO}agetrO` },
      notes: `Call first.\n- [urgent](https://evil.example)\n1. **now** ${RLO}txt.exe`,
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    // The override never entered: the schema removed it.
    expect(JSON.stringify(parsed.handoff)).not.toContain(RLO);
    await teams.app.store.recordHandoff(parsed.handoff, parsed.bodyHash, 'sig-markup-1');
    await teams.install(alex);
    teams.connector.clear();
    await teams.app.delivery.dispatcher.runOnce(new Date('2026-12-22T12:00:00.000Z'));
    const card = teams.connector.cards().find((c) => JSON.stringify(c).includes('gw-markup-1'));
    const shown = cardText(card);
    expect(shown).toContain('\\*\\*Litware\\*\\* \\[Inc\\]\\(https://evil.example\\)');
    expect(shown).toContain('Gabriel agetrO');
    expect(shown).toContain('\\- \\[urgent\\]\\(https://evil.example\\)');
    expect(shown).toContain('1\\. \\*\\*now\\*\\* txt.exe');
    expect(shown).not.toContain('[urgent](');
    expect(shown).not.toContain('**Litware**');
    expect(JSON.stringify(card)).not.toContain(RLO);
    expect(JSON.stringify(card)).not.toContain('\\u202e');
  });

  it('a chat message’s bidi characters never reach the answer', async () => {
    teams.connector.clear();
    await teams.say(adele, `change date **no${RLO}such** [x](https://evil.example)`);
    const said = teams.connector.texts().join('\n');
    expect(said).not.toContain(RLO);
    expect(said).not.toContain('[x](');
  });
});

/**
 * What a person types, echoed back in a chat answer or a card (issue 13, item 5): each path where
 * typed text comes back, with each kind of markup. Escaped characters (`\[`, `\*`, `\<`) are
 * literal in Teams' markdown, so once they are taken out, nothing live may remain.
 */
describe('typed text echoed in an answer is shown as text', () => {
  const TYPED = {
    link: '[x](http://evil)',
    bold: '**b**',
    mention: '<at>',
    override: `evil${RLO}txt`,
  } as const;
  const LIVE: Record<keyof typeof TYPED, RegExp> = {
    link: /\[x\]\(/,
    bold: /\*\*b\*\*/,
    mention: /<at>/,
    override: new RegExp(RLO),
  };
  /** What the bot said since the last clear: texts and every card's texts, escapes removed. */
  const saidUnescaped = () =>
    [...teams.connector.texts(), ...teams.connector.cards().map(cardText)]
      .join('\n')
      .replace(/\\[\s\S]/g, '');

  const PATHS: Record<string, (typed: string) => Promise<void>> = {
    'an unknown command': (typed) => teams.say(alex, typed).then(() => {}),
    'change date with a customer name matching none': (typed) =>
      teams.say(alex, `change date ${typed}`).then(() => {}),
    'a name typed at the customer picker': async (typed) => {
      await teams.say(alex, 'change date');
      teams.connector.clear();
      await teams.say(alex, typed);
    },
    'tenant with a name matching none': (typed) =>
      teams.say(adele, `tenant ${typed}`).then(() => {}),
    'history with a name matching none': (typed) =>
      teams.say(alex, `history ${typed}`).then(() => {}),
    'capacity with a search term': (typed) => teams.say(adele, `capacity ${typed}`).then(() => {}),
    'a date typed beside the open change card': async (typed) => {
      await teams.say(alex, 'change date contoso');
      teams.connector.clear();
      await teams.say(alex, `15 December ${typed}`);
      // The date was read: the banner echoing what was typed is there.
      expect(cardText(teams.lastCard())).toContain('I read “15 December');
    },
  };

  for (const [path, run] of Object.entries(PATHS)) {
    it.each(Object.keys(TYPED) as (keyof typeof TYPED)[])(`${path}: %s`, async (kind) => {
      teams.connector.clear();
      await run(TYPED[kind]);
      const said = saidUnescaped();
      expect(said.length).toBeGreaterThan(0);
      expect(said).not.toMatch(LIVE[kind]);
    });
  }

  it('a rule’s refusal in the change card names the customer and the assignee as text', () => {
    const tenant = {
      id: CONTOSO,
      name: 'contoso.onmicrosoft.com',
      customerName: '**Contoso** [x](http://evil)',
    };
    const workload = {
      id: 'w1',
      tenantId: CONTOSO,
      code: 'TEAMS',
      l1Status: 'in_progress',
      esd: null,
      basis: null,
      channel: { type: 'fm', fmUpn: 'megan@example.com', fmAadObjectId: null, partnerName: null },
      version: 1,
    } as unknown as Workload;
    const refusal: Violation = {
      code: 'not_permitted',
      field: 'workload',
      params: {
        channel: 'fm',
        assignee: '<at>Megan</at> [x](http://evil)',
        who: ['fm', 'gateway'],
      },
    };
    const errors = fieldErrors([refusal], { workload, tenant }, 'en', escapeMarkdown);
    const shown = (errors.workload ?? '').replace(/\\[\s\S]/g, '');
    expect(shown).toContain('Contoso');
    expect(shown).not.toMatch(/\*\*Contoso|\[x\]\(|<at>/);
    // Without a renderer (the webhook's JSON answer, the CLI), the names stay as typed.
    expect(fieldErrors([refusal], { workload, tenant }, 'en').workload).toContain(
      '**Contoso** [x](http://evil)',
    );
  });
});
