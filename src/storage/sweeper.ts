// Removes what no row needs any more: blobs no row references (deleted or quarantined files, uploads refused after
// storing, rows lost to a crash) and unfinished writes, both only once they are an hour old so in-flight uploads
// (stored before their row is committed) are never touched. Runs at start and every hour from server.ts.
import type { Clock } from '../clock.ts';
import type { Db } from '../db/connect.ts';
import { blobKeysInUse } from '../db/queries/file-reports.ts';
import type { Logger } from '../log.ts';
import type { BlobStore } from './blob-store.ts';

export interface SweepDeps {
  db: Db;
  blobs: BlobStore;
  clock: Clock;
  logger: Logger;
}

export const SWEEP_GRACE_MS = 60 * 60_000;

export async function sweepBlobs(deps: SweepDeps, graceMs = SWEEP_GRACE_MS): Promise<{ orphans: number; incomplete: number }> {
  const before = new Date(deps.clock.now().getTime() - graceMs);
  // Listed first, keys read after: a blob whose row commits in between is then seen as in use.
  const candidates: string[] = [];
  for await (const blob of deps.blobs.list()) if (blob.modifiedAt < before) candidates.push(blob.key);
  let orphans = 0;
  if (candidates.length > 0) {
    const inUse = await blobKeysInUse(deps.db);
    for (const key of candidates) {
      if (inUse.has(key)) continue;
      await deps.blobs.delete(key);
      orphans++;
    }
  }
  const incomplete = await deps.blobs.sweepIncomplete(before);
  if (orphans || incomplete) deps.logger.info('blob sweep', { orphans, incomplete });
  return { orphans, incomplete };
}

export interface Sweeper {
  stop(): Promise<void>;
}

export function startSweeper(deps: SweepDeps, intervalMs = SWEEP_GRACE_MS): Sweeper {
  let running: Promise<unknown> = Promise.resolve();
  const run = () => {
    running = sweepBlobs(deps).catch((error: Error) => deps.logger.error('blob sweep failed', { error: error.message }));
  };
  run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
