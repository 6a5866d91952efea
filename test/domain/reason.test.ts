import { describe, expect, it } from 'vitest';
import {
  carriesReason,
  checkReason,
  firstCharacters,
  graphemesOf,
  normalizeReason,
  REASON_MAX_LENGTH,
  reasonLength,
} from '../../src/domain/index.js';

describe('R8: checkReason', () => {
  it('R8: the only limit is 1000 characters at most; there is no minimum', () => {
    expect(REASON_MAX_LENGTH).toBe(1000);
  });

  it.each([
    [null],
    [undefined],
    [''],
    [' '],
    ['\n\n\t  \r\n'],
    ['\u0000\u0001\u0002\u001f\u007f\u0085'],
    ['\u200b\u200d\u2060\ufeff'],
    ['\u00a0\u2003\u3000'],
    ['\ud800'],
  ])('R8: %j is reason_missing', (raw) => {
    expect(checkReason(raw)).toEqual({ ok: false, problem: 'reason_missing' });
  });

  it.each([[42], [{ text: 'Customer asked to move' }], [['Customer asked to move']], [true]])(
    'R8: a reason of the wrong type (%j) is reason_missing, not a crash',
    (raw) => {
      expect(checkReason(raw as never)).toEqual({ ok: false, problem: 'reason_missing' });
    },
  );

  it.each([
    ['en', 'Postponed'],
    ['en', 'Moved'],
    ['en', 'Requested new date'],
    ['en', 'TBD'],
    ['pt-BR', 'Adiado'],
    ['pt-BR', 'Remarcado'],
    ['pt-BR', 'Nova data solicitada'],
    ['es', 'Aplazado'],
    ['es', 'Pospuesto'],
    ['es', 'Nueva fecha solicitada'],
    ['de', 'Verschoben'],
    ['ja', '延期になりました'],
    ['zh', '延期'],
    ['ko', '연기됨'],
    ['ar', 'تأجيل'],
    ['digits', '2027'],
  ])(
    'R8 (FAQ: "make a note as to the reason"): a one-word reason (%s) %j is accepted',
    (_lang, raw) => {
      expect(checkReason(raw)).toEqual({ ok: true, reason: raw });
    },
  );

  it.each([
    ['..........'],
    ['-'],
    ['?'],
    ['!!!!!!!!!!!!!!!'],
    ['— / — …'],
    ['😀😀😀😀😀😀😀😀😀😀'],
    ['👍🏽'],
    ['🇧🇷'],
    ['→ ✓ ★ © ®'],
    ['$ € + = < >'],
    ['。、！？「」'],
    ['¿¡?!'],
    ['\u0301\u0301'],
  ])('R8: %j carries no reason (no letter or digit of any script): reason_missing', (raw) => {
    expect(checkReason(raw)).toEqual({ ok: false, problem: 'reason_missing' });
  });

  it.each([
    ['x'.repeat(1001)],
    ['Customer asked for a later start. '.repeat(40)],
    ['ç'.repeat(1001)],
  ])('R8: over 1000 characters is reason_too_long (length %#)', (raw) => {
    expect(checkReason(raw)).toEqual({ ok: false, problem: 'reason_too_long' });
  });

  it('R8: length counts characters as the reader sees them (grapheme clusters), after normalization', () => {
    expect(checkReason(`Customer ${'😀'.repeat(991)}`).ok).toBe(true);
    expect(checkReason(`Customer ${'😀'.repeat(992)}`)).toEqual({
      ok: false,
      problem: 'reason_too_long',
    });
    // A thumbs-up with a skin tone is 2 code points and 4 UTF-16 units: one character.
    expect(checkReason(`Agreed ${'👍🏽'.repeat(993)}`).ok).toBe(true);
    // A letter with two combining marks that do not compose: one character.
    expect(checkReason(`Noted ${'x\u0323\u0307'.repeat(994)}`).ok).toBe(true);
    expect(checkReason(`   Customer ${'z'.repeat(991)}   \u0000`).ok).toBe(true);
  });

  it('R8: every script counts alike: 1000 characters of Japanese, Portuguese or emoji all pass, 1001 do not', () => {
    for (const unit of ['延', 'ç', 'a', '🇧🇷', '👍🏽']) {
      expect(checkReason(`x${unit.repeat(999)}`).ok).toBe(true);
      expect(checkReason(`x${unit.repeat(1000)}`)).toEqual({
        ok: false,
        problem: 'reason_too_long',
      });
    }
  });

  it.each([
    ['en', 'Customer asked to move the kickoff to next month'],
    ['en', 'Customer answered; first call set for Tuesday'],
    ['en', 'Serialized deployment: Teams starts after EXO migration'],
    ['pt', 'Cliente pediu para adiar a reunião de abertura'],
    ['pt', 'O cliente respondeu e a nova data foi combinada por telefone'],
    ['es', 'El cliente reprogramó la reunión de inicio'],
    ['es', 'Revisión del éxito del cliente: nueva intención para Intune'],
    ['ja', '顧客がキックオフを延期しました'],
  ])('R8: a real reason (%s) %j is accepted as is', (_lang, raw) => {
    expect(checkReason(raw)).toEqual({ ok: true, reason: raw });
  });

  it('R8: the accepted reason is the normalized text', () => {
    expect(checkReason('\t Customer \u0007asked\r\nto move   it \u200b')).toEqual({
      ok: true,
      reason: 'Customer asked\nto move it',
    });
  });
});

describe('R8: normalizeReason', () => {
  it.each([
    ['  trimmed  ', 'trimmed'],
    ['a\u0000b\u0007c\u001bd\u007fe', 'abcde'],
    ['zero\u200bwidth\u200dand\ufeffbom', 'zerowidthandbom'],
    ['private\ue000use', 'privateuse'],
    ['lone\ud800surrogate', 'lonesurrogate'],
    ['many    spaces\t\there', 'many spaces here'],
    ['nbsp\u00a0and\u3000ideographic', 'nbsp and ideographic'],
    ['crlf\r\nand\rcr', 'crlf\nand\ncr'],
    ['line  \n   next', 'line\nnext'],
    ['para\n\n\n\nnext', 'para\nnext'],
    ['line\u2028separator', 'line separator'],
    ['cafe\u0301', 'café'],
    ['e\u0000\u0301', 'é'],
    ['\u1100\u200b\u1161', '가'],
  ])('R8: %j normalizes to %j', (raw, expected) => {
    expect(normalizeReason(raw)).toBe(expected);
  });

  it.each([
    ['e\u0000\u0301 x'],
    ['\u1100\u200d\u1161'],
    ['a \u0000\n \u0301'],
    ['x\u200b\u0323\u0307'],
  ])('R8: normalizing %j twice changes nothing', (raw) => {
    const once = normalizeReason(raw);
    expect(normalizeReason(once)).toBe(once);
  });
});

describe('R8: carriesReason, reasonLength, firstCharacters', () => {
  it.each([
    ['Adiado', true],
    ['延期', true],
    ['3', true],
    ['...', false],
    ['🙂', false],
    ['', false],
  ])('R8: %j carries a reason: %s', (text, expected) => {
    expect(carriesReason(text)).toBe(expected);
  });

  it.each([
    ['abc', 3],
    ['café', 4],
    ['cafe\u0301', 4],
    ['延期になりました', 8],
    ['🇧🇷👍🏽👨‍👩‍👧‍👦', 3],
  ])('R8: %j is %i characters long', (text, expected) => {
    expect(reasonLength(text)).toBe(expected);
  });

  it('R8: firstCharacters never cuts a character in two', () => {
    expect(firstCharacters('👨‍👩‍👧‍👦👍🏽abc', 2)).toBe('👨‍👩‍👧‍👦👍🏽');
    expect(firstCharacters('abc', 10)).toBe('abc');
  });

  // Segmented a chunk at a time for speed: the result must be what one pass over the whole gives,
  // wherever a chunk boundary falls (inside a flag, a family emoji, a combining sequence, CRLF).
  it.each([
    ['family emoji', '👨‍👩‍👧‍👦'],
    ['flag', '🇧🇷'],
    ['combining accent', 'e\u0301'],
    ['CRLF', 'a\r\n'],
    ['Hangul jamo', '\u1112\u1161\u11ab'],
    ['Latin-1 letter', 'ç'],
  ])('R8: a long text of %s is cut into the same characters as one pass over it', (_, unit) => {
    const whole = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    for (const pad of ['', 'x', 'xy', 'xyz']) {
      const text = pad + unit.repeat(700) + pad;
      expect([...graphemesOf(text)]).toEqual([...whole.segment(text)].map((s) => s.segment));
    }
  });

  it('R8: a pasted 100,000-character text is counted whole, and refused as too long', () => {
    const pasted = 'ç'.normalize('NFD').repeat(100_000);
    expect(reasonLength(pasted)).toBe(100_000);
    expect(checkReason(pasted)).toEqual({ ok: false, problem: 'reason_too_long' });
  });
});
