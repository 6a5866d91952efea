import { upcomingReport } from '../../reports/index.js';
import { upcomingCard } from '../cards/upcoming-card.js';
import { presentCard } from '../present.js';
import type { BotTurn } from '../turn.js';

const UPCOMING_DAYS = 30;

/**
 * "upcoming": the person's starts in the next 30 days, overdue first (a date passed in the last 30
 * days with nothing recorded), then those whose missing answer is documented (R7), counted apart.
 */
export async function showUpcoming({ context, session, store }: BotTurn): Promise<void> {
  const report = await upcomingReport(
    {
      // Every workload assigned to the person: computeUpcoming keeps those in the window.
      items: () => store.workloadsAssignedTo(session.identity),
      startedKeys: (since, until) => store.startedKeys(since, until),
      documentedKeys: (since, until) => store.documentedKeys(since, until),
    },
    { today: session.today, days: UPCOMING_DAYS, overdueDays: UPCOMING_DAYS },
  );
  await presentCard(
    context,
    upcomingCard(
      report.upcoming,
      UPCOMING_DAYS,
      session.lang,
      undefined,
      report.overdue,
      report.documented,
    ),
  );
}
