import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { receiveMultipart, UploadTooLargeError } from '../../src/uploads/multipart.ts';
import { makeFirm } from '../../src/seed/builders.ts';
import { LocalBlobStore } from '../../src/storage/local-blob-store.ts';
import { createTestContext, type TestContext } from '../helpers/context.ts';

const test = suite<{ ctx: TestContext }>('multipart streaming');

test.before.each(async (state) => {
  state.ctx = await createTestContext();
  await makeFirm(state.ctx.db, { slug: 'acme' });
  state.ctx.app.post('/test-upload', async (c) => {
    try {
      const result = await receiveMultipart(c, { blobs: state.ctx.blobs, maxFileBytes: 1000 });
      return c.json({ fields: result.fields, files: result.files.map((f) => ({ name: f.filename, size: f.size, sha256: f.sha256, key: f.key, head: f.head.length })) });
    } catch (error) {
      if (error instanceof UploadTooLargeError) return c.json({ tooLarge: error.filename }, 413);
      throw error;
    }
  });
});

async function allFiles(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { recursive: true, withFileTypes: true });
    return entries.filter((e) => e.isFile()).map((e) => e.name);
  } catch {
    return [];
  }
}

function upload(ctx: TestContext, parts: FormData) {
  return ctx.app.request('http://acme.localhost:3000/test-upload', {
    method: 'POST',
    body: parts,
    headers: { Host: 'acme.localhost:3000', Origin: 'http://acme.localhost:3000' },
  });
}

test('files and fields stream into the blob store with size and sha256', async ({ ctx }) => {
  const form = new FormData();
  form.append('note', 'hello');
  const bytes = new TextEncoder().encode('a'.repeat(1000));
  form.append('file', new Blob([bytes]), 'a.txt');
  form.append('file', new Blob([new TextEncoder().encode('b')]), 'b.txt');
  const res = await upload(ctx, form);
  assert.is(res.status, 200);
  const body = await res.json();
  assert.equal(body.fields, { note: ['hello'] });
  assert.is(body.files.length, 2);
  const a = body.files.find((f: any) => f.name === 'a.txt');
  assert.is(a.size, 1000);
  assert.is(a.sha256, createHash('sha256').update(bytes).digest('hex'));
  const stored = await ctx.blobs.get(a.key);
  assert.is(stored?.size, 1000);
});

test('a file one byte over the limit is refused and nothing is left behind', async ({ ctx }) => {
  const form = new FormData();
  form.append('file', new Blob([new TextEncoder().encode('ok')]), 'small.txt');
  form.append('file', new Blob([new Uint8Array(1001)]), 'big.bin');
  const res = await upload(ctx, form);
  assert.is(res.status, 413);
  assert.equal(await res.json(), { tooLarge: 'big.bin' });
  assert.equal(await allFiles((ctx.blobs as LocalBlobStore).root), []);
});

test.run();
