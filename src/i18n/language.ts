import type { Language } from '../domain/workloads.js';

export type { Language };
export const LANGUAGES: readonly Language[] = ['en', 'pt-BR', 'es', 'de', 'ja', 'zh-Hans'];

/**
 * The Teams client's locale decides the language: es-* is Spanish, pt-* Portuguese (pt-BR is
 * the one we have, and closer to pt-PT than English is), de-* German, ja-* Japanese, and
 * Simplified Chinese for zh-CN, zh-SG and zh-Hans-*. Traditional Chinese (zh-TW, zh-HK, zh-MO,
 * zh-Hant-*) gets English, not Simplified characters passed off as Traditional; anything else English.
 */
export function resolveLanguage(locale: string | null | undefined): Language {
  const tag = (locale ?? '').trim().toLowerCase().replace(/_/g, '-');
  if (tag === 'es' || tag.startsWith('es-')) return 'es';
  if (tag === 'pt' || tag.startsWith('pt-')) return 'pt-BR';
  if (tag === 'de' || tag.startsWith('de-')) return 'de';
  if (tag === 'ja' || tag.startsWith('ja-')) return 'ja';
  if (isSimplifiedChinese(tag)) return 'zh-Hans';
  return 'en';
}

function isSimplifiedChinese(tag: string): boolean {
  if (tag !== 'zh' && !tag.startsWith('zh-')) return false;
  const subtags = tag.split('-').slice(1);
  if (subtags.includes('hant')) return false;
  if (subtags.includes('hans')) return true;
  // Bare "zh" is Simplified in practice (mainland China, Singapore); the regions that write
  // Traditional characters are Taiwan, Hong Kong and Macao.
  return !subtags.some((s) => s === 'tw' || s === 'hk' || s === 'mo');
}
