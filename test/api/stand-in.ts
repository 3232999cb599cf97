/**
 * A local stand-in for Blinger's REST API, built from its documentation (the examples of the
 * "API → Conversation" and "API → Operator" pages), on a real node:http server on 127.0.0.1.
 * It records every request, and answers either as the documentation shows or with scripted
 * answers queued by a test (429, 503, slow, non-JSON...).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** One request as the stand-in received it. */
export interface RecordedRequest {
  readonly method: string;
  /** The path without the query, such as `/api/conversations/send-message`. */
  readonly path: string;
  readonly query: Record<string, string>;
  /** The `Authentication` header, or `undefined` when absent. */
  readonly authentication: string | undefined;
  /** The `Authorization` header, or `undefined` when absent. */
  readonly authorization: string | undefined;
  readonly contentType: string | undefined;
  /** The body, parsed as JSON or as a form; `undefined` when empty. */
  readonly body: unknown;
}

/** A scripted answer. */
export interface ScriptedAnswer {
  readonly status: number;
  /** A string is sent as it is; anything else as JSON. */
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
  /** Wait this long before answering, in ms. */
  readonly delayMs?: number;
  /** Drop the connection instead of answering. */
  readonly destroy?: boolean;
}

/** The conversation object of Blinger's "Start conversation" example (the 64-character token filled in). */
export const documentedConversation = {
  id: 2,
  user_id: 1,
  operator_user_id: 1,
  from_blinger_user_id: 5,
  to_blinger_user_id: 4,
  from_user_name: 'LiveChat client #5',
  to_user_name: 'user@gmail.com',
  application: 'livechat',
  last_message: '124124',
  unread_count: 0,
  status: 'inbox',
  date_created: 1559737532,
  date_updated: 1560107366,
  from_user_avatar: null,
  is_outgoing: false,
  token: 'A0N_v7JrKpOqJ6LrZkXcN1d2e3f4g5h6i7j8k9l0m1n2o3p4q5r6s7t8u9v0w1x2',
  is_new_conversation: false,
  waiting_operator_response: false,
  group_id: 1,
  is_inner_message: null,
  is_operator_last_message: true,
  is_group_closed: false,
  close_group: null,
  type: 'message',
  comment_post_id: null,
  comment_post_url: null,
  comment_post_title: null,
  comment_post_img: null,
  unassigned_date: 1559807929,
  last_message_date: 1559826168,
  from_user_custom_name: null,
  toBlingerUser: {
    id: 4,
    service_blinger_id: 1,
    blinger_user_id: 4,
    is_active: true,
    date_updated: 1559737532,
    date_created: 1559737532,
    tags: null,
    name: null,
    role: 'customer',
    avatar: null,
    application: 'livechat',
    service_user_id: null,
    status: 'enabled',
    group_id: null,
    is_comments: null,
    page_url: null,
    page_title: null,
    extra_fields: null,
    extra_field_secret_key: 'g9k0example',
    custom_name: null,
  },
};

/** The `operators/all` example. */
export const documentedOperators = [
  { id: 1, user_id: 1, owner_user_id: 1, invite_email: 'user1@gmail.com', conversations_token: '5c763415ee6c7' },
  { id: 2, user_id: 3, owner_user_id: 1, invite_email: 'al@blinger.io', conversations_token: '5cf8c80657eec' },
];

/** The `operators/groups` example. */
export const documentedGroups = [{ id: 1, user_id: 1, title: 'Default', priority: 1, color: '#22539c', is_default: true }];

/** The `operators/create` example. */
export const documentedCreatedOperator = { invite_email: 'bbb@bb.bb', owner_user_id: 47, id: 14758, user_id: 14432 };

/** An e-mail address the stand-in says is taken, as in the doc's 400 example. */
export const TAKEN_EMAIL = 'bbb@bb.bb';
/** A conversation the stand-in says is assigned to another operator. */
export const ASSIGNED_ELSEWHERE = 999;

type Route = (request: RecordedRequest) => ScriptedAnswer;

const ok = (data: unknown): ScriptedAnswer => ({ status: 200, body: { status: 200, data } });
const refused = (error: unknown): ScriptedAnswer => ({ status: 400, body: { error, status: 400 } });
const bodyField = (request: RecordedRequest, field: string): unknown => (request.body as Record<string, unknown> | undefined)?.[field];

// What the doc shows per endpoint; where it shows nothing, a plausible `data` the client must pass through untouched.
const ROUTES: Record<string, Route> = {
  'POST /api/conversations/start': (request) =>
    Number(bodyField(request, 'conversation_id')) === ASSIGNED_ELSEWHERE
      ? refused('The c onversation was assigned to another operator')
      : ok({ ...documentedConversation, id: Number(bodyField(request, 'conversation_id')) }),
  'POST /api/conversations/close': (request) => ok({ ...documentedConversation, id: Number(bodyField(request, 'conversation_id')), status: 'closed' }),
  'POST /api/conversations/unassign': () => ok({ success: true }),
  'POST /api/conversations/assign-operator': () => ok({ success: true }),
  'POST /api/conversations/assign-group': () => ok({ success: true }),
  'POST /api/conversations/send-message': () => ok({ message_id: 4627 }),
  'POST /api/conversations/send-file-message': () => ok({ message_id: 4628 }),
  'POST /api/conversations/send-note': () => ok({ message_id: 4629 }),
  'GET /api/conversations/unassigned': () => ok([{ ...documentedConversation, status: 'unassigned' }]),
  'GET /api/conversations/unread': () => ok([documentedConversation]),
  'GET /api/conversations/not-answered': () => ok([]),
  'GET /api/conversations/get': (request) => ok({ ...documentedConversation, id: Number(request.query['conversation_id']) }),
  'GET /api/operators/all': () => ok(documentedOperators),
  'GET /api/operators/groups': () => ok(documentedGroups),
  'POST /api/operators/create': (request) =>
    bodyField(request, 'operator_email') === TAKEN_EMAIL
      ? refused({ invite_email: `Email "${TAKEN_EMAIL}" has already been taken.` })
      : ok({ ...documentedCreatedOperator, invite_email: bodyField(request, 'operator_email') }),
  'POST /api/operators/delete': (request) => (bodyField(request, 'operator_id') === 2 ? ok({ success: true }) : refused('Operator not found')),
};

const parseBody = (text: string, contentType: string | undefined): unknown => {
  if (text === '') return undefined;
  if (contentType?.startsWith('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(text));
  try {
    return JSON.parse(text);
  } catch {
    return { unparsed: text };
  }
};

const readBody = (request: IncomingMessage): Promise<string> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });

const send = (response: ServerResponse, answer: ScriptedAnswer): void => {
  const text = typeof answer.body === 'string' ? answer.body : answer.body === undefined ? '' : JSON.stringify(answer.body);
  const type = typeof answer.body === 'string' ? 'text/html' : 'application/json';
  response.writeHead(answer.status, { 'content-type': type, ...answer.headers });
  response.end(text);
};

/** A running stand-in: `baseUrl` to give the client, `requests` received, `script` to queue answers. */
export interface StandIn {
  readonly baseUrl: string;
  readonly requests: RecordedRequest[];
  /** Queues answers given, in order, before the documented routes take over again. */
  script(...answers: ScriptedAnswer[]): void;
  close(): Promise<void>;
}

export const startStandIn = async (): Promise<StandIn> => {
  const requests: RecordedRequest[] = [];
  const scripted: ScriptedAnswer[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const server: Server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const contentType = request.headers['content-type'];
    const recorded: RecordedRequest = {
      method: request.method ?? '',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      authentication: request.headers['authentication'] as string | undefined,
      authorization: request.headers['authorization'],
      contentType,
      body: parseBody(await readBody(request), contentType),
    };
    requests.push(recorded);
    const answer =
      scripted.shift() ??
      (recorded.authentication === undefined || recorded.authentication === ''
        ? { status: 401, body: { error: 'Empty token', status: 401 } }
        : (ROUTES[`${recorded.method} ${recorded.path}`]?.(recorded) ?? { status: 404, body: '<html>Not Found</html>' }));
    if (answer.destroy === true) {
      request.socket.destroy();
      return;
    }
    if (answer.delayMs === undefined) return send(response, answer);
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (!response.destroyed) send(response, answer);
    }, answer.delayMs);
    timers.add(timer);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/api`,
    requests,
    script: (...answers) => scripted.push(...answers),
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
};
