// Streams a multipart/form-data request into the blob store with busboy: never the whole body in memory,
// the per-file limit enforced while streaming, and on any failure nothing left behind.
import busboy from 'busboy';
import type { Context } from 'hono';
import { Readable } from 'node:stream';
import { BlobTooLargeError, type BlobStore } from '../storage/blob-store.ts';

export interface UploadedFile {
  field: string;
  /** The name the browser sent (untrusted; escape on output). */
  filename: string;
  declaredType: string;
  key: string;
  size: number;
  sha256: string;
  /** The first bytes, for deciding the type from content. */
  head: Uint8Array;
}

export interface MultipartResult {
  fields: Record<string, string[]>;
  files: UploadedFile[];
}

export class UploadTooLargeError extends Error {
  override name = 'UploadTooLargeError';
  constructor(public readonly filename: string, public readonly limit: number) {
    super(`${filename} is larger than ${limit} bytes`);
  }
}

export class UploadRejectedError extends Error {
  override name = 'UploadRejectedError';
}

export const HEAD_BYTES = 4100;

export interface ReceiveOptions {
  blobs: BlobStore;
  maxFileBytes: number;
  maxFiles?: number;
  /** Fields whose parts are files; parts of other fields that carry a filename are refused. */
  fileFields?: string[];
}

async function* tapHead(stream: AsyncIterable<Uint8Array>, head: { bytes: Uint8Array; length: number }): AsyncIterable<Uint8Array> {
  for await (const chunk of stream) {
    if (head.length < HEAD_BYTES) {
      const take = chunk.subarray(0, HEAD_BYTES - head.length);
      head.bytes.set(take, head.length);
      head.length += take.byteLength;
    }
    yield chunk;
  }
}

export function isMultipart(c: Context): boolean {
  return /^multipart\/form-data/i.test(c.req.header('content-type') ?? '');
}

export async function receiveMultipart(c: Context, options: ReceiveOptions): Promise<MultipartResult> {
  const contentType = c.req.header('content-type') ?? '';
  if (!/^multipart\/form-data/i.test(contentType)) throw new UploadRejectedError('expected a multipart form');
  const body = c.req.raw.body;
  if (!body) throw new UploadRejectedError('the form was empty');

  const source = Readable.fromWeb(body as import('node:stream/web').ReadableStream<Uint8Array>);
  const parser = busboy({
    headers: { 'content-type': contentType },
    // Browsers send file names as raw UTF-8; busboy would read them as Latin-1 ("Ã\u0095ismÃ¤e.pdf").
    defParamCharset: 'utf8',
    limits: { files: options.maxFiles ?? 20, fields: 200, fieldSize: 1024 * 1024, parts: 400 },
  });
  const fields: Record<string, string[]> = {};
  const stored: (UploadedFile & { order: number })[] = [];
  let order = 0;
  const pending: Promise<void>[] = [];
  let failure: Error | undefined;
  let finish: () => void = () => {};

  const fail = (error: Error) => {
    if (failure) return;
    failure = error;
    // Stop reading the request: the rest of an oversized upload is never taken in.
    source.unpipe(parser);
    source.destroy();
    parser.removeAllListeners('file');
    finish();
  };

  const done = new Promise<void>((resolve) => {
    finish = resolve;
    parser.on('field', (name, value) => {
      (fields[name] ??= []).push(value);
    });
    parser.on('file', (field, stream, info) => {
      if (failure) return void stream.resume();
      const filename = info.filename;
      if (!filename) return void stream.resume(); // an empty file input
      if (options.fileFields && !options.fileFields.includes(field)) {
        stream.resume();
        return fail(new UploadRejectedError(`unexpected file field ${field}`));
      }
      const head = { bytes: new Uint8Array(HEAD_BYTES), length: 0 };
      const position = order++;
      pending.push(
        options.blobs
          .put(tapHead(stream, head), { maxBytes: options.maxFileBytes, contentType: info.mimeType })
          .then((result) => {
            stored.push({ field, filename, declaredType: info.mimeType, ...result, head: head.bytes.slice(0, head.length), order: position });
          })
          .catch((error: Error) => {
            stream.resume();
            fail(error instanceof BlobTooLargeError ? new UploadTooLargeError(filename, options.maxFileBytes) : error);
          }),
      );
    });
    parser.on('filesLimit', () => fail(new UploadRejectedError(`at most ${options.maxFiles ?? 20} files at once`)));
    parser.on('error', (error: Error) => fail(new UploadRejectedError(`the upload could not be read: ${error.message}`)));
    parser.on('close', resolve);
    source.on('error', (error) => fail(new UploadRejectedError(`the upload was interrupted: ${error.message}`)));
  });
  source.pipe(parser);
  await done;
  await Promise.allSettled(pending);
  if (failure) {
    await Promise.all(stored.map((file) => options.blobs.delete(file.key).catch(() => {})));
    throw failure;
  }
  // In the order the browser sent them, whichever finished storing first.
  return { fields, files: stored.sort((a, b) => a.order - b.order).map(({ order: _order, ...file }) => file) };
}

/** Deletes blobs of files that were received but then refused (wrong type, failed validation). */
export async function discardUploads(blobs: BlobStore, files: UploadedFile[]): Promise<void> {
  await Promise.all(files.map((file) => blobs.delete(file.key).catch(() => {})));
}
