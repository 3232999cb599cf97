// Every option is checked when an adapter is made (issue 9, item 1): a value the endpoint cannot
// work with throws a TypeError that names the option, instead of failing open or on the first delivery.
import { describe, expect, it } from 'vitest';
import { toExpressHandler, toFetchHandler, toNodeHandler, type WebhookHandlerOptions } from '../../src/index.js';

const adapters = {
  toNodeHandler: (options: unknown) => toNodeHandler(() => undefined, options as WebhookHandlerOptions<never>),
  toExpressHandler: (options: unknown) => toExpressHandler(() => undefined, options as WebhookHandlerOptions<never>),
  toFetchHandler: (options: unknown) => toFetchHandler(() => undefined, options as WebhookHandlerOptions<Request>),
};

const refused: Array<[string, Record<string, unknown>, RegExp]> = [
  ['an empty secretToken (an env variable set to "")', { secretToken: '' }, /`secretToken` is empty or blank/],
  ['a blank secretToken', { secretToken: '  \t' }, /`secretToken` is empty or blank/],
  ['a secretToken read from a file with its newline', { secretToken: 'tok\n' }, /`secretToken` starts or ends with white space/],
  ['an unknown wireQuirks', { wireQuirks: 'ignore' }, /`wireQuirks` must be 'decode' or 'reject'/],
  ['an onWireQuirks that is not a function', { onWireQuirks: 'log' }, /`onWireQuirks` must be a function/],
  ['a secretToken with a space around it', { secretToken: ' tok' }, /`secretToken` starts or ends with white space/],
  ['a secretToken holding a control character', { secretToken: 'to\u0000k' }, /`secretToken` .*control character/],
  ['an empty list of secrets', { secretToken: [] }, /`secretToken` is an empty array/],
  ['a list with an empty secret', { secretToken: ['ok-secret', ''] }, /`secretToken` is empty or blank/],
  ['a secret that is not a string', { secretToken: 42 }, /`secretToken` must be a string or an array of strings/],
  ['maxBodyBytes 0', { maxBodyBytes: 0 }, /`maxBodyBytes` must be a positive finite number, got 0/],
  ['maxBodyBytes negative', { maxBodyBytes: -1 }, /`maxBodyBytes` must be a positive finite number/],
  ['maxBodyBytes Infinity', { maxBodyBytes: Number.POSITIVE_INFINITY }, /`maxBodyBytes` must be a positive finite number/],
  ['maxBodyBytes NaN', { maxBodyBytes: Number.NaN }, /`maxBodyBytes`/],
  ['maxBodyBytes as a string', { maxBodyBytes: '5mb' }, /`maxBodyBytes` must be a positive finite number, got string/],
  ['bodyTimeoutMs 0', { bodyTimeoutMs: 0 }, /`bodyTimeoutMs` must be a positive finite number/],
  ['acknowledge.timeoutMs negative', { acknowledge: { timeoutMs: -5 } }, /`acknowledge\.timeoutMs` must be a positive finite number/],
  ['acknowledge.timeoutMs missing', { acknowledge: { timeoutMs: undefined } }, /`acknowledge\.timeoutMs`/],
  ['an unknown acknowledge policy', { acknowledge: 'later' }, /`acknowledge` must be/],
  ['an empty tokenParam', { tokenParam: '' }, /`tokenParam` must be a non-empty string/],
  ['a path without a leading slash', { path: 'blinger' }, /`path` must be a string starting with "\/"/],
  ['a hook that is not a function', { onError: 'console' }, /`onError` must be a function/],
  ['options that are not an object', 5 as unknown as Record<string, unknown>, /`options` must be an object/],
];

describe.each(Object.entries(adapters))('%s', (_name, make) => {
  it.each(refused)('refuses %s with a TypeError naming the option', (_case, options, message) => {
    expect(() => make(options)).toThrow(TypeError);
    expect(() => make(options)).toThrow(message);
  });

  it('accepts every option left undefined, and valid values', () => {
    expect(() =>
      make({
        secretToken: undefined,
        maxBodyBytes: undefined,
        bodyTimeoutMs: undefined,
        tokenParam: undefined,
        path: undefined,
        acknowledge: undefined,
        onError: undefined,
      }),
    ).not.toThrow();
    expect(() =>
      make({ secretToken: ['a', 'b'], maxBodyBytes: 1024, bodyTimeoutMs: 0.5, tokenParam: 'key', path: '/x', acknowledge: { timeoutMs: 100 } }),
    ).not.toThrow();
  });

  it('refuses a listener that is neither a callback nor a map of callbacks', () => {
    const withListener = (listener: unknown) => () =>
      _name === 'toFetchHandler' ? toFetchHandler(listener as never) : _name === 'toNodeHandler' ? toNodeHandler(listener as never) : toExpressHandler(listener as never);
    expect(withListener(null)).toThrow(/the listener must be a callback or an object of callbacks/);
    expect(withListener({ on_user_new: 'not a function' })).toThrow(/`on_user_new` must be a function/);
  });
});
