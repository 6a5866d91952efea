import { z } from '../../config/zod.js';
import {
  type EsdProposal,
  esdChangeNote,
  isSameChange,
  REASON_MAX_LENGTH,
} from '../../domain/index.js';
import { t } from '../../i18n/translate.js';
import { ruleRejections } from '../../metrics/metrics.js';
import { admit } from '../access.js';
import {
  type ChangeFormValues,
  type ChangeNotice,
  type ChangeProblem,
  changeCard,
} from '../cards/change-card.js';
import { confirmationCard } from '../cards/confirmation-card.js';
import { cardExpiredText } from '../cards/labels.js';
import { turnLog } from '../middleware/observe-turn.js';
import { presentCard, presentText } from '../present.js';
import type { BotTurn } from '../turn.js';
import { id, text } from './limits.js';

/** What the change card sends back: its hidden data plus the inputs. Unknown keys are dropped. */
export const changeSubmission = z.object({
  tenantId: id,
  versions: z.record(z.string().max(200), z.number().int().min(0)).optional().default({}),
  workload: text(200),
  date: text(40),
  month: text(40),
  basis: text(60),
  reason: text(REASON_MAX_LENGTH),
});

/**
 * Handles a submitted change card: zod at the edge, then the one write path (rules, version
 * check, date and note in one transaction). Whatever happens, the card is replaced: by the
 * confirmation, or by itself with the values kept and each problem next to its field.
 * Returns true when the date was written.
 */
export async function submitChange(
  { context, session, store, config, logger }: BotTurn,
  data: unknown,
): Promise<boolean> {
  const lang = session.lang;
  const parsed = changeSubmission.safeParse(data);
  if (!parsed.success) {
    await presentText(context, cardExpiredText('change', lang));
    return false;
  }
  const input = parsed.data;
  const found = await store.tenantWithWorkloads(input.tenantId);
  if (!found) {
    await presentText(context, t(lang, 'general.workloadGone'));
    return false;
  }
  const { tenant, workloads } = found;
  // Before anything of the tenant is shown again: the card's tenant id is only a claim.
  if (!(await admit(context, { channels: workloads.map((w) => w.channel) }))) return false;
  const values: ChangeFormValues = {
    workload: input.workload,
    date: input.date,
    month: input.month,
    basis: input.basis,
    reason: input.reason,
  };
  // The card says what is wrong in words (issue 14, item 5): this handler only says what.
  const rerender = (problems: readonly ChangeProblem[]) =>
    presentCard(
      context,
      changeCard(
        {
          tenant,
          workloads,
          today: session.today,
          window: config.esdWindow,
          values,
          notice: { code: 'invalid', problems } satisfies ChangeNotice,
        },
        lang,
      ),
      'replace',
    );

  const workload = workloads.find((w) => w.id === input.workload);
  const problems: ChangeProblem[] = [];
  if (!workload) problems.push({ code: 'workload_missing' });
  if (input.date && input.month) problems.push({ code: 'date_and_month' });
  if (!input.date && !input.month) problems.push({ code: 'date_missing' });
  if (!workload || problems.length > 0) {
    await rerender(problems);
    return false;
  }

  const proposal: EsdProposal = input.month
    ? { kind: 'month', month: input.month, basis: input.basis || null }
    : { kind: 'date', date: input.date, basis: input.basis || null };
  const actor = await session.actor();
  const result = await store.changeEngagementStartDate({
    workloadId: workload.id,
    // A card that never showed this workload cannot claim a version: treat it as stale.
    expectedVersion: input.versions[workload.id] ?? -1,
    actor,
    proposal,
    reason: input.reason,
    source: 'teams',
    today: session.today,
  });
  if (result.status === 'rejected') ruleRejections.inc({ code: result.code, source: 'teams' });
  turnLog(context, logger).info(
    {
      event: 'esd.change',
      outcome: result.status,
      code: 'code' in result ? result.code : undefined,
      workloadId: workload.id,
    },
    'change card submitted',
  );

  switch (result.status) {
    case 'changed':
      await presentCard(
        context,
        confirmationCard(
          { tenant, workload: result.workload, change: result.change, note: result.note.text },
          lang,
        ),
        'replace',
      );
      return true;
    case 'rejected':
      await rerender([
        { code: 'rejected', workload: result.workload, violations: result.violations },
      ]);
      return false;
    case 'conflict': {
      // The card pressed twice: its first press is the change it now conflicts with. When the
      // current state is exactly this person's change, it is saved: say so, as the first time.
      const [latest] = await store.workloadHistory(workload.id);
      if (latest && isSameChange(latest, actor, proposal, input.reason)) {
        await presentCard(
          context,
          confirmationCard(
            {
              tenant,
              workload: result.current,
              change: latest,
              note: esdChangeNote({ ...latest, code: result.current.code }),
            },
            lang,
          ),
          'replace',
        );
        return true;
      }
      // Show the current value and fresh versions; the person decides again (never an overwrite).
      const fresh = await store.tenantWorkloads(tenant.id);
      await presentCard(
        context,
        changeCard(
          {
            tenant,
            workloads: fresh,
            today: session.today,
            window: config.esdWindow,
            values,
            notice: { code: 'conflict', current: result.current.esd },
          },
          lang,
        ),
        'replace',
      );
      return false;
    }
    case 'not_found':
      await rerender([{ code: 'workload_gone' }]);
      return false;
  }
}
