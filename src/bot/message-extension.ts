import type {
  MessagingExtensionAttachment,
  MessagingExtensionQuery,
  MessagingExtensionResponse,
} from 'botbuilder';
import {
  accessTo,
  cleanText,
  WORKLOAD_CODES,
  type WorkloadCode,
  workloadName,
} from '../domain/index.js';
import type { Language } from '../i18n/language.js';
import type { TenantWorkload } from '../store/index.js';
import { refusalText, tenantLabel, workloadChoiceTitle } from './cards/labels.js';
import type { Card } from './cards/templates.js';
import { workloadCard } from './cards/workload-card.js';
import { type RefreshTurn, rememberSharedView, withRefresh } from './shared-view.js';
import { REFRESH_VERB } from './verbs.js';

/**
 * The search message extension (issue 16): from the compose box or the command box, part of a
 * customer's name, a tenant's domain or a workload; the results are what the searcher may see
 * (domain/access.ts), a page at a time. Picking one inserts the workload card (workload-card.ts).
 */
export const SEARCH_COMMAND = 'searchWorkloads';

/** Teams shows 25 results at most per page; longer text is not a name anyone types. */
const PAGE_SIZE = 25;
const MAX_QUERY_LENGTH = 100;
/** A bound on the rows one search reads before permission filtering (about 4,000 customers). */
const MAX_CANDIDATES = 20_000;

const ADAPTIVE = 'application/vnd.microsoft.card.adaptive';

type Handler = (
  turn: RefreshTurn,
  query: MessagingExtensionQuery,
) => Promise<MessagingExtensionResponse>;

const fold = (text: string) => text.normalize('NFKC').toLowerCase();

/** Workload codes whose code or name (in the reader's language or English) contains the text. */
function codesMatching(text: string, lang: Language): WorkloadCode[] {
  const wanted = fold(text);
  if (wanted.length < 2) return [];
  return WORKLOAD_CODES.filter(
    (code) =>
      fold(code) === wanted ||
      fold(workloadName(code, lang)).includes(wanted) ||
      fold(workloadName(code, 'en')).includes(wanted),
  );
}

function queryText(query: MessagingExtensionQuery): string {
  const parameter = (query.parameters ?? []).find((p) => p.name === 'query');
  const value = typeof parameter?.value === 'string' ? parameter.value : '';
  return cleanText(value).trim().slice(0, MAX_QUERY_LENGTH);
}

function preview(found: TenantWorkload, lang: Language) {
  return {
    contentType: 'application/vnd.microsoft.card.thumbnail',
    content: {
      title: tenantLabel(found.tenant),
      text: workloadChoiceTitle(found.workload, lang),
      tap: { type: 'invoke', value: { workload: found.workload.id } },
    },
  };
}

function result(attachments: MessagingExtensionAttachment[]): MessagingExtensionResponse {
  return { composeExtension: { type: 'result', attachmentLayout: 'list', attachments } };
}

/** The workloads matching the text that this person may see, in one page. */
const search: Handler = async ({ store, session }, query) => {
  const text = queryText(query);
  const lang = session.lang;
  const [candidates, actor] = await Promise.all([
    store.searchWorkloads({ text, codes: codesMatching(text, lang), limit: MAX_CANDIDATES }),
    session.actor(),
  ]);
  const visible = candidates.filter((c) => accessTo(actor, [c.workload.channel]).allowed);
  const skip = Math.max(0, Number(query.queryOptions?.skip) || 0);
  const count = Math.min(PAGE_SIZE, Math.max(1, Number(query.queryOptions?.count) || PAGE_SIZE));
  return result(
    visible.slice(skip, skip + count).map((found) => ({
      contentType: ADAPTIVE,
      content: workloadCard(
        {
          tenant: found.tenant,
          workload: found.workload,
          editable: false,
          timeZone: session.timeZone,
        },
        lang,
      ),
      preview: preview(found, lang),
    })),
  );
};

/** Every search command, by the id the manifest gives it. */
export const MESSAGE_EXTENSION_COMMANDS: Readonly<Record<string, Handler>> = {
  [SEARCH_COMMAND]: search,
};

export async function runMessageExtensionQuery(
  turn: RefreshTurn,
  query: MessagingExtensionQuery,
): Promise<MessagingExtensionResponse> {
  const handler = Object.hasOwn(MESSAGE_EXTENSION_COMMANDS, query.commandId ?? '')
    ? MESSAGE_EXTENSION_COMMANDS[query.commandId ?? '']
    : undefined;
  return handler ? handler(turn, query) : result([]);
}

/**
 * A picked result: the card to insert, from the data as it is now (permission checked again: the
 * tap's data is only a claim). Read-only as posted, with a refresh that shows the searcher (and,
 * by manual refresh, anyone allowed) the button to the change card.
 */
export async function selectSearchItem(
  turn: RefreshTurn,
  value: unknown,
): Promise<MessagingExtensionResponse> {
  const { store, session, context } = turn;
  const id = (value as { workload?: unknown } | null)?.workload;
  const found = typeof id === 'string' && id.length <= 200 ? await store.getWorkload(id) : null;
  if (!found) return result([]);
  const access = accessTo(await session.actor(), [found.workload.channel]);
  if (!access.allowed) {
    return { composeExtension: { type: 'message', text: refusalText(access, session.lang) } };
  }
  const userIds = [context.activity.from.id];
  const view = await rememberSharedView(store, {
    tenantId: found.tenant.id,
    conversationId: context.activity.conversation?.id ?? '',
    userIds,
    workloadId: found.workload.id,
  });
  const [last] = await store.workloadHistory(found.workload.id);
  const card: Card = withRefresh(
    workloadCard(
      { ...found, last: last ?? null, editable: false, timeZone: session.timeZone },
      session.lang,
    ),
    REFRESH_VERB.workload,
    { view },
    userIds,
  );
  return result([{ contentType: ADAPTIVE, content: card, preview: preview(found, session.lang) }]);
}
