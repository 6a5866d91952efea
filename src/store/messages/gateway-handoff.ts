import { z } from '../../config/zod.js';

/** The card that brings a Gateway handoff to the FM. */
export const GATEWAY_HANDOFF_KIND = 'gateway_handoff';

export const gatewayHandoffPayload = z.object({
  handoffId: z.string().min(1),
  tenantId: z.string().min(1),
});
export type HandoffPayload = z.infer<typeof gatewayHandoffPayload>;

/** One card per handoff. */
export const handoffOutboxKey = (handoffId: string) => `handoff:${handoffId}`;
