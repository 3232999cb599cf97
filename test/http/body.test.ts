import { describe, expect, it } from 'vitest';
import { type BodyReadResult, type BodySink, readBody } from '../../src/http/body.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A stream the test drives by hand: `sink` is what readBody listens with. */
const handStream = () => {
  const state: { sink?: BodySink; stopped: number } = { stopped: 0 };
  return {
    state,
    stream: {
      kind: 'stream' as const,
      listen: (sink: BodySink) => {
        state.sink = sink;
      },
      stop: () => {
        state.stopped++;
      },
    },
  };
};

describe('readBody', () => {
  it('gives the chunks as one array at the end, once', () => {
    const { state, stream } = handStream();
    const results: BodyReadResult[] = [];
    readBody(stream, 10, 1000, (result) => results.push(result));
    state.sink!.chunk(Uint8Array.of(1, 2));
    state.sink!.chunk(Uint8Array.of(3));
    state.sink!.end();
    state.sink!.end();
    expect(results).toEqual([{ kind: 'received', bytes: Uint8Array.of(1, 2, 3) }]);
    expect(state.stopped).toBe(1);
  });

  it('stops at the chunk past the limit and ignores the end and failure that follow', () => {
    const { state, stream } = handStream();
    const results: BodyReadResult[] = [];
    readBody(stream, 4, 1000, (result) => results.push(result));
    state.sink!.chunk(new Uint8Array(3));
    state.sink!.chunk(new Uint8Array(3));
    state.sink!.chunk(new Uint8Array(3));
    state.sink!.end();
    state.sink!.fail();
    expect(results).toEqual([{ kind: 'too_large' }]);
  });

  it('times out a body that never ends, once', async () => {
    const { state, stream } = handStream();
    const results: BodyReadResult[] = [];
    readBody(stream, 10, 50, (result) => results.push(result));
    await sleep(200);
    state.sink!.end();
    expect(results).toEqual([{ kind: 'timeout' }]);
  });

  it('passes on a failure to start listening, and its deadline never fires', async () => {
    const results: BodyReadResult[] = [];
    const failing = {
      kind: 'stream' as const,
      listen: () => {
        throw new Error('no stream');
      },
      stop: () => undefined,
    };
    expect(() => readBody(failing, 10, 30, (result) => results.push(result))).toThrow('no stream');
    await sleep(150);
    expect(results).toEqual([]);
  });
});
