// biome-ignore-all lint/suspicious/noTemplateCurlyInString: this file is about card-template bindings
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileTemplate, NOT_COMPILED } from '../../src/bot/cards/compiled-template.js';
import {
  CARD_NAMES,
  type CardName,
  expandCard,
  expandWithLibrary,
  isCompiled,
} from '../../src/bot/cards/templates.js';

const templateText = (name: CardName) =>
  readFileSync(join(import.meta.dirname, '../../cards', `${name}.json`), 'utf8');

/** Every property path a template binds, e.g. `s.title`, `errors.date`. */
function boundPaths(name: CardName): string[] {
  const paths = new Set<string>();
  for (const match of templateText(name).matchAll(/\$\{([^}]*)\}/g)) {
    for (const path of (match[1] as string).matchAll(/[A-Za-z_][\w.]*/g)) paths.add(path[0]);
  }
  return [...paths];
}

function setPath(data: Record<string, unknown>, path: string, value: unknown): void {
  const names = path.split('.');
  let at = data;
  for (const name of names.slice(0, -1)) {
    if (typeof at[name] !== 'object' || at[name] === null) at[name] = {};
    at = at[name] as Record<string, unknown>;
  }
  at[names.at(-1) as string] = value;
}

/** The card, or the error: the library throws on some values, and so must the fast path. */
function outcome(expand: () => unknown): unknown {
  try {
    return { card: expand() };
  } catch (error) {
    return { error: String(error) };
  }
}

/** Values a card may be handed, including the ones the fast path must hand back to the library. */
const value = fc.oneof(
  { weight: 6, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 4, arbitrary: fc.constant('') },
  { weight: 1, arbitrary: fc.constantFrom('${x}', '`', '\\n', 'Ação ñ', '**b**') },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.constant(undefined) },
  {
    weight: 2,
    arbitrary: fc.array(fc.record({ value: fc.string(), title: fc.string() }), { maxLength: 3 }),
  },
  { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 3 }), fc.string()) },
);

describe('compiled card templates', () => {
  it('the cards rendered on every turn or send take the fast path', () => {
    for (const name of ['change-esd', 'esd-changed', 'reminder', 'notice'] as const)
      expect(isCompiled(name), name).toBe(true);
  });

  it.each(CARD_NAMES.filter((name) => isCompiled(name)))(
    '%s: the same card as adaptivecards-templating, whatever the data',
    (name) => {
      const paths = boundPaths(name);
      fc.assert(
        fc.property(
          fc.array(value, { minLength: paths.length, maxLength: paths.length }),
          (values) => {
            const data: Record<string, unknown> = {};
            paths.forEach((path, i) => {
              setPath(data, path, values[i]);
            });
            expect(outcome(() => expandCard(name, data))).toStrictEqual(
              outcome(() => expandWithLibrary(name, data)),
            );
          },
        ),
        { numRuns: 300 },
      );
    },
  );

  it('compiles whole-string paths, text with paths and $when != empty on array items', () => {
    const compiled = compileTemplate({
      a: '${x.y}',
      b: 'Hi **${name}**!',
      items: [
        { $when: "${note != ''}", text: '${note}' },
        { n: 1, ok: true },
      ],
    });
    expect(compiled?.({ x: { y: [1, 2] }, name: 'Ana', note: '' })).toStrictEqual({
      a: [1, 2],
      b: 'Hi **Ana**!',
      items: [{ n: 1, ok: true }],
    });
  });

  it.each([
    ['$data', { items: [{ $data: '${rows}', text: '${name}' }] }],
    ['a function', { items: [{ $when: '${count(rows) > 0}', text: 'x' }] }],
    ['another comparison', { items: [{ $when: '${n == 0}', text: 'x' }] }],
    ['$when outside an array', { card: { $when: "${a != ''}" } }],
    ['an expression in an array', { list: ['${rows}'] }],
    ['a nested array', { list: [[1]] }],
    ['null', { a: null }],
    ['$root', { a: '${$root.a}' }],
    ['an escape in text', { a: 'line\\n${a}' }],
  ])('leaves a template with %s to the library', (_what, payload) => {
    expect(compileTemplate(payload)).toBeNull();
  });

  it.each([
    ['a missing value', {}],
    ['null', { a: null }],
    ['a number where text is expected', { a: 3 }],
    ['a name in another case', { A: 'x' }],
  ])('hands %s back to the library', (_what, data) => {
    const compiled = compileTemplate({ text: 'Hi ${a}', items: [{ $when: "${a != ''}" }] });
    expect(compiled?.(data)).toBe(NOT_COMPILED);
  });
});
