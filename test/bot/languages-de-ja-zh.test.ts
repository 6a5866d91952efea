/**
 * German, Japanese and Simplified Chinese at the edge of chat: dates typed in each language (per
 * written form), and the commands as a user of each language types them.
 */
import { describe, expect, it } from 'vitest';
import { normalizeText, recognizeCommand } from '../../src/bot/commands.js';
import { parseDateDeJaZh } from '../../src/bot/parse-date-de-ja-zh.js';
import { recognizeTypedDate } from '../../src/bot/recognize-date.js';
import type { CalendarDate } from '../../src/domain/index.js';
import type { Language } from '../../src/i18n/language.js';

// A Tuesday, late in the year: dates without a year before it roll to next year.
const TODAY = '2026-12-01' as CalendarDate;

const date = (d: string) => ({ kind: 'date', date: d });
const month = (m: string) => ({ kind: 'month', month: m });

describe('dates typed in German', () => {
  it.each([
    ['15. Januar', date('2027-01-15')],
    ['15. Januar 2027', date('2027-01-15')],
    ['am 15. Januar', date('2027-01-15')],
    ['15. Jan.', date('2027-01-15')],
    ['15 Januar', date('2027-01-15')],
    ['3. März', date('2027-03-03')],
    ['24. Dezember', date('2026-12-24')],
    ['1. Dezember', date('2026-12-01')], // today
    ['30. November', date('2027-11-30')], // passed this year: next year's
    ['15.01.2027', date('2027-01-15')],
    ['15.1.2027', date('2027-01-15')],
    ['15.01.27', date('2027-01-15')],
    ['15.01.', date('2027-01-15')],
    ['15.1', date('2027-01-15')],
    ['2027-01-15', date('2027-01-15')],
    ['heute', date('2026-12-01')],
    ['morgen', date('2026-12-02')],
    ['übermorgen', date('2026-12-03')],
    ['Montag', date('2026-12-07')],
    ['nächsten Montag', date('2026-12-07')],
    ['Dienstag', date('2026-12-08')], // today is a Tuesday: the next one
    // Only the month: an estimate (R9), this month or a coming one.
    ['Januar', month('2027-01')],
    ['März 2027', month('2027-03')],
    ['Dezember', month('2026-12')],
    ['November', month('2027-11')],
  ])('%s', (text, expected) => {
    expect(recognizeTypedDate(text, 'de', TODAY)).toEqual(expected);
  });

  it.each(['31. Februar', '32.01.2027', '15.13.2027', 'Contoso', 'Kunde hat abgesagt', ''])(
    'reads nothing in %j',
    (text) => {
      expect(recognizeTypedDate(text, 'de', TODAY)).toBeNull();
    },
  );
});

describe('dates typed in Japanese', () => {
  it.each([
    ['1月15日', date('2027-01-15')],
    ['2027年1月15日', date('2027-01-15')],
    ['2027 年 1 月 15 日', date('2027-01-15')],
    ['１月１５日', date('2027-01-15')], // full-width digits, as an IME types them
    ['12月24日', date('2026-12-24')],
    ['11月30日', date('2027-11-30')],
    ['2027/1/15', date('2027-01-15')],
    ['1/15', date('2027-01-15')],
    ['2027-01-15', date('2027-01-15')],
    ['今日', date('2026-12-01')],
    ['明日', date('2026-12-02')],
    ['明後日', date('2026-12-03')],
    ['月曜日', date('2026-12-07')],
    ['来週月曜日', date('2026-12-07')],
    ['来週の金曜日', date('2026-12-11')],
    ['金曜', date('2026-12-04')],
    ['1月15日。', date('2027-01-15')],
    // Only the month: an estimate (R9).
    ['1月', month('2027-01')],
    ['2027年3月', month('2027-03')],
    ['3月頃', month('2027-03')],
    ['12月', month('2026-12')],
  ])('%s', (text, expected) => {
    expect(recognizeTypedDate(text, 'ja', TODAY)).toEqual(expected);
  });

  it.each(['2月30日', '13月', 'コントソ', 'お客様から返信なし'])('reads nothing in %j', (text) => {
    expect(recognizeTypedDate(text, 'ja', TODAY)).toBeNull();
  });
});

describe('dates typed in Simplified Chinese', () => {
  it.each([
    ['1月15日', date('2027-01-15')],
    ['1月15号', date('2027-01-15')],
    ['2027年1月15日', date('2027-01-15')],
    ['12月24日', date('2026-12-24')],
    ['2027/1/15', date('2027-01-15')],
    ['2027-01-15', date('2027-01-15')],
    // The recognizer's Chinese model reads the relative forms.
    ['明天', date('2026-12-02')],
    ['下周一', date('2026-12-07')],
    // Only the month: an estimate (R9). The recognizer alone reads 2027年3月 as the year 2027.
    ['1月', month('2027-01')],
    ['2027年3月', month('2027-03')],
    ['3月份', month('2027-03')],
  ])('%s', (text, expected) => {
    expect(recognizeTypedDate(text, 'zh-Hans', TODAY)).toEqual(expected);
  });

  it.each(['2月30日', '康托索', '客户没有回复'])('reads nothing in %j', (text) => {
    expect(recognizeTypedDate(text, 'zh-Hans', TODAY)).toBeNull();
  });
});

describe('29 February without a year', () => {
  it('is the next leap year’s', () => {
    expect(parseDateDeJaZh('29. Februar', 'de', TODAY)).toEqual(date('2028-02-29'));
    expect(parseDateDeJaZh('2月29日', 'ja', TODAY)).toEqual(date('2028-02-29'));
  });
  it('with a year that has none, is no date', () => {
    expect(parseDateDeJaZh('29.02.2027', 'de', TODAY)).toBeNull();
    expect(parseDateDeJaZh('2027年2月29日', 'zh-Hans', TODAY)).toBeNull();
  });
});

describe('normalizeText keeps Japanese and Chinese letters', () => {
  it('keeps kana with voiced marks whole (NFD would split プ into フ and a mark)', () => {
    expect(normalizeText('ヘルプ')).toBe('ヘルプ');
    expect(normalizeText('データ')).toBe('データ');
    expect(normalizeText('ガイド')).toBe('ガイド');
  });
  it('keeps Han characters', () => {
    expect(normalizeText('更改日期 contoso')).toBe('更改日期 contoso');
  });
  it('folds full-width Latin letters and the ideographic space', () => {
    expect(normalizeText('日付変更　ｃｏｎｔｏｓｏ')).toBe('日付変更 contoso');
  });
  it('still folds Latin accents', () => {
    expect(normalizeText('Datum ÄNDERN')).toBe('datum andern');
    expect(normalizeText('histórico')).toBe('historico');
  });
});

describe('commands in German, Japanese and Chinese', () => {
  it.each([
    // German
    ['hilfe', 'help', ''],
    ['Hilfe!', 'help', ''],
    ['meine Beteiligungen', 'engagements', ''],
    ['Datum ändern', 'change', ''],
    ['datum aendern contoso', 'change', 'contoso'], // no umlaut keys: ä typed as ae
    ['Datum ändern Contoso', 'change', 'contoso'],
    ['keine Antwort', 'noResponse', ''],
    ['Verlauf fabrikam', 'history', 'fabrikam'],
    ['demnächst', 'upcoming', ''],
    ['Kapazität megan', 'capacity', 'megan'],
    ['Kunde woodgrove', 'tenant', 'woodgrove'],
    // Japanese
    ['ヘルプ', 'help', ''],
    ['エンゲージメント一覧', 'engagements', ''],
    ['日付変更', 'change', ''],
    ['日付変更 contoso', 'change', 'contoso'],
    ['日付変更contoso', 'change', 'contoso'],
    ['日付を変更　コントソ', 'change', 'コントソ'],
    ['日付変更コントソ', 'change', 'コントソ'],
    ['応答なし', 'noResponse', ''],
    ['履歴 fabrikam', 'history', 'fabrikam'],
    ['履歴fabrikam', 'history', 'fabrikam'],
    ['今後の予定', 'upcoming', ''],
    ['キャパシティ', 'capacity', ''],
    ['テナント woodgrove', 'tenant', 'woodgrove'],
    // Simplified Chinese
    ['帮助', 'help', ''],
    ['我的接洽', 'engagements', ''],
    ['更改日期', 'change', ''],
    ['更改日期 contoso', 'change', 'contoso'],
    ['更改日期contoso', 'change', 'contoso'],
    ['无回应', 'noResponse', ''],
    ['历史记录 fabrikam', 'history', 'fabrikam'],
    ['即将开始', 'upcoming', ''],
    ['容量', 'capacity', ''],
    ['租户 woodgrove', 'tenant', 'woodgrove'],
    // English always works
    ['change date contoso', 'change', 'contoso'],
    ['help', 'help', ''],
  ])('%s', (text, command, args) => {
    expect(recognizeCommand(text)).toEqual({ command, args });
  });

  it.each([
    // Everyday words that open a sentence are not commands when run on into the next word.
    '予定日は1月15日です',
    '変更の理由はお客様の都合です',
    '更改原因是客户要求',
    '1月15日',
    '明天',
  ])('%s is not a command', (text) => {
    expect(recognizeCommand(text)).toBeNull();
  });
});

describe('every language reads a typed ISO date the same way', () => {
  it.each(['en', 'pt-BR', 'es', 'de', 'ja', 'zh-Hans'] as Language[])('%s', (language) => {
    expect(recognizeTypedDate('2027-01-15', language, TODAY)).toEqual(date('2027-01-15'));
  });
});
