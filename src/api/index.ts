/**
 * `blinger-webhooks/api`: a typed client for Blinger's REST API, to answer back from a webhook
 * callback (reply, assign, close) and to manage operators.
 *
 * @packageDocumentation
 */
export {
  BlingerClient,
  DEFAULT_BASE_URL,
  DEFAULT_MAX_RETRIES,
  DEFAULT_TIMEOUT_MS,
  type ApiResult,
  type BlingerClientOptions,
  type ConversationsApi,
  type OperatorsApi,
} from './client.js';
export {
  ApiBlingerUser,
  ApiConversation,
  ApiOperator,
  ApiOperatorList,
  ConversationType,
  CreatedOperator,
  DeleteOperatorResult,
  FieldMessages,
  OperatorGroup,
  OperatorGroupList,
} from './codecs.js';
export type {
  AbortedError,
  ApiCallOutcome,
  ApiErrorContext,
  BlingerApiError,
  ErrorResponseError,
  InvalidRequestError,
  InvalidResponseError,
  NetworkError,
  TimeoutError,
} from './errors.js';
export type {
  ActingOptions,
  AssignGroupRequest,
  AssignOperatorRequest,
  ConversationAction,
  CreateOperatorRequest,
  DeleteOperatorRequest,
  GetConversationQuery,
  OperatorConversationsQuery,
  SendFileMessageRequest,
  SendMessageRequest,
  SendNoteRequest,
} from './requests.js';
export type { CallOptions, FetchFunction, FetchRequestInit, FetchResponse } from './transport.js';
