/**
 * The graceful stop behind `listen`'s Ctrl-C, on a real node:http server: what it closes at once,
 * what it lets finish, and what it cuts off after the grace period.
 */
import { Agent, createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { trackForGracefulStop } from '../../src/cli/graceful-stop.js';
import { postOnAgent } from '../helpers/post-on-agent.js';

/** A server that answers each request after `delayMs`, once its body has ended. */
const slowServer = (delayMs: number): Server =>
  createServer((req: IncomingMessage, res: ServerResponse) => {
    req.resume();
    req.on('end', () => setTimeout(() => res.end('answered'), delayMs));
  });

const started: Server[] = [];
afterEach(() => {
  for (const server of started.splice(0)) server.closeAllConnections();
});

const listening = async (server: Server): Promise<number> => {
  started.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
};

const post = (port: number, agent: Agent) => postOnAgent(`http://127.0.0.1:${port}/`, agent, '{}');

const closedSocket = (socket: ReturnType<typeof connect>) => new Promise<void>((resolve) => socket.once('close', () => resolve()));

describe('trackForGracefulStop', () => {
  it('stops at once when nothing is in progress, closing idle keep-alive connections and silent ones', async () => {
    const server = slowServer(0);
    const stopper = trackForGracefulStop(server);
    const port = await listening(server);
    const agent = new Agent({ keepAlive: true });
    expect((await post(port, agent)).status).toBe(200);
    const silent = connect(port, '127.0.0.1');
    silent.on('error', () => {});
    await new Promise((resolve) => silent.once('connect', resolve));
    const silentClosed = closedSocket(silent);
    const startedAt = Date.now();
    const cutOff: ServerResponse[][] = [];
    await stopper.stop(5_000, (unanswered) => cutOff.push([...unanswered]));
    await silentClosed;
    expect(Date.now() - startedAt).toBeLessThan(1_000);
    expect(cutOff).toEqual([]);
    agent.destroy();
  });

  it('lets a response in progress finish, with Connection: close, then resolves', async () => {
    const server = slowServer(300);
    const stopper = trackForGracefulStop(server);
    const port = await listening(server);
    const agent = new Agent({ keepAlive: true });
    const answer = post(port, agent);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(stopper.inProgress()).toBe(1);
    const stopped = stopper.stop(5_000, () => {
      throw new Error('nothing should be cut off');
    });
    expect(await answer).toEqual({ status: 200, connection: 'close', body: 'answered', localPort: expect.any(Number) });
    await stopped;
    expect(stopper.inProgress()).toBe(0);
    agent.destroy();
  });

  it('after the grace period, tells which responses are unanswered and closes their connections', async () => {
    const server = slowServer(0);
    const stopper = trackForGracefulStop(server);
    const port = await listening(server);
    // Headers and half the body, then nothing: the request is in progress, never answered.
    const stalled = connect(port, '127.0.0.1');
    stalled.on('error', () => {});
    const stalledClosed = closedSocket(stalled);
    stalled.write('POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n12345');
    await new Promise((resolve) => setTimeout(resolve, 100));
    const cutOff: ServerResponse[][] = [];
    const startedAt = Date.now();
    await stopper.stop(300, (unanswered) => cutOff.push([...unanswered]));
    await stalledClosed;
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(290);
    expect(cutOff).toHaveLength(1);
    expect(cutOff[0]).toHaveLength(1);
    expect(cutOff[0]![0]!.headersSent).toBe(false);
  });
});
