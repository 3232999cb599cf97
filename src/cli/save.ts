/**
 * `listen --save DIR`: every delivery's body, byte for byte, one file per delivery, named so that
 * the names sort in order of arrival, with what happened to it in a side file.
 *
 * ```text
 * 2026-11-29T18-09-30.123Z-000001.json       the body exactly as received (maybe not JSON at all)
 * 2026-11-29T18-09-30.123Z-000001.meta.json  {"receivedAt": ..., "status": 200, "event": ...}
 * ```
 *
 * @module
 */
import { link, mkdir, rm, writeFile } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';

/** The side file's name ends with this; `replay` skips such files. */
export const META_SUFFIX = '.meta.json';
const BODY_SUFFIX = '.json';

/** What the side file of a saved delivery holds. */
export interface DeliveryMeta {
  /** When the request arrived, ISO 8601. */
  readonly receivedAt: string;
  readonly method: string;
  /** The path, without the query string: it may carry the secret token. */
  readonly path: string;
  /** The status answered, or `null` when the connection closed before an answer. */
  readonly status: number | null;
  /** The event name, for a valid or an unknown event. */
  readonly event: string | null;
  /** The error code answered (`invalid_json`, `invalid_payload`...), or `null`. */
  readonly error: string | null;
  /** The request's `Content-Type`, which `replay` sends again so the bytes mean the same. */
  readonly contentType: string | null;
  /** The request's `Content-Encoding` (`gzip`...), which `replay` sends again. */
  readonly contentEncoding: string | null;
  /** The size of the body file. */
  readonly bytes: number;
}

/** The side file of a body file: `NAME.json` has `NAME.meta.json`. */
export const metaPathOf = (bodyPath: string): string =>
  `${bodyPath.endsWith(BODY_SUFFIX) ? bodyPath.slice(0, -BODY_SUFFIX.length) : bodyPath}${META_SUFFIX}`;

/** An ISO 8601 time without colons, which some file systems refuse: `2026-11-29T18-09-30.123Z`. */
const fileStamp = (time: Date): string => time.toISOString().replaceAll(':', '-');

/**
 * Writes `data` to `dir/name` so that no reader ever sees a partial file and no existing file is
 * replaced: a hidden temporary file, then a hard link to the final name, which fails if it exists.
 */
const writeNew = async (dir: string, name: string, data: string | Uint8Array): Promise<void> => {
  const temporary = join(dir, `.${name}.${process.pid}.partial`);
  await writeFile(temporary, data);
  try {
    await link(temporary, join(dir, name));
  } finally {
    await rm(temporary, { force: true });
  }
};

/** The directory `listen --save` writes to. */
export interface DeliveryStore {
  readonly dir: string;
  /**
   * Names a delivery as it arrives (its arrival time and a sequence number): the names of one
   * `listen`'s deliveries sort in order of arrival, whichever body is saved first.
   */
  readonly nameOnArrival: (receivedAt: Date) => string;
  /**
   * Saves the body of the delivery named `name` (from {@link DeliveryStore.nameOnArrival});
   * resolves to the body file's name. A file an earlier run left under that name is never
   * overwritten: the name then gets a suffix (`_2`, `_3`...), which sorts after it.
   */
  readonly saveBody: (name: string, body: Uint8Array) => Promise<string>;
  /** Writes the side file of the body file `name`. */
  readonly saveMeta: (name: string, meta: DeliveryMeta) => Promise<void>;
}

/** Creates `dir` if needed; rejects when it cannot be created or written to. */
export const openDeliveryStore = async (dir: string): Promise<DeliveryStore> => {
  await mkdir(dir, { recursive: true });
  // Fails now, rather than at the first delivery, when the directory is not writable.
  const probe = join(dir, `.blinger-webhooks-probe.${process.pid}`);
  await writeFile(probe, '');
  await rm(probe, { force: true });
  let sequence = 0;
  const nameOnArrival = (receivedAt: Date): string => {
    sequence += 1;
    return `${fileStamp(receivedAt)}-${String(sequence).padStart(6, '0')}`;
  };
  const saveBody = async (name: string, body: Uint8Array): Promise<string> => {
    for (let attempt = 1; ; attempt++) {
      // `_2` sorts after the name it avoids (`-2` would sort before: "-" < ".").
      const file = `${name}${attempt === 1 ? '' : `_${attempt}`}${BODY_SUFFIX}`;
      try {
        await writeNew(dir, file, body);
        return file;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
    }
  };
  const saveMeta = (name: string, meta: DeliveryMeta): Promise<void> =>
    writeNew(dir, metaPathOf(name), `${JSON.stringify(meta, null, 2)}\n`);
  return { dir, nameOnArrival, saveBody, saveMeta };
};

/** What {@link tapBody} has seen of a request body. */
export interface BodyTap {
  /** The bytes read so far, or `null` once more than the limit was read. */
  readonly bytes: () => Uint8Array | null;
  /** Whether the body has been read to its end. */
  readonly ended: () => boolean;
}

/**
 * Keeps a copy of the body chunks that whoever reads `req` reads, up to `limit` bytes, without
 * changing how it is read. `prependListener` is the one way to listen to `data` that does not
 * switch the stream to flowing mode (`on('data')` does): the adapter still reads the body its own
 * way, at its own pace, and stops when it wants.
 */
export const tapBody = (req: IncomingMessage, limit: number): BodyTap => {
  const chunks: Uint8Array[] = [];
  let size = 0;
  let ended = false;
  req.prependListener('data', (chunk: Uint8Array) => {
    size += chunk.byteLength;
    if (size <= limit) chunks.push(chunk);
  });
  req.prependOnceListener('end', () => {
    ended = true;
  });
  return { bytes: () => (size <= limit ? Buffer.concat(chunks) : null), ended: () => ended };
};
