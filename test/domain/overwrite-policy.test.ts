import { describe, expect, it } from 'vitest';
import {
  type Actor,
  CONFIGURABLE_OVERWRITE_ROLES,
  DEFAULT_OVERWRITE_POLICY,
  type DeliveryChannel,
  dateChangeRole,
  type OverwritePolicy,
  type Role,
  type Tenant,
  whoMayChangeDate,
} from '../../src/domain/index.js';
import { explainViolation } from '../../src/i18n/explain.js';
import type { Language } from '../../src/i18n/language.js';
import {
  approved,
  assignedFm,
  decide,
  fmChannel,
  frpActor,
  frpChannel,
  otherFm,
  unassignedChannel,
  violations,
  withRole,
  workload,
} from './builders.js';

/**
 * Issue 15, point 5: who may change an assigned FM's date is one policy (overwrite-policy.ts).
 * The FAQ names the FM (R6: "the FM may update it afterwards") and the Gateway Team (R6, a new
 * customer's date); FTA, FE and Re-Engagement collect dates, and may overwrite an FM's only where
 * the deployment says so (ESD_OVERWRITE_ROLES).
 */
const ONLY_MANAGER: OverwritePolicy = { alsoForFmWorkloads: ['manager'] };
const ALL_ROLES: OverwritePolicy = { alsoForFmWorkloads: [...CONFIGURABLE_OVERWRITE_ROLES] };

const people: [string, Actor][] = [
  ['the assigned FM', assignedFm()],
  ['another FM', otherFm()],
  ['the partner', frpActor()],
  ['the Gateway Team', withRole('gateway')],
  ['a manager', withRole('manager')],
  ['an FTA', withRole('fta')],
  ['an FE', withRole('fe')],
  ['the Re-Engagement Team', withRole('re_engagement')],
];

// [who, FM-assigned under the default policy, ... with manager configured, ... with all, FRP, unassigned]
const expected: Record<string, [Role | null, Role | null, Role | null, Role | null, Role | null]> =
  {
    'the assigned FM': ['fm', 'fm', 'fm', null, null],
    'another FM': [null, null, null, null, null],
    'the partner': [null, null, null, 'frp', null],
    'the Gateway Team': ['gateway', 'gateway', 'gateway', 'gateway', 'gateway'],
    'a manager': [null, 'manager', 'manager', 'manager', 'manager'],
    'an FTA': [null, null, 'fta', 'fta', 'fta'],
    'an FE': [null, null, 'fe', 'fe', 'fe'],
    'the Re-Engagement Team': [null, null, 're_engagement', 're_engagement', 're_engagement'],
  };

const cases: [string, DeliveryChannel, OverwritePolicy, number][] = [
  ['an FM’s workload, default policy', fmChannel(), DEFAULT_OVERWRITE_POLICY, 0],
  ['an FM’s workload, manager configured', fmChannel(), ONLY_MANAGER, 1],
  ['an FM’s workload, every role configured', fmChannel(), ALL_ROLES, 2],
  ['a partner’s workload (R11)', frpChannel(), DEFAULT_OVERWRITE_POLICY, 3],
  ['an unassigned workload (R6)', unassignedChannel(), DEFAULT_OVERWRITE_POLICY, 4],
];

describe('Issue 15 point 5 (R6, R11): one overwrite policy, per role', () => {
  describe.each(cases)('%s', (_what, channel, policy, column) => {
    it.each(people)('%s', (who, actor) => {
      const role = expected[who]?.[column] ?? null;
      expect(dateChangeRole(actor, channel, policy)).toBe(role);
      const decision = decide({ actor, workload: workload({ channel }), policy });
      if (role) {
        expect(approved(decision).role).toBe(role);
      } else {
        expect(violations(decision)).toEqual([
          {
            code: 'not_permitted',
            field: 'workload',
            params: expect.objectContaining({ who: whoMayChangeDate(channel.type, policy) }),
          },
        ]);
      }
    });
  });

  it('R6: whoever the policy lists is exactly whoever it admits', () => {
    for (const [, channel, policy] of cases) {
      const listed = whoMayChangeDate(channel.type, policy);
      for (const [, actor] of people) {
        const role = dateChangeRole(actor, channel, policy);
        if (role) expect(listed).toContain(role);
      }
    }
    expect(whoMayChangeDate('fm')).toEqual(['fm', 'gateway']);
    expect(whoMayChangeDate('fm', ONLY_MANAGER)).toEqual(['fm', 'gateway', 'manager']);
  });

  it('R6: a role string, not a list, admits nobody', () => {
    expect(dateChangeRole({ ...withRole('gateway'), roles: 'gateway' as never }, fmChannel())).toBe(
      null,
    );
  });
});

describe('Issue 15 point 5: every refusal states the policy exactly as configured', () => {
  const tenant: Tenant = { id: 't', name: 'contoso.onmicrosoft.com', customerName: 'Contoso Ltd' };
  const refusal = (lang: Language, channel: DeliveryChannel, policy: OverwritePolicy) => {
    const w = workload({ channel, code: 'EXO' });
    const decision = decide({ actor: otherFm(), workload: w, policy });
    const [violation] = violations(decision);
    if (!violation) throw new Error('expected a refusal');
    return explainViolation(violation, { workload: w, tenant }, lang);
  };

  it.each<[Language, OverwritePolicy, string]>([
    [
      'en',
      DEFAULT_OVERWRITE_POLICY,
      'Exchange Online at Contoso Ltd is assigned to Ana.Silva@contoso.com: only the assigned FM or the Gateway Team can change its date.',
    ],
    [
      'en',
      ONLY_MANAGER,
      'Exchange Online at Contoso Ltd is assigned to Ana.Silva@contoso.com: only the assigned FM, the Gateway Team, or a manager can change its date.',
    ],
    [
      'pt-BR',
      DEFAULT_OVERWRITE_POLICY,
      'O workload Exchange Online do cliente Contoso Ltd está atribuído a Ana.Silva@contoso.com: só o FM atribuído ou a Equipe de Gateway pode alterar a data dele.',
    ],
    [
      'pt-BR',
      ALL_ROLES,
      'O workload Exchange Online do cliente Contoso Ltd está atribuído a Ana.Silva@contoso.com: só o FM atribuído, a Equipe de Gateway, um gestor, um Arquiteto FastTrack (FTA), um Engenheiro FastTrack (FE) ou a Equipe de Reenvolvimento pode alterar a data dele.',
    ],
    [
      'es',
      DEFAULT_OVERWRITE_POLICY,
      'La carga de trabajo Exchange Online del cliente Contoso Ltd está asignada a Ana.Silva@contoso.com: solo el FM asignado o el equipo de Gateway puede cambiar su fecha.',
    ],
    [
      'es',
      ONLY_MANAGER,
      'La carga de trabajo Exchange Online del cliente Contoso Ltd está asignada a Ana.Silva@contoso.com: solo el FM asignado, el equipo de Gateway o un gerente puede cambiar su fecha.',
    ],
  ])('%s, %j', (lang, policy, text) => {
    expect(refusal(lang, fmChannel(), policy)).toBe(text);
  });

  it.each<Language>(['en', 'pt-BR', 'es', 'de', 'ja', 'zh-Hans'])(
    '%s: no refusal names a role the policy leaves out, and each names every one it lists',
    (lang) => {
      const words = (role: Role) =>
        ({
          manager: {
            en: 'manager',
            'pt-BR': 'gestor',
            es: 'gerente',
            de: 'Manager',
            ja: 'マネージャー',
            'zh-Hans': '经理',
          },
          fta: { en: 'FTA', 'pt-BR': 'FTA', es: 'FTA', de: 'FTA', ja: 'FTA', 'zh-Hans': 'FTA' },
        })[role as 'manager' | 'fta']?.[lang];
      const byDefault = refusal(lang, fmChannel(), DEFAULT_OVERWRITE_POLICY);
      expect(byDefault).not.toContain(words('manager'));
      expect(byDefault).not.toContain(words('fta'));
      const withManager = refusal(lang, fmChannel(), ONLY_MANAGER);
      expect(withManager).toContain(words('manager'));
      expect(withManager).not.toContain(words('fta'));
      // Where no FM's date is at stake, every collecting role is named.
      const unassigned = refusal(lang, unassignedChannel(), DEFAULT_OVERWRITE_POLICY);
      expect(unassigned).toContain(words('manager'));
      expect(unassigned).toContain(words('fta'));
    },
  );
});
