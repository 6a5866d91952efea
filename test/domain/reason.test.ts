import { describe, expect, it } from 'vitest';
import {
  checkReason,
  isPlaceholderReason,
  normalizeReason,
  REASON_MAX_LENGTH,
  REASON_MIN_LENGTH,
} from '../../src/domain/index.js';

describe('R8: checkReason', () => {
  it('R8: the limits are 10 and 1000 characters', () => {
    expect([REASON_MIN_LENGTH, REASON_MAX_LENGTH]).toEqual([10, 1000]);
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
    ['Moved'],
    ['Delayed'],
    ['Adiado'],
    ['Pospuesto'],
    ['Rescheduled'.slice(0, 9)],
    ['Moved\u0000\u0000\u0000\u0000\u0000\u0000'],
    ['  Moved   up  '],
    ['Atrasou 1'],
  ])('R8: %j (fewer than 10 characters of real text) is reason_too_short', (raw) => {
    expect(checkReason(raw)).toEqual({ ok: false, problem: 'reason_too_short' });
  });

  it.each([
    ['x'.repeat(1001)],
    ['Customer asked for a later start. '.repeat(40)],
    ['ç'.repeat(1001)],
  ])('R8: over 1000 characters is reason_too_long (length %#)', (raw) => {
    expect(checkReason(raw)).toEqual({ ok: false, problem: 'reason_too_long' });
  });

  it('R8: length counts code points, not UTF-16 units, and is taken after normalization', () => {
    expect(checkReason(`Customer ${'😀'.repeat(991)}`).ok).toBe(true);
    expect(checkReason(`Customer ${'😀'.repeat(992)}`)).toEqual({
      ok: false,
      problem: 'reason_too_long',
    });
    expect(checkReason(`   Customer ${'z'.repeat(991)}   \u0000`).ok).toBe(true);
  });

  it.each([
    ['n/a'],
    ['N/A'],
    ['na'],
    ['TBD'],
    ['tba'],
    ['none'],
    ['-'],
    ['?'],
    ['ok'],
    ['changed date'],
    ['Date changed'],
    ['updated'],
    ['new date'],
    ['see notes'],
    ['per request'],
    ['nova data'],
    ['data alterada'],
    ['sem motivo'],
    ['mudança de data'],
    ['atualização'],
    ['sin motivo'],
    ['cambio de fecha'],
    ['nueva fecha'],
    ['Fecha actualizada'],
    ['..........'],
    ['1234567890'],
    ['aaaaaaaaaaaa'],
    ['ababababababab'],
    ['2026-12-01 2027-01-01'],
    ['!!!!!!!!!!!!!!!'],
    ['😀😀😀😀😀😀😀😀😀😀'],
    ['asdf asdf asdf'],
    ['test test test'],
    ['lorem ipsum'],
  ])('R8: %j is reason_placeholder', (raw) => {
    expect(checkReason(raw)).toEqual({ ok: false, problem: 'reason_placeholder' });
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

describe('R8: isPlaceholderReason', () => {
  it.each([
    ['nothing to note', true],
    ['Ninguna razón', true],
    ['Nenhuma alteração', true],
    ['Customer on vacation until January', false],
    ['Cliente de férias até janeiro', false],
  ])('R8: %j is a placeholder: %s', (text, expected) => {
    expect(isPlaceholderReason(text)).toBe(expected);
  });
});
