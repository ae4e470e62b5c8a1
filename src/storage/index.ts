// Chooses the blob store from config: S3-compatible storage when S3_BUCKET is set, else local disk under DATA_DIR/files.
import { join } from 'node:path';
import type { Config } from '../config.ts';
import type { BlobStore } from './blob-store.ts';
import { LocalBlobStore } from './local-blob-store.ts';
import { S3BlobStore } from './s3-blob-store.ts';

export function blobStoreFromConfig(config: Config): BlobStore {
  if (config.s3) return new S3BlobStore({ ...config.s3, tempDir: join(config.dataDir, 'tmp', 's3-uploads') });
  return new LocalBlobStore(join(config.dataDir, 'files'));
}
