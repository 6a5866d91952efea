import { de } from './de.js';
import { en, type MessageKey, type Messages } from './en.js';
import { es } from './es.js';
import { ja } from './ja.js';
import type { Language } from './language.js';
import { ptBR } from './pt-BR.js';
import { zhHans } from './zh-Hans.js';

export type { MessageKey, Messages };

export const MESSAGES: Record<Language, Messages> = {
  en,
  'pt-BR': ptBR,
  es,
  de,
  ja,
  'zh-Hans': zhHans,
};

export type Params = Record<string, string | number>;

/**
 * Each template split at its `{name}` placeholders once (text, name, text, …, text): a card calls
 * t() a dozen times and more, and the catalogs are constant, so this holds at most their strings.
 */
const splitTemplates = new Map<string, readonly string[]>();

/** The string for `key` in `language`, with `{name}` placeholders filled from `params`. */
export function t(language: Language, key: MessageKey, params: Params = {}): string {
  const template = MESSAGES[language][key] ?? en[key];
  if (!template.includes('{')) return template;
  let parts = splitTemplates.get(template);
  if (!parts) {
    parts = template.split(/\{(\w+)\}/);
    splitTemplates.set(template, parts);
  }
  let text = parts[0] as string;
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i] as string;
    text += (name in params ? String(params[name]) : `{${name}}`) + (parts[i + 1] as string);
  }
  return text;
}

/** A translator bound to one language, for code that renders a whole card. */
export type Translate = (key: MessageKey, params?: Params) => string;

export function translator(language: Language): Translate {
  return (key, params) => t(language, key, params);
}
