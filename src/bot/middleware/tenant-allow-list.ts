import type { Middleware, TurnContext } from 'botbuilder';
import type { Logger } from '../../log/logger.js';

export function tenantOf(context: TurnContext): string | null {
  const activity = context.activity;
  const fromChannelData = (activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant
    ?.id;
  return (activity.conversation?.tenantId ?? fromChannelData ?? null)?.toLowerCase() ?? null;
}

/** With ALLOWED_TENANT_IDS set, activities from any other Entra tenant are dropped unanswered. */
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
          return;
        }
      }
      await next();
    },
  };
}
