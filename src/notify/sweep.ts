import type { Config } from '../config/config.js';
import { addDays, calendarDateIn, instantAt, isoWeekday } from '../domain/index.js';
import {
  DIGEST_KIND,
  type DigestPayload,
  digestKey,
  type OutboxMessage,
  REMINDER_KIND,
  type ReminderPayload,
  reminderKey,
  type Store,
} from '../store/index.js';

const DAY_MS = 86_400_000;

// Message kinds, payloads and keys: src/store/messages/ (a floor below notify and the bot).

/**
 * Queues what is due as of `asOf`: a reminder on each In Progress, FM-assigned workload's ESD at
 * REMINDER_LOCAL_TIME in the FM's time zone (one per workload and date: the outbox key), up to
 * REMINDER_GRACE_DAYS late, marked late when it is; and on Mondays the FM's weekly digest.
 * Idempotent: running it twice, or on two instances, queues nothing more.
 */
export async function sweep(
  store: Store,
  config: Config,
  asOf: Date,
): Promise<{ reminders: number; digests: number }> {
  const { localTime, graceDays, weeklyDigest } = config.reminders;
  // A minute in which nothing was written and nothing fell due queues nothing: skip the scan.
  const startedAt = store.now();
  const fingerprint = JSON.stringify([localTime, graceDays, weeklyDigest, config.defaultTimeZone]);
  const probe = await store.probeSweep(fingerprint, asOf);
  if (probe.unchanged) return { reminders: 0, digests: 0 };
  const generation = probe.peopleGeneration;
  let nextDue: Date | null = null;
  const dueLater = (at: Date) => {
    if (at > asOf && (!nextDue || at < nextDue)) nextDue = at;
  };
  const utcToday = calendarDateIn(asOf, 'UTC');
  // Time zones reach ±14 h from UTC: one day of margin on each side, plus the grace period.
  const candidates = await store.reminderCandidates(
    addDays(utcToday, -graceDays - 1),
    addDays(utcToday, weeklyDigest ? 8 : 1),
  );
  const now = store.now().toISOString();
  const messages: Omit<OutboxMessage, 'now'>[] = [];
  const digests = new Map<string, Omit<OutboxMessage, 'now'>>();

  for (const { workload, fm } of candidates) {
    if (!workload.esd) continue;
    const timeZone = fm.timeZone ?? config.defaultTimeZone;
    const due = instantAt(workload.esd.date, localTime, timeZone);
    const late = asOf.getTime() - due.getTime();
    dueLater(due);
    if (late >= 0 && late <= graceDays * DAY_MS) {
      const payload: ReminderPayload = {
        workloadId: workload.id,
        tenantId: workload.tenantId,
        date: workload.esd.date,
        estimate: workload.esd.estimate,
        late: calendarDateIn(asOf, timeZone) > workload.esd.date,
        followUp: false,
      };
      messages.push({
        kind: REMINDER_KIND,
        dedupeKey: reminderKey(workload.id, workload.esd.date),
        workloadId: workload.id,
        recipient: { aadObjectId: fm.aadObjectId, upn: fm.upn },
        payload,
        dueAt: now,
      });
    }

    if (weeklyDigest) {
      const localToday = calendarDateIn(asOf, timeZone);
      const isMonday = isoWeekday(localToday) === 1;
      dueLater(instantAt(localToday, localTime, timeZone));
      dueLater(instantAt(addDays(localToday, 8 - isoWeekday(localToday)), localTime, timeZone));
      const inWeek = workload.esd.date >= localToday && workload.esd.date <= addDays(localToday, 6);
      if (isMonday && inWeek && asOf >= instantAt(localToday, localTime, timeZone)) {
        const who = fm.aadObjectId ?? fm.upn ?? '';
        const payload: DigestPayload = {
          weekStart: localToday,
          fm: { aadObjectId: fm.aadObjectId, upn: fm.upn },
        };
        digests.set(who, {
          kind: DIGEST_KIND,
          dedupeKey: digestKey(who, localToday),
          workloadId: null,
          recipient: payload.fm,
          payload,
          dueAt: now,
        });
      }
    }
  }
  const reminders = await store.enqueueAll(messages);
  const digestCount = await store.enqueueAll([...digests.values()]);
  await store.recordSweep({
    fingerprint,
    asOf,
    nextDueAt: nextDue,
    startedAt,
    peopleGeneration: generation,
  });
  return { reminders, digests: digestCount };
}
