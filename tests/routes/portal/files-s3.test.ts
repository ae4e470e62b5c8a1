// The same upload and download round trip through the app, with the files in a real S3-compatible server.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { S3BlobStore } from '../../../src/storage/s3-blob-store.ts';
import { createTestContext, type TestContext } from '../../helpers/context.ts';
import { sampleExe, samplePdf } from '../../files/samples.ts';
import { startS3, type RunningS3 } from '../../storage/s3-server.ts';
import { filesFixture, postFiles, rawGet, type FilesFixture } from './files-fixture.ts';

const test = suite<{ s3: RunningS3; store: S3BlobStore; spool: string; ctx: TestContext; f: FilesFixture }>('portal task files on S3');

test.before(async (state) => {
  state.s3 = await startS3('portico-files');
});
test.after(async ({ s3 }) => {
  await s3?.stop();
});
test.before.each(async (state) => {
  state.spool = mkdtempSync(join(tmpdir(), 'portico-s3-spool-'));
  state.store = new S3BlobStore({ ...state.s3.options, tempDir: state.spool });
  for await (const blob of state.store.list()) await state.store.delete(blob.key);
  state.ctx = await createTestContext({ blobs: state.store });
  state.f = await filesFixture(state.ctx, { upload_limit_bytes: 64 * 1024 });
});
test.after.each(({ store, spool }) => {
  store.client.destroy();
  rmSync(spool, { recursive: true, force: true });
});

async function objects(store: S3BlobStore): Promise<string[]> {
  const keys: string[] = [];
  for await (const blob of store.list()) keys.push(blob.key);
  return keys;
}

test('upload, list and download byte for byte with the blob in the bucket', async ({ ctx, f, store }) => {
  const alice = await ctx.signInClient('acme', 'alice@example.test');
  const pdf = await samplePdf('Stored in S3');
  const res = await postFiles(alice, `/tasks/${f.task.id}/files`, [{ name: 'annual report.pdf', bytes: pdf }]);
  assert.is(res.status, 303);
  const row = await f.db.selectFrom('task_files').selectAll().executeTakeFirstOrThrow();
  assert.equal(await objects(store), [row.blob_key]);
  const download = await rawGet(ctx, alice, `/tasks/${f.task.id}/files/${row.id}`);
  assert.is(download.status, 200);
  const body = new Uint8Array(await download.arrayBuffer());
  assert.is(createHash('sha256').update(body).digest('hex'), createHash('sha256').update(pdf).digest('hex'));
  const part = await rawGet(ctx, alice, `/tasks/${f.task.id}/files/${row.id}`, { Range: 'bytes=0-4' });
  assert.is(part.status, 206);
  assert.is(await part.text(), '%PDF-');
});

test('over the limit or refused by type: nothing in the bucket, no row, no spool file', async ({ ctx, f, store, spool }) => {
  const alice = await ctx.signInClient('acme', 'alice@example.test');
  const big = await postFiles(alice, `/tasks/${f.task.id}/files`, [{ name: 'big.csv', bytes: new Uint8Array(64 * 1024 + 1).fill(0x61) }]);
  assert.is(big.status, 413);
  const exe = await postFiles(alice, `/tasks/${f.task.id}/files`, [{ name: 'a.pdf', bytes: await samplePdf() }, { name: 'b.pdf', bytes: sampleExe() }]);
  assert.is(exe.status, 422);
  assert.equal(await objects(store), []);
  assert.is((await f.db.selectFrom('task_files').select('id').execute()).length, 0);
  assert.equal(readdirSync(spool), []);
});

test.run();
