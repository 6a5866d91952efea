/**
 * A compiled form of the plainest card templates: every `${...}` a whole-string property path
 * (`"${s.title}"`), text with paths in it (`"**${date}**"`), or `"$when": "${path != ''}"` on an
 * item of an array. adaptivecards-templating evaluates each of these through Adaptive Expressions
 * on every expansion; the change card is rendered again on every typed date, where that cost
 * 0.1 ms of a turn.
 *
 * It is a fast path, never a second meaning: a template with anything else (`$data`, functions,
 * comparisons other than `!= ''`) does not compile, and an expansion that meets a value the
 * library might treat in its own way (missing, null, not a string where text is expected)
 * answers NOT_COMPILED, and the caller expands with the library. Tests hold both to equal output.
 *
 * Does it still matter (issue 14, item 6)? Measured side by side, CPU time per expansion
 * (`npx tsx bench/templates.ts`: every compiling card both ways, 15 rounds of 2,000, alternating
 * which goes first; 2026-12-01, two runs, Node 20, shared 2-core machine): the change card,
 * expanded once per typed-date turn, 68–94 µs with the library, 3–5 µs compiled, 65–88 µs saved.
 * That is 1.7–2.3 % of the 3.8 CPU ms of a turn at 1 connection, but 3.0–4.1 % of the 2.16 ms at
 * 10 connections, where the turn's throughput target is furthest off (bench/RESULTS.md section 1).
 * Kept for that; bench/NOTES.md, "Templates", has the figures. Remove it if a turn ever costs
 * much more than the expansion saves.
 */

export const NOT_COMPILED: unique symbol = Symbol('not compiled');
export type CompiledTemplate = (data: object) => unknown;

type Node = (data: object) => unknown;

/** Thrown inside an expansion to hand it to the library; caught once at the top. */
class Unsupported {}
const UNSUPPORTED = new Unsupported();

const PATH = /^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*$/;
const WHOLE = /^\$\{([^${}]*)\}$/;
const NOT_EMPTY = /^\$\{\s*([^${}\s]+)\s*!=\s*''\s*\}$/;
const PIECES = /\$\{([^${}]*)\}/g;

function lookup(path: readonly string[]): (data: object) => unknown {
  return (data) => {
    let value: unknown = data;
    for (const name of path) {
      // Own properties only, exact case: anything else (AEL matches names case-insensitively) is the library's.
      if (typeof value !== 'object' || value === null || !Object.hasOwn(value, name))
        throw UNSUPPORTED;
      value = (value as Record<string, unknown>)[name];
    }
    if (value === undefined || value === null) throw UNSUPPORTED;
    return value;
  };
}

function parsePath(expression: string): readonly string[] | null {
  return PATH.test(expression) ? expression.split('.') : null;
}

function compileString(text: string): Node | null {
  if (!text.includes('${')) return () => text;
  const whole = WHOLE.exec(text);
  if (whole) {
    const path = parsePath(whole[1] as string);
    return path ? lookup(path) : null;
  }
  // Text with paths in it: constant pieces and string values, joined.
  const parts: (string | ((data: object) => unknown))[] = [];
  let last = 0;
  for (const match of text.matchAll(PIECES)) {
    const path = parsePath(match[1] as string);
    if (!path) return null;
    parts.push(text.slice(last, match.index), lookup(path));
    last = (match.index as number) + match[0].length;
  }
  parts.push(text.slice(last));
  // The library reads the text as a template literal: escapes, backticks and stray `$` are its own.
  if (parts.some((p) => typeof p === 'string' && /[\\`$]/.test(p))) return null;
  return (data) => {
    let out = '';
    for (const part of parts) {
      if (typeof part === 'string') out += part;
      else {
        const value = part(data);
        if (typeof value !== 'string') throw UNSUPPORTED;
        out += value;
      }
    }
    return out;
  };
}

/** `$when: "${path != ''}"`: shown when the string at path is not empty. */
function compileWhen(when: unknown): ((data: object) => boolean) | null {
  if (typeof when !== 'string') return null;
  const match = NOT_EMPTY.exec(when);
  const path = match ? parsePath(match[1] as string) : null;
  if (!path) return null;
  const read = lookup(path);
  return (data) => {
    const value = read(data);
    if (typeof value !== 'string') throw UNSUPPORTED;
    return value !== '';
  };
}

/** What an item whose `$when` is false expands to: left out of its array. */
const HIDDEN = Symbol('hidden');

const RESERVED = new Set(['$data', '$root', '$index', '$host', '$_acTemplateVersion']);

function compileObject(node: Record<string, unknown>, inArray: boolean): Node | null {
  const entries: [string, Node][] = [];
  let when: ((data: object) => boolean) | null = null;
  for (const [key, value] of Object.entries(node)) {
    if (RESERVED.has(key)) return null;
    if (key === '$when') {
      // Outside an array a hidden object becomes null in the library's output: not worth copying.
      if (!inArray) return null;
      when = compileWhen(value);
      if (!when) return null;
      continue;
    }
    const compiled = compileNode(value, false);
    if (!compiled) return null;
    entries.push([key, compiled]);
  }
  const build = (data: object) => {
    const out: Record<string, unknown> = {};
    for (const [key, compiled] of entries) out[key] = compiled(data);
    return out;
  };
  if (!when) return build;
  const shown = when;
  return (data) => (shown(data) ? build(data) : HIDDEN);
}

function compileArray(items: readonly unknown[]): Node | null {
  const compiled: Node[] = [];
  for (const item of items) {
    // A whole-string value in an array is spliced into it by the library when it is an array.
    // So is a nested array: the library flattens it.
    if ((typeof item === 'string' && item.includes('${')) || Array.isArray(item)) return null;
    const node = compileNode(item, true);
    if (!node) return null;
    compiled.push(node);
  }
  return (data) => {
    const out: unknown[] = [];
    for (const node of compiled) {
      const value = node(data);
      if (value !== HIDDEN) out.push(value);
    }
    return out;
  };
}

function compileNode(node: unknown, inArray: boolean): Node | null {
  if (typeof node === 'string') return compileString(node);
  if (Array.isArray(node)) return compileArray(node);
  if (typeof node === 'object' && node !== null)
    return compileObject(node as Record<string, unknown>, inArray);
  // null in a template is dropped from arrays by the library; numbers and booleans are as is.
  if (node === null) return null;
  return () => node;
}

/** The compiled template, or null when it uses more than this fast path knows. */
export function compileTemplate(payload: unknown): CompiledTemplate | null {
  const root = compileNode(payload, false);
  if (!root) return null;
  return (data) => {
    try {
      return root(data);
    } catch (error) {
      if (error === UNSUPPORTED) return NOT_COMPILED;
      throw error;
    }
  };
}
