import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../src/i18n/language.js';
import { MESSAGES, type MessageKey, t } from '../../src/i18n/translate.js';

/** t() as it was: a regular expression over the template on every call. */
function byRegex(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

describe('t() with templates split once', () => {
  it('fills every string of every language as the regular expression did', () => {
    for (const lang of LANGUAGES) {
      for (const key of Object.keys(MESSAGES.en) as MessageKey[]) {
        const template = MESSAGES[lang][key] ?? MESSAGES.en[key];
        const names = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);
        const all = Object.fromEntries(names.map((n, i) => [n, i % 2 ? i : `$&{${n}}$1 ${n}`]));
        const some = Object.fromEntries(names.filter((_, i) => i % 2 === 0).map((n) => [n, 'x']));
        for (const params of [{}, all, some, { unrelated: 'y' }])
          expect(t(lang, key, params)).toBe(byRegex(template, params));
      }
    }
  });
});
