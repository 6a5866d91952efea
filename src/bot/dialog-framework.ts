/**
 * The part of botbuilder-dialogs that esd-bot uses, imported from the package's own files.
 * Its index also loads every prompt, the choice recognizers, globalize, lodash and the
 * @microsoft/recognizers-text suite: ~12 MiB of the idle server, none of it used (typed
 * dates are read by recognize-date.ts). The classes are the very ones the index exports (the
 * same files), so dialog state and `instanceof` are unchanged; types come from the index,
 * where they cost nothing.
 */
export type {
  DialogContext,
  DialogInstance,
  DialogState,
  DialogTurnResult,
  PromptValidatorContext,
  WaterfallStepContext,
} from 'botbuilder-dialogs';
export { ComponentDialog } from 'botbuilder-dialogs/lib/componentDialog.js';
export { Dialog, DialogTurnStatus } from 'botbuilder-dialogs/lib/dialog.js';
export { DialogSet } from 'botbuilder-dialogs/lib/dialogSet.js';
export { TextPrompt } from 'botbuilder-dialogs/lib/prompts/textPrompt.js';
export { WaterfallDialog } from 'botbuilder-dialogs/lib/waterfallDialog.js';
