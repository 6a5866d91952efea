import type { Generated } from 'kysely';
import type {
  Basis,
  CalendarDate,
  ChangeSource,
  DeliveryChannel,
  L1Status,
  Role,
  WorkloadCode,
} from '../domain/index.js';

/**
 * Table types for Kysely. Calendar dates are `YYYY-MM-DD` text and instants ISO-8601 UTC text
 * in both engines, so values read back are identical on SQLite and PostgreSQL and never pass
 * through a time zone. Booleans are 0/1 integers for the same reason. A column that holds one of
 * the domain's closed sets is typed with its union, so rows read back need no cast; the writes
 * that fill them already hold the domain's values (validated at the edge with zod).
 */
export interface Database {
  tenants: TenantsTable;
  workloads: WorkloadsTable;
  esd_changes: EsdChangesTable;
  status_notes: StatusNotesTable;
  people: PeopleTable;
  role_grants: RoleGrantsTable;
  outbox: OutboxTable;
  gateway_handoffs: GatewayHandoffsTable;
  bot_state: BotStateTable;
  reminder_responses: ReminderResponsesTable;
  webhook_replays: WebhookReplaysTable;
  reminder_tokens: ReminderTokensTable;
  events: EventsTable;
  event_log: EventLogTable;
  subscriptions: SubscriptionsTable;
}

export interface TenantsTable {
  id: string;
  name: string;
  customer_name: string;
  created_at: string;
  updated_at: string;
}

export interface WorkloadsTable {
  id: string;
  tenant_id: string;
  code: WorkloadCode;
  /** The effective L1 status of the lines below (In Progress when any seats are: R1). */
  l1_status: L1Status;
  /** Migration 007: the entitlement lines, a JSON array in L1 order (src/store/entitlements.ts). */
  entitlements: Generated<string>;
  esd_date: CalendarDate | null;
  esd_estimate: number;
  esd_basis: Basis | null;
  channel_type: DeliveryChannel['type'];
  /** Lower-cased, so lookups by UPN need no function on the column. */
  fm_upn: string | null;
  fm_aad_object_id: string | null;
  frp_partner_name: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface EsdChangesTable {
  id: Generated<number>;
  workload_id: string;
  tenant_id: string;
  old_date: CalendarDate | null;
  old_estimate: number | null;
  new_date: CalendarDate;
  new_estimate: number;
  basis: Basis;
  actor_name: string;
  actor_upn: string | null;
  actor_aad_object_id: string | null;
  role: Role;
  source: ChangeSource;
  reason: string;
  note_id: number;
  changed_at: string;
}

export interface StatusNotesTable {
  id: Generated<number>;
  tenant_id: string;
  workload_id: string | null;
  /** The one category esd-bot writes (StatusNote's `category`). */
  category: 'overall_status';
  text: string;
  author_name: string;
  author_upn: string | null;
  author_aad_object_id: string | null;
  created_at: string;
}

export interface PeopleTable {
  aad_object_id: string;
  upn: string | null;
  name: string;
  aad_tenant_id: string | null;
  locale: string | null;
  time_zone: string | null;
  conversation_ref: string | null;
  reachable: number;
  teams_user_id: string | null;
  service_url: string | null;
  created_at: string;
  updated_at: string;
}

export interface RoleGrantsTable {
  upn: string;
  role: Role;
  partner_name: string | null;
  granted_by: string;
  granted_at: string;
}

export interface OutboxTable {
  id: Generated<number>;
  kind: string;
  /** At most one row per key: the same message is never queued twice. */
  dedupe_key: string;
  workload_id: string | null;
  recipient_aad_object_id: string | null;
  recipient_upn: string | null;
  payload: string;
  status: OutboxStatus;
  due_at: string;
  attempts: number;
  lease_owner: string | null;
  lease_until: string | null;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
}

/**
 * An outbox row's life: pending (due at due_at), waiting (for the person to be reachable), then
 * sent, dead (attempts used up) or cancelled (src/store/delivery.ts, outbox.ts).
 */
export type OutboxStatus = 'pending' | 'waiting' | 'sent' | 'dead' | 'cancelled';

export interface GatewayHandoffsTable {
  handoff_id: string;
  body_hash: string;
  result: string;
  tenant_id: string;
  created_at: string;
  notified_at: string | null;
  acknowledged_at: string | null;
}

export interface BotStateTable {
  key: string;
  etag: string;
  data: string;
  updated_at: string;
}

/** An FM's answer to a reminder: the communication started, or R7's no answer / inactive. */
export type ReminderAction = 'started' | 'no_answer' | 'inactive';

export interface ReminderResponsesTable {
  outbox_id: number;
  workload_id: string;
  esd_date: string;
  action: ReminderAction;
  actor_name: string;
  actor_upn: string | null;
  responded_at: string;
}

export interface WebhookReplaysTable {
  /** SHA-256 of the request's signature header value. */
  signature: string;
  seen_at: string;
}

/** A reminder card's reference to its outbox row (migration 004): random, never sequential. */
export interface ReminderTokensTable {
  token: string;
  outbox_id: number;
  created_at: string;
}

/** The event feed (migration 008, src/store/events.ts). */
export interface EventsTable {
  id: Generated<number>;
  /**
   * Null until numbered: by the writing transaction's last statement on SQLite, after commit by the
   * feed's next reader on PostgreSQL (event-positioner.ts).
   */
  position: number | string | null;
  event_id: string;
  type: string;
  tenant_id: string | null;
  subject: string | null;
  time: string;
  /** The CloudEvent's data, as JSON text. */
  data: string;
}

export interface EventLogTable {
  id: number;
  last_position: number | string;
  purged_through: number | string;
}

/** Push subscriptions (migration 009, src/store/subscriptions.ts). */
export interface SubscriptionsTable {
  id: string;
  url: string;
  /** A JSON array of event types; empty: every type. */
  types: string;
  /** Signs each push (HMAC-SHA256); shown once, when generated. */
  secret: string;
  /** The feed position up to which events were queued for this subscription. */
  cursor_position: number | string;
  /** Grows on each replay: the outbox key of a push names it. */
  epoch: number;
  state: 'active' | 'suspended';
  consecutive_failures: number;
  last_error: string | null;
  suspended_at: string | null;
  created_at: string;
  updated_at: string;
}
