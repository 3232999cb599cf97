import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { nodeBodyUntouched, unreadNodeBody, type NodeRequestLike } from '../../src/http/node-io.js';

const stream = (): Readable => Readable.from([Buffer.from('{"webhook":"on_user_new"}')], { objectMode: false });
const kind = (req: unknown) => unreadNodeBody(req as NodeRequestLike)?.kind ?? 'read';

describe('unreadNodeBody: whether something read the body first', () => {
  it("reads Node's stream state: unread, partly read, read to the end", async () => {
    expect(kind(stream())).toBe('stream');
    const partly = new PassThrough();
    partly.write('{"webhook":');
    partly.read();
    expect(kind(partly)).toBe('read');
    const whole = stream();
    for await (const chunk of whole) void chunk;
    expect(kind(whole)).toBe('read');
  });

  it('a stream ended with no data (a parser read an empty chunked body) counts as read', async () => {
    const empty = Readable.from([]);
    empty.resume();
    await new Promise((resolve) => empty.once('end', resolve));
    expect(kind(empty)).toBe('read');
  });

  it("asks the public getters of a request that is not Node's stream", () => {
    const like = (readableEnded: boolean, readableDidRead?: boolean) => ({ readableEnded, readableDidRead, headers: {} });
    expect(kind(like(false, false))).toBe('stream');
    expect(kind(like(false))).toBe('stream');
    expect(kind(like(true, false))).toBe('read');
    expect(kind(like(false, true))).toBe('read');
    // A look-alike `_readableState` without Node's fields is not trusted.
    expect(kind({ ...like(true, false), _readableState: {} })).toBe('read');
    expect(kind({ ...like(false, false), _readableState: null })).toBe('stream');
  });
});

describe('nodeBodyUntouched: whether nothing has started on the body', () => {
  it('is true only for a stream nobody listens to, pipes or reads', () => {
    expect(nodeBodyUntouched(stream())).toBe(true);
    const listened = stream();
    listened.on('data', () => undefined);
    // Flowing, though nothing has arrived yet: something has started on it.
    expect(nodeBodyUntouched(listened)).toBe(false);
    const paused = stream();
    paused.pause();
    expect(nodeBodyUntouched(paused)).toBe(false);
  });

  it('is false for anything that does not say so in Node\u2019s terms', () => {
    expect(nodeBodyUntouched({})).toBe(false);
    expect(nodeBodyUntouched({ readableFlowing: null, readableEnded: false })).toBe(false);
    expect(nodeBodyUntouched({ readableFlowing: null, readableDidRead: false, readableEnded: false })).toBe(true);
  });
});
