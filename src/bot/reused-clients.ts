import {
  type AuthenticateRequestResult,
  type ClaimsIdentity,
  type ConnectorClient,
  ConnectorFactory,
  JwtTokenValidation,
  type UserTokenClient,
} from 'botframework-connector';
import { withPrecompiledBodies } from './activity-body.js';

/** Distinct app ids × service URLs × audiences are a handful; a bound keeps a flood of forged ones small. */
const MAX_CLIENTS = 64;

/** A map of promises that forgets a rejected one (the next turn tries again) and its oldest entry beyond MAX_CLIENTS. */
class PromiseCache<T> {
  private readonly entries = new Map<string, Promise<T>>();

  get(key: string, make: () => Promise<T>): Promise<T> {
    let entry = this.entries.get(key);
    if (!entry) {
      entry = make();
      entry.catch(() => this.entries.delete(key));
      if (this.entries.size >= MAX_CLIENTS) {
        const oldest = this.entries.keys().next().value;
        if (oldest !== undefined) this.entries.delete(oldest);
      }
      this.entries.set(key, entry);
    }
    return entry;
  }
}

const appIdOf = (identity: ClaimsIdentity) =>
  JwtTokenValidation.getAppIdFromClaims(identity.claims) ?? '';

class ReusingConnectorFactory extends ConnectorFactory {
  constructor(
    private readonly inner: ConnectorFactory,
    private readonly appId: string,
    private readonly cache: PromiseCache<ConnectorClient>,
  ) {
    super();
  }

  override create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    return this.cache.get(`${this.appId}\n${serviceUrl}\n${audience ?? ''}`, () =>
      this.inner.create(serviceUrl, audience).then(withPrecompiledBodies),
    );
  }
}

/**
 * botbuilder builds a new ConnectorClient and UserTokenClient, each with its own HTTP pipeline,
 * for every activity it processes (≈70 µs of a turn here, as much as the rest of an echo turn's
 * adapter work). They hold nothing of the turn (credentials cache their own tokens), so they are
 * kept per app id, service URL and audience. Incoming turns and proactive sends keep separate
 * clients: proactive delivery strips the SDK's own retries from its clients (the outbox retries),
 * and a reply within a turn keeps them. Both send activities without the Azure serializer's walk
 * (activity-body.ts).
 */
export class ReusedClients {
  private readonly turnConnectors = new PromiseCache<ConnectorClient>();
  private readonly proactiveConnectors = new PromiseCache<ConnectorClient>();
  private readonly tokenClients = new PromiseCache<UserTokenClient>();

  /** For an incoming activity: its authentication result, with a connector factory that reuses clients. */
  forTurn(result: AuthenticateRequestResult): AuthenticateRequestResult {
    if (!result.connectorFactory) return result;
    return {
      ...result,
      connectorFactory: new ReusingConnectorFactory(
        result.connectorFactory,
        appIdOf(result.claimsIdentity),
        this.turnConnectors,
      ),
    };
  }

  /** For proactive sends: the adapter's `createConnectorFactory`. */
  forProactive(inner: ConnectorFactory, identity: ClaimsIdentity): ConnectorFactory {
    return new ReusingConnectorFactory(inner, appIdOf(identity), this.proactiveConnectors);
  }

  userTokenClient(identity: ClaimsIdentity, make: () => Promise<UserTokenClient>) {
    return this.tokenClients.get(appIdOf(identity), make);
  }
}
