import { randomBytes } from 'node:crypto';
import { CardFactory, TeamsInfo, type TurnContext } from 'botbuilder';
import { z } from '../config/zod.js';
import type { Tenant, Workload } from '../domain/index.js';
import type { Language } from '../i18n/language.js';
import { t } from '../i18n/translate.js';
import { computeTimeline } from '../reports/index.js';
import type { Store } from '../store/index.js';
import { accessOf, type Subject } from './access.js';
import type { Card } from './cards/templates.js';
import { tenantTimelineCard } from './cards/tenant-timeline-card.js';
import type { BotServices } from './services.js';
import type { Session } from './session.js';
import { REFRESH_VERB, type RefreshVerb } from './verbs.js';

/**
 * Cards in group chats and channels (issue 16): Adaptive Card Universal Actions `refresh` with
 * `userIds`, so that the people who may act see the editable card and everyone else a read-only
 * summary of the current state. Teams refreshes automatically for at most 60 `userIds`; the
 * others see the card as posted (the read-only summary) and can refresh it by hand.
 */
export const MAX_REFRESH_USERS = 60;

/** Roster pages read to find who may act: beyond this, people refresh by hand (README). */
const MAX_ROSTER_PAGES = 4;

/** A refresh handler's turn: who asks, the services; no dialogs (a refresh never changes state). */
export interface RefreshTurn extends BotServices {
  context: TurnContext;
  session: Session;
}

export function isSharedConversation(context: TurnContext): boolean {
  const type = context.activity.conversation?.conversationType ?? 'personal';
  return type === 'groupChat' || type === 'channel';
}

/** Adds the Universal Actions refresh block to a card. */
export function withRefresh(
  card: Card,
  verb: RefreshVerb,
  data: Record<string, unknown>,
  userIds: readonly string[],
): Card {
  return {
    ...card,
    refresh: {
      action: { type: 'Action.Execute', verb, data: { verb, ...data } },
      userIds: [...userIds].slice(0, MAX_REFRESH_USERS),
    },
  };
}

/** A read-only card: the given card's body, its buttons removed, with a line saying so. */
export function readOnly(card: Card, note: string): Card {
  const { actions: _actions, ...rest } = card;
  const body = Array.isArray(card.body) ? card.body : [];
  return {
    ...rest,
    body: [...body, { type: 'TextBlock', text: note, isSubtle: true, size: 'Small', wrap: true }],
  } as Card;
}

/** The read-only summary of a tenant's workloads as they are now (status, date, basis, R9 estimate). */
export function readOnlyTenantCard(
  tenant: Tenant,
  workloads: readonly Workload[],
  lang: Language,
): Card {
  return readOnly(
    tenantTimelineCard(computeTimeline(tenant, workloads), lang),
    t(lang, 'shared.readOnly'),
  );
}

/** A card that names nothing: a refresh whose data is unknown, old or not for this conversation. */
export function expiredCard(lang: Language): Card {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: [
      {
        type: 'TextBlock',
        text: t(lang, 'shared.expired', { command: t(lang, 'command.change') }),
        wrap: true,
      },
    ],
  };
}

/**
 * The Teams ids of the conversation's members who may act on the subject (the one permission
 * function, domain/access.ts), `first` ahead of the others, at most MAX_REFRESH_USERS. Reading
 * the roster is a GET; it fails soft to `first` alone.
 */
export async function membersWhoMayAct(
  context: TurnContext,
  store: Store,
  subject: Subject,
  first: readonly string[],
): Promise<string[]> {
  const ids = new Set(first);
  try {
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await TeamsInfo.getPagedMembers(context, 500, token);
      for (const member of page.members) {
        if (ids.size >= MAX_REFRESH_USERS) return [...ids];
        if (!member.aadObjectId || ids.has(member.id)) continue;
        const actor = store.loadActor({
          aadObjectId: member.aadObjectId.toLowerCase(),
          upn: (member.userPrincipalName ?? member.email ?? '').toLowerCase() || null,
          name: member.name ?? '',
        });
        if ((await accessOf(actor, subject)).allowed) ids.add(member.id);
      }
      token = page.continuationToken;
      pages++;
    } while (token && pages < MAX_ROSTER_PAGES);
  } catch {
    // No roster (a client that cannot list members): the person who asked still gets the form.
  }
  return [...ids].slice(0, MAX_REFRESH_USERS);
}

/**
 * What a shared change card's refresh names, kept server-side under an unguessable token: the
 * tenant, the conversation it was posted in (a refresh from elsewhere gets nothing), and whose
 * clients refresh it. In bot_state, so no migration; purged with idle dialog state.
 */
const sharedViewRecord = z.object({
  tenantId: z.string().min(1).max(200),
  conversationId: z.string().min(1).max(500),
  userIds: z.array(z.string().max(200)).max(MAX_REFRESH_USERS),
  /** A workload card inserted by the message extension names one workload of the tenant. */
  workloadId: z.string().min(1).max(200).optional(),
});
export type SharedView = z.infer<typeof sharedViewRecord>;

const VIEW_KEY_PREFIX = 'shared-view/';
export const sharedViewToken = z.string().regex(/^[A-Za-z0-9_-]{22,64}$/);

export async function rememberSharedView(store: Store, view: SharedView): Promise<string> {
  const token = randomBytes(18).toString('base64url');
  await store.writeState([{ key: `${VIEW_KEY_PREFIX}${token}`, data: view }]);
  return token;
}

export async function findSharedView(store: Store, token: unknown): Promise<SharedView | null> {
  const parsed = sharedViewToken.safeParse(token);
  if (!parsed.success) return null;
  const key = `${VIEW_KEY_PREFIX}${parsed.data}`;
  const item = (await store.readState([key])).get(key);
  const view = sharedViewRecord.safeParse(item?.data);
  return view.success ? view.data : null;
}

/**
 * Posts a change card in a group chat or channel: the read-only summary as the message everyone
 * sees, with a refresh that shows the editable card to the members who may act (the asker first).
 */
export async function postSharedChangeCard(
  turn: RefreshTurn,
  tenant: Tenant,
  workloads: readonly Workload[],
): Promise<void> {
  const { context, store, session } = turn;
  const subject = { channels: workloads.map((w) => w.channel) };
  const userIds = await membersWhoMayAct(context, store, subject, [context.activity.from.id]);
  const conversationId = context.activity.conversation.id;
  const token = await rememberSharedView(store, { tenantId: tenant.id, conversationId, userIds });
  const card = withRefresh(
    readOnlyTenantCard(tenant, workloads, session.lang),
    REFRESH_VERB.change,
    { view: token },
    userIds,
  );
  await context.sendActivity({ attachments: [CardFactory.adaptiveCard(card)] });
}
