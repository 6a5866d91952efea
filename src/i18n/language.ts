import type { Language } from '../domain/workloads.js';

export type { Language };
export const LANGUAGES: readonly Language[] = ['en', 'pt-BR', 'es'];

/**
 * The Teams client's locale decides the language: es-* is Spanish, pt-* Portuguese (pt-BR is
 * the one we have, and closer to pt-PT than English is), anything else English.
 */
export function resolveLanguage(locale: string | null | undefined): Language {
  const tag = (locale ?? '').trim().toLowerCase();
  if (tag === 'es' || tag.startsWith('es-')) return 'es';
  if (tag === 'pt' || tag.startsWith('pt-')) return 'pt-BR';
  return 'en';
}
