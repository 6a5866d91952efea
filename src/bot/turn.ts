import type { TurnContext } from 'botbuilder';
import type { DialogContext } from './dialog-framework.js';
import type { BotServices } from './services.js';
import type { Session } from './session.js';

/**
 * What a command or card verb handler is handed: the turn, its dialogs, who is talking, and the
 * application's services (given to EsdBot's constructor), so that no handler looks them up in
 * the turn state.
 */
export interface BotTurn extends BotServices {
  context: TurnContext;
  dc: DialogContext;
  session: Session;
}
