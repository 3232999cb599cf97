import { type Agent, request } from 'node:http';

/** What {@link postOnAgent} got back. */
export interface AgentAnswer {
  readonly status: number;
  /** The `Connection` header of the answer. */
  readonly connection: string | undefined;
  readonly body: string;
  /** The local port of the connection that carried it: the same port means a reused connection. */
  readonly localPort: number;
}

/**
 * POSTs `body` to `url` on `agent` (node:http's client, so that the caller controls keep-alive)
 * and reads the whole answer; rejects if the answer is cut off.
 */
export const postOnAgent = (url: string, agent: Agent, body: string): Promise<AgentAnswer> =>
  new Promise<AgentAnswer>((resolve, reject) => {
    const outgoing = request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json' } }, (res) => {
      // Read now: once the answer has ended, the agent takes the socket back.
      const localPort = res.socket.localPort ?? 0;
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, body: text, localPort }));
      res.on('error', reject);
      res.on('aborted', () => reject(new Error(`the answer was cut off after ${JSON.stringify(text)}`)));
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
