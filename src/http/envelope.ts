/**
 * Checks that need no body (method, path, token), on the request target exactly as sent.
 *
 * @module
 */
import type { EndpointSettings } from './options.js';
import { METHOD_NOT_ALLOWED, NOT_FOUND, UNAUTHORIZED, type WebhookRejection } from './rejection.js';
import { tokensEqual } from './token.js';

/** The path and query of a request target, as sent: no URL parser reinterprets `//host/path`. */
interface Target {
  readonly path: string;
  readonly query: string;
}

const targetOf = (url: string): Target => {
  let rest = url;
  // An absolute URL (what fetch runtimes give): drop scheme and authority, keep the path as sent.
  const scheme = /^[a-z][a-z\d+.-]*:\/\/[^/?#]*/i.exec(url);
  if (scheme !== null) rest = url.slice(scheme[0].length) || '/';
  const hash = rest.indexOf('#');
  if (hash >= 0) rest = rest.slice(0, hash);
  const question = rest.indexOf('?');
  return question < 0 ? { path: rest, query: '' } : { path: rest.slice(0, question), query: rest.slice(question + 1) };
};

const decode = (text: string): string | null => {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
};

/**
 * The ways the first `name` parameter of `query` may carry the secret: percent-decoded as a form
 * (`+` is a space), percent-decoded keeping `+` (a base64 secret pasted as is), and as written.
 */
const tokenReadings = (query: string, name: string): string[] => {
  for (const pair of query.split('&')) {
    const equals = pair.indexOf('=');
    const key = equals < 0 ? pair : pair.slice(0, equals);
    if (decode(key.replace(/\+/g, ' ')) !== name) continue;
    const raw = equals < 0 ? '' : pair.slice(equals + 1);
    const readings = [raw, decode(raw), decode(raw.replace(/\+/g, ' '))];
    return readings.filter((reading): reading is string => reading !== null);
  }
  return [''];
};

/** Whether any reading equals any secret, comparing every pair in constant time (no early exit). */
const anyTokenMatches = (readings: readonly string[], secrets: readonly string[]): boolean => {
  let matched = false;
  for (const secret of secrets) {
    for (const reading of readings) matched = tokensEqual(reading, secret) || matched;
  }
  return matched;
};

/** The refusal for a request that fails a check needing no body, cheapest check first; `null` if it passes. */
export const checkEnvelope = (method: string, url: string, settings: EndpointSettings<never>): WebhookRejection | null => {
  if (method !== 'POST') return METHOD_NOT_ALLOWED;
  if (settings.path === null && settings.secrets === null) return null;
  const target = targetOf(url);
  if (settings.path !== null && target.path !== settings.path) return NOT_FOUND;
  if (settings.secrets !== null && !anyTokenMatches(tokenReadings(target.query, settings.tokenParam), settings.secrets)) {
    return UNAUTHORIZED;
  }
  return null;
};
