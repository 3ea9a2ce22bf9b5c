/**
 * `POST /api/messages` on the process's one HTTP listener: Teams (Azure Bot
 * Service) delivers every activity here. The body is read (up to 1 MB), the
 * SDK's JWT middleware checks the token (or lets an untokened request
 * through in the local mode only), and the CloudAdapter runs the turn. A
 * message is answered 200 at once and handled afterwards, in a continuation
 * of its conversation, as Teams asks of slow work (a channel takes several
 * Graph calls); an invoke (a card's Action.Execute) is handled first,
 * because its answer is the HTTP response.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Activity } from '@microsoft/agents-activity';
import type {
  AgentApplication,
  CloudAdapter,
  Request,
  TurnState,
  WebResponse,
} from '@microsoft/agents-hosting';
import { type HttpServer, sendJson } from '../../http/http-server.js';
import type { Logger } from '../../logging/logger.js';
import type { InFlight } from '../../shared/in-flight.js';
import { TEAMS_MESSAGES_PATH } from '../ids.js';

const MAX_BODY_BYTES = 1024 * 1024;

export interface MessagesRouteOptions {
  adapter: CloudAdapter;
  app: AgentApplication<TurnState>;
  logger: Logger;
  /** Turns still running after their response; shutdown and tests wait for them. */
  handlers: InFlight;
  /** Called with each authenticated request, before its turn runs. */
  onAuthorized?: (req: IncomingMessage) => void;
}

export function registerMessagesRoute(http: HttpServer, options: MessagesRouteOptions): void {
  const { adapter, app, logger, handlers } = options;
  http.route('POST', TEAMS_MESSAGES_PATH, async (req, res) => {
    const body = await readJson(req);
    if (body === undefined) return sendJson(res, 400, { error: 'send the activity as a JSON object' });
    if (body === 'too-large') return sendJson(res, 413, { error: 'the activity is larger than 1 MB' });
    const request: Request = { body, headers: req.headers, method: req.method ?? 'POST' };
    const response = webResponse(res);
    let authorized = false;
    await adapter.authorizeRequest(request, response, () => {
      authorized = true;
    });
    // The middleware has already answered 401 (or 405).
    if (!authorized) return;
    options.onAuthorized?.(req);
    await adapter.process(request, response, async (context) => {
      if (context.activity.type === 'invoke') {
        await app.run(context);
        return;
      }
      // The SDK revokes a turn's context once its response is sent, so the work goes on in a
      // continuation of the same conversation carrying the same activity (the SDK's long-running pattern).
      const activity = Activity.fromObject(context.activity);
      const later = adapter.continueConversation(
        context.identity,
        activity.getConversationReference(),
        (next) => {
          Object.assign(next.activity, activity);
          return app.run(next);
        },
      );
      handlers.track(
        later.catch((error: unknown) => {
          logger.error('Teams turn failed', { type: activity.type, error });
        }),
      );
    });
  });
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown> | 'too-large' | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return 'too-large';
    chunks.push(chunk as Buffer);
  }
  try {
    const parsed: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** Node's response in the shape the SDK writes to (Express-like `status`, `send`, `end`). */
function webResponse(res: ServerResponse): WebResponse {
  const response: WebResponse = {
    get headersSent() {
      return res.headersSent;
    },
    get writableEnded() {
      return res.writableEnded;
    },
    status(code) {
      res.statusCode = code;
      return response;
    },
    setHeader(name, value) {
      if (!res.headersSent) res.setHeader(name, value);
      return response;
    },
    send(body) {
      if (res.writableEnded) return response;
      if (body === undefined || body === null) {
        res.end();
      } else if (typeof body === 'string' || Buffer.isBuffer(body)) {
        res.end(body);
      } else {
        if (!res.headersSent) res.setHeader('content-type', 'application/json; charset=utf-8');
        res.end(JSON.stringify(body));
      }
      return response;
    },
    end() {
      if (!res.writableEnded) res.end();
      return response;
    },
  };
  return response;
}
