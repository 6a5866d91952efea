import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEARCH_COMMAND } from '../../src/bot/message-extension.js';
import { toCalendarDate } from '../../src/domain/index.js';
import { t } from '../../src/i18n/translate.js';
import { DEMO_OTHER_FM, DEMO_TENANTS } from '../../src/store/demo-data.js';
import { contextOf } from '../../src/store/store.js';
import { engines } from '../support/databases.js';
import {
  actionData,
  adele,
  alex,
  as,
  cardText,
  everyRow,
  mallory,
  megan,
  TeamsHarness,
  type TeamsUser,
} from '../support/teams.js';

/**
 * Issue 16, the search message extension over HTTP: composeExtension/query answers only what the
 * searcher may see (domain/access.ts), a page at a time, with 1,000 other customers in the
 * database; composeExtension/selectItem inserts the workload card (< 28 KB) whose refresh gives
 * the button to the change card to those allowed, and a read-only view to the others.
 */
const CONTOSO = DEMO_TENANTS[0]?.id as string;
const WOODGROVE = DEMO_TENANTS[4]?.id as string;
const CHAT = '19:search-chat@thread.v2';
const OTHERS = 1000;
const MAX_CARD_BYTES = 28 * 1024;

type Json = Record<string, unknown>;
interface Result {
  content: Json;
  preview: { content: { title: string; text: string; tap: { value: { workload: string } } } };
}

describe.each(engines)('the search message extension on %s', (engine) => {
  let teams: TeamsHarness;

  async function search(
    user: TeamsUser,
    text: string,
    options: { skip?: number; count?: number } = {},
  ): Promise<Result[]> {
    const answer = await teams.invoke(
      user,
      'composeExtension/query',
      {
        commandId: SEARCH_COMMAND,
        parameters: [{ name: 'query', value: text }],
        queryOptions: { skip: options.skip ?? 0, count: options.count ?? 25 },
      },
      { id: CHAT, type: 'groupChat' },
    );
    expect(answer.status).toBe(200);
    const extension = answer.body?.composeExtension as { type: string; attachments: Result[] };
    expect(extension.type).toBe('result');
    return extension.attachments;
  }

  async function select(user: TeamsUser, workload: string) {
    const answer = await teams.invoke(
      user,
      'composeExtension/selectItem',
      { workload },
      { id: CHAT, type: 'groupChat' },
    );
    expect(answer.status).toBe(200);
    return answer.body?.composeExtension as { type: string; text?: string; attachments?: Result[] };
  }

  const customers = (results: Result[]) => [
    ...new Set(results.map((r) => r.preview.content.title.replace(/ \(.*$/, ''))),
  ];

  beforeAll(async () => {
    teams = await TeamsHarness.start({ engine });
    teams.connector.addMember({
      id: mallory.id,
      aadObjectId: mallory.aadObjectId,
      name: mallory.name,
      userPrincipalName: mallory.upn,
    });
    // 1,000 more customers, Megan's, whose names sort before Contoso Ltd: a search that paged
    // before filtering would fill Alex's first page with them.
    const db = contextOf(teams.app.store).db;
    const now = new Date().toISOString();
    for (let start = 0; start < OTHERS; start += 100) {
      const tenants = Array.from({ length: 100 }, (_, i) => {
        const n = String(start + i).padStart(4, '0');
        return {
          id: randomUUID(),
          name: `contoso-a${n}.onmicrosoft.com`,
          customer_name: `Contoso A-${n}`,
          created_at: now,
          updated_at: now,
        };
      });
      await db.insertInto('tenants').values(tenants).execute();
      await db
        .insertInto('workloads')
        .values(
          tenants.map((tenant) => ({
            id: randomUUID(),
            tenant_id: tenant.id,
            code: 'EXO',
            l1_status: 'in_progress',
            esd_date: toCalendarDate('2026-12-01'),
            esd_estimate: 0,
            esd_basis: 'planned',
            channel_type: 'fm',
            fm_upn: DEMO_OTHER_FM.upn.toLowerCase(),
            fm_aad_object_id: DEMO_OTHER_FM.aadObjectId.toLowerCase(),
            frp_partner_name: null,
            version: 1,
            created_at: now,
            updated_at: now,
          })),
        )
        .execute();
    }
  });
  afterAll(async () => teams?.close());

  it('an empty query lists every workload of the searcher and nothing else', async () => {
    const results = await search(alex, '');
    expect(customers(results).sort()).toEqual(['Contoso Ltd', 'Fabrikam Inc', 'Northwind Traders']);
    expect(results).toHaveLength(12);
  });

  it('a partial name finds the searcher own customer among 1,000 others', async () => {
    const results = await search(alex, 'conto');
    expect(customers(results)).toEqual(['Contoso Ltd']);
    expect(results).toHaveLength(6);
  });

  it('pages through what the Gateway Team sees', async () => {
    const first = await search(adele, 'contoso');
    const second = await search(adele, 'contoso', { skip: 25 });
    expect(first).toHaveLength(25);
    expect(second).toHaveLength(25);
    const ids = (page: Result[]) => page.map((r) => r.preview.content.tap.value.workload);
    expect(ids(first).filter((id) => ids(second).includes(id))).toEqual([]);
  });

  it('answers in the searcher language, by customer, domain or workload name', async () => {
    const pt = await search(as(alex, 'pt-BR'), 'fabri');
    expect(customers(pt)).toEqual(['Fabrikam Inc']);
    expect(pt.map((r) => r.preview.content.text).join('\n')).toContain(
      t('pt-BR', 'status.in_progress'),
    );
    const ja = await search(as(alex, 'ja-JP'), 'northwindtraders.onmicrosoft');
    expect(customers(ja)).toEqual(['Northwind Traders']);
    expect(cardText(ja[0]?.content)).toContain(t('ja', 'common.esd'));
    const de = await search(as(alex, 'de-DE'), 'Exchange');
    expect(customers(de).sort()).toEqual(['Contoso Ltd', 'Fabrikam Inc']);
    expect(de.every((r) => r.preview.content.text.startsWith('Exchange Online'))).toBe(true);
  });

  it('never finds a customer the searcher may not see', async () => {
    expect(await search(alex, 'woodgrove')).toEqual([]);
    expect(await search(mallory, '')).toEqual([]);
    const megans = await search(megan, 'contoso');
    expect(customers(megans)).not.toContain('Contoso Ltd');
    expect(megans).toHaveLength(25);
  });

  it('a search writes nothing', async () => {
    const before = await everyRow(teams.app.store);
    await search(alex, 'contoso');
    expect(await everyRow(teams.app.store)).toBe(before);
  });

  describe('a picked result', () => {
    let inserted: Json;
    let exo: string;

    beforeAll(async () => {
      const workloads = await teams.app.store.tenantWorkloads(CONTOSO);
      exo = workloads.find((w) => w.code === 'EXO')?.id as string;
      // The longest reason a change may carry, in a script of three UTF-8 bytes a character.
      const form = await teams.execute(alex, 'esd.startChange', {
        verb: 'esd.startChange',
        tenantId: CONTOSO,
      });
      expect(form.status).toBe(200);
      const change = actionData(teams.lastCard());
      await teams.execute(alex, 'esd.change', {
        ...change,
        workload: exo,
        date: '2026-12-14',
        month: '',
        basis: 'phone_call',
        reason: '延'.repeat(1000),
      });
      const picked = await select(alex, exo);
      expect(picked.type).toBe('result');
      inserted = picked.attachments?.[0]?.content as Json;
    });

    it('inserts the workload card: ESD, status, basis, last change, under 28 KB', () => {
      const text = cardText(inserted);
      expect(text).toContain('Exchange Online');
      expect(text).toContain('Contoso Ltd');
      expect(text).toContain(t('en', 'status.in_progress'));
      expect(text).toContain(t('en', 'basis.phone_call'));
      expect(text).toContain('延延延');
      expect(Buffer.byteLength(JSON.stringify(inserted))).toBeLessThan(MAX_CARD_BYTES);
      // Read-only as posted; the refresh is for the searcher.
      expect(inserted.actions).toBeUndefined();
      const refresh = inserted.refresh as { action: { verb: string }; userIds: string[] };
      expect(refresh.action.verb).toBe('esd.refresh.workload');
      expect(refresh.userIds).toEqual([alex.id]);
    });

    it('is refused to someone who may not see the workload', async () => {
      const picked = await select(megan, exo);
      expect(picked.type).toBe('message');
      expect(picked.text).toContain(alex.upn);
      expect(JSON.stringify(picked)).not.toContain('Contoso');
      const woodgrove = (await teams.app.store.tenantWorkloads(WOODGROVE))[0]?.id as string;
      expect((await select(alex, woodgrove)).type).toBe('message');
    });

    it('shows the button to those allowed and a read-only view to the others', async () => {
      const data = (inserted.refresh as { action: { data: Json } }).action.data;
      const refresh = async (user: TeamsUser, conversation = CHAT) => {
        const before = await everyRow(teams.app.store);
        const answer = await teams.execute(user, 'esd.refresh.workload', data, conversation);
        expect(await everyRow(teams.app.store)).toBe(before);
        return answer.body?.value as Json;
      };
      for (const user of [alex, adele]) {
        const card = await refresh(user);
        expect(actionData(card)).toEqual({ verb: 'esd.startChange', tenantId: CONTOSO });
      }
      for (const user of [megan, mallory]) {
        const card = await refresh(user);
        expect(card.actions).toBeUndefined();
        expect(cardText(card)).toContain('Exchange Online');
      }
      const elsewhere = await refresh(mallory, '19:elsewhere@thread.v2');
      expect(cardText(elsewhere)).not.toContain('Contoso');
    });

    it('pressed by someone allowed opens the change card; by someone not, a refusal', async () => {
      teams.connector.clear();
      await teams.execute(
        alex,
        'esd.startChange',
        { verb: 'esd.startChange', tenantId: CONTOSO },
        CHAT,
      );
      const shared = teams.lastCard();
      expect((shared.refresh as { action: { verb: string } }).action.verb).toBe(
        'esd.refresh.change',
      );
      teams.connector.clear();
      const before = await teams.app.store.tenantWorkloads(CONTOSO);
      await teams.execute(
        megan,
        'esd.startChange',
        { verb: 'esd.startChange', tenantId: CONTOSO },
        CHAT,
      );
      expect(teams.connector.cards()).toEqual([]);
      expect(teams.connector.texts().join('\n')).toContain(alex.upn);
      expect(await teams.app.store.tenantWorkloads(CONTOSO)).toEqual(before);
    });
  });
});
