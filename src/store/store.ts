import type { CalendarDate, Tenant, Workload } from '../domain/index.js';
import {
  DEFAULT_ESD_WINDOW,
  DEFAULT_OVERWRITE_POLICY,
  type EsdWindow,
  type OverwritePolicy,
} from '../domain/index.js';
import { type ChangeEsdInput, changeEngagementStartDate } from './change-esd.js';
import { type Connection, connect, type DatabaseTarget, migrate } from './connect.js';
import type { StoreContext } from './context.js';
import * as delivery from './delivery.js';
import { seedDemoData } from './demo-data.js';
import * as events from './events.js';
import { exportSnapshot } from './export-workloads.js';
import * as gateway from './gateway-intake.js';
import * as importing from './import-workloads.js';
import { sql } from './kysely.js';
import * as people from './people.js';
import * as planner from './planner.js';
import * as queries from './queries.js';
import { recordNoResponse } from './record-no-response.js';
import * as reminders from './reminders.js';
import * as reports from './reports.js';
import * as retention from './retention.js';
import * as state from './state.js';
import * as subscriptions from './subscriptions.js';
import * as watermark from './sweep-watermark.js';
import { upsertTenant, upsertWorkload, type WorkloadSpec } from './tenants.js';
import { writeTransaction } from './write-transaction.js';

export interface StoreOptions {
  now?: () => Date;
  window?: EsdWindow;
  /** Who may change an assigned FM's date (domain/overwrite-policy.ts); the FAQ's default. */
  overwritePolicy?: OverwritePolicy;
  poolSize?: number;
  afterStatement?: StoreContext['afterStatement'];
}

// Set in the class's static block (which may read the private context); see contextOf below.
let reach: (store: Store) => StoreContext;

/**
 * The only door to the database. Everything the bot, notify, the HTTP server and the CLI read or
 * write goes through these methods; each write is one transaction. The context (Kysely, the
 * engine, the clock) is private: nothing outside src/store reaches a table, a transaction or a
 * store module (the dependency-cruiser rule `one-door-to-the-store`, src/store/index.ts).
 */
export class Store {
  private readonly ctx: StoreContext;

  static {
    reach = (store) => store.ctx;
  }

  private constructor(
    private readonly connection: Connection,
    options: StoreOptions,
  ) {
    this.ctx = {
      db: connection.db,
      engine: connection.engine,
      now: options.now ?? (() => new Date()),
      window: options.window ?? DEFAULT_ESD_WINDOW,
      overwritePolicy: options.overwritePolicy ?? DEFAULT_OVERWRITE_POLICY,
      afterStatement: options.afterStatement,
    };
  }

  /** Connects and brings the schema up to date. */
  static async open(target: DatabaseTarget, options: StoreOptions = {}): Promise<Store> {
    const connection = connect(target, { poolSize: options.poolSize });
    try {
      await migrate(connection);
    } catch (error) {
      await connection.close();
      throw error;
    }
    return new Store(connection, options);
  }

  get engine() {
    return this.connection.engine;
  }

  /** The store's clock (injected in tests): what "now" means for every write. */
  now(): Date {
    return this.ctx.now();
  }

  close(): Promise<void> {
    return this.connection.close();
  }

  /** For /readyz: the database answers a trivial query. */
  async ping(): Promise<boolean> {
    try {
      await sql`select 1`.execute(this.ctx.db);
      return true;
    } catch {
      return false;
    }
  }

  async isEmpty(): Promise<boolean> {
    const row = await this.ctx.db.selectFrom('tenants').select('id').limit(1).executeTakeFirst();
    return !row;
  }

  /** Creates or updates a tenant and its workloads (status, channel; never the ESD), in one transaction. */
  async registerTenant(
    tenant: Tenant,
    workloads: Omit<WorkloadSpec, 'tenantId'>[],
  ): Promise<Workload[]> {
    return writeTransaction(this.ctx, async (trx) => {
      await upsertTenant(trx, this.ctx, tenant);
      const saved: Workload[] = [];
      for (const spec of workloads)
        saved.push(await upsertWorkload(trx, this.ctx, { ...spec, tenantId: tenant.id }));
      await events.positionEvents(trx);
      return saved;
    });
  }

  changeEngagementStartDate = (input: ChangeEsdInput) => changeEngagementStartDate(this.ctx, input);
  recordNoResponse = (input: Parameters<typeof recordNoResponse>[1]) =>
    recordNoResponse(this.ctx, input);

  workloadsAssignedTo = (person: queries.PersonKey) =>
    queries.workloadsAssignedTo(this.ctx, person);
  upcomingFor = (...args: Tail<Parameters<typeof queries.upcomingFor>>) =>
    queries.upcomingFor(this.ctx, ...args);
  getWorkload = (id: string) => queries.getWorkload(this.ctx, id);
  getTenant = (id: string) => queries.getTenant(this.ctx, id);
  searchTenants = (query: string, limit?: number) => queries.searchTenants(this.ctx, query, limit);
  tenantWorkloads = (tenantId: string) => queries.tenantWorkloads(this.ctx, tenantId);
  workloadHistory = (workloadId: string) => queries.workloadHistory(this.ctx, workloadId);
  searchWorkloads = (search: Parameters<typeof queries.searchWorkloads>[1]) =>
    queries.searchWorkloads(this.ctx, search);
  tenantHistory = (tenantId: string) => queries.tenantHistory(this.ctx, tenantId);
  statusNotes = (tenantId: string) => queries.statusNotes(this.ctx, tenantId);
  getEsdChange = (id: number) => queries.getEsdChange(this.ctx, id);

  getPerson = (aadObjectId: string) => people.getPerson(this.ctx, aadObjectId);
  upsertPerson = (seen: people.PersonSeen) => people.upsertPerson(this.ctx, seen);
  loadActor = (identity: Parameters<typeof people.loadActor>[1]) =>
    people.loadActor(this.ctx, identity);
  loadActorAndReachability = (
    identity: Parameters<typeof people.loadActor>[1],
    stateKey?: string,
  ) => people.loadActorAndReachability(this.ctx, identity, stateKey);
  grantRole = (grant: Parameters<typeof people.grantRole>[1]) => people.grantRole(this.ctx, grant);
  revokeRole = (...args: Tail<Parameters<typeof people.revokeRole>>) =>
    people.revokeRole(this.ctx, ...args);
  setPartner = (...args: Tail<Parameters<typeof people.setPartner>>) =>
    people.setPartner(this.ctx, ...args);
  listRoleGrants = () => people.listRoleGrants(this.ctx);

  readState = (keys: readonly string[]) => state.readState(this.ctx, keys);
  writeState = (writes: readonly state.StateWrite[]) => state.writeState(this.ctx, writes);
  deleteState = (keys: readonly string[]) => state.deleteState(this.ctx, keys);

  recordHandoff = (handoff: gateway.HandoffInput, bodyHash: string, signature: string) =>
    gateway.recordHandoff(this.ctx, handoff, bodyHash, signature);
  getHandoff = (handoffId: string) => gateway.getHandoff(this.ctx, handoffId);
  getHandoffDetails = (handoffId: string) => gateway.getHandoffDetails(this.ctx, handoffId);
  acknowledgeHandoff = (handoffId: string, at: Date) =>
    gateway.acknowledgeHandoff(this.ctx, handoffId, at);

  // What the reports read (src/store/reports.ts).
  capacityData = (from: CalendarDate, to: CalendarDate) => reports.capacityData(this.ctx, from, to);
  startedKeys = (from: CalendarDate, to: CalendarDate) => reports.startedKeys(this.ctx, from, to);
  documentedKeys = (from: CalendarDate, to: CalendarDate) =>
    reports.documentedKeys(this.ctx, from, to);
  fmStartsBetween = (from: CalendarDate, to: CalendarDate, fmUpn?: string | null) =>
    reports.fmStartsBetween(this.ctx, from, to, fmUpn);
  tenantWithWorkloads = (tenantId: string) => queries.tenantWithWorkloads(this.ctx, tenantId);
  tenantsMatching = (query: string, limit?: number) =>
    reports.tenantsMatching(this.ctx, query, limit);

  // The bulk paths in and out (src/store/import-workloads.ts, export-workloads.ts).
  importWorkloadRows = (
    rows: Parameters<typeof importing.importWorkloadRows>[1],
    options: importing.ImportOptions,
  ) => importing.importWorkloadRows(this.ctx, rows, options);
  exportSnapshot = () => exportSnapshot(this.ctx);

  // Demo data (src/store/demo-data.ts): one transaction, nothing if a demo tenant exists.
  seedDemoData = () => seedDemoData(this.ctx);

  // Proactive delivery (src/store/delivery.ts): reachability, the outbox lease cycle, counts.
  saveReachability = (...args: Tail<Parameters<typeof delivery.saveReachability>>) =>
    delivery.saveReachability(this.ctx, ...args);
  forgetConversation = (aadObjectId: string) => delivery.forgetConversation(this.ctx, aadObjectId);
  markUnreachable = (aadObjectId: string) => delivery.markUnreachable(this.ctx, aadObjectId);
  isReachable = (aadObjectId: string) => delivery.isReachable(this.ctx, aadObjectId);
  claimDue = (options: delivery.ClaimOptions) => delivery.claimDue(this.ctx, options);
  fenceLease = (...args: Tail<Parameters<typeof delivery.fenceLease>>) =>
    delivery.fenceLease(this.ctx, ...args);
  extendLeases = (...args: Tail<Parameters<typeof delivery.extendLeases>>) =>
    delivery.extendLeases(this.ctx, ...args);
  settle = (...args: Tail<Parameters<typeof delivery.settle>>) =>
    delivery.settle(this.ctx, ...args);
  releaseLeases = (owner: string) => delivery.releaseLeases(this.ctx, owner);
  deferRow = (...args: Tail<Parameters<typeof delivery.deferRow>>) =>
    delivery.deferRow(this.ctx, ...args);
  findRecipient = (row: delivery.OutboxRow) => delivery.findRecipient(this.ctx, row);
  outboxCounts = () => delivery.outboxCounts(this.ctx);

  // Reminders and the sweep (src/store/reminders.ts, src/store/sweep-watermark.ts).
  reminderCandidates = (from: CalendarDate, to: CalendarDate) =>
    reminders.reminderCandidates(this.ctx, from, to);
  enqueueAll = (messages: Parameters<typeof reminders.enqueueAll>[1]) =>
    reminders.enqueueAll(this.ctx, messages);
  reminderToken = (outboxId: number) => reminders.reminderToken(this.ctx, outboxId);
  reminderTokens = (outboxIds: readonly number[]) => reminders.reminderTokens(this.ctx, outboxIds);
  findReminder = (token: string) => reminders.findReminder(this.ctx, token);
  respondToReminder = (input: Parameters<typeof reminders.respondToReminder>[1]) =>
    reminders.respondToReminder(this.ctx, input);
  answerCommunicationStarted = (
    input: Parameters<typeof reminders.answerCommunicationStarted>[1],
  ) => reminders.answerCommunicationStarted(this.ctx, input);
  reminderClosed = (workloadId: string, date: CalendarDate) =>
    reminders.reminderClosed(this.ctx, workloadId, date);
  probeSweep = (fingerprint: string, asOf: Date) =>
    watermark.probeSweep(this.ctx, fingerprint, asOf);
  recordSweep = (sweep: Parameters<typeof watermark.recordSweep>[1]) =>
    watermark.recordSweep(this.ctx, sweep);
  readSweepWatermark = () => watermark.readSweepWatermark(this.ctx);

  // The event feed (src/store/events.ts, issue 17).
  readEvents = (after: number, limit: number, types?: readonly string[]) =>
    events.readEvents(this.ctx, after, limit, types);

  // Push subscriptions to the feed (src/store/subscriptions.ts, issue 17).
  addSubscription = (input: Parameters<typeof subscriptions.addSubscription>[1]) =>
    subscriptions.addSubscription(this.ctx, input);
  listSubscriptions = () => subscriptions.listSubscriptions(this.ctx);
  getSubscription = (id: string) => subscriptions.getSubscription(this.ctx, id);
  removeSubscription = (id: string) => subscriptions.removeSubscription(this.ctx, id);
  /** Active again, failures cleared, held pushes sent; with `from`, a replay from that cursor. */
  reactivateSubscription = (id: string, from?: number) =>
    subscriptions.reactivateSubscription(this.ctx, id, from);
  activeSubscriptionIds = () => subscriptions.activeSubscriptionIds(this.ctx);
  pumpSubscription = (id: string, batch?: number) =>
    subscriptions.pumpSubscription(this.ctx, id, batch);
  recordPushResult = (...args: Tail<Parameters<typeof subscriptions.recordPushResult>>) =>
    subscriptions.recordPushResult(this.ctx, ...args);
  subscriptionCounts = () => subscriptions.subscriptionCounts(this.ctx);

  // Retention (src/store/retention.ts).
  purgeExpired = (policy: retention.RetentionPolicy) => retention.purgeExpired(this.ctx, policy);
  countLongWaiting = (days?: number) => retention.countLongWaiting(this.ctx, days);
  /** The planner tab (src/store/planner.ts). */
  plannerStarts = (from: CalendarDate, to: CalendarDate) =>
    planner.plannerStarts(this.ctx, from, to);
}

/**
 * The context behind a Store, for src/store's own modules and for tests that inspect tables
 * directly. Not exported from src/store/index.ts: outside src/store, the Store's methods are the door.
 */
export const contextOf = (store: Store): StoreContext => reach(store);

type Tail<T extends unknown[]> = T extends [unknown, ...infer R] ? R : never;
