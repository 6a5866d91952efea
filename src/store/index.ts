/**
 * The one door to the database (dependency-cruiser rule `one-door-to-the-store`): outside src/store,
 * code imports the Store and the types of what it reads and writes from here, never a store module,
 * the context, Kysely or a transaction.
 */
export type { ChangeEsdInput, ChangeEsdResult } from './change-esd.js';
export type { DatabaseTarget, Engine } from './connect.js';
export type { ClaimOptions, OutboxRow, Outcome, Reachability, Recipient } from './delivery.js';
export type { SeedResult } from './demo-data.js';
export {
  type CloudEvent,
  EVENT_TYPE_NAMES,
  EVENT_TYPES,
  type EventPage,
  type EventType,
  MAX_EVENTS_PAGE,
} from './events.js';
export type {
  AcknowledgeResult,
  HandoffDetails,
  HandoffInput,
  HandoffStatus,
  RecordHandoffResult,
} from './gateway-intake.js';
export type { ImportOptions, ImportOutcome, ImportRejection } from './import-workloads.js';
export * from './messages/index.js';
export type { OutboxMessage } from './outbox.js';
export type { Person, PersonSeen } from './people.js';
export type { PersonKey, TenantWorkload } from './queries.js';
export type { RecordNoResponseResult } from './record-no-response.js';
export type {
  ReminderAction,
  ReminderCandidate,
  ReminderResponse,
  StartedAnswer,
  StoredReminder,
} from './reminders.js';
export type { Purged, RetentionPolicy } from './retention.js';
export { StateConflictError, type StateItem, type StateWrite } from './state.js';
export { Store, type StoreOptions } from './store.js';
export type { ReactivateResult, Subscription } from './subscriptions.js';
export type { WorkloadSpec } from './tenants.js';
