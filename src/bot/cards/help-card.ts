import type { Language } from '../../i18n/language.js';
import { t } from '../../i18n/translate.js';
import { type Card, expandCard } from './templates.js';

/** What the bot does, its commands, and what the date is (R4) and is not (R5). */
export function helpCard(lang: Language): Card {
  return expandCard('help', {
    s: {
      title: t(lang, 'help.title'),
      intro: t(lang, 'help.intro'),
      commands: t(lang, 'help.commands'),
      what: t(lang, 'help.what'),
      isR4: t(lang, 'help.isR4'),
      isNotR5: t(lang, 'help.isNotR5'),
      rules: t(lang, 'help.rules'),
    },
    commands: (
      [
        'help.cmd.help',
        'help.cmd.engagements',
        'help.cmd.change',
        'help.cmd.noResponse',
        'help.cmd.history',
        'help.cmd.upcoming',
        'help.cmd.tenant',
        'help.cmd.capacity',
      ] as const
    ).map((key) => t(lang, key)),
  });
}
