// Runs one compiled documentation block as a reader would, and drives the endpoint it sets up.
// Usage: node test/docs/run-block.mjs BLOCK.js   (BLINGER_TOKEN in the environment)
//
// What the block does decides what happens:
// - it starts a server (`app.listen(3000)`, `serve(...)`, `fastify.listen(...)`): every `listen` is
//   moved to a free port on 127.0.0.1, and deliveries are POSTed to `/blinger` on it;
// - it exports a fetch handler (`export default { fetch }`, a Hono app): called with a `Request`,
//   an `env` holding BLINGER_TOKEN and a `ctx` whose `waitUntil` work is awaited;
// - it exports `POST` (a Next.js route): called with a `Request`;
// - its default export is a function (a Node request listener: a Next.js Pages Router API route):
//   served on a free port, as Next.js would;
// - it exports `handler` (AWS Lambda): called with a function-URL event and with an API Gateway
//   REST event, each built from the `Request`;
// - otherwise it is a script (node:test tests included): running it is the test.
// For an endpoint, one line `@@docs-result {...}` reports the answers; the test judges them.
import http from 'node:http';
import net from 'node:net';
import { pathToFileURL } from 'node:url';
import { webhookNames } from 'blinger-webhooks';
import { examples } from 'blinger-webhooks/testing';

const listening = [];
const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  const callback = typeof args.at(-1) === 'function' ? args.at(-1) : undefined;
  listening.push(
    new Promise((resolve, reject) => {
      this.once('listening', () => resolve(this.address().port));
      this.once('error', reject);
    }),
  );
  return listen.call(this, { port: 0, host: '127.0.0.1' }, callback);
};

const block = await import(pathToFileURL(process.argv[2]).href);
const ports = await Promise.all(listening);
const token = process.env.BLINGER_TOKEN ?? '';
const pending = [];
const executionContext = { waitUntil: (promise) => pending.push(promise), passThroughOnException: () => {}, props: {} };

const lambdaEvents = async (request) => {
  const url = new URL(request.url);
  const body = Buffer.from(await request.arrayBuffer());
  const headers = Object.fromEntries(request.headers);
  const query = url.search === '' ? null : Object.fromEntries(url.searchParams);
  const functionUrl = {
    version: '2.0',
    routeKey: '$default',
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    headers: { ...headers, host: 'abc123.lambda-url.eu-west-1.on.aws' },
    queryStringParameters: query ?? undefined,
    requestContext: {
      domainName: 'abc123.lambda-url.eu-west-1.on.aws',
      http: { method: request.method, path: url.pathname, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'docs-test' },
      requestId: 'docs-test',
      routeKey: '$default',
      stage: '$default',
      timeEpoch: Date.now(),
    },
    body: body.toString('base64'),
    isBase64Encoded: true,
  };
  const restApi = {
    resource: '/blinger',
    path: url.pathname,
    httpMethod: request.method,
    headers: { ...headers, Host: 'abc123.execute-api.eu-west-1.amazonaws.com' },
    multiValueHeaders: {},
    queryStringParameters: query,
    multiValueQueryStringParameters: query === null ? null : Object.fromEntries(Object.entries(query).map(([k, v]) => [k, [v]])),
    pathParameters: null,
    stageVariables: null,
    requestContext: { httpMethod: request.method, path: `/prod${url.pathname}`, stage: 'prod', requestId: 'docs-test' },
    body: body.toString('utf8'),
    isBase64Encoded: false,
  };
  return { functionUrl, restApi };
};

const fromLambdaResult = (result) =>
  new Response(result.isBase64Encoded ? Buffer.from(result.body ?? '', 'base64') : (result.body ?? ''), {
    status: result.statusCode,
    headers: result.headers,
  });

const lambdaContext = { functionName: 'docs-test', awsRequestId: 'docs-test', getRemainingTimeInMillis: () => 30_000 };

const serverFetch = (port, request) => {
  const url = new URL(request.url);
  return fetch(`http://127.0.0.1:${port}${url.pathname}${url.search}`, {
    method: request.method,
    headers: request.headers,
    body: request.body,
    duplex: 'half',
  });
};

/** Each transport: a name and a function from a `Request` for /blinger to the endpoint's `Response`. */
const transports = [];
if (ports.length > 0) {
  transports.push([
    'server',
    (request) => serverFetch(ports[0], request),
  ]);
} else if (typeof block.default?.fetch === 'function') {
  transports.push(['fetch', (request) => block.default.fetch(request, { BLINGER_TOKEN: token }, executionContext)]);
} else if (typeof block.POST === 'function') {
  transports.push(['POST', (request) => block.POST(request, { params: Promise.resolve({}) })]);
} else if (typeof block.default === 'function') {
  // A Node request listener (a Next.js Pages Router API route): serve it as Next.js would.
  const server = http.createServer(block.default);
  const port = await new Promise((resolve) => server.listen(0, () => resolve(server.address().port)));
  transports.push(['listener', (request) => serverFetch(port, request)]);
} else if (typeof block.handler === 'function') {
  for (const format of ['functionUrl', 'restApi']) {
    transports.push([
      `lambda ${format}`,
      async (request) => fromLambdaResult(await block.handler((await lambdaEvents(request))[format], lambdaContext)),
    ]);
  }
}

const deliver = async (send, body, query) => {
  const request = new Request(`http://localhost/blinger${query}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  const response = await send(request);
  return { status: response.status, body: await response.text() };
};

if (transports.length > 0) {
  const results = [];
  for (const [transport, send] of transports) {
    const withToken = `?token=${encodeURIComponent(token)}`;
    const events = {};
    for (const name of webhookNames) events[name] = await deliver(send, JSON.stringify(examples[name]), withToken);
    const withoutToken = await deliver(send, JSON.stringify(examples.on_user_new), '');
    const invalid = await deliver(send, JSON.stringify({ webhook: 'on_user_new' }), withToken);
    await Promise.allSettled(pending.splice(0));
    results.push({ transport, events, withoutToken, invalid });
  }
  // Logs of callbacks that finish after the answer must reach the test too.
  await new Promise((resolve) => setTimeout(resolve, 50));
  process.stdout.write(`@@docs-result ${JSON.stringify(results)}\n`, () => process.exit(0));
}
