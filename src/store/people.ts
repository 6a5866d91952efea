import type { Actor, GrantableRole } from '../domain/index.js';
import { isGrantableRole } from '../domain/index.js';
import { isoNow, type StoreContext } from './context.js';
import { CompiledQuery } from './kysely.js';
import { prepared } from './prepared.js';
import { type StateItem, stateItemOf } from './state.js';

export interface Person {
  aadObjectId: string;
  upn: string | null;
  name: string;
  aadTenantId: string | null;
  locale: string | null;
  timeZone: string | null;
  conversationRef: unknown | null;
  reachable: boolean;
}

export interface PersonSeen {
  aadObjectId: string;
  name: string;
  upn?: string | null;
  aadTenantId?: string | null;
  locale?: string | null;
  timeZone?: string | null;
}

export async function getPerson(ctx: StoreContext, aadObjectId: string): Promise<Person | null> {
  const row = await ctx.db
    .selectFrom('people')
    .selectAll()
    .where('aad_object_id', '=', aadObjectId.toLowerCase())
    .executeTakeFirst();
  if (!row) return null;
  return {
    aadObjectId: row.aad_object_id,
    upn: row.upn,
    name: row.name,
    aadTenantId: row.aad_tenant_id,
    locale: row.locale,
    timeZone: row.time_zone,
    conversationRef: row.conversation_ref ? JSON.parse(row.conversation_ref) : null,
    reachable: row.reachable === 1,
  };
}

/** Records who wrote to the bot; known fields are kept when a later activity lacks them. */
export async function upsertPerson(ctx: StoreContext, seen: PersonSeen): Promise<void> {
  const now = isoNow(ctx);
  const values = {
    aad_object_id: seen.aadObjectId.toLowerCase(),
    upn: seen.upn?.toLowerCase() ?? null,
    name: seen.name,
    aad_tenant_id: seen.aadTenantId ?? null,
    locale: seen.locale ?? null,
    time_zone: seen.timeZone ?? null,
    reachable: 1,
    created_at: now,
    updated_at: now,
  };
  await ctx.db
    .insertInto('people')
    .values(values)
    .onConflict((oc) =>
      oc.column('aad_object_id').doUpdateSet((eb) => ({
        name: values.name,
        upn: eb.fn.coalesce(eb.val(values.upn), eb.ref('people.upn')),
        aad_tenant_id: eb.fn.coalesce(eb.val(values.aad_tenant_id), eb.ref('people.aad_tenant_id')),
        locale: eb.fn.coalesce(eb.val(values.locale), eb.ref('people.locale')),
        time_zone: eb.fn.coalesce(eb.val(values.time_zone), eb.ref('people.time_zone')),
        updated_at: now,
      })),
    )
    .execute();
}

export async function grantRole(
  ctx: StoreContext,
  grant: { upn: string; role: GrantableRole; grantedBy: string },
): Promise<void> {
  const upn = grant.upn.trim().toLowerCase();
  await ctx.db
    .insertInto('role_grants')
    .values({
      upn,
      role: grant.role,
      partner_name: null,
      granted_by: grant.grantedBy,
      granted_at: isoNow(ctx),
    })
    .onConflict((oc) => oc.columns(['upn', 'role']).doNothing())
    .execute();
}

export async function revokeRole(
  ctx: StoreContext,
  upn: string,
  role: GrantableRole,
): Promise<boolean> {
  const result = await ctx.db
    .deleteFrom('role_grants')
    .where('upn', '=', upn.trim().toLowerCase())
    .where('role', '=', role)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Records that a person speaks for a FastTrack Ready Partner (R11). */
export async function setPartner(
  ctx: StoreContext,
  upn: string,
  partnerName: string,
  grantedBy: string,
) {
  await ctx.db
    .insertInto('role_grants')
    .values({
      upn: upn.trim().toLowerCase(),
      role: 'frp',
      partner_name: partnerName.trim(),
      granted_by: grantedBy,
      granted_at: isoNow(ctx),
    })
    .onConflict((oc) =>
      oc.columns(['upn', 'role']).doUpdateSet({ partner_name: partnerName.trim() }),
    )
    .execute();
}

export async function listRoleGrants(ctx: StoreContext) {
  return ctx.db.selectFrom('role_grants').selectAll().orderBy('upn').orderBy('role').execute();
}

type ActorIdentity = { aadObjectId?: string | null; upn?: string | null; name: string };

function toActor(
  identity: ActorIdentity,
  upn: string | null,
  grants: readonly { role: string | null; partner_name: string | null }[],
): Actor {
  return {
    aadObjectId: identity.aadObjectId?.toLowerCase() ?? null,
    upn,
    name: identity.name,
    roles: grants.map((g) => g.role).filter(isGrantableRole),
    partnerName: grants.find((g) => g.role === 'frp')?.partner_name ?? null,
  };
}

/** The actor the rules module sees: identity plus the roles granted to the UPN. */
export async function loadActor(ctx: StoreContext, identity: ActorIdentity): Promise<Actor> {
  const upn = identity.upn?.trim().toLowerCase() ?? null;
  const grants = upn
    ? await ctx.db.selectFrom('role_grants').selectAll().where('upn', '=', upn).execute()
    : [];
  return toActor(identity, upn, grants);
}

/**
 * The one read a bot turn starts with (issue 20): the grants and the person's reachability flag
 * beside them, and when `stateKey` is given that dialog state item. One row per grant, or one
 * row without; the flag and the state are the same on each. Constant texts: on PostgreSQL a named
 * prepared statement (prepared.ts), on SQLite one of the connection's kept statements; columns
 * are named, never `*` (a prepared `*` fails once a migration adds a column).
 */
const TURN_READ_FROM = `
    left join people p on p.aad_object_id = k.aad
    left join bot_state s on s.key = k.state_key
    left join role_grants g on g.upn = k.upn`;
const TURN_READ_SELECT = 'select p.reachable, s.etag, s.data, g.role, g.partner_name';
const TURN_READ = {
  postgres: prepared(`${TURN_READ_SELECT}
    from (select $1::text as aad, $2::text as upn, $3::text as state_key) k${TURN_READ_FROM}`),
  sqlite: `${TURN_READ_SELECT}
    from (select cast(? as text) as aad, cast(? as text) as upn, cast(? as text) as state_key) k${TURN_READ_FROM}`,
} as const;

/**
 * loadActor, whether the person (by AAD object id) is marked reachable, as isReachable says, and
 * with `stateKey` the state item readState would find under it (null when none is stored): one
 * statement for what a bot turn asks of all three (round trips fewer on PostgreSQL).
 */
export async function loadActorAndReachability(
  ctx: StoreContext,
  identity: ActorIdentity,
  stateKey?: string,
): Promise<{ actor: Actor; reachable: boolean; state: StateItem | null }> {
  const upn = identity.upn?.trim().toLowerCase() ?? null;
  const aad = identity.aadObjectId?.toLowerCase() ?? null;
  if (!aad && stateKey === undefined)
    return { actor: await loadActor(ctx, identity), reachable: false, state: null };
  const { rows } = await ctx.db.executeQuery<{
    reachable: number | null;
    etag: string | null;
    data: string | null;
    role: string | null;
    partner_name: string | null;
  }>(CompiledQuery.raw(TURN_READ[ctx.engine], [aad, upn, stateKey ?? null]));
  const first = rows[0];
  const grants = rows.filter((r) => r.role !== null);
  return {
    actor: toActor(identity, upn, grants),
    reachable: first?.reachable === 1,
    state: first?.etag != null ? stateItemOf(first.etag, first.data as string) : null,
  };
}
