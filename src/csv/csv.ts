/**
 * A small RFC 4180 CSV reader and writer: fields separated by commas, records by CRLF (LF and CR
 * alone are read too), a field in double quotes may hold commas, line breaks and doubled quotes
 * (""), and a UTF-8 byte order mark at the start is skipped. No dependency, no configuration.
 *
 * The reader is strict where a lenient one would silently lose data: a quote inside an unquoted
 * field, text after a closing quote, or a quote never closed are errors that name the line.
 */

export interface CsvRecord {
  /** The record's fields, as written (quotes removed, "" made "). */
  fields: string[];
  /** The physical line (1-based) on which the record starts; a quoted line break spans lines. */
  line: number;
}

export class CsvSyntaxError extends Error {
  constructor(
    message: string,
    /** The physical line (1-based) where the problem is. */
    readonly line: number,
  ) {
    super(`line ${line}: ${message}`);
    this.name = 'CsvSyntaxError';
  }
}

const QUOTE = 34; // "
const COMMA = 44; // ,
const CR = 13;
const LF = 10;

/**
 * Every record of `text`, in order. A blank line (nothing between two line breaks) is skipped,
 * a final line break does not add an empty record. Throws CsvSyntaxError on malformed input.
 */
export function* readCsv(text: string): Generator<CsvRecord> {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = text.length;
  let line = 1;
  while (i < n) {
    const start = line;
    const fields: string[] = [];
    let quoted = false;
    // One record: fields until an unquoted line break or the end.
    for (;;) {
      let value: string;
      if (text.charCodeAt(i) === QUOTE) {
        quoted = true;
        const opened = line;
        i++;
        let out = '';
        let from = i;
        for (;;) {
          const q = text.indexOf('"', i);
          if (q === -1) throw new CsvSyntaxError('a quoted field is never closed', opened);
          // Count line breaks inside the quoted part, for the line numbers of what follows.
          for (let k = i; k < q; k++) {
            const c = text.charCodeAt(k);
            if (c === LF || (c === CR && text.charCodeAt(k + 1) !== LF)) line++;
          }
          if (text.charCodeAt(q + 1) === QUOTE) {
            out += text.slice(from, q + 1);
            i = q + 2;
            from = i;
            continue;
          }
          out += text.slice(from, q);
          i = q + 1;
          break;
        }
        value = out;
        const next = text.charCodeAt(i);
        if (i < n && next !== COMMA && next !== CR && next !== LF) {
          throw new CsvSyntaxError('unexpected text after a closing quote', line);
        }
      } else {
        let j = i;
        while (j < n) {
          const c = text.charCodeAt(j);
          if (c === COMMA || c === CR || c === LF) break;
          if (c === QUOTE)
            throw new CsvSyntaxError(
              'a double quote inside an unquoted field (quote the whole field and double the quote)',
              line,
            );
          j++;
        }
        value = text.slice(i, j);
        i = j;
      }
      fields.push(value);
      if (i >= n) break;
      const c = text.charCodeAt(i);
      if (c === COMMA) {
        i++;
        continue;
      }
      // A line break ends the record.
      i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      line++;
      break;
    }
    // A line with nothing on it is no record ("" on its own is one, with one empty field).
    if (fields.length === 1 && fields[0] === '' && !quoted) continue;
    yield { fields, line: start };
    // A blank line between records: skip it, counting it.
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === LF) {
        i++;
        line++;
      } else if (c === CR) {
        i += text.charCodeAt(i + 1) === LF ? 2 : 1;
        line++;
      } else break;
    }
  }
}

/** All records of `text` at once. */
export function parseCsv(text: string): CsvRecord[] {
  return [...readCsv(text)];
}

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/**
 * Text a spreadsheet would run as a formula (OWASP "CSV injection"): a cell beginning with =, +,
 * -, @, TAB or CR, also behind any number of single quotes (so that a value that really begins
 * with a quote and a formula character reads back as itself, see restoreFormulaText).
 */
const FORMULA = /^'*[=+\-@\t\r]/;

/**
 * Neutralizes formula-like text as OWASP recommends: one single quote in front (a spreadsheet
 * shows the rest as text), and the field quoted. Applied to every string cell, whatever its
 * column: names, reasons and notes are typed by people. Numbers and booleans that we write
 * ourselves (an estimate, a version) are never formulas and are left as they are.
 */
export function neutralizeFormulaText(text: string): string {
  return FORMULA.test(text) ? `'${text}` : text;
}

/** The exact reverse of neutralizeFormulaText, for the import: one leading quote removed. */
export function restoreFormulaText(text: string): string {
  return /^'+[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}

/**
 * One field as RFC 4180 wants it: quoted when it holds a comma, a quote or a line break; text a
 * spreadsheet would take for a formula is neutralized and quoted too.
 */
export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return String(value);
  const text = neutralizeFormulaText(value);
  return NEEDS_QUOTES.test(text) || text !== value ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One record, ended by CRLF. */
export function csvLine(fields: readonly (string | number | boolean | null | undefined)[]): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}

/** A whole table: the header, then each row with the header's columns in order. */
export function writeCsv<K extends string>(
  columns: readonly K[],
  rows: Iterable<Partial<Record<K, string | number | boolean | null | undefined>>>,
): string {
  let out = csvLine(columns);
  for (const row of rows) out += csvLine(columns.map((column) => row[column]));
  return out;
}
