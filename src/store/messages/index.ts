/**
 * The outbox message format: one module per message kind, owning its kind name, its payload schema
 * (zod, checked when a row is READ for sending) and its dedupe key. These contracts live on the
 * store's floor (3) so the store can enqueue without importing notify or the bot (floors 4–5);
 * the renderers live in src/notify/render.ts, in a table keyed by these kinds, and parse the payload
 * with the kind's schema: a row whose payload does not parse is cancelled with a clear error, never
 * thrown. No other module spells a kind or builds a key.
 */
export * from './digest.js';
export * from './esd-changed-by-other.js';
export * from './event-push.js';
export * from './gateway-handoff.js';
export * from './read-payload.js';
export * from './reminder.js';
