// Random access to a file's bytes (a buffer, or a stored blob read in cached blocks) for header parsers.
import type { BlobStore } from '../storage/blob-store.ts';

export interface ByteSource {
  size: number;
  /** Up to `length` bytes from `offset` (fewer at the end of the file). */
  read(offset: number, length: number): Promise<Uint8Array>;
}

export function bufferSource(bytes: Uint8Array): ByteSource {
  return { size: bytes.byteLength, read: async (offset, length) => bytes.subarray(offset, Math.min(bytes.byteLength, offset + length)) };
}

async function collect(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    total += value.byteLength;
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

/** Reads a blob through ranged gets of 64 KB blocks, keeping a few recent blocks. */
export function blobSource(blobs: BlobStore, key: string, size: number, blockSize = 64 * 1024): ByteSource {
  const cache = new Map<number, Uint8Array>();
  async function block(index: number): Promise<Uint8Array> {
    const hit = cache.get(index);
    if (hit) return hit;
    const start = index * blockSize;
    const end = Math.min(size, start + blockSize) - 1;
    const blob = end >= start ? await blobs.get(key, { start, end }) : undefined;
    const bytes = blob ? await collect(blob.body) : new Uint8Array();
    cache.set(index, bytes);
    if (cache.size > 16) cache.delete(cache.keys().next().value!);
    return bytes;
  }
  return {
    size,
    async read(offset, length) {
      const end = Math.min(size, offset + length);
      if (offset < 0 || end <= offset) return new Uint8Array();
      const out = new Uint8Array(end - offset);
      let at = offset;
      while (at < end) {
        const index = Math.floor(at / blockSize);
        const bytes = await block(index);
        const from = at - index * blockSize;
        const take = Math.min(bytes.byteLength - from, end - at);
        if (take <= 0) break;
        out.set(bytes.subarray(from, from + take), at - offset);
        at += take;
      }
      return out.subarray(0, at - offset);
    },
  };
}

/** The whole blob (small files only: logos and icons). */
export async function readBlob(blobs: BlobStore, key: string): Promise<Uint8Array | undefined> {
  const blob = await blobs.get(key);
  return blob ? collect(blob.body) : undefined;
}
