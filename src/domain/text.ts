/**
 * Text that people typed, shown to other people as text. Pure: the edges call `cleanText` where
 * text enters (card submits, the webhook, CSV import, chat) and the card builders call
 * `escapeMarkdown` where it is shown in a TextBlock or FactSet, which render a markdown subset.
 */

/**
 * C0/C1 controls (except tab, line feed and carriage return), DEL, and the invisible direction and format
 * characters that make text read differently than it is stored: LRM/RLM/ALM, the embeddings and
 * overrides U+202A–U+202E, the isolates U+2066–U+2069, zero-width characters and the BOM.
 */
const UNSAFE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200B-\u200F\u2028-\u202E\u2060-\u2069\uFEFF]/g;

/** Text with control and bidi characters removed; CR LF and lone CR become LF. */
export function cleanText(value: string): string {
  return value.replace(/\r\n?/g, '\n').replace(UNSAFE, '');
}

/**
 * Only the invisible characters removed; tab, CR and LF kept as they are: for a format whose
 * round trip must be exact (the CSV import: export, import, export gives the same file).
 */
export function stripInvisible(value: string): string {
  return value.replace(UNSAFE, '');
}

/** One-line text (names, notes in a fact): also tabs and line breaks become a space. */
export function cleanLine(value: string): string {
  return cleanText(value).replace(/[\t\n]/g, ' ');
}

/**
 * Markdown made literal for an Adaptive Card TextBlock or Fact value, which Teams renders with
 * bold, italic, links and lists (learn.microsoft.com, "Format cards in Teams"), and for a chat
 * message, where Teams also reads a subset of HTML (`<a href>`, `<b>`, a mention's `<at>`): the
 * characters with a meaning there (and in the fuller CommonMark of other renderers: code,
 * headings, quotes, inline HTML) are backslash-escaped, and a list marker at a line's start is
 * too. Cleans the text first.
 */
export function escapeMarkdown(value: string): string {
  return (
    cleanText(value)
      .replace(/[\\`*_[\]()~<>]/g, '\\$&')
      // Headings and list markers mean something only at a line's start (a quote's > is above).
      .replace(/^(\s*)([-+#])/gm, '$1\\$2')
      .replace(/^(\s*\d+)([.)])/gm, '$1\\$2')
  );
}
