// `npm run demo`: the package working end to end, with nothing to configure.
//
// Starts an express app whose webhook endpoint is built with `toExpressHandler`, on a free port of
// 127.0.0.1, delivers every documented Blinger event and a few bad deliveries to it over real
// HTTP, and prints what the callback received and what the server answered. Exits 0 when every
// answer is the one the HTTP contract promises, 1 otherwise.
import express from 'express';
import { matchWebhook, toExpressHandler } from 'blinger-webhooks';
import { examples } from 'blinger-webhooks/testing';

const SECRET = 'demo-secret';
const colour = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code) => (text) => (colour ? `\u001b[${code}m${text}\u001b[0m` : text);
const [bold, dim, green, yellow, red] = [paint(1), paint(2), paint(32), paint(33), paint(31)];

// What the callback does with each event: here, one line per event, built with matchWebhook.
const describe = (event) =>
  matchWebhook(event, {
    on_conversation_unassigned: (e) => `conversation ${e.conversation.id} waits for an operator`,
    on_conversation_assigned: (e) => `conversation ${e.conversation.id} assigned to ${e.conversation.operator.name}`,
    on_conversation_closed: (e) =>
      `conversation ${e.conversation.id} closed (${e.conversation.close_group?.title ?? 'no reason'}), ` +
      `${e.conversation.messages.length} message(s)`,
    on_message_incoming: (e) => `${e.from_user.title ?? 'a customer'} wrote on ${e.message.application}: "${e.message.message}"`,
    on_message_outgoing: (e) => `${e.operator.name ?? 'the business'} answered on ${e.message.application}: "${e.message.message}"`,
    on_comment_incoming: (e) => `${e.from_user.title ?? 'someone'} commented "${e.comment.message}" on ${e.comment.post_url}`,
    on_comment_outgoing: (e) => `${e.operator.name ?? 'the business'} replied "${e.comment.message}" under ${e.comment.post_url}`,
    on_user_new: (e) => `new ${e.user.application} user ${e.user.name ?? e.user.blinger_user_id}`,
  });

const app = express();
// app.all rather than app.post, so the adapter itself answers other methods with 405 and Allow: POST.
app.all(
  '/blinger',
  toExpressHandler(
    (event) => {
      console.log(`  ${green('callback received')} ${bold(event.webhook)}: ${describe(event)}`);
    },
    {
      secretToken: SECRET,
      onRejected: (rejection) => console.log(`  ${yellow('onRejected')} ${rejection.status} ${rejection.error}: ${rejection.message}`),
      onUnknownEvent: (payload) => console.log(`  ${yellow('onUnknownEvent')} ${String(payload.webhook)} (acknowledged, ignored)`),
    },
  ),
);

const server = await new Promise((resolve) => {
  const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
});
const endpoint = `http://127.0.0.1:${server.address().port}/blinger`;
const withToken = `${endpoint}?token=${SECRET}`;

console.log(bold('blinger-webhooks demo'));
console.log(dim(`An express app with toExpressHandler at ${endpoint}?token=***\n`));

let failures = 0;
const deliver = async ({ title, url = withToken, method = 'POST', body, expect }) => {
  console.log(`${bold(method)} ${title}`);
  const response = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body }),
  });
  const text = await response.text();
  const ok = response.status === expect;
  if (!ok) failures++;
  const status = ok ? (response.status < 300 ? green : yellow)(response.status) : red(`${response.status} (expected ${expect})`);
  const allow = response.headers.get('allow');
  console.log(`  ${dim('server answered')} ${status}${allow ? ` Allow: ${allow}` : ''} ${dim(text)}\n`);
};

console.log(bold('Every documented event\n'));
for (const [name, payload] of Object.entries(examples)) {
  await deliver({ title: name, body: JSON.stringify(payload), expect: 200 });
}

console.log(bold('Bad deliveries\n'));
await deliver({ title: 'invalid JSON (a truncated body)', body: '{"webhook": "on_user_new", "user": {', expect: 400 });
await deliver({
  title: 'invalid payload (on_user_new with a non-numeric id and no date)',
  body: JSON.stringify({ webhook: 'on_user_new', user: { ...examples.on_user_new.user, id: 'u294', date_created: undefined } }),
  expect: 400,
});
await deliver({
  title: 'unknown event (one Blinger might add later)',
  body: JSON.stringify({ webhook: 'on_invoice_paid', invoice: { id: 1 } }),
  expect: 200,
});
await deliver({ title: 'wrong method (GET)', method: 'GET', expect: 405 });
await deliver({
  title: 'missing ?token= (someone who found the URL)',
  url: endpoint,
  body: JSON.stringify(examples.on_message_incoming),
  expect: 401,
});

server.closeAllConnections();
await new Promise((resolve) => server.close(resolve));
if (failures > 0) {
  console.log(red(`${failures} answer(s) differed from the HTTP contract`));
  process.exitCode = 1;
} else {
  console.log(green('Every answer matched the HTTP contract.'));
}
