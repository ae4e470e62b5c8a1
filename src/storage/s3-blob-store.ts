// Blobs in S3-compatible object storage. An upload is first spooled to a local temp file (the size limit
// enforced while it streams, memory flat), then sent in one PutObject with a known length: a refused upload
// never reaches the bucket, and no multipart upload is ever left half done.
import {
  DeleteObjectCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { removeFilesOlderThan } from './temp-files.ts';
import { BlobTooLargeError, isBlobKey, iterate, newBlobKey, type BlobStore, type ByteRange, type ListedBlob, type PutOptions, type PutResult, type StoredBlob } from './blob-store.ts';

export interface S3BlobStoreOptions {
  bucket: string;
  endpoint?: string;
  region: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  forcePathStyle: boolean;
  /** Where uploads are spooled before they are sent. */
  tempDir: string;
  /** Objects live under this prefix (e.g. "files/"), so the bucket may hold other things. */
  prefix?: string;
}

function isMissing(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e?.name === 'NoSuchKey' || e?.name === 'NotFound' || e?.$metadata?.httpStatusCode === 404;
}

export class S3BlobStore implements BlobStore {
  readonly kind = 's3';
  readonly client: S3Client;
  readonly tempDir: string;
  private readonly bucket: string;
  private readonly prefix: string;

  constructor(options: S3BlobStoreOptions) {
    this.bucket = options.bucket;
    this.prefix = options.prefix ?? '';
    this.tempDir = options.tempDir;
    this.client = new S3Client({
      region: options.region,
      endpoint: options.endpoint,
      forcePathStyle: options.forcePathStyle,
      credentials: options.accessKeyId && options.secretAccessKey ? { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey } : undefined,
      // With the defaults a streamed body is sent with aws-chunked framing and a CRC trailer, which some
      // S3-compatible servers store verbatim (DESIGN.md, known traps). We hash the content ourselves.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  private objectKey(key: string): string {
    return this.prefix + key;
  }

  async put(body: AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>, options: PutOptions): Promise<PutResult> {
    const key = newBlobKey();
    await mkdir(this.tempDir, { recursive: true });
    const temp = join(this.tempDir, `${key}.part`);
    const hash = createHash('sha256');
    let size = 0;
    try {
      const file = await open(temp, 'wx');
      try {
        for await (const chunk of iterate(body)) {
          size += chunk.byteLength;
          if (size > options.maxBytes) throw new BlobTooLargeError(options.maxBytes);
          hash.update(chunk);
          await file.write(chunk);
        }
      } finally {
        await file.close();
      }
      const sha256 = hash.digest('hex');
      await this.client.send(
        new PutObjectCommand({
          Bucket: this.bucket,
          Key: this.objectKey(key),
          Body: createReadStream(temp),
          ContentLength: size,
          ContentType: 'application/octet-stream',
        }),
      );
      return { key, size, sha256 };
    } finally {
      await rm(temp, { force: true });
    }
  }

  async get(key: string, range?: ByteRange): Promise<StoredBlob | undefined> {
    if (!isBlobKey(key)) return undefined;
    try {
      const answer = await this.client.send(
        new GetObjectCommand({ Bucket: this.bucket, Key: this.objectKey(key), Range: range ? `bytes=${range.start}-${range.end}` : undefined }),
      );
      if (!answer.Body) return undefined;
      const total = answer.ContentRange ? Number(answer.ContentRange.split('/')[1]) : Number(answer.ContentLength ?? 0);
      return { body: answer.Body.transformToWebStream() as ReadableStream<Uint8Array>, size: total };
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    if (!isBlobKey(key)) return;
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: this.objectKey(key) }));
  }

  async *list(): AsyncIterable<ListedBlob> {
    let ContinuationToken: string | undefined;
    do {
      const page = await this.client.send(new ListObjectsV2Command({ Bucket: this.bucket, Prefix: this.prefix || undefined, ContinuationToken }));
      for (const object of page.Contents ?? []) {
        const key = object.Key?.slice(this.prefix.length) ?? '';
        if (isBlobKey(key)) yield { key, modifiedAt: object.LastModified ?? new Date(0) };
      }
      ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (ContinuationToken);
  }

  /** Spool files left by a crashed process. */
  async sweepIncomplete(before: Date): Promise<number> {
    return removeFilesOlderThan(this.tempDir, before);
  }
}
