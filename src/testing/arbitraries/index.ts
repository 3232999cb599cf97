/**
 * `blinger-webhooks/testing/arbitraries`: fast-check arbitraries of every Blinger event, for
 * property tests. A separate entry point from `blinger-webhooks/testing` because its types name
 * fast-check's: only a project that imports it needs fast-check (an optional peer dependency)
 * installed, and fast-check is still never loaded at run time: you pass your own module in.
 *
 * @packageDocumentation
 */
export {
  arbitraryFromCodec,
  webhookArbitraries,
  type ArbitraryOptions,
  type EventArbitraries,
  type FastCheckModule,
  type WebhookArbitraries,
} from '../arbitraries.js';
