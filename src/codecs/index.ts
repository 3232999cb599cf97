/**
 * Every codec and type, re-exported.
 *
 * @module
 */
export * from './comments.js';
export * from './conversations.js';
export * from './enums.js';
export * from './events.js';
export * from './messages.js';
export * from './primitives.js';
export * from './users.js';
export { wireQuirkRules, type WireQuirk, type WireQuirkRule } from './wire.js';
