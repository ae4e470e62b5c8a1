// Random and sequential access to a stored blob for the type checks: ranged reads in cached 64 KB blocks.
import type { BlobStore } from '../storage/blob-store.ts';
import type { RandomAccess } from './cfb.ts';

export interface FileSource extends RandomAccess {
  /** The whole content from the start. */
  stream(): Promise<ReadableStream<Uint8Array>>;
}

async function collect(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

export function blobFileSource(blobs: BlobStore, key: string, size: number, blockSize = 64 * 1024): FileSource {
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
    async stream() {
      const blob = await blobs.get(key);
      if (!blob) throw new Error('the stored file is missing');
      return blob.body;
    },
  };
}

/** A source over bytes in memory (tests, seed). */
export function bytesFileSource(bytes: Uint8Array): FileSource {
  return {
    size: bytes.byteLength,
    read: async (offset, length) => bytes.subarray(offset, Math.min(bytes.byteLength, offset + length)),
    stream: async () => new Blob([bytes as Uint8Array<ArrayBuffer>]).stream(),
  };
}
