// One contract for every blob store, run against the local disk store and against a real S3-compatible server.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config.ts';
import { BlobTooLargeError, type BlobStore } from '../../src/storage/blob-store.ts';
import { blobStoreFromConfig } from '../../src/storage/index.ts';
import { LocalBlobStore } from '../../src/storage/local-blob-store.ts';
import { S3BlobStore } from '../../src/storage/s3-blob-store.ts';
import { startS3, type RunningS3 } from './s3-server.ts';

const MB = 1024 * 1024;

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Feeds bytes in uneven chunks, as a network upload would arrive. */
async function* chunked(bytes: Uint8Array, size = 64 * 1024 + 7): AsyncIterable<Uint8Array> {
  for (let at = 0; at < bytes.byteLength; at += size) yield bytes.subarray(at, at + size);
}

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

async function keys(store: BlobStore): Promise<string[]> {
  const out: string[] = [];
  for await (const blob of store.list()) out.push(blob.key);
  return out;
}

interface Fixture {
  store: BlobStore;
  /** Unfinished writes the store still holds (temp files, open multipart uploads). */
  leftovers(): Promise<number>;
  close(): Promise<void>;
}

function contract(name: string, open: () => Promise<Fixture>) {
  const test = suite<{ f: Fixture }>(`blob store contract: ${name}`);
  test.before.each(async (state) => {
    state.f = await open();
  });
  test.after.each(async ({ f }) => {
    await f.close();
  });

  test('a small blob round-trips with its size and sha256', async ({ f }) => {
    const bytes = randomBytes(70_001);
    const put = await f.store.put(chunked(bytes), { maxBytes: MB });
    assert.is(put.size, bytes.byteLength);
    assert.is(put.sha256, sha256(bytes));
    assert.match(put.key, /^[0-9a-f]{32}$/);
    const got = await f.store.get(put.key);
    assert.ok(got);
    assert.is(got.size, bytes.byteLength);
    assert.is(sha256(await readAll(got.body)), sha256(bytes));
  });

  test('a 12 MB blob round-trips byte for byte', async ({ f }) => {
    const bytes = randomBytes(12 * MB + 3);
    const put = await f.store.put(chunked(bytes), { maxBytes: 20 * MB });
    assert.is(put.sha256, sha256(bytes));
    const got = await f.store.get(put.key);
    assert.is(got?.size, bytes.byteLength);
    assert.is(sha256(await readAll(got!.body)), sha256(bytes));
    assert.is(await f.leftovers(), 0);
  });

  test('an empty blob is stored as zero bytes', async ({ f }) => {
    const put = await f.store.put(chunked(new Uint8Array()), { maxBytes: 10 });
    assert.is(put.size, 0);
    const got = await f.store.get(put.key);
    assert.is(got?.size, 0);
    assert.is((await readAll(got!.body)).byteLength, 0);
  });

  test('one byte over the limit is refused and leaves no object and no unfinished write', async ({ f }) => {
    try {
      await f.store.put(chunked(new Uint8Array(1001)), { maxBytes: 1000 });
      assert.unreachable('the put should have been refused');
    } catch (error) {
      assert.instance(error, BlobTooLargeError);
      assert.is((error as BlobTooLargeError).limit, 1000);
    }
    assert.equal(await keys(f.store), []);
    assert.is(await f.leftovers(), 0);
  });

  test('a refusal after megabytes were written leaves nothing behind', async ({ f }) => {
    const bytes = randomBytes(11 * MB);
    try {
      await f.store.put(chunked(bytes), { maxBytes: 10 * MB });
      assert.unreachable('the put should have been refused');
    } catch (error) {
      assert.instance(error, BlobTooLargeError);
    }
    assert.equal(await keys(f.store), []);
    assert.is(await f.leftovers(), 0);
  });

  test('a failing source stream leaves nothing behind', async ({ f }) => {
    async function* broken(): AsyncIterable<Uint8Array> {
      yield new Uint8Array(1000);
      throw new Error('connection reset');
    }
    try {
      await f.store.put(broken(), { maxBytes: MB });
      assert.unreachable('the put should have failed');
    } catch (error) {
      assert.is((error as Error).message, 'connection reset');
    }
    assert.equal(await keys(f.store), []);
    assert.is(await f.leftovers(), 0);
  });

  test('a range returns exactly those bytes and the whole size', async ({ f }) => {
    const bytes = randomBytes(5000);
    const put = await f.store.put(chunked(bytes), { maxBytes: MB });
    const got = await f.store.get(put.key, { start: 10, end: 19 });
    assert.is(got?.size, 5000);
    assert.equal(Buffer.from(await readAll(got!.body)), Buffer.from(bytes.subarray(10, 20)));
    const tail = await f.store.get(put.key, { start: 4990, end: 4999 });
    assert.equal(Buffer.from(await readAll(tail!.body)), Buffer.from(bytes.subarray(4990)));
  });

  test('delete removes the blob; deleting again and unknown keys are harmless', async ({ f }) => {
    const keep = await f.store.put(chunked(randomBytes(10)), { maxBytes: MB });
    const gone = await f.store.put(chunked(randomBytes(10)), { maxBytes: MB });
    await f.store.delete(gone.key);
    assert.is(await f.store.get(gone.key), undefined);
    await f.store.delete(gone.key);
    await f.store.delete('../../etc/passwd');
    assert.is(await f.store.get('0'.repeat(32)), undefined);
    assert.is(await f.store.get('../secret'), undefined);
    assert.equal(await keys(f.store), [keep.key]);
  });

  test('list gives every key with a modification time', async ({ f }) => {
    const a = await f.store.put(chunked(randomBytes(10)), { maxBytes: MB });
    const b = await f.store.put(chunked(randomBytes(10)), { maxBytes: MB });
    const listed: { key: string; modifiedAt: Date }[] = [];
    for await (const blob of f.store.list()) listed.push(blob);
    assert.equal(listed.map((l) => l.key).sort(), [a.key, b.key].sort());
    for (const l of listed) assert.ok(Math.abs(l.modifiedAt.getTime() - Date.now()) < 10 * 60_000, 'a recent modification time');
  });

  test.run();
}

contract('local disk', async () => {
  const root = mkdtempSync(join(tmpdir(), 'portico-blobs-'));
  const store = new LocalBlobStore(root);
  return {
    store,
    leftovers: async () => {
      try {
        return readdirSync(store.tempDir).length;
      } catch {
        return 0;
      }
    },
    close: async () => rmSync(root, { recursive: true, force: true }),
  };
});

let s3: RunningS3 | undefined;
contract('S3 (s3rver)', async () => {
  s3 ??= await startS3();
  const tempDir = mkdtempSync(join(tmpdir(), 'portico-s3-spool-'));
  const store = new S3BlobStore({ ...s3.options, tempDir });
  for await (const blob of store.list()) await store.delete(blob.key);
  return {
    store,
    leftovers: async () => readdirSync(tempDir).length,
    close: async () => {
      store.client.destroy();
      rmSync(tempDir, { recursive: true, force: true });
    },
  };
});

const config = suite('blob store from config');
config('S3_BUCKET selects the S3 store, otherwise local disk under DATA_DIR/files', () => {
  const local = blobStoreFromConfig(loadConfig({ DATA_DIR: '/tmp/portico-x' }));
  assert.is(local.kind, 'local');
  assert.is((local as LocalBlobStore).root, join('/tmp/portico-x', 'files'));
  const remote = blobStoreFromConfig(loadConfig({ S3_BUCKET: 'b', S3_ENDPOINT: 'http://127.0.0.1:9000' }));
  assert.is(remote.kind, 's3');
});
config.after(async () => {
  await s3?.stop();
});
config.run();
