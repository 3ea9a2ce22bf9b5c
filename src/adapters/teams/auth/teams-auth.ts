/**
 * How the Teams adapter proves who it is and checks who calls it, with the
 * Microsoft 365 Agents SDK. With an app registration (TEAMS_APP_ID) every
 * request to /api/messages must carry a Bot Framework token the SDK's JWT
 * middleware verifies (signature, audience, issuer), and Muster gets its own
 * tokens for the Bot Connector and Microsoft Graph from Entra ID (MSAL, client
 * credentials). Without one, only when TEAMS_ALLOW_UNAUTHENTICATED is set, the
 * SDK's anonymous mode accepts activities that carry no token and Muster sends
 * none: for the Agents Playground and the offline tests, never production.
 *
 * The outbound host allow-list is always on: a forged `serviceUrl` must not
 * make the bot send a conversation (or a token) to any host it names. Every
 * connector call is retried and time-limited by `connectorRetry`
 * (http/connector-retries.ts).
 */
import {
  type AuthConfiguration,
  type AuthProvider,
  type CloudAdapter,
  type Connections,
  OutboundHostValidator,
} from '@microsoft/agents-hosting';
import type { TeamsConfig } from '../../../config.js';
import { ErrorCode, MusterError } from '../../../core/errors.js';
import { CONNECTOR_SERVICE, RetryingCloudAdapter } from '../http/connector-retries.js';
import { RetryPolicy, type RetryPolicyOptions } from '../http/retry-policy.js';

/** An access token for a scope (`https://api.botframework.com`, Graph's `.default`); '' sends none. */
export type AccessTokens = (scope: string) => Promise<string>;

export interface TeamsAuth {
  adapter: CloudAdapter;
  tokens: AccessTokens;
  /** False only in the unauthenticated local mode. */
  authenticated: boolean;
}

/** Hosts a local mode may talk to besides Microsoft's: the Agents Playground and test fakes. */
export const LOCAL_HOSTS: readonly string[] = ['localhost', '127.0.0.1'];

/**
 * The SDK's adapter, configured from Muster's settings. `tokens` replaces
 * MSAL (tests have no Entra ID to ask); by default an authenticated adapter
 * asks Entra ID through the SDK's own connection, a local one sends no token.
 */
export function createTeamsAuth(
  teams: TeamsConfig,
  tokens?: AccessTokens,
  connectorRetry: Omit<RetryPolicyOptions, 'service'> = {},
): TeamsAuth {
  const authenticated = teams.appId !== undefined;
  if (!authenticated && process.env.NODE_ENV?.toLowerCase() === 'production') {
    throw new MusterError(
      ErrorCode.InvalidConfig,
      'Teams cannot run unauthenticated with NODE_ENV=production. Set TEAMS_APP_ID, TEAMS_APP_PASSWORD and TEAMS_TENANT_ID.',
    );
  }
  // Every key is set, even to undefined, so no stray SDK variable in the environment fills one in.
  const config: AuthConfiguration = {
    clientId: teams.appId,
    clientSecret: teams.appPassword,
    tenantId: teams.tenantId,
    authority: teams.authorityUrl,
    authType: authenticated ? 'ClientSecret' : undefined,
    validateIssuer: authenticated,
  };
  const hosts = [teams.serviceUrl, teams.graphUrl]
    .filter((url): url is string => url !== undefined)
    .map((url) => new URL(url).hostname);
  const adapter = new RetryingCloudAdapter(
    new RetryPolicy({ service: CONNECTOR_SERVICE, ...connectorRetry }),
    config,
    undefined,
    undefined,
    { validateServiceUrl: true },
    new OutboundHostValidator({ enabled: true, hosts: authenticated ? hosts : [...hosts, ...LOCAL_HOSTS] }),
  );
  if (tokens || !authenticated) {
    const source = tokens ?? (async () => '');
    adapter.connectionManager = staticConnections(adapter.connectionManager, source);
    return { adapter, tokens: source, authenticated };
  }
  const connections = adapter.connectionManager;
  return {
    adapter,
    tokens: (scope) => connections.getDefaultConnection().getAccessToken(scope),
    authenticated,
  };
}

/** Connections whose every provider answers from `tokens`; the configuration stays the SDK's. */
function staticConnections(inner: Connections, tokens: AccessTokens): Connections {
  const unsupported = (what: string) => () => {
    throw new Error(`Muster's Teams adapter does not use ${what}`);
  };
  const provider: AuthProvider = {
    connectionSettings: inner.getDefaultConnectionConfiguration(),
    getAccessToken: (authConfigOrScope: AuthConfiguration | string, scope?: string) =>
      tokens(typeof authConfigOrScope === 'string' ? authConfigOrScope : (scope ?? '')),
    getAgenticApplicationToken: unsupported('agentic tokens'),
    getAgenticInstanceToken: unsupported('agentic tokens'),
    getAgenticUserToken: unsupported('agentic tokens'),
    acquireTokenOnBehalfOf: unsupported('on-behalf-of tokens'),
  } as AuthProvider;
  return {
    getConnection: () => provider,
    getDefaultConnection: () => provider,
    getTokenProvider: () => provider,
    getTokenProviderFromActivity: () => provider,
    getDefaultConnectionConfiguration: () => inner.getDefaultConnectionConfiguration(),
  };
}
