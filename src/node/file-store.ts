import { mkdir, readFile, rm, writeFile, rename } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { checkFileKey, type FileStore } from '../lib/file-store.js';

/**
 * Node: files under a directory (FILES_DIR; by default `files/` next to the SQLite file). The
 * content type is kept beside each file (`<key>.type`). A file is written to a temporary name
 * and renamed, so a reader never sees half a file.
 */
export function nodeFileStore(root: string): FileStore {
  const base = resolve(root);
  const pathOf = (key: string) => join(base, ...checkFileKey(key).split('/'));
  return {
    async put(key, bytes, contentType) {
      const path = pathOf(key);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(`${path}.type`, contentType);
      await writeFile(`${path}.part`, bytes);
      await rename(`${path}.part`, path);
    },
    async get(key) {
      const path = pathOf(key);
      try {
        const bytes = await readFile(path);
        const contentType = await readFile(`${path}.type`, 'utf8').catch(
          () => 'application/octet-stream',
        );
        return { bytes: new Uint8Array(bytes), contentType };
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw err;
      }
    },
    async delete(key) {
      const path = pathOf(key);
      await rm(path, { force: true });
      await rm(`${path}.type`, { force: true });
    },
  };
}

/** The directory of the configuration: FILES_DIR, or `files/` beside the database file. */
export function filesDirOf(config: { FILES_DIR?: string | undefined; DATABASE_PATH: string }) {
  return config.FILES_DIR ?? join(dirname(config.DATABASE_PATH), 'files');
}
