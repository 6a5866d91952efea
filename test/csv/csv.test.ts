import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CsvSyntaxError,
  csvField,
  csvLine,
  parseCsv,
  readCsv,
  restoreFormulaText,
  writeCsv,
} from '../../src/csv/csv.js';

const fields = (text: string) => parseCsv(text).map((r) => r.fields);

describe('reading CSV (RFC 4180)', () => {
  it('reads plain fields and records, with CRLF, LF or CR line breaks', () => {
    expect(fields('a,b,c\r\n1,2,3\r\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
    ]);
    expect(fields('a,b\n1,2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(fields('a,b\r1,2\r')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('keeps empty fields, at the start, in the middle and at the end', () => {
    expect(fields(',a,,b,\r\n')).toEqual([['', 'a', '', 'b', '']]);
  });

  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    const text =
      'name,notes\r\n"Fabrikam, S.A.","He said ""start in March""\r\nthen: ""April"""\r\n';
    expect(fields(text)).toEqual([
      ['name', 'notes'],
      ['Fabrikam, S.A.', 'He said "start in March"\r\nthen: "April"'],
    ]);
  });

  it('skips a UTF-8 byte order mark', () => {
    expect(fields('\uFEFFtenant_id,code\r\nx,EXO\r\n')[0]).toEqual(['tenant_id', 'code']);
  });

  it('numbers each record by the line it starts on, across quoted line breaks and blank lines', () => {
    const text = 'h1,h2\r\n"multi\r\nline\nfield",x\r\n\r\nlast,y\n';
    expect(parseCsv(text).map((r) => [r.line, r.fields[0]])).toEqual([
      [1, 'h1'],
      [2, 'multi\r\nline\nfield'],
      [6, 'last'],
    ]);
  });

  it('skips blank lines but keeps a record that is one quoted empty field', () => {
    expect(fields('a\r\n\r\n\n""\r\nb')).toEqual([['a'], [''], ['b']]);
  });

  it('keeps spaces as they are', () => {
    expect(fields(' a , b \r\n')).toEqual([[' a ', ' b ']]);
  });

  it.each([
    ['a quote never closed', 'a,b\r\nx,"open\r\nstill open', 2, /never closed/],
    ['text after a closing quote', 'a\r\n"x"y,z\r\n', 2, /after a closing quote/],
    ['a quote inside an unquoted field', 'a,b\r\n1,2\r\nab"c,d\r\n', 3, /unquoted field/],
  ])('refuses %s, naming the line', (_, text, line, message) => {
    let error: unknown;
    try {
      parseCsv(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CsvSyntaxError);
    expect((error as CsvSyntaxError).line).toBe(line);
    expect((error as Error).message).toMatch(message);
  });

  it('streams: the records before a syntax error are read', () => {
    const records = readCsv('a\r\nb\r\n"c');
    expect(records.next().value?.fields).toEqual(['a']);
    expect(records.next().value?.fields).toEqual(['b']);
    expect(() => records.next()).toThrow(CsvSyntaxError);
  });
});

describe('writing CSV', () => {
  it('quotes only what needs quoting', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(' padded')).toBe('" padded"');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
    expect(csvField(true)).toBe('true');
    expect(csvField(3)).toBe('3');
  });

  it('ends every record with CRLF and writes the header first', () => {
    expect(csvLine(['a', 'b'])).toBe('a,b\r\n');
    expect(writeCsv(['x', 'y'] as const, [{ x: '1' }, { x: 'a,b', y: 'c' }])).toBe(
      'x,y\r\n1,\r\n"a,b",c\r\n',
    );
  });

  it('round trips any table of strings (property)', () => {
    const text = fc.string({
      unit: fc.constantFrom(
        'a',
        'é',
        ',',
        '"',
        '\r',
        '\n',
        ' ',
        '1',
        '=',
        '+',
        '-',
        '@',
        '\t',
        "'",
      ),
    });
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 5 })
          .chain((width) =>
            fc.array(fc.array(text, { minLength: width, maxLength: width }), { maxLength: 8 }),
          ),
        (table) => {
          // A record that is one empty field is written as an empty line, which reads as none.
          const rows = table.filter((row) => !(row.length === 1 && row[0] === ''));
          const written = rows.map((row) => csvLine(row)).join('');
          // What was neutralized as a would-be formula is restored exactly, and nothing else.
          expect(fields(written).map((row) => row.map(restoreFormulaText))).toEqual(rows);
          for (const row of fields(written))
            for (const field of row) expect(field).not.toMatch(/^[=+\-@\t\r]/);
        },
      ),
    );
  });
});

describe('formulas in CSV (OWASP CSV injection, issue 13 item 4)', () => {
  it('neutralizes a cell beginning with =, +, -, @, TAB or CR: a quote in front, and quoted', () => {
    expect(csvField('=HYPERLINK("https://evil.example","x")')).toBe(
      `"'=HYPERLINK(""https://evil.example"",""x"")"`,
    );
    expect(csvField('+1')).toBe(`"'+1"`);
    expect(csvField('-2 days')).toBe(`"'-2 days"`);
    expect(csvField('@SUM(A1)')).toBe(`"'@SUM(A1)"`);
    expect(csvField('\tTab')).toBe(`"'\tTab"`);
    expect(csvField('\rCR')).toBe(`"'\rCR"`);
    // A value that already begins with quotes and a formula character gets one more quote.
    expect(csvField("'=x")).toBe(`"''=x"`);
  });

  it('leaves other text, numbers and booleans as they are', () => {
    expect(csvField('Contoso = Fabrikam')).toBe('Contoso = Fabrikam');
    expect(csvField("O'Brien")).toBe("O'Brien");
    expect(csvField("'quoted'")).toBe("'quoted'");
    expect(csvField('2026-12-01')).toBe('2026-12-01');
    expect(csvField(-3)).toBe('-3');
    expect(csvField(false)).toBe('false');
  });

  it('the reports writer does it for every column', () => {
    expect(writeCsv(['name', 'n'], [{ name: '@evil', n: -1 }])).toBe(`name,n\r\n"'@evil",-1\r\n`);
  });

  it('the import reverses exactly that and nothing else', () => {
    expect(restoreFormulaText("'=x")).toBe('=x');
    expect(restoreFormulaText("''=x")).toBe("'=x");
    expect(restoreFormulaText("'quoted'")).toBe("'quoted'");
    expect(restoreFormulaText("O'Brien")).toBe("O'Brien");
  });
});
