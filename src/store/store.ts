import { sql } from 'kysely';
import type { CalendarDate, Tenant, Workload } from '../domain/index.js';
import { DEFAULT_ESD_WINDOW, type EsdWindow } from '../domain/index.js';
import { type ChangeEsdInput, changeEngagementStartDate } from './change-esd.js';
import { type Connection, connect, type DatabaseTarget, migrate } from './connect.js';
import type { StoreContext } from './context.js';
import * as gateway from './gateway-intake.js';
import * as people from './people.js';
import * as planner from './planner.js';
import * as queries from './queries.js';
import { recordNoResponse } from './record-no-response.js';
import * as reports from './reports.js';
import * as retention from './retention.js';
import * as state from './state.js';
import { upsertTenant, upsertWorkload, type WorkloadSpec } from './tenants.js';

export interface StoreOptions {
  now?: () => Date;
  window?: EsdWindow;
  poolSize?: number;
  afterStatement?: StoreContext['afterStatement'];
}

/**
 * The only door to the database. Everything the bot, the HTTP server and the CLI read or write
 * goes through these methods; each write is one transaction.
 */
export class Store {
  readonly ctx: StoreContext;

  private constructor(
    private readonly connection: Connection,
    options: StoreOptions,
  ) {
    this.ctx = {
      db: connection.db,
      engine: connection.engine,
      now: options.now ?? (() => new Date()),
      window: options.window ?? DEFAULT_ESD_WINDOW,
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
    return this.ctx.db.transaction().execute(async (trx) => {
      await upsertTenant(trx, this.ctx, tenant);
      const saved: Workload[] = [];
      for (const spec of workloads)
        saved.push(await upsertWorkload(trx, this.ctx, { ...spec, tenantId: tenant.id }));
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
  tenantHistory = (tenantId: string) => queries.tenantHistory(this.ctx, tenantId);
  statusNotes = (tenantId: string) => queries.statusNotes(this.ctx, tenantId);

  getPerson = (aadObjectId: string) => people.getPerson(this.ctx, aadObjectId);
  upsertPerson = (seen: people.PersonSeen) => people.upsertPerson(this.ctx, seen);
  loadActor = (identity: Parameters<typeof people.loadActor>[1]) =>
    people.loadActor(this.ctx, identity);
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

  // Reports, import and export (src/store/reports.ts).
  capacityData = (from: CalendarDate, to: CalendarDate) => reports.capacityData(this.ctx, from, to);
  startedKeys = (from: CalendarDate, to: CalendarDate) => reports.startedKeys(this.ctx, from, to);
  fmStartsBetween = (from: CalendarDate, to: CalendarDate, fmUpn?: string | null) =>
    reports.fmStartsBetween(this.ctx, from, to, fmUpn);
  tenantWithWorkloads = (tenantId: string) => reports.tenantWithWorkloads(this.ctx, tenantId);
  tenantsMatching = (query: string, limit?: number) =>
    reports.tenantsMatching(this.ctx, query, limit);
  importWorkloadRows = (
    rows: Parameters<typeof reports.importWorkloadRows>[1],
    options: reports.ImportOptions,
  ) => reports.importWorkloadRows(this.ctx, rows, options);
  exportSnapshot = () => reports.exportSnapshot(this.ctx);

  // Retention (src/store/retention.ts).
  purgeExpired = (policy: retention.RetentionPolicy) => retention.purgeExpired(this.ctx, policy);
  countLongWaiting = (days?: number) => retention.countLongWaiting(this.ctx, days);
  /** The planner tab (src/store/planner.ts). */
  plannerStarts = (from: CalendarDate, to: CalendarDate) =>
    planner.plannerStarts(this.ctx, from, to);
}

type Tail<T extends unknown[]> = T extends [unknown, ...infer R] ? R : never;
