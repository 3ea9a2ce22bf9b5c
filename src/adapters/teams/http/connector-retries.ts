/**
 * Every Bot Connector call the SDK makes for Muster (proactive messages,
 * replies, card updates, one-to-one chats) goes through the Teams retry
 * policy (retry-policy.ts). The SDK's CloudAdapter builds a connector client
 * per turn and sends over that client's HttpClient with no retry and no time
 * limit; this adapter wraps each client it builds, so no call site can
 * forget. A failure the connector answered becomes a `ConnectorError` with
 * its status and code (the SDK's own error carries the activity sent, a
 * person's words, which must not reach a log); one that got no answer is
 * the policy's `PlatformCallError`.
 *
 * Of the POSTs, only creating a one-to-one chat is repeated after a
 * timeout: Teams answers it with the same chat every time. A posted message
 * is not (see retry-policy.ts).
 */
import {
  CloudAdapter,
  type ConnectorClient,
  HttpError,
  type HttpRequestConfig,
  type HttpResponse,
} from '@microsoft/agents-hosting';
import { pathShape, type RetryPolicy } from './retry-policy.js';

export const CONNECTOR_SERVICE = 'the Teams Bot Connector';

export class ConnectorError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly path: string,
    readonly retryAfter?: string,
  ) {
    super(`${CONNECTOR_SERVICE} answered ${status} ${code} to ${path}`);
    this.name = 'ConnectorError';
  }
}

/** The SDK's CloudAdapter, its connector clients retried by `policy`. */
export class RetryingCloudAdapter extends CloudAdapter {
  constructor(
    private readonly policy: RetryPolicy,
    ...args: ConstructorParameters<typeof CloudAdapter>
  ) {
    super(...args);
  }

  protected override async createConnectorClient(
    ...args: Parameters<CloudAdapter['createConnectorClient']>
  ): Promise<ConnectorClient> {
    return retryConnectorCalls(await super.createConnectorClient(...args), this.policy);
  }

  protected override async createConnectorClientWithIdentity(
    ...args: Parameters<CloudAdapter['createConnectorClientWithIdentity']>
  ): Promise<ConnectorClient> {
    return retryConnectorCalls(await super.createConnectorClientWithIdentity(...args), this.policy);
  }
}

/** Routes a connector client's every request through `policy`; returns the same client. */
export function retryConnectorCalls(client: ConnectorClient, policy: RetryPolicy): ConnectorClient {
  const http = client.httpClient;
  const send = http.request.bind(http);
  http.request = <T>(config: HttpRequestConfig): Promise<HttpResponse<T>> =>
    policy.run(
      { method: config.method, path: config.url, idempotent: createsPersonalChat(config) },
      async (signal) => {
        try {
          return await send<T>({ ...config, signal });
        } catch (error) {
          throw error instanceof HttpError ? connectorError(error) : error;
        }
      },
    );
  return client;
}

/** POST /v3/conversations for a one-to-one chat: Teams answers with the existing chat if there is one. */
function createsPersonalChat(config: HttpRequestConfig): boolean {
  if (config.method.toUpperCase() !== 'POST' || !/^\/?v3\/conversations$/.test(config.url)) return false;
  return (config.data as { isGroup?: unknown } | undefined)?.isGroup !== true;
}

function connectorError(error: HttpError): ConnectorError {
  const body = error.response.data as { error?: { code?: unknown } } | undefined;
  const code = typeof body?.error?.code === 'string' ? body.error.code : 'unknown';
  const path = `${error.config.method.toUpperCase()} ${pathShape(error.config.url)}`;
  const retryAfter = error.response.headers?.get('retry-after') ?? undefined;
  return new ConnectorError(error.status, code, path, retryAfter);
}
