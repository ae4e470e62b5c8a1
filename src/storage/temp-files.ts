// Removing stale temporary files (partial writes or spools a crashed process left behind).
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** Deletes files in `dir` last modified before `before`; returns how many. */
export async function removeFilesOlderThan(dir: string, before: Date): Promise<number> {
  let removed = 0;
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    const path = join(dir, name);
    const info = await stat(path).catch(() => undefined);
    if (info && info.mtime < before) {
      await rm(path, { force: true });
      removed++;
    }
  }
  return removed;
}
