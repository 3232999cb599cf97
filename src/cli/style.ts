/**
 * Terminal colours: only on a TTY, never when `NO_COLOR` is set (https://no-color.org),
 * and forced on by `FORCE_COLOR` (for CI logs that render colours).
 *
 * @module
 */

/** Colour functions for one output stream; each is the identity when colour is off. */
export interface Style {
  readonly enabled: boolean;
  readonly bold: (text: string) => string;
  readonly dim: (text: string) => string;
  readonly red: (text: string) => string;
  readonly green: (text: string) => string;
  readonly yellow: (text: string) => string;
  readonly cyan: (text: string) => string;
}

const ansi =
  (open: number, close: number) =>
  (text: string): string =>
    `\u001b[${open}m${text}\u001b[${close}m`;

const plain = (text: string): string => text;

/** Whether to colour a stream, by the conventions of `NO_COLOR` and `FORCE_COLOR`. */
export const wantsColour = (stream: { readonly isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean => {
  // NO_COLOR counts when present and not empty; it wins over everything else.
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '' && env.FORCE_COLOR !== '0') return true;
  return stream.isTTY === true && env.TERM !== 'dumb';
};

/** The colour functions for a stream. */
export const createStyle = (enabled: boolean): Style => ({
  enabled,
  bold: enabled ? ansi(1, 22) : plain,
  dim: enabled ? ansi(2, 22) : plain,
  red: enabled ? ansi(31, 39) : plain,
  green: enabled ? ansi(32, 39) : plain,
  yellow: enabled ? ansi(33, 39) : plain,
  cyan: enabled ? ansi(36, 39) : plain,
});
