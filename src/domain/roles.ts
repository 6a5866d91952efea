/** Roles of the people who touch an Engagement Start Date (domain.md, "Who is who"). */
export const ROLES = ['fm', 'gateway', 'fta', 're_engagement', 'fe', 'frp', 'manager'] as const;

export type Role = (typeof ROLES)[number];

/** Roles granted in the store (with the CLI); `fm` and `frp` follow from the assignment. */
export const GRANTABLE_ROLES = ['gateway', 'fta', 're_engagement', 'fe', 'manager'] as const;
export type GrantableRole = (typeof GRANTABLE_ROLES)[number];

export function isGrantableRole(value: unknown): value is GrantableRole {
  return typeof value === 'string' && (GRANTABLE_ROLES as readonly string[]).includes(value);
}
