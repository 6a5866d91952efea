import { t } from '../i18n/translate.js';
import { showCapacity } from './actions/capacity.js';
import { showHistoryCommand } from './actions/history.js';
import { showEngagements, showNoResponsePicker } from './actions/my-workloads.js';
import { showTenantTimeline } from './actions/tenant.js';
import { showUpcoming } from './actions/upcoming.js';
import { helpCard } from './cards/help-card.js';
import type { Command } from './commands.js';
import { CHANGE_DATE_DIALOG, type ChangeDateOptions } from './dialogs/change-date-dialog.js';
import { presentCard } from './present.js';
import type { BotTurn } from './turn.js';

/** A typed command's handler: the turn, and what followed the command (e.g. a customer name). */
export type CommandHandler = (turn: BotTurn, args: string) => Promise<void>;

/**
 * Every typed command, by name (commands.ts recognizes them in six languages). EsdBot ends any
 * dialog in progress before it runs one.
 */
export const COMMANDS: Readonly<Record<Command, CommandHandler>> = {
  help: async ({ context, session }) => {
    // The next commands to try, as suggested actions (personal chat).
    const next = (['command.engagements', 'command.upcoming', 'command.change'] as const).map(
      (key) => t(session.lang, key),
    );
    await presentCard(context, helpCard(session.lang), 'new', next);
  },
  change: async ({ dc }, args) => {
    await dc.beginDialog(CHANGE_DATE_DIALOG, { query: args } satisfies ChangeDateOptions);
  },
  engagements: showEngagements,
  noResponse: showNoResponsePicker,
  history: showHistoryCommand,
  upcoming: showUpcoming,
  capacity: showCapacity,
  tenant: showTenantTimeline,
};
