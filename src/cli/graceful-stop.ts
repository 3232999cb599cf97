/**
 * Stopping a Node HTTP server without cutting off the requests it is answering: what `listen` does
 * at Ctrl-C.
 *
 * @module
 */
import type { Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

export interface GracefulStop {
  /** How many responses are in progress (not yet closed). */
  readonly inProgress: () => number;
  /**
   * Stops accepting connections, closes at once those that carry no request in progress (none yet,
   * or half a request line), lets the responses in progress finish, each with `Connection: close`
   * if its headers are still to be sent, and closes each connection once its answer is out. After
   * `graceMs`, `onCutOff` is told which responses are still unanswered, and their connections are
   * closed. Resolves once the server is closed and every response has closed (its 'close'
   * listeners, added before this module's, have run).
   */
  readonly stop: (graceMs: number, onCutOff: (unanswered: readonly ServerResponse[]) => void) => Promise<void>;
}

/** Tracks `server`'s connections and responses from now on, so that it can be stopped gracefully. */
export const trackForGracefulStop = (server: Server): GracefulStop => {
  const inProgress = new Set<ServerResponse>();
  const connections = new Set<Socket>();
  let stopping = false;
  let serverClosed = false;
  let done = (): void => {};
  const finishIfDone = (): void => {
    if (serverClosed && inProgress.size === 0) done();
  };

  // Added after the server's own request listener, so its 'close' listeners run first.
  server.on('request', (_req, res: ServerResponse) => {
    inProgress.add(res);
    // A request that arrives while stopping, on a connection already open, is answered and its
    // connection then closed, rather than kept alive for a next one.
    if (stopping && !res.headersSent) res.setHeader('connection', 'close');
    res.once('close', () => {
      inProgress.delete(res);
      // A keep-alive connection is idle only after this turn; then it is closed rather than left
      // to hold close() open until it times out.
      if (stopping) setImmediate(() => server.closeIdleConnections());
      finishIfDone();
    });
  });
  server.on('connection', (socket: Socket) => {
    connections.add(socket);
    socket.once('close', () => connections.delete(socket));
  });

  const stop = (graceMs: number, onCutOff: (unanswered: readonly ServerResponse[]) => void): Promise<void> =>
    new Promise<void>((resolve) => {
      stopping = true;
      done = resolve;
      const cutOff = setTimeout(() => {
        if (inProgress.size > 0) onCutOff([...inProgress]);
        server.closeAllConnections();
      }, graceMs);
      server.close(() => {
        clearTimeout(cutOff);
        serverClosed = true;
        finishIfDone();
      });
      // The answers still to come say `Connection: close`, so that a sender does not send its next
      // request on a connection about to close (it would get a reset, not knowing whether it arrived).
      for (const res of inProgress) if (!res.headersSent) res.setHeader('connection', 'close');
      const busy = new Set([...inProgress].map((res) => res.socket));
      for (const socket of connections) if (!busy.has(socket)) socket.destroy();
    });

  return { inProgress: () => inProgress.size, stop };
};
