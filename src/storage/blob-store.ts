// Where file bytes live: a key-value store of blobs, streamed in and out, with the size limit enforced while writing.

export interface PutOptions {
  /** Refuse (and keep nothing) once more than this many bytes have arrived. */
  maxBytes: number;
  contentType?: string;
}

export interface PutResult {
  key: string;
  size: number;
  /** Hex SHA-256 of the content. */
  sha256: string;
}

export interface ByteRange {
  start: number;
  /** Inclusive. */
  end: number;
}

export interface StoredBlob {
  body: ReadableStream<Uint8Array>;
  /** Size of the whole blob. */
  size: number;
}

export interface BlobStore {
  readonly kind: 'local' | 's3';
  put(body: AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>, options: PutOptions): Promise<PutResult>;
  get(key: string, range?: ByteRange): Promise<StoredBlob | undefined>;
  delete(key: string): Promise<void>;
  /** Every blob in the store with its last change (for the orphan sweeper). */
  list(): AsyncIterable<ListedBlob>;
  /** Removes unfinished writes (temp files, abandoned multipart uploads) started before `before`; returns how many. */
  sweepIncomplete(before: Date): Promise<number>;
}

export interface ListedBlob {
  key: string;
  modifiedAt: Date;
}

export class BlobTooLargeError extends Error {
  override name = 'BlobTooLargeError';
  constructor(public readonly limit: number) {
    super(`content is larger than ${limit} bytes`);
  }
}

/** Random, unguessable keys: 32 hex characters. */
export function newBlobKey(): string {
  return crypto.randomUUID().replace(/-/g, '');
}

export function isBlobKey(key: string): boolean {
  return /^[0-9a-f]{32}$/.test(key);
}

export async function* iterate(body: AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>): AsyncIterable<Uint8Array> {
  if (Symbol.asyncIterator in body) {
    yield* body as AsyncIterable<Uint8Array>;
    return;
  }
  const reader = (body as ReadableStream<Uint8Array>).getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}
