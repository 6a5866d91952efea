import { escapeMarkdown, type Tenant } from '../../domain/index.js';
import { t } from '../../i18n/translate.js';
import type { ChangeFormValues, ChangeNotice } from '../cards/change-card.js';
import { pickTenantCard } from '../cards/picker-cards.js';
import { normalizeText } from '../commands.js';
import {
  ComponentDialog,
  type DialogTurnResult,
  LazyTextPrompt,
  type PromptValidatorContext,
  WaterfallDialog,
  type WaterfallStepContext,
} from '../dialog-framework.js';
import { presentCard, presentText } from '../present.js';
import { getSession, type Session } from '../session.js';
import { OPEN_CARD_DIALOG, OpenCardDialog, type OpenCardOptions } from './open-card-dialog.js';

export const CHANGE_DATE_DIALOG = 'changeDate';
const STEPS = 'changeDate.steps';
const TENANT_PROMPT = 'changeDate.tenant';

export interface ChangeDateOptions {
  /** Words typed after the command ("change date contoso"). */
  query?: string;
  tenantId?: string;
  prefill?: Partial<ChangeFormValues>;
  notice?: ChangeNotice;
  /** Put the card in place of the one just acted on (the tenant picker, a reminder). */
  replace?: boolean;
}

/** The tenants this person may pick: their own, or for a Gateway or manager role, any by name. */
async function candidateTenants(session: Session, query: string): Promise<Tenant[]> {
  const { store } = session.services;
  const mine = new Map<string, Tenant>();
  for (const { tenant } of await store.workloadsAssignedTo(session.identity))
    mine.set(tenant.id, tenant);
  const wanted = normalizeText(query);
  const matches = (tenant: Tenant) =>
    !wanted || normalizeText(`${tenant.customerName} ${tenant.name}`).includes(wanted);
  const own = [...mine.values()].filter(matches);
  if (own.length > 0 || !wanted) return own;
  const actor = await session.actor();
  return actor.roles.length > 0 ? store.searchTenants(wanted) : [];
}

/** What the waterfall remembers between its steps. */
const values = (step: WaterfallStepContext) => step.values as { candidates?: Tenant[] };

function matchTenant(text: string, candidates: readonly Tenant[]): Tenant | null {
  const wanted = normalizeText(text);
  if (!wanted) return null;
  const found = candidates.filter((c) =>
    normalizeText(`${c.customerName} ${c.name}`).includes(wanted),
  );
  return found.length === 1 ? (found[0] as Tenant) : null;
}

/**
 * "change date": pick the customer (skipped when there is only one), then one Adaptive Card asks
 * for the workload, the date or only the month (R9), the basis (R4/R5) and the reason (R8).
 * The card stays open (open-card-dialog.ts): its submit is handled by actions/change-esd.ts, and
 * a date typed in chat ("15 de janeiro", "next Monday") brings it back with that date filled in.
 */
export class ChangeDateDialog extends ComponentDialog {
  constructor() {
    super(CHANGE_DATE_DIALOG);
    this.addDialog(new LazyTextPrompt(TENANT_PROMPT, (prompt) => this.isKnownTenant(prompt)));
    this.addDialog(new OpenCardDialog());
    this.addDialog(
      new WaterfallDialog(STEPS, [
        (step) => this.chooseTenant(step),
        (step) => this.openCard(step),
      ]),
    );
    this.initialDialogId = STEPS;
  }

  private async chooseTenant(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = (step.options ?? {}) as ChangeDateOptions;
    if (options.tenantId) return step.next(options.tenantId);
    const session = getSession(step.context);
    const lang = session.lang;
    const candidates = await candidateTenants(session, options.query ?? '');
    if (candidates.length === 0) {
      const actor = await session.actor();
      await presentText(
        step.context,
        options.query
          ? t(lang, 'pickTenant.noMatch', { text: escapeMarkdown(options.query) })
          : actor.roles.length > 0
            ? t(lang, 'pickTenant.needName')
            : t(lang, 'general.noWorkloads'),
      );
      return step.endDialog();
    }
    if (candidates.length === 1) return step.next((candidates[0] as Tenant).id);
    values(step).candidates = candidates;
    await presentCard(
      step.context,
      pickTenantCard(candidates, lang),
      options.replace ? 'replace' : 'new',
    );
    return step.prompt(TENANT_PROMPT, {
      retryPrompt: t(lang, 'pickTenant.retry'),
      validations: candidates,
    });
  }

  private async isKnownTenant(prompt: PromptValidatorContext<string>): Promise<boolean> {
    const candidates = (prompt.options.validations ?? []) as Tenant[];
    return (
      prompt.recognized.succeeded && matchTenant(prompt.recognized.value ?? '', candidates) !== null
    );
  }

  private async openCard(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = (step.options ?? {}) as ChangeDateOptions;
    const candidates = values(step).candidates;
    const tenantId = candidates
      ? matchTenant(step.result as string, candidates)?.id
      : (step.result as string);
    return step.beginDialog(OPEN_CARD_DIALOG, {
      tenantId: tenantId ?? '',
      prefill: options.prefill,
      notice: options.notice,
      replace: options.replace,
    } satisfies OpenCardOptions);
  }
}
