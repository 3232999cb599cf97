/**
 * The public surface of every entry point, pinned: a name added to or removed from an entry fails
 * here, so changing the API is a decision made in this file, not a side effect of a helper added
 * to some module. Checks the build (dist/, what ships), in ESM and CJS, values and types.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { root } from './packed.js';

interface Surface {
  /** The file in dist/ without extension. */
  readonly dist: string;
  /** Names with a run-time value (functions, codecs, constants, classes), sorted. */
  readonly values: readonly string[];
  /** Names that exist only as types, sorted. */
  readonly types: readonly string[];
}

const entries: Readonly<Record<string, Surface>> = {
  '.': {
    dist: 'index',
    values: [
      'AssignedConversation',
      'BlingerUser',
      'BlingerWebhook',
      'Channel',
      'CloseGroup',
      'ClosedConversation',
      'Comment',
      'CommentIncoming',
      'CommentOutgoing',
      'ConversationAssigned',
      'ConversationClosed',
      'ConversationMessage',
      'ConversationStatus',
      'ConversationTag',
      'ConversationUnassigned',
      'ConversationUser',
      'DEFAULT_BODY_TIMEOUT_MS',
      'DEFAULT_DEDUPE_TTL_MS',
      'DEFAULT_MAX_BODY_BYTES',
      'DEFAULT_MAX_DEDUPE_ENTRIES',
      'InvalidWebhookError',
      'MAX_LISTED_ISSUES',
      'Message',
      'MessageIncoming',
      'MessageOperator',
      'MessageOutgoing',
      'MessageParticipant',
      'MessageStatus',
      'MessageType',
      'NewUser',
      'Operator',
      'SafeInteger',
      'UnassignedConversation',
      'UserNew',
      'UserRole',
      'UserStatus',
      'createMemoryDedupeStore',
      'deliveryKey',
      'isWebhookName',
      'matchWebhook',
      'parseBlingerUserTags',
      'parseWebhook',
      'parseWebhookOrThrow',
      'toExpressHandler',
      'toFetchHandler',
      'toNodeHandler',
      'webhookCodecs',
      'webhookNames',
      'wireQuirkRules',
    ],
    types: [
      'AcknowledgePolicy',
      'DedupeOptions',
      'DedupeStore',
      'ExpressRequestLike',
      'InvalidBodyRejection',
      'InvalidJsonError',
      'InvalidPayloadError',
      'MemoryDedupeStoreOptions',
      'NodeRequestLike',
      'NodeResponseLike',
      'NodeSocketLike',
      'ParseWebhookOptions',
      'PartialWebhookCases',
      'PayloadIssue',
      'ReceivedType',
      'UnknownEventError',
      'WaitUntilContext',
      'WebhookCallback',
      'WebhookCallbacks',
      'WebhookCases',
      'WebhookContext',
      'WebhookEvent',
      'WebhookHandler',
      'WebhookHandlerOptions',
      'WebhookListener',
      'WebhookName',
      'WebhookParseError',
      'WebhookRejection',
      'WebhookRejectionOf',
      'WireQuirk',
      'WireQuirkRule',
    ],
  },
  './testing': {
    dist: 'testing/index',
    values: ['createWebhook', 'examples', 'quirkyWireForm'],
    types: ['AppliedWireQuirk', 'QuirkyWireForm', 'QuirkyWireFormOptions', 'WebhookExamples', 'WebhookOverrides'],
  },
  './testing/arbitraries': {
    dist: 'testing/arbitraries',
    values: ['arbitraryFromCodec', 'webhookArbitraries'],
    types: ['ArbitraryOptions', 'EventArbitraries', 'FastCheckModule', 'WebhookArbitraries'],
  },
  './api': {
    dist: 'api/index',
    values: [
      'ApiBlingerUser',
      'ApiConversation',
      'ApiOperator',
      'ApiOperatorList',
      'BlingerClient',
      'ConversationType',
      'CreatedOperator',
      'DEFAULT_BASE_URL',
      'DEFAULT_MAX_RETRIES',
      'DEFAULT_TIMEOUT_MS',
      'DeleteOperatorResult',
      'FieldMessages',
      'OperatorGroup',
      'OperatorGroupList',
    ],
    types: [
      'AbortedError',
      'ActingOptions',
      'ApiCallOutcome',
      'ApiErrorContext',
      'ApiResult',
      'AssignGroupRequest',
      'AssignOperatorRequest',
      'BlingerApiError',
      'BlingerClientOptions',
      'CallOptions',
      'ConversationAction',
      'ConversationsApi',
      'CreateOperatorRequest',
      'DeleteOperatorRequest',
      'ErrorResponseError',
      'FetchFunction',
      'FetchRequestInit',
      'FetchResponse',
      'GetConversationQuery',
      'InvalidRequestError',
      'InvalidResponseError',
      'NetworkError',
      'OperatorConversationsQuery',
      'OperatorsApi',
      'SendFileMessageRequest',
      'SendMessageRequest',
      'SendNoteRequest',
      'TimeoutError',
    ],
  },
};

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const dist = (file: string) => join(root, 'dist', file);
const require = createRequire(import.meta.url);

/** The names each declaration file exports, split into values and types, read with the compiler. */
const declaredExports = (files: readonly string[]): Map<string, { values: string[]; types: string[] }> => {
  const program = ts.createProgram(files, {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    noEmit: true,
    skipLibCheck: true,
    types: [],
  });
  const checker = program.getTypeChecker();
  return new Map(
    files.map((file) => {
      const module = checker.getSymbolAtLocation(program.getSourceFile(file)!)!;
      const values: string[] = [];
      const types: string[] = [];
      for (const symbol of checker.getExportsOfModule(module)) {
        const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
        (target.flags & ts.SymbolFlags.Value ? values : types).push(symbol.name);
      }
      return [file, { values: values.sort(byName), types: types.sort(byName) }];
    }),
  );
};

describe('the public surface of each entry point', () => {
  it('pins every entry point package.json exports', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { exports: Record<string, unknown> };
    expect(Object.keys(manifest.exports).filter((path) => path !== './package.json')).toEqual(Object.keys(entries));
  });

  for (const [path, surface] of Object.entries(entries)) {
    it(`${path}: the pinned list is sorted and has no duplicates`, () => {
      expect([...surface.values].sort(byName)).toEqual(surface.values);
      expect([...surface.types].sort(byName)).toEqual(surface.types);
      expect(new Set([...surface.values, ...surface.types]).size).toBe(surface.values.length + surface.types.length);
    });

    it(`${path}: ESM exports exactly the pinned values`, async () => {
      const module = (await import(pathToFileURL(dist(`${surface.dist}.js`)).href)) as Record<string, unknown>;
      expect(Object.keys(module).sort(byName)).toEqual(surface.values);
    });

    it(`${path}: CommonJS exports exactly the pinned values`, () => {
      const module = require(dist(`${surface.dist}.cjs`)) as Record<string, unknown>;
      expect(Object.keys(module).sort(byName)).toEqual(surface.values);
    });
  }

  it('the declarations (ESM and CommonJS) export exactly the pinned values and types', () => {
    const files = Object.values(entries).flatMap((surface) => [dist(`${surface.dist}.d.ts`), dist(`${surface.dist}.d.cts`)]);
    const declared = declaredExports(files);
    for (const surface of Object.values(entries)) {
      for (const extension of ['.d.ts', '.d.cts']) {
        const names = declared.get(dist(`${surface.dist}${extension}`));
        expect(names, `${surface.dist}${extension}`).toEqual({ values: surface.values, types: surface.types });
      }
    }
  });
});
