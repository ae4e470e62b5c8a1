// Random and sequential access to a stored blob for the type checks: the ranged reader of media/byte-source plus a stream.
import { blobSource, bufferSource } from '../media/byte-source.ts';
import type { BlobStore } from '../storage/blob-store.ts';
import type { RandomAccess } from './cfb.ts';

export interface FileSource extends RandomAccess {
  /** The whole content from the start. */
  stream(): Promise<ReadableStream<Uint8Array>>;
}

export function blobFileSource(blobs: BlobStore, key: string, size: number, blockSize = 64 * 1024): FileSource {
  return {
    ...blobSource(blobs, key, size, blockSize),
    async stream() {
      const blob = await blobs.get(key);
      if (!blob) throw new Error('the stored file is missing');
      return blob.body;
    },
  };
}

/** A source over bytes in memory (tests, seed). */
export function bytesFileSource(bytes: Uint8Array): FileSource {
  return { ...bufferSource(bytes), stream: async () => new Blob([bytes as Uint8Array<ArrayBuffer>]).stream() };
}
