// Blobs on local disk under DATA_DIR/files: written to a temp file, fsynced, then renamed into place.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { removeFilesOlderThan } from './temp-files.ts';
import { Readable } from 'node:stream';
import { BlobTooLargeError, isBlobKey, iterate, newBlobKey, type BlobStore, type ByteRange, type ListedBlob, type PutOptions, type PutResult, type StoredBlob } from './blob-store.ts';

export class LocalBlobStore implements BlobStore {
  readonly kind = 'local';
  readonly tempDir: string;

  constructor(readonly root: string) {
    this.tempDir = join(root, 'tmp');
  }

  private pathOf(key: string): string {
    if (!isBlobKey(key)) throw new Error('invalid blob key');
    return join(this.root, key.slice(0, 2), key.slice(2, 4), key);
  }

  async put(body: AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>, options: PutOptions): Promise<PutResult> {
    const key = newBlobKey();
    await mkdir(this.tempDir, { recursive: true });
    const temp = join(this.tempDir, `${key}.part`);
    const file = await open(temp, 'wx');
    const hash = createHash('sha256');
    let size = 0;
    try {
      for await (const chunk of iterate(body)) {
        size += chunk.byteLength;
        if (size > options.maxBytes) throw new BlobTooLargeError(options.maxBytes);
        hash.update(chunk);
        await file.write(chunk);
      }
      await file.sync();
      await file.close();
    } catch (error) {
      await file.close().catch(() => {});
      await rm(temp, { force: true });
      throw error;
    }
    const target = this.pathOf(key);
    await mkdir(join(target, '..'), { recursive: true });
    await rename(temp, target);
    return { key, size, sha256: hash.digest('hex') };
  }

  async get(key: string, range?: ByteRange): Promise<StoredBlob | undefined> {
    if (!isBlobKey(key)) return undefined;
    const path = this.pathOf(key);
    let size: number;
    try {
      size = (await stat(path)).size;
    } catch {
      return undefined;
    }
    const stream = createReadStream(path, range ? { start: range.start, end: range.end } : {});
    return { body: Readable.toWeb(stream) as ReadableStream<Uint8Array>, size };
  }

  async delete(key: string): Promise<void> {
    if (!isBlobKey(key)) return;
    await rm(this.pathOf(key), { force: true });
  }

  async *list(): AsyncIterable<ListedBlob> {
    let first: string[];
    try {
      first = await readdir(this.root);
    } catch {
      return;
    }
    for (const a of first.filter((n) => /^[0-9a-f]{2}$/.test(n))) {
      for (const b of await readdir(join(this.root, a)).catch(() => [] as string[])) {
        for (const key of await readdir(join(this.root, a, b)).catch(() => [] as string[])) {
          if (!isBlobKey(key)) continue;
          const info = await stat(join(this.root, a, b, key)).catch(() => undefined);
          if (info) yield { key, modifiedAt: info.mtime };
        }
      }
    }
  }

  async sweepIncomplete(before: Date): Promise<number> {
    return removeFilesOlderThan(this.tempDir, before);
  }
}
