/**
 * The part of botbuilder-dialogs that esd-bot uses, imported from the package's own files.
 * Its index also loads every prompt, the choice recognizers, globalize, lodash and the
 * @microsoft/recognizers-text suite: ~12 MiB of the idle server, none of it used (typed
 * dates are read by recognize-date.ts). The classes are the very ones the index exports (the
 * same files), so dialog state and `instanceof` are unchanged; types come from the index,
 * where they cost nothing. TextPrompt is the one class loaded on demand (LazyTextPrompt).
 */
import type { TurnContext } from 'botbuilder';
import type {
  DialogContext,
  DialogEvent,
  DialogInstance,
  DialogReason,
  DialogTurnResult,
  PromptOptions,
  PromptValidator,
  TextPrompt,
} from 'botbuilder-dialogs';
import { Dialog } from 'botbuilder-dialogs/lib/dialog.js';

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
export { WaterfallDialog } from 'botbuilder-dialogs/lib/waterfallDialog.js';

/**
 * A TextPrompt that loads on the first turn that needs it: Prompt requires the choice
 * recognizers (a 1.2 MB bundle of number models, ~4.7 MiB of the idle server), and esd-bot
 * prompts only an FM who has several customers to pick from. Every call goes to a real
 * TextPrompt with the same id and validator, so behaviour and dialog state are TextPrompt's.
 */
export class LazyTextPrompt extends Dialog<PromptOptions> {
  private prompt: Promise<TextPrompt> | undefined;

  constructor(
    dialogId: string,
    private readonly validator?: PromptValidator<string>,
  ) {
    super(dialogId);
  }

  private real(): Promise<TextPrompt> {
    this.prompt ??= import('botbuilder-dialogs/lib/prompts/textPrompt.js').then((module) => {
      const prompt = new module.TextPrompt(this.id, this.validator);
      prompt.telemetryClient = this.telemetryClient;
      return prompt;
    });
    return this.prompt;
  }

  override async beginDialog(
    dc: DialogContext,
    options?: PromptOptions,
  ): Promise<DialogTurnResult> {
    // Passed on as given: TextPrompt's own beginDialog copies whatever it is handed.
    return (await this.real()).beginDialog(dc, options as PromptOptions);
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    return (await this.real()).continueDialog(dc);
  }

  override async resumeDialog(
    dc: DialogContext,
    reason: DialogReason,
    result?: unknown,
  ): Promise<DialogTurnResult> {
    return (await this.real()).resumeDialog(dc, reason, result);
  }

  override async repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
    return (await this.real()).repromptDialog(context, instance);
  }

  override async endDialog(
    context: TurnContext,
    instance: DialogInstance,
    reason: DialogReason,
  ): Promise<void> {
    return (await this.real()).endDialog(context, instance, reason);
  }

  override async onDialogEvent(dc: DialogContext, e: DialogEvent): Promise<boolean> {
    return (await this.real()).onDialogEvent(dc, e);
  }
}
