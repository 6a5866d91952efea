import { describe, expect, it } from 'vitest';
import { cleanLine, cleanText, escapeMarkdown } from '../../src/domain/index.js';

describe('people’s text is shown as text (issue 13, item 5)', () => {
  it.each([
    ['\u202Eevil', 'evil'],
    ['a\u202Ab\u202Bc\u202Cd\u202De', 'abcde'],
    ['x\u2066y\u2067z\u2068w\u2069', 'xyzw'],
    ['l\u200Er\u200Fm\u061C', 'lrm'],
    ['zero\u200Bwidth\uFEFF', 'zerowidth'],
    ['bell\u0007null\u0000del\u007Fc1\u0085', 'bellnulldelc1'],
    ['keeps\ttabs\nand lines', 'keeps\ttabs\nand lines'],
    ['crlf\r\nand cr\r', 'crlf\nand cr\n'],
    ['Ação, niño, 日本', 'Ação, niño, 日本'],
  ])('cleanText(%j) removes control and bidi characters', (input, expected) => {
    expect(cleanText(input)).toBe(expected);
  });

  it('cleanLine also makes one line', () => {
    expect(cleanLine('Gabriel\nOrtega\t\u202E')).toBe('Gabriel Ortega ');
  });

  it.each([
    ['[click](https://evil.example)', '\\[click\\]\\(https://evil.example\\)'],
    ['**bold** and _italic_', '\\*\\*bold\\*\\* and \\_italic\\_'],
    ['- item\n+ item\n* item', '\\- item\n\\+ item\n\\* item'],
    ['1. first\n 2) second', '1\\. first\n 2\\) second'],
    ['# heading\n> quote\n`code`', '\\# heading\n\\> quote\n\\`code\\`'],
    ['back\\slash', 'back\\\\slash'],
    [
      '<at>Megan</at> <a href="https://evil.example">x</a>',
      '\\<at\\>Megan\\</at\\> \\<a href="https://evil.example"\\>x\\</a\\>',
    ],
    ['a > b', 'a \\> b'],
    ['a - b + c', 'a - b + c'],
    ['Contoso Ltd', 'Contoso Ltd'],
  ])('escapeMarkdown(%j) leaves no markup', (input, expected) => {
    expect(escapeMarkdown(input)).toBe(expected);
  });

  it('escapes after cleaning, so a hidden character cannot split a marker', () => {
    expect(escapeMarkdown('[x\u202E](y)')).toBe('\\[x\\]\\(y\\)');
  });
});
