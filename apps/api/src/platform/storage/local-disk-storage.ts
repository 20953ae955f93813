import { createReadStream, createWriteStream } from 'node:fs';
import { access, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { v4 as uuidv4 } from 'uuid';
import { assertSafeKey, type FileStorage } from './file-storage.js';

/** Stores objects as files under one root directory (`${dataDir}/uploads` by default). */
export function createLocalDiskStorage(root: string): FileStorage {
  const base = path.resolve(root);

  /** Maps a key onto a path, and checks again that it stays inside the root. */
  const resolve = (key: string) => {
    assertSafeKey(key);
    const full = path.resolve(base, key);
    if (!full.startsWith(base + path.sep)) throw new Error(`Storage key escapes the root: ${key}`);
    return full;
  };

  return {
    async put(key, content) {
      const target = resolve(key);
      await mkdir(path.dirname(target), { recursive: true });
      // Write to a temporary name and rename, so a reader never sees a half-written file.
      const temp = `${target}.${uuidv4()}.part`;
      try {
        if (Buffer.isBuffer(content)) await writeFile(temp, content, { flag: 'wx' });
        else await pipeline(content, createWriteStream(temp, { flags: 'wx' }));
        await rename(temp, target);
      } catch (err) {
        await rm(temp, { force: true });
        throw err;
      }
    },
    read(key) {
      return createReadStream(resolve(key));
    },
    async exists(key) {
      return access(resolve(key)).then(() => true, () => false);
    },
    async remove(key) {
      await rm(resolve(key), { force: true });
    },
  };
}
