// Removes what no row needs any more: blobs no row references (deleted or quarantined files, uploads refused after
// storing, rows lost to a crash) and unfinished writes, both only once they are an hour old so in-flight uploads
// (stored before their row is committed) are never touched; and rate-limit hits older than any limit's window.
// Runs at start and every hour from server.ts.
import type { Clock } from '../clock.ts';
import type { Db } from '../db/connect.ts';
import { blobKeysInUse } from '../db/queries/file-reports.ts';
import { pruneRateLimitHits } from '../db/queries/rate-limits.ts';
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

/** Rate limits count hits within the last hour; a day's margin keeps them readable when looking into abuse. */
export const RATE_LIMIT_KEEP_MS = 24 * 60 * 60_000;

/** One hourly round: blobs, then rate-limit hits; a failure of one does not stop the other. */
export async function sweepOnce(deps: SweepDeps): Promise<void> {
  await sweepBlobs(deps).catch((error: Error) => deps.logger.error('blob sweep failed', { error: error.message }));
  await pruneRateLimitHits(deps.db, new Date(deps.clock.now().getTime() - RATE_LIMIT_KEEP_MS)).catch((error: Error) =>
    deps.logger.error('rate-limit prune failed', { error: error.message }),
  );
}

export interface Sweeper {
  stop(): Promise<void>;
}

export function startSweeper(deps: SweepDeps, intervalMs = SWEEP_GRACE_MS): Sweeper {
  let running: Promise<unknown> = Promise.resolve();
  const run = () => {
    running = sweepOnce(deps);
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
