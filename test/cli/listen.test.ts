import { describe, expect, it } from 'vitest';
import { inQueueOrder } from '../../src/cli/listen.js';

const deferred = <T>() => {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
};

describe('inQueueOrder: listen prints deliveries in the order they closed', () => {
  it('runs each then in queue order when later work finishes first', async () => {
    const inOrder = inQueueOrder().add;
    const printed: string[] = [];
    const slow = deferred<string>();
    const fast = deferred<string>();
    const first = inOrder(slow.promise, (line) => printed.push(line));
    const second = inOrder(fast.promise, (line) => printed.push(line));
    fast.resolve('second');
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(printed).toEqual([]);
    slow.resolve('first');
    await Promise.all([first, second]);
    expect(printed).toEqual(['first', 'second']);
  });

  it('a rejected piece skips its then and does not hold up the next', async () => {
    const inOrder = inQueueOrder().add;
    const printed: string[] = [];
    const failing = deferred<string>();
    const first = inOrder(failing.promise, (line) => printed.push(line));
    const second = inOrder(Promise.resolve('after'), (line) => printed.push(line));
    failing.reject(new Error('disk full'));
    await expect(first).rejects.toThrow('disk full');
    await second;
    expect(printed).toEqual(['after']);
  });

  it('a then that throws rejects its own promise only', async () => {
    const inOrder = inQueueOrder().add;
    const printed: string[] = [];
    const first = inOrder(Promise.resolve('x'), () => {
      throw new Error('stdout closed');
    });
    const second = inOrder(Promise.resolve('y'), (line) => printed.push(line));
    await expect(first).rejects.toThrow('stdout closed');
    await second;
    expect(printed).toEqual(['y']);
  });

  it('a failure waits for its turn: what follows it still prints after what came before; drained waits for all', async () => {
    const queue = inQueueOrder();
    const printed: string[] = [];
    const slow = deferred<string>();
    const failing = deferred<string>();
    void queue.add(slow.promise, (line) => printed.push(line)).catch(() => {});
    void queue.add(failing.promise, (line) => printed.push(line)).catch(() => {});
    const after = queue.add(Promise.resolve('after the failure'), (line) => printed.push(line));
    let drained = false;
    const waiting = queue.drained().then(() => {
      drained = true;
    });
    failing.reject(new Error('disk full'));
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(drained).toBe(false);
    expect(printed).toEqual([]);
    slow.resolve('first');
    await waiting;
    await after;
    expect(printed).toEqual(['first', 'after the failure']);
    await expect(queue.drained()).resolves.toBeUndefined();
  });
});
