import { type Middleware, TeamsInfo, type TurnContext } from 'botbuilder';
import type { Reachability } from '../../store/index.js';
import type { BotServices } from '../services.js';
import { getSession } from '../session.js';
import { isRefreshInvoke } from '../verbs.js';

/** Refreshing a reference that has not changed costs a write; once a minute per person is plenty. */
const REFRESH_MS = 60_000;

function isPersonal(context: TurnContext): boolean {
  return (context.activity.conversation?.conversationType ?? 'personal') === 'personal';
}

function botWasAdded(context: TurnContext): boolean {
  const a = context.activity;
  return (
    a.type === 'conversationUpdate' && (a.membersAdded ?? []).some((m) => m.id === a.recipient?.id)
  );
}

/**
 * Keeps the way to reach each person for proactive messages: the 1:1 conversation reference,
 * saved on install and refreshed on every message; removed on uninstall. From a team, the Teams
 * user id and service URL, so a 1:1 chat can be opened later. Reaching someone again releases
 * the messages that were waiting for them.
 */
export function saveReference(services: BotServices): Middleware {
  const fresh = new Map<string, { key: string; at: number }>();
  const { store, logger } = services;

  async function save(
    aad: string,
    reach: Reachability,
    key: string,
    force: boolean,
    isReachable: () => Promise<boolean> = () => store.isReachable(aad),
  ) {
    const seen = fresh.get(aad);
    const now = Date.now();
    const recent = !force && seen && seen.key === key && now - seen.at < REFRESH_MS;
    // A recent save is enough, unless a send failed since (403/404): then this turn brings them back.
    if (recent && (await isReachable())) return;
    const { woken } = await store.saveReachability(aad, reach);
    fresh.set(aad, { key, at: now });
    if (woken > 0) {
      logger.info({ woken }, 'person reachable again: waiting messages released');
      services.kickDispatcher?.();
    }
  }

  /** On a team install, every member of the team becomes reachable through a new 1:1 chat. */
  async function rememberTeam(context: TurnContext) {
    try {
      let token: string | undefined;
      do {
        const page = await TeamsInfo.getPagedTeamMembers(context, undefined, 500, token);
        for (const member of page.members) {
          if (!member.aadObjectId) continue;
          await store.upsertPerson({
            aadObjectId: member.aadObjectId,
            name: member.name ?? '',
            upn: member.userPrincipalName ?? member.email ?? null,
            aadTenantId: member.tenantId ?? context.activity.conversation?.tenantId ?? null,
          });
          await save(
            member.aadObjectId.toLowerCase(),
            { teamsUserId: member.id, serviceUrl: context.activity.serviceUrl },
            `team:${member.id}`,
            true,
          );
        }
        token = page.continuationToken;
      } while (token);
    } catch (error) {
      logger.warn(
        { err: (error as Error).message },
        'team roster unavailable; members become reachable when they write',
      );
    }
  }

  return {
    async onTurn(context: TurnContext, next: () => Promise<void>) {
      const a = context.activity;
      const aad = a.from?.aadObjectId?.toLowerCase();
      // A card refresh is Teams showing a card, not the person writing: it never writes (issue 16).
      if (aad && a.from?.role !== 'bot' && !isRefreshInvoke(a)) {
        // The sender's flag comes with the turn's actor (the session reads both at once).
        const sender = () => getSession(context).reachable();
        const uninstall =
          a.type === 'installationUpdate' &&
          (a.action === 'remove' || a.action === 'remove-upgrade');
        if (uninstall && isPersonal(context)) {
          await store.forgetConversation(aad);
          fresh.delete(aad);
        } else if (isPersonal(context)) {
          const reference = {
            activityId: undefined,
            user: a.from,
            bot: a.recipient,
            conversation: a.conversation,
            channelId: a.channelId,
            locale: a.locale,
            serviceUrl: a.serviceUrl,
          };
          const install = a.type === 'installationUpdate' || botWasAdded(context);
          await save(
            aad,
            { conversationRef: reference, teamsUserId: a.from.id, serviceUrl: a.serviceUrl },
            `${a.conversation?.id}|${a.serviceUrl}`,
            install,
            sender,
          );
        } else {
          await save(
            aad,
            { teamsUserId: a.from.id, serviceUrl: a.serviceUrl },
            `team:${a.from.id}`,
            false,
            sender,
          );
          if (botWasAdded(context) && a.conversation?.conversationType === 'channel')
            await rememberTeam(context);
        }
      }
      await next();
    },
  };
}
