import type { Basis, L1Status, Role } from '../domain/index.js';
import type { Language } from './language.js';
import { t } from './translate.js';

/** The domain's enum values in words: what cards and explanations call them. */
export const statusLabel = (status: L1Status, lang: Language) => t(lang, `status.${status}`);
export const basisLabel = (basis: Basis, lang: Language) => t(lang, `basis.${basis}`);
export const roleLabel = (role: Role, lang: Language) => t(lang, `role.${role}`);
