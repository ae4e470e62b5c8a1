// The sweeper: blobs no row needs and stale temp files go once an hour old; everything referenced stays.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdir, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { HOUR } from '../../src/clock.ts';
import { insertTaskFiles } from '../../src/db/queries/files.ts';
import { LocalBlobStore } from '../../src/storage/local-blob-store.ts';
import { hitRateLimit } from '../../src/db/queries/rate-limits.ts';
import { sweepBlobs, sweepOnce } from '../../src/storage/sweeper.ts';
import { createTestContext, type TestContext } from '../helpers/context.ts';
import { filesFixture, type FilesFixture } from '../routes/portal/files-fixture.ts';

const test = suite<{ ctx: TestContext; f: FilesFixture }>('blob sweeper');

test.before.each(async (state) => {
  // The sweeper compares with file times, which are wall-clock: run the test clock at the real time.
  state.ctx = await createTestContext({ now: new Date() });
  state.f = await filesFixture(state.ctx);
});

async function put(ctx: TestContext, content: string) {
  return ctx.blobs.put(new Blob([content]).stream(), { maxBytes: 1000 });
}

async function attach(ctx: TestContext, f: FilesFixture, key: string, name: string, extra: { deleted?: boolean; infected?: boolean } = {}) {
  const id = crypto.randomUUID();
  await insertTaskFiles(ctx.db, f.firm.id, [
    { id, taskId: f.task.id, clientId: f.client.id, blobKey: key, name, size: 1, sha256: 'x', contentType: 'text/plain; charset=utf-8', uploadedByType: 'staff', uploadedById: f.owner.id, uploadedByName: 'Olga', scanStatus: extra.infected ? 'infected' : 'clean' },
  ], ctx.clock.now());
  if (extra.deleted) await ctx.db.updateTable('task_files').set({ deleted_at: ctx.clock.now() }).where('id', '=', id).execute();
}

test('removes orphans, deleted and quarantined blobs and old temp files; keeps live files, logos and young blobs', async ({ ctx, f }) => {
  const live = await put(ctx, 'live');
  const deleted = await put(ctx, 'deleted');
  const infected = await put(ctx, 'infected');
  const orphan = await put(ctx, 'orphan');
  const logo = await put(ctx, 'logo');
  await attach(ctx, f, live.key, 'live.txt');
  await attach(ctx, f, deleted.key, 'deleted.txt', { deleted: true });
  await attach(ctx, f, infected.key, 'infected.txt', { infected: true });
  await ctx.db.updateTable('firms').set({ logo_key: logo.key }).where('id', '=', f.firm.id).execute();
  const store = ctx.blobs as LocalBlobStore;
  await mkdir(store.tempDir, { recursive: true });
  const staleTemp = join(store.tempDir, 'stale.part');
  const freshTemp = join(store.tempDir, 'fresh.part');
  await writeFile(staleTemp, 'half an upload');
  await writeFile(freshTemp, 'an upload in progress');
  const old = new Date(Date.now() - 2 * HOUR);
  await utimes(staleTemp, old, old);

  // Within the hour no blob is touched (an upload stores its blob before its row commits); the stale temp file goes.
  assert.equal(await sweepBlobs(ctx.deps), { orphans: 0, incomplete: 1 });

  // Two hours later (file times moved back, as the sweeper compares them with the clock).
  for (const key of [live.key, deleted.key, infected.key, orphan.key, logo.key]) await utimes(join(store.root, key.slice(0, 2), key.slice(2, 4), key), old, old);
  await utimes(freshTemp, old, old);
  const young = await put(ctx, 'uploaded just now');
  const swept = await sweepBlobs(ctx.deps);
  assert.equal(swept, { orphans: 3, incomplete: 1 });
  const left: string[] = [];
  for await (const blob of ctx.blobs.list()) left.push(blob.key);
  assert.equal(left.sort(), [live.key, logo.key, young.key].sort());
});

test('the hourly round also forgets rate-limit hits older than a day, and a limit still counts the last hour', async ({ ctx }) => {
  const now = ctx.clock.now();
  const at = (hoursAgo: number) => new Date(now.getTime() - hoursAgo * HOUR);
  await ctx.db.insertInto('rate_limit_hits').values([{ bucket: 'email:old@example.test', at: at(30) }, { bucket: 'email:old@example.test', at: at(25) }, { bucket: 'email:new@example.test', at: at(0.5) }]).execute();
  await sweepOnce({ db: ctx.db, blobs: ctx.blobs, clock: ctx.clock, logger: ctx.deps.logger });
  const left = await ctx.db.selectFrom('rate_limit_hits').select('bucket').execute();
  assert.equal(left.map((r) => r.bucket), ['email:new@example.test']);
  assert.is(await hitRateLimit(ctx.db, 'email:new@example.test', 2, HOUR, now), true);
  assert.is(await hitRateLimit(ctx.db, 'email:new@example.test', 2, HOUR, now), false, 'the recent hit still counts');
});

test.run();
