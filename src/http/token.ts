/**
 * Constant-time comparison of the URL secret, without `node:crypto` so it runs on every runtime.
 *
 * @module
 */
const utf8 = new TextEncoder();

/**
 * Whether `received` equals `expected`, taking the same time wherever they differ, so the secret
 * cannot be guessed byte by byte from response times. Only the secret's length can leak.
 */
export const tokensEqual = (received: string, expected: string): boolean => {
  const a = utf8.encode(received);
  const b = utf8.encode(expected);
  let difference = a.byteLength ^ b.byteLength;
  for (let i = 0; i < b.byteLength; i++) difference |= (a[i] ?? 0) ^ b[i]!;
  return difference === 0;
};
