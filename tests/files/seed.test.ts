// The demo seed's attachments: real files on demo tasks, listed and downloadable on both sides.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { seedDemo } from '../../src/seed/index.ts';
import { decideFileType } from '../../src/files/file-types.ts';
import { blobFileSource } from '../../src/files/blob-source.ts';
import { createTestContext, type TestContext } from '../helpers/context.ts';
import { rawGet } from '../routes/portal/files-fixture.ts';

const test = suite<{ ctx: TestContext }>('demo seed files');

test.before.each(async (state) => {
  state.ctx = await createTestContext();
  await seedDemo(state.ctx.db, state.ctx.clock.now(), state.ctx.blobs);
});

test('Alex sees the receipt and the bank statement on the VAT task; staff see the agreement PDF', async ({ ctx }) => {
  const rows = await ctx.db.selectFrom('task_files').selectAll().orderBy('original_name').execute();
  assert.equal(rows.map((r) => [r.original_name, r.content_type, r.uploaded_by_type]), [
    ['Bank statement November.csv', 'text/csv; charset=utf-8', 'portal'],
    ['Receipt Café Tallinn.png', 'image/png', 'portal'],
    ['Service agreement.pdf', 'application/pdf', 'staff'],
  ]);
  // Each seeded file passes the same content check as an upload.
  for (const row of rows) {
    const verdict = await decideFileType(row.original_name, blobFileSource(ctx.blobs, row.blob_key, row.size));
    assert.ok(verdict.ok && verdict.kind.mime === row.content_type, row.original_name);
  }
  const png = rows[1];
  const alex = await ctx.signInClient('demo', 'alex@example.test');
  const page = await alex.get(`/tasks/${png.task_id}`);
  assert.ok(page.visibleText.includes('Receipt Café Tallinn.png') && page.visibleText.includes('Bank statement November.csv'));
  const res = await rawGet(ctx, alex, `/tasks/${png.task_id}/files/${png.id}`);
  assert.is(res.status, 200);
  const bytes = new Uint8Array(await res.arrayBuffer());
  assert.is(createHash('sha256').update(bytes).digest('hex'), png.sha256);
  assert.is((await sharp(bytes).metadata()).format, 'png');

  const staff = await ctx.signInStaff('demo', 'owner@demo.test');
  const agreement = rows[2];
  const staffPage = await staff.get(`/staff/tasks/${agreement.task_id}`);
  assert.ok(staffPage.visibleText.includes('Service agreement.pdf'));
  const pdf = await rawGet(ctx, staff, `/staff/tasks/${agreement.task_id}/files/${agreement.id}`);
  assert.is(new TextDecoder().decode((await pdf.arrayBuffer()).slice(0, 5)), '%PDF-');
});

test.run();
