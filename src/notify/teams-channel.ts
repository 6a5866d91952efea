import {
  type Activity,
  type CloudAdapter,
  type ConversationParameters,
  type ConversationReference,
  TurnContext,
} from 'botbuilder';
import type { Recipient } from '../store/index.js';
import { attentionTimeout, retryAfterMs } from './pacing.js';

export type FailureKind = 'retry' | 'unreachable' | 'fatal';

export class DeliveryError extends Error {
  constructor(
    readonly kind: FailureKind,
    message: string,
    readonly status: number | null = null,
    readonly retryAfter: number | null = null,
  ) {
    super(message);
    this.name = 'DeliveryError';
  }
}

/** Where a proactive message goes out: Teams through the Bot Connector, or a test double. */
export interface ProactiveChannel {
  /** Sends; returns a new conversation reference when a 1:1 chat had to be created. */
  send(
    recipient: Recipient,
    activity: Partial<Activity>,
  ): Promise<{ createdReference?: ConversationReference }>;
}

/**
 * 429, 412, 502, 504 and other 5xx (and timeouts, resets) are worth retrying; 403 and 404 mean the
 * person uninstalled, blocked the bot or the conversation is gone; any other 4xx will not improve.
 */
export function classify(error: unknown): DeliveryError {
  if (error instanceof DeliveryError) return error;
  const e = error as {
    statusCode?: number;
    status?: number;
    message?: string;
    response?: { headers?: { get?(name: string): string | undefined } | Record<string, string> };
  };
  const status = e.statusCode ?? e.status ?? null;
  const headers = e.response?.headers;
  const retryAfter =
    headers && typeof (headers as { get?: unknown }).get === 'function'
      ? (headers as { get(name: string): string | undefined }).get('retry-after')
      : (headers as Record<string, string> | undefined)?.['retry-after'];
  const message = `${status ?? 'network'}: ${(e.message ?? String(error)).slice(0, 300)}`;
  if (status === 403 || status === 404) return new DeliveryError('unreachable', message, status);
  if (status === null || status === 429 || status === 412 || status >= 500) {
    return new DeliveryError('retry', message, status, retryAfterMs(retryAfter));
  }
  return new DeliveryError('fatal', message, status);
}

/**
 * The Bot Framework's HTTP client retries 429 and 5xx by itself, sleeping inside the send. The
 * outbox owns retries (backoff, dead letters, pacing that learns from 429), and a send that is
 * retried behind its back can outlive our timeout and arrive twice; so its retry phase goes.
 */
function withoutSdkRetries(context: TurnContext): void {
  const connector = context.turnState.get(context.adapter.ConnectorClientKey) as
    | { client?: { pipeline?: { removePolicy(options: { phase: string }): unknown } } }
    | undefined;
  connector?.client?.pipeline?.removePolicy({ phase: 'Retry' });
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return attentionTimeout(
    promise,
    ms,
    () => new DeliveryError('retry', `timeout: no answer in ${ms} ms`),
  );
}

export class TeamsChannel implements ProactiveChannel {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly appId: string,
    private readonly timeoutMs = 15_000,
  ) {}

  async send(recipient: Recipient, activity: Partial<Activity>) {
    // The adapter hands errors thrown in a proactive callback to onTurnError, which would make a
    // failed send look delivered: the callback keeps its own error and it is rethrown here.
    let failure: unknown = null;
    const deliver = async (context: TurnContext) => {
      withoutSdkRetries(context);
      try {
        await context.sendActivity(activity);
      } catch (error) {
        failure = error;
      }
    };
    try {
      if (recipient.conversationRef) {
        await withTimeout(
          this.adapter.continueConversationAsync(
            this.appId,
            recipient.conversationRef as Partial<ConversationReference>,
            deliver,
          ),
          this.timeoutMs,
        );
        if (failure) throw failure;
        return {};
      }
      if (recipient.teamsUserId && recipient.serviceUrl) {
        // Known from a team they share with the bot: open the 1:1 chat first.
        let createdReference: ConversationReference | undefined;
        const parameters = {
          isGroup: false,
          bot: { id: this.appId, name: 'esd-bot' },
          members: [{ id: recipient.teamsUserId, name: recipient.name }],
          tenantId: recipient.aadTenantId ?? undefined,
          channelData: recipient.aadTenantId
            ? { tenant: { id: recipient.aadTenantId } }
            : undefined,
        } as ConversationParameters;
        await withTimeout(
          this.adapter.createConversationAsync(
            this.appId,
            'msteams',
            recipient.serviceUrl,
            'https://api.botframework.com',
            parameters,
            async (context) => {
              createdReference = TurnContext.getConversationReference(
                context.activity,
              ) as ConversationReference;
              await context.sendActivity(activity);
            },
          ),
          this.timeoutMs,
        );
        return { createdReference };
      }
    } catch (error) {
      throw classify(error);
    }
    throw new DeliveryError(
      'unreachable',
      'no conversation with this person yet: they must install or message the bot',
    );
  }
}
