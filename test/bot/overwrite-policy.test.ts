import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_MANAGER, DEMO_TENANTS } from '../../src/store/demo-data.js';
import { engines } from '../support/databases.js';
import { actionData, adele, as, cardText, TeamsHarness, type TeamsUser } from '../support/teams.js';

const CONTOSO = DEMO_TENANTS[0]?.id as string;

const patti: TeamsUser = {
  id: '29:patti',
  aadObjectId: '00000000-0000-0000-0000-0000000000033',
  ...DEMO_MANAGER,
  locale: 'en-US',
  timeZone: 'UTC',
};

/**
 * Issue 15, point 5, over HTTP as Teams sends it: who may change an assigned FM's date is the
 * configured policy (ESD_OVERWRITE_ROLES), and the refusal says exactly that policy (R6).
 */
describe.each(engines)('overwrite policy on %s', (engine) => {
  const start = async (env: Record<string, string> = {}) => {
    const teams = await TeamsHarness.start({ engine, env });
    teams.connector.addMember({
      id: patti.id,
      aadObjectId: patti.aadObjectId,
      name: patti.name,
      userPrincipalName: patti.upn,
    });
    return teams;
  };
  let byDefault: TeamsHarness;
  let withManager: TeamsHarness;
  beforeAll(async () => {
    byDefault = await start();
    withManager = await start({ ESD_OVERWRITE_ROLES: 'manager' });
  });
  afterAll(async () => {
    await byDefault?.close();
    await withManager?.close();
  });

  /** Opens Contoso's change card as `user` and saves Teams' date with a reason. */
  async function change(teams: TeamsHarness, user: TeamsUser, command: string, date: string) {
    teams.connector.clear();
    await teams.say(user, command);
    const card = teams.lastCard();
    const teamsId = (await teams.app.store.tenantWorkloads(CONTOSO)).find((w) => w.code === 'TEAMS')
      ?.id as string;
    const answer = await teams.execute(user, 'esd.change', {
      ...actionData(card),
      workload: teamsId,
      date,
      month: '',
      basis: 'phone_call',
      reason: 'Customer called',
    });
    const stored = (await teams.app.store.getWorkload(teamsId))?.workload;
    return { text: cardText(answer.body?.value), esd: stored?.esd?.date ?? null };
  }

  it.each([
    [
      'en-US',
      'change date contoso',
      'only the assigned FM or the Gateway Team can change its date',
    ],
    [
      'pt-BR',
      'alterar data contoso',
      'só o FM atribuído ou a Equipe de Gateway pode alterar a data dele',
    ],
    [
      'es-ES',
      'cambiar fecha contoso',
      'solo el FM asignado o el equipo de Gateway puede cambiar su fecha',
    ],
  ])(
    'R6, %s: by default a manager may not change the FM’s date, and is told exactly who may',
    async (locale, command, words) => {
      const { text, esd } = await change(byDefault, as(patti, locale), command, '2026-12-21');
      expect(text).toContain(words);
      expect(text).not.toMatch(/manager|gestor|gerente/);
      expect(esd).not.toBe('2026-12-21');
    },
  );

  it('R6: the Gateway Team may, by default', async () => {
    const { esd } = await change(byDefault, adele, 'change date contoso', '2026-12-22');
    expect(esd).toBe('2026-12-22');
  });

  it('R6: with ESD_OVERWRITE_ROLES=manager a manager may; an FTA may not, and is told the manager may', async () => {
    const { esd } = await change(withManager, patti, 'change date contoso', '2026-12-23');
    expect(esd).toBe('2026-12-23');
    const fta: TeamsUser = {
      ...patti,
      id: '29:fta',
      aadObjectId: '00000000-0000-0000-0000-0000000000044',
      name: 'Isaiah Langer',
      upn: 'isaiahl@example.com',
    };
    withManager.connector.addMember({
      id: fta.id,
      aadObjectId: fta.aadObjectId,
      name: fta.name,
      userPrincipalName: fta.upn,
    });
    await withManager.app.store.grantRole({ upn: fta.upn, role: 'fta', grantedBy: 'test' });
    const refused = await change(withManager, fta, 'change date contoso', '2026-12-24');
    expect(refused.text).toContain(
      'only the assigned FM, the Gateway Team, or a manager can change its date',
    );
    expect(refused.esd).toBe('2026-12-23');
  });
});
