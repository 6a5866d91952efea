import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en.js';
import { es } from '../../src/i18n/es.js';
import { ptBR } from '../../src/i18n/pt-BR.js';

const entries = (messages: Record<string, string>) => Object.entries(messages);

/**
 * domain.md, "The FAQ in the playbook's six languages": never shorten the ESD to a term the same
 * language uses for something else. In the Spanish seed "la fecha de inicio" alone is the kickoff
 * date; the ESD is "fecha de inicio de la interacción". Portuguese: "Data de Início do Envolvimento".
 */
describe('Words: the Engagement Start Date is never shortened (domain.md, the FAQ in six languages)', () => {
  it('es: every "fecha(s) de inicio" is "… de la interacción"', () => {
    const bad = entries(es).filter(
      ([, text]) => [...text.matchAll(/fechas? de inicio(?! de la interacción)/giu)].length > 0,
    );
    expect(bad.map(([key]) => key)).toEqual([]);
  });

  it('pt-BR: every "data(s) de início" is "… do Envolvimento"', () => {
    const bad = entries(ptBR).filter(
      ([, text]) => [...text.matchAll(/datas? de início(?! do envolvimento)/giu)].length > 0,
    );
    expect(bad.map(([key]) => key)).toEqual([]);
  });
});

describe('Words: role names as the playbook pages -pr and -es have them', () => {
  it.each([
    [
      'es',
      es,
      [
        'arquitecto de FastTrack (FTA)',
        'ingeniero de FastTrack (FE)',
        'equipo de nueva interacción',
        'equipo de Gateway',
      ],
    ],
    [
      'pt-BR',
      ptBR,
      [
        'Arquiteto FastTrack (FTA)',
        'Engenheiro FastTrack (FE)',
        'Equipe de Reenvolvimento',
        'Equipe de Gateway',
      ],
    ],
  ] as const)('%s: official role names, no English ones', (_lang, messages, names) => {
    expect([
      messages['role.fta'],
      messages['role.fe'],
      messages['role.re_engagement'],
      messages['role.gateway'],
    ]).toEqual(names);
    const english = entries(messages).filter(([, text]) =>
      /Re-Engagement|Reengajamento|Reinteracción|Gateway Team/u.test(text),
    );
    expect(english.map(([key]) => key)).toEqual([]);
  });
});

describe('Words: an undated workload (R3) is worded one way per language', () => {
  it.each([
    ['en', en],
    ['es', es],
    ['pt-BR', ptBR],
  ] as const)('%s: the engagements list says what the other cards say', (_lang, messages) => {
    expect(messages['engagements.noEsd']).toBe(messages['esd.notSet']);
  });
});

describe('Answers that mislead: no text is swallowed as markup in a card', () => {
  it.each([
    ['en', en],
    ['es', es],
    ['pt-BR', ptBR],
  ] as const)(
    '%s: no string has an <angle-bracket> placeholder (Teams drops it as HTML)',
    (_lang, messages) => {
      const bad = entries(messages).filter(([, text]) => /<[^>\s]+>/u.test(text));
      expect(bad.map(([key]) => key)).toEqual([]);
    },
  );

  it.each([
    ['en', en, 'customer name'],
    ['es', es, 'nombre del cliente'],
    ['pt-BR', ptBR, 'nome do cliente'],
  ] as const)('%s: help shows what to type after the tenant command', (_lang, messages, words) => {
    expect(messages['help.cmd.tenant']).toContain(`_${words}_`);
  });
});
