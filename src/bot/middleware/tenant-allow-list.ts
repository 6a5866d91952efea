import type { Middleware, TurnContext } from 'botbuilder';
import { resolveLanguage } from '../../i18n/language.js';
import { t } from '../../i18n/translate.js';
import type { Logger } from '../../log/logger.js';

export function tenantOf(context: TurnContext): string | null {
  const activity = context.activity;
  const fromChannelData = (activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant
    ?.id;
  return (activity.conversation?.tenantId ?? fromChannelData ?? null)?.toLowerCase() ?? null;
}

/**
 * The invoke response for a refused invoke. A card press (adaptiveCard/action) gets HTTP 200 with
 * an AdaptiveCardInvokeResponse of type application/vnd.microsoft.error, the Universal Actions
 * way to say "refused" (Teams shows it under the card); any other invoke gets a bare 403. Without
 * it botbuilder answers 501 "not implemented", which is not what happened.
 */
export function refusedInvoke(name: string | undefined, locale?: string) {
  return name === 'adaptiveCard/action'
    ? {
        status: 200,
        body: {
          statusCode: 403,
          type: 'application/vnd.microsoft.error',
          value: {
            code: 'Forbidden',
            message: t(resolveLanguage(locale), 'general.tenantNotServed'),
          },
        },
      }
    : { status: 403 };
}

/**
 * With ALLOWED_TENANT_IDS set, activities from any other Entra tenant are dropped: messages and
 * events unanswered, invokes refused (refusedInvoke), nothing of the bot run.
 */
export function tenantAllowList(allowed: readonly string[], logger: Logger): Middleware {
  const set = new Set(allowed.map((id) => id.toLowerCase()));
  return {
    async onTurn(context: TurnContext, next: () => Promise<void>) {
      if (set.size > 0) {
        const tenant = tenantOf(context);
        if (!tenant || !set.has(tenant)) {
          logger.warn(
            { tenant, type: context.activity.type },
            'activity from a tenant outside ALLOWED_TENANT_IDS ignored',
          );
          if (context.activity.type === 'invoke')
            await context.sendActivity({
              type: 'invokeResponse',
              value: refusedInvoke(context.activity.name, context.activity.locale),
            });
          return;
        }
      }
      await next();
    },
  };
}
