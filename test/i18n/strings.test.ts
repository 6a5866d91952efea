import { describe, expect, it } from 'vitest';
import { en, type MessageKey, type Messages } from '../../src/i18n/en.js';
import { es } from '../../src/i18n/es.js';
import { resolveLanguage } from '../../src/i18n/language.js';
import { ptBR } from '../../src/i18n/pt-BR.js';
import { t, translator } from '../../src/i18n/translate.js';

const EN_KEYS = Object.keys(en) as MessageKey[];

/** The same pattern `t()` fills: `{name}`. */
function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string))].sort();
}

function boldMarkers(text: string): number {
  return text.split('**').length - 1;
}

/**
 * Keys whose translation may equal the English text. Anything else identical to English is
 * most likely a string someone forgot to translate.
 */
const SAME_AS_ENGLISH_IN_ALL = [
  // Only placeholders and punctuation: nothing to translate.
  'change.subtitle',
  'change.workloadChoice',
  'history.entry',
  'history.by',
] as const satisfies readonly MessageKey[];

const SAME_AS_ENGLISH: Record<'pt-BR' | 'es', readonly MessageKey[]> = {
  'pt-BR': [
    ...SAME_AS_ENGLISH_IN_ALL,
    // Seed 000 keeps "tenant" and "workload" in English inside Portuguese text.
    'common.tenant',
    'common.workload',
    'change.workloadLabel',
  ],
  es: [...SAME_AS_ENGLISH_IN_ALL],
};

const TRANSLATIONS = [
  // pt-BR quotes are “…”; «» would be European Portuguese or Spanish style.
  { language: 'pt-BR', messages: ptBR, foreignQuotes: /[«»]/ },
  // es quotes are «…» throughout; “…” mixed in would be inconsistent.
  { language: 'es', messages: es, foreignQuotes: /[“”]/ },
] as const satisfies readonly {
  language: 'pt-BR' | 'es';
  messages: Messages;
  foreignQuotes: RegExp;
}[];

describe.each(TRANSLATIONS)('$language strings', ({ language, messages, foreignQuotes }) => {
  const entries = Object.entries(messages) as [MessageKey, string][];

  it('defines every English key, with a non-empty string', () => {
    const missing = EN_KEYS.filter(
      (key) => typeof messages[key] !== 'string' || messages[key].trim() === '',
    );
    expect(missing).toEqual([]);
  });

  it('defines no key that English lacks', () => {
    const extra = Object.keys(messages).filter((key) => !(key in en));
    expect(extra).toEqual([]);
  });

  it('keeps the keys in the English order', () => {
    expect(Object.keys(messages)).toEqual(EN_KEYS);
  });

  it.each(EN_KEYS)('%s has the same {placeholders} as English', (key) => {
    expect(placeholders(messages[key] ?? '')).toEqual(placeholders(en[key]));
  });

  it('has balanced ** markers, as many as English', () => {
    const wrong = entries.filter(
      ([key, text]) => boldMarkers(text) % 2 !== 0 || boldMarkers(text) !== boldMarkers(en[key]),
    );
    expect(wrong.map(([key]) => key)).toEqual([]);
  });

  it('translates every string, except the allowlisted ones', () => {
    const allowed = new Set<string>(SAME_AS_ENGLISH[language]);
    const untranslated = entries
      .filter(([key, text]) => text === en[key] && !allowed.has(key))
      .map(([key]) => key);
    expect(untranslated).toEqual([]);
  });

  it('has no stale allowlist entry (each one is a real key, identical to English)', () => {
    const stale = SAME_AS_ENGLISH[language].filter(
      (key) => !(key in en) || messages[key] !== en[key],
    );
    expect(stale).toEqual([]);
  });

  it('uses the typographic quotes of the language, never straight double quotes', () => {
    const wrong = entries.filter(([, text]) => text.includes('"') || foreignQuotes.test(text));
    expect(wrong.map(([key]) => key)).toEqual([]);
  });
});

describe('resolveLanguage', () => {
  it.each([
    ['pt-BR', 'pt-BR'],
    ['pt-PT', 'pt-BR'],
    ['pt', 'pt-BR'],
    ['es', 'es'],
    ['es-ES', 'es'],
    ['es-MX', 'es'],
    ['es-419', 'es'],
    ['en-US', 'en'],
    ['fr-FR', 'en'],
    ['', 'en'],
    [undefined, 'en'],
  ] as const)('%s → %s', (locale, expected) => {
    expect(resolveLanguage(locale)).toBe(expected);
  });
});

describe('t', () => {
  it('fills placeholders', () => {
    expect(t('en', 'general.tooLong', { max: 500 })).toBe(
      'That message is too long for me (500 characters at most).',
    );
    expect(t('en', 'history.entry', { old: '2025-01-15', new: '2025-02-01' })).toBe(
      '2025-01-15 → 2025-02-01',
    );
  });

  it('fills placeholders in each language', () => {
    expect(t('pt-BR', 'upcoming.title', { days: 30 })).toBe(
      ptBR['upcoming.title'].replace('{days}', '30'),
    );
    expect(t('es', 'upcoming.title', { days: 30 })).toBe(
      es['upcoming.title'].replace('{days}', '30'),
    );
    expect(t('es', 'upcoming.title', { days: 30 })).toContain('30');
    expect(t('es', 'upcoming.title', { days: 30 })).not.toContain('{days}');
  });

  it('fills every occurrence and ignores extra params', () => {
    expect(t('en', 'history.by', { when: 'today', who: 'Ana', role: 'FM', extra: 'x' })).toBe(
      'today · Ana (FM)',
    );
  });

  it('leaves unknown placeholders as they are', () => {
    expect(t('en', 'history.entry', { old: 'a' })).toBe('a → {new}');
    expect(t('en', 'history.entry')).toBe('{old} → {new}');
  });

  it('returns the string of the language asked for', () => {
    expect(t('en', 'esd.name')).toBe('Engagement Start Date');
    expect(t('pt-BR', 'esd.name')).toBe('Data de Início do Envolvimento');
    expect(t('es', 'esd.name')).toBe('Fecha de inicio de la interacción');
  });

  it('binds a language with translator()', () => {
    expect(translator('pt-BR')('general.tooLong', { max: 10 })).toBe(
      t('pt-BR', 'general.tooLong', { max: 10 }),
    );
  });
});
