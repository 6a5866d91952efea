import type { TurnContext } from 'botbuilder';
import { escapeMarkdown } from '../domain/index.js';
import { t } from '../i18n/translate.js';
import { presentText } from './present.js';
import type { RefreshTurn } from './shared-view.js';

/**
 * The welcome on install (issue 16, and issue 15's "No welcome on install"): in a personal chat
 * what esd-bot does and how to start; in a group chat or team how to @mention it there. Once per
 * install: Teams sends installationUpdate again (a client reload, the emulator's every page load),
 * so the conversation is remembered until the app is removed from it.
 */
const welcomedKey = (context: TurnContext) => `welcomed/${context.activity.conversation?.id ?? ''}`;

export async function welcomeOnInstall({ context, store, session, now }: RefreshTurn) {
  const key = welcomedKey(context);
  if ((await store.readState([key])).has(key)) return;
  await store.writeState([{ key, data: { at: now().toISOString() } }]);
  const lang = session.lang;
  const help = t(lang, 'command.help');
  const engagements = t(lang, 'command.engagements');
  const personal = (context.activity.conversation?.conversationType ?? 'personal') === 'personal';
  if (personal) {
    await presentText(context, t(lang, 'welcome.personal', { help, engagements }), [
      engagements,
      help,
    ]);
    return;
  }
  const bot = escapeMarkdown(context.activity.recipient?.name || 'esd-bot');
  await presentText(
    context,
    t(lang, 'welcome.shared', { bot, help, change: t(lang, 'command.change') }),
  );
}

/** Removed from the conversation: the next install welcomes again. */
export async function forgetWelcome({ context, store }: RefreshTurn) {
  await store.deleteState([welcomedKey(context)]);
}
