// Chooses the blob store from config: local disk under DATA_DIR/files by default.
import { join } from 'node:path';
import type { Config } from '../config.ts';
import type { BlobStore } from './blob-store.ts';
import { LocalBlobStore } from './local-blob-store.ts';

export function blobStoreFromConfig(config: Config): BlobStore {
  return new LocalBlobStore(join(config.dataDir, 'files'));
}
