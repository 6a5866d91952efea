import { type Middleware, TeamsInfo, type TurnContext } from 'botbuilder';
import { calendarDateIn } from '../../domain/index.js';
import { resolveLanguage } from '../../i18n/language.js';
import type { Person } from '../../store/index.js';
import type { BotServices } from '../services.js';
import { SESSION, type Session } from '../session.js';
import { isRefreshInvoke } from '../verbs.js';

interface ClientInfo {
  type: string;
  locale?: string;
  timezone?: string;
}

/** Zones already found valid: building an Intl.DateTimeFormat to check costs more than the rest of the middleware. */
const validTimeZones = new Set<string>();

function isTimeZone(tz: string | undefined): tz is string {
  if (!tz) return false;
  if (validTimeZones.has(tz)) return true;
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    // Only valid names are kept (a few hundred exist); whatever else a client sends is checked each time.
    validTimeZones.add(tz);
    return true;
  } catch {
    return false;
  }
}

interface Known {
  upn: string | null;
  name: string;
  locale: string | null;
  timeZone: string | null;
}

/** Field by field: every turn compares what it saw with what is kept (two JSON texts were ~4 µs). */
function sameKnown(a: Known, b: Known): boolean {
  return a.upn === b.upn && a.name === b.name && a.locale === b.locale && a.timeZone === b.timeZone;
}

/**
 * Builds the turn's Session and records the sender in `people` (AAD object id, UPN, locale,
 * time zone). The UPN needs a roster call; it is made once per person, not on every turn, and
 * a store write happens only when something changed. `stateKey` names the dialog state item the
 * turn will load, if any: it is read in the same statement as the actor (session.takeState).
 */
export function loadSession(
  services: BotServices,
  stateKey: (context: TurnContext) => string | undefined = () => undefined,
): Middleware {
  const known = new Map<string, Known>();

  async function lookUpUpn(context: TurnContext): Promise<string | null> {
    try {
      const member = await TeamsInfo.getMember(context, context.activity.from.id);
      return member.userPrincipalName?.toLowerCase() ?? member.email?.toLowerCase() ?? null;
    } catch (error) {
      services.logger.warn(
        { err: (error as Error).message },
        'roster lookup failed; continuing without the UPN',
      );
      return null;
    }
  }

  async function remember(
    context: TurnContext,
    aad: string,
    seen: Omit<Known, 'upn'>,
    write: boolean,
  ): Promise<Known> {
    const cached = known.get(aad);
    let person: Person | null = null;
    let upn = cached?.upn ?? null;
    if (!cached) {
      person = await services.store.getPerson(aad);
      upn = person?.upn ?? null;
    }
    if (!upn) upn = await lookUpUpn(context);
    const next: Known = {
      upn,
      name: seen.name || cached?.name || person?.name || '',
      locale: seen.locale ?? cached?.locale ?? person?.locale ?? null,
      timeZone: seen.timeZone ?? cached?.timeZone ?? person?.timeZone ?? null,
    };
    const before =
      cached ??
      (person
        ? { upn: person.upn, name: person.name, locale: person.locale, timeZone: person.timeZone }
        : null);
    // A card refresh only reads (issue 16): what it saw is remembered at the person's next turn.
    if (!write) return next;
    if (!before || !sameKnown(before, next)) {
      await services.store.upsertPerson({
        aadObjectId: aad,
        name: next.name,
        upn: next.upn,
        locale: next.locale,
        timeZone: next.timeZone,
        aadTenantId: context.activity.conversation?.tenantId ?? null,
      });
    }
    known.set(aad, next);
    return next;
  }

  return {
    async onTurn(context: TurnContext, next: () => Promise<void>) {
      const activity = context.activity;
      const clientInfo = (activity.entities ?? []).find((e) => e.type === 'clientInfo') as
        | ClientInfo
        | undefined;
      const aad = activity.from?.aadObjectId?.toLowerCase() ?? null;
      const seen = {
        name: activity.from?.name ?? '',
        locale: activity.locale ?? clientInfo?.locale ?? null,
        timeZone: isTimeZone(clientInfo?.timezone) ? clientInfo.timezone : null,
      };
      const person =
        aad && activity.from?.role !== 'bot'
          ? await remember(context, aad, seen, !isRefreshInvoke(activity))
          : null;
      const timeZone = seen.timeZone ?? person?.timeZone ?? services.config.defaultTimeZone;
      const identity = {
        aadObjectId: aad,
        upn: person?.upn ?? null,
        name: person?.name || seen.name,
      };
      // The actor, the reachability flag and the turn's dialog state come in one read, made
      // when the turn first asks for any of them: within this turn (after serializeTurns), so
      // the state is as fresh as a read of its own at load would be.
      const key = stateKey(context);
      let stateTaken = key === undefined;
      let stored: ReturnType<BotServices['store']['loadActorAndReachability']> | null = null;
      const read = () => {
        stored ??= services.store.loadActorAndReachability(identity, key);
        return stored;
      };
      const session: Session = {
        lang: resolveLanguage(seen.locale ?? person?.locale),
        timeZone,
        today: calendarDateIn(services.now(), timeZone),
        identity,
        actor: async () => (await read()).actor,
        reachable: async () => (await read()).reachable,
        takeState: (asked) => {
          if (stateTaken || asked !== key) return undefined;
          stateTaken = true;
          return read().then((r) => r.state);
        },
        services,
      };
      context.turnState.set(SESSION, session);
      await next();
    },
  };
}
