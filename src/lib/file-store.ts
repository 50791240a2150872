/**
 * The file-storage port (issue #19: an incident's photos and documents). Files live outside the
 * database: on Node in a directory (src/node/file-store.ts), on Workers in an R2 bucket (below).
 * Keys are made by the app (`incidents/<incident id>/<attachment id>`), never by a client.
 */
export interface StoredFile {
  bytes: Uint8Array<ArrayBuffer>;
  contentType: string;
}

export interface FileStore {
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** The file, or null when there is none under that key. */
  get(key: string): Promise<StoredFile | null>;
  /** Removes the file; removing a missing one is not an error. */
  delete(key: string): Promise<void>;
}

/** Keys are ASCII path segments: letters, digits, `-`, `_`, `.`, separated by `/`, no `..`. */
const KEY = /^[A-Za-z0-9_-][A-Za-z0-9._-]*(\/[A-Za-z0-9_-][A-Za-z0-9._-]*)*$/;

export function checkFileKey(key: string): string {
  if (!KEY.test(key) || key.split('/').some((s) => s === '..' || s === '.'))
    throw new Error(`[file-store] invalid key: ${key}`);
  return key;
}

/** Workers: an R2 bucket binding (wrangler.toml `[[r2_buckets]]`, binding `FILES`). */
export function r2FileStore(bucket: R2Bucket): FileStore {
  return {
    async put(key, bytes, contentType) {
      await bucket.put(checkFileKey(key), bytes, { httpMetadata: { contentType } });
    },
    async get(key) {
      const object = await bucket.get(checkFileKey(key));
      if (!object) return null;
      return {
        bytes: new Uint8Array(await object.arrayBuffer()),
        contentType: object.httpMetadata?.contentType ?? 'application/octet-stream',
      };
    },
    async delete(key) {
      await bucket.delete(checkFileKey(key));
    },
  };
}
