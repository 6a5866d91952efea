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

/** The string for `key` in `language`, with `{name}` placeholders filled from `params`. */
export function t(language: Language, key: MessageKey, params: Params = {}): string {
  const template = MESSAGES[language][key] ?? en[key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** A translator bound to one language, for code that renders a whole card. */
export type Translate = (key: MessageKey, params?: Params) => string;

export function translator(language: Language): Translate {
  return (key, params) => t(language, key, params);
}
