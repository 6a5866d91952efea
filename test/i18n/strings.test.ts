import { describe, expect, it } from 'vitest';
import { de } from '../../src/i18n/de.js';
import { en, type MessageKey, type Messages } from '../../src/i18n/en.js';
import { es } from '../../src/i18n/es.js';
import { ja } from '../../src/i18n/ja.js';
import { LANGUAGES, resolveLanguage } from '../../src/i18n/language.js';
import { ptBR } from '../../src/i18n/pt-BR.js';
import { MESSAGES, t, translator } from '../../src/i18n/translate.js';
import { zhHans } from '../../src/i18n/zh-Hans.js';

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

type Translated = 'pt-BR' | 'es' | 'de' | 'ja' | 'zh-Hans';

const SAME_AS_ENGLISH: Record<Translated, readonly MessageKey[]> = {
  'pt-BR': [
    ...SAME_AS_ENGLISH_IN_ALL,
    // Seed 000 keeps "tenant" and "workload" in English inside Portuguese text.
    'common.tenant',
    'common.workload',
    'change.workloadLabel',
  ],
  es: [...SAME_AS_ENGLISH_IN_ALL],
  de: [
    ...SAME_AS_ENGLISH_IN_ALL,
    // The German playbook keeps "Tenant", "FastTrack Architect" and "FastTrack Engineer".
    'common.tenant',
    'role.fta',
    'role.fe',
  ],
  ja: [...SAME_AS_ENGLISH_IN_ALL],
  'zh-Hans': [...SAME_AS_ENGLISH_IN_ALL],
};

const TRANSLATIONS = [
  // pt-BR quotes are “…”; «» would be European Portuguese or Spanish style.
  { language: 'pt-BR', messages: ptBR, foreignQuotes: /[«»]/ },
  // es quotes are «…» throughout; “…” mixed in would be inconsistent.
  { language: 'es', messages: es, foreignQuotes: /[“”]/ },
  // de quotes are „…“; ” (the English closing quote) or «» would be wrong.
  { language: 'de', messages: de, foreignQuotes: /[”«»]/ },
  // ja quotes are 「…」.
  { language: 'ja', messages: ja, foreignQuotes: /[“”„«»]/ },
  // zh-Hans quotes are “…” (full-width in print, the same code points).
  { language: 'zh-Hans', messages: zhHans, foreignQuotes: /[„«»「」]/ },
] as const satisfies readonly {
  language: Translated;
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
    ['de-DE', 'de'],
    ['de-AT', 'de'],
    ['de-CH', 'de'],
    ['de', 'de'],
    ['ja-JP', 'ja'],
    ['ja', 'ja'],
    ['zh-CN', 'zh-Hans'],
    ['zh-SG', 'zh-Hans'],
    ['zh-Hans', 'zh-Hans'],
    ['zh-Hans-CN', 'zh-Hans'],
    ['zh_CN', 'zh-Hans'],
    ['zh', 'zh-Hans'],
    // Traditional Chinese readers get English, not Simplified characters.
    ['zh-TW', 'en'],
    ['zh-HK', 'en'],
    ['zh-MO', 'en'],
    ['zh-Hant', 'en'],
    ['zh-Hant-TW', 'en'],
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
    expect(t('de', 'esd.name')).toBe('Startdatum der Beteiligung');
    expect(t('ja', 'esd.name')).toBe('エンゲージメント開始日');
    expect(t('zh-Hans', 'esd.name')).toBe('接洽开始日期');
  });

  it('binds a language with translator()', () => {
    expect(translator('pt-BR')('general.tooLong', { max: 10 })).toBe(
      t('pt-BR', 'general.tooLong', { max: 10 }),
    );
  });
});

/**
 * The official terms of Microsoft's own playbook translations (docs/domain.md, "Words in the
 * playbook's German, Japanese and Chinese"), and never a shortening the language uses for
 * something else.
 */
describe('playbook terms in German, Japanese and Simplified Chinese', () => {
  const TERMS = {
    de: {
      esd: 'Startdatum der Beteiligung',
      statuses: ['In Bearbeitung', 'Unbekannter Status', 'Blockiert', 'Keine Absicht'],
      notes: 'Allgemeine Statusnotizen',
      kickoff: 'Kick-off-Meeting',
      gateway: 'Gateway-Team',
      frp: 'Qualifizierter FastTrack-Partner',
      // "Startdatum" alone is any start date; the ESD is always "Startdatum der Beteiligung".
      shortened: /Startdatum(?! der Beteiligung)(?!en der Beteiligung)/,
    },
    ja: {
      esd: 'エンゲージメント開始日',
      statuses: ['進行中', 'ステータス不明', 'ブロック', '意思なし'],
      notes: '全体的なステータス メモ',
      kickoff: 'キックオフ ミーティング',
      gateway: 'Gateway チーム',
      frp: 'FastTrack 対応パートナー',
      // The playbook's キックオフ日 is the kickoff date, not the ESD.
      shortened: /キックオフ日/,
    },
    'zh-Hans': {
      esd: '接洽开始日期',
      statuses: ['进行中', '未知', '受阻', '无意图'],
      notes: '总体状态笔记',
      kickoff: '启动会议',
      gateway: 'Gateway 团队',
      frp: 'FastTrack 就绪性合作伙伴',
      // The playbook's 启动日期 is the kickoff date; 开始日期 alone is any start date.
      shortened: /启动日期|(?<!接洽)开始日期/,
    },
  } as const;

  it.each(Object.entries(TERMS))('%s', (language, terms) => {
    const lang = language as keyof typeof TERMS;
    expect(t(lang, 'esd.name')).toBe(terms.esd);
    expect(t(lang, 'common.esd')).toBe(terms.esd);
    expect([
      t(lang, 'status.in_progress'),
      t(lang, 'status.status_unknown'),
      t(lang, 'status.blocked'),
      t(lang, 'status.no_intent'),
    ]).toEqual(terms.statuses);
    expect(t(lang, 'notes.name')).toBe(terms.notes);
    expect(t(lang, 'basis.kickoff_meeting')).toBe(terms.kickoff);
    expect(t(lang, 'role.gateway')).toBe(terms.gateway);
    expect(t(lang, 'role.frp')).toBe(terms.frp);
    const shortened = Object.entries(MESSAGES[lang]).filter(([, text]) =>
      terms.shortened.test(text),
    );
    expect(shortened.map(([key]) => key)).toEqual([]);
  });

  it('covers every language', () => {
    expect([...LANGUAGES].sort()).toEqual(['de', 'en', 'es', 'ja', 'pt-BR', 'zh-Hans']);
  });
});
