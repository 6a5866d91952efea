import { LocalIssuer } from './openid.js';
import { TeamsHarness } from './teams.js';

/** The Entra ID app registration the service-caller tests sign in against (issue 17). */
export const ENTRA_AUDIENCE = 'api://esd-bot.example.com';
export const ENTRA_TENANT = '0d9c3a52-1f6b-4e53-9d0e-2b7b4f1c8a11';
const ENTRA_ISSUER = 'https://login.microsoftonline.com/{tenantid}/v2.0';

/**
 * esd-bot with both ways in for other systems: the Gateway's HMAC secret, and Entra ID bearer
 * tokens from a local OpenID/JWKS issuer on 127.0.0.1 (the tenant allowed, the audience set).
 */
export async function startWithServiceCallers(
  engine: 'sqlite' | 'postgres',
  secret: string,
  /** More settings, given the issuer (e.g. Teams SSO for the planner against the same one). */
  more: (issuer: LocalIssuer) => Record<string, string> = () => ({}),
): Promise<{ teams: TeamsHarness; issuer: LocalIssuer; close: () => Promise<void> }> {
  const issuer = await new LocalIssuer(ENTRA_ISSUER).start();
  const teams = await TeamsHarness.start({
    engine,
    env: {
      GATEWAY_WEBHOOK_SECRET: secret,
      ENTRA_API_AUDIENCE: ENTRA_AUDIENCE,
      ENTRA_API_TENANT_IDS: ENTRA_TENANT,
      ENTRA_OPENID_METADATA_URL: issuer.metadataUrl,
      ...more(issuer),
    },
  });
  return {
    teams,
    issuer,
    close: async () => {
      await teams.close();
      await issuer.stop();
    },
  };
}
