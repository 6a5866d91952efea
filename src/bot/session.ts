import type { TurnContext } from 'botbuilder';
import type { Actor, CalendarDate } from '../domain/index.js';
import type { Language } from '../i18n/language.js';
import type { StateItem } from '../store/index.js';
import type { BotServices } from './services.js';

/** Who is talking, in which language and time zone, and what "today" is for them. */
export interface Session {
  lang: Language;
  timeZone: string;
  today: CalendarDate;
  identity: { aadObjectId: string | null; upn: string | null; name: string };
  /** The person as the rules module sees them, with the roles granted in the store. */
  actor(): Promise<Actor>;
  /** Whether proactive messages reach them (not since a send failed): read with the actor, once a turn. */
  reachable(): Promise<boolean>;
  /**
   * The dialog state item stored under `key`, as the turn's one read of the actor found it (null:
   * none stored). Served once a turn, to the turn's first load of that key: undefined for any
   * other key, or when already taken (then the state is read from storage as usual).
   */
  takeState(key: string): Promise<StateItem | null> | undefined;
  services: BotServices;
}

export const SESSION = Symbol('esd-bot.session');

export function getSession(context: TurnContext): Session {
  const session = context.turnState.get(SESSION) as Session | undefined;
  if (!session) throw new Error('no session on this turn: is the session middleware installed?');
  return session;
}
