/**
 * R8: every change has a reason, written to the Overall Status Notes. A reason must say
 * something a colleague can act on later: blank, too short and placeholder text are refused.
 */

export const REASON_MIN_LENGTH = 10;
export const REASON_MAX_LENGTH = 1000;

export type ReasonProblem =
  | 'reason_missing'
  | 'reason_too_short'
  | 'reason_too_long'
  | 'reason_placeholder';

// Words that, on their own, say nothing about why a date moved (en, pt, es; accents folded).
const EMPTY_WORDS = new Set(
  `a an the to of for on in at by and or is it no not none nothing null nil na n tbd tba todo
   test testing tests asdf asd qwerty x xx xxx xxxx abc foo bar baz lorem ipsum etc ok okay fix fixed
   reason reasons change changed changes changing update updated updates updating date dates new
   see notes note above below same per request requested as
   o os um uma de da do das dos para por em e nenhum nenhuma nada motivo sem mudanca mudou mudar
   alteracao alterado alterada alterar atualizado atualizada atualizacao atualizar teste ver nota
   notas data nova novo
   el la los las un una del y en sin ninguno ninguna razon cambio cambiado cambiada cambiar
   actualizado actualizada actualizacion actualizar prueba fecha nueva nuevo`.split(/\s+/),
);

/** Control characters out, Unicode normalized, runs of blanks collapsed, ends trimmed. */
export function normalizeReason(raw: string): string {
  return (
    raw
      .replace(/\r\n?/g, '\n')
      .replace(/[\p{Cc}\p{Cf}\p{Co}\p{Cs}]/gu, (ch) => (ch === '\n' || ch === '\t' ? ch : ''))
      // After the removals: a removed character may have kept a letter from its combining mark.
      .normalize('NFC')
      .replace(/[^\S\n]+/g, ' ')
      .replace(/ *\n[\s]*/g, '\n')
      .trim()
  );
}

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

export function isPlaceholderReason(normalized: string): boolean {
  const folded = fold(normalized);
  const letters = folded.replace(/[^\p{L}]/gu, '');
  // "..........", "1234567890", "aaaaaaaaaa": no real words in there.
  if (new Set(letters).size < 3) return true;
  const words = folded.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  return words.every((w) => EMPTY_WORDS.has(w) || /^\p{N}+$/u.test(w));
}

/** Length in user-perceived characters would be ideal; code points are close and stable. */
function length(text: string): number {
  return [...text].length;
}

export function checkReason(
  raw: string | null | undefined,
): { ok: true; reason: string } | { ok: false; problem: ReasonProblem } {
  // Anything but a string (a malformed card submission) says nothing: missing, not a crash.
  const reason = normalizeReason(typeof raw === 'string' ? raw : '');
  if (reason === '') return { ok: false, problem: 'reason_missing' };
  if (length(reason) > REASON_MAX_LENGTH) return { ok: false, problem: 'reason_too_long' };
  // Placeholders before length: "n/a" or "TBD" needs words, not just more characters.
  if (isPlaceholderReason(reason)) return { ok: false, problem: 'reason_placeholder' };
  if (length(reason) < REASON_MIN_LENGTH) return { ok: false, problem: 'reason_too_short' };
  return { ok: true, reason };
}
