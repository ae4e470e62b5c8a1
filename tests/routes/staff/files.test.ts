// Staff and task files over HTTP: upload to any task, download a client's upload, delete any time, isolation.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createHash } from 'node:crypto';
import { makeTask } from '../../../src/seed/builders-tasks.ts';
import { createTestContext, type TestContext } from '../../helpers/context.ts';
import { sampleImage, text } from '../../files/samples.ts';
import { filesFixture, postFiles, rawGet, type FilesFixture } from '../portal/files-fixture.ts';

const test = suite<{ ctx: TestContext; f: FilesFixture }>('staff task files');

test.before.each(async (state) => {
  state.ctx = await createTestContext();
  state.f = await filesFixture(state.ctx, { upload_limit_bytes: 1024 });
});

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

test('staff upload to a task that is not shared, above the portal limit, and see it on the task page', async ({ ctx, f }) => {
  const internal = await makeTask(f.db, f.client, { title: 'Internal working papers' });
  const staff = await ctx.signInStaff('acme', 'member@acme.test');
  const pdf = text('account;amount\n'.repeat(500));
  assert.ok(pdf.byteLength > 1024, 'bigger than the portal limit');
  const res = await postFiles(staff, `/staff/tasks/${internal.id}/files`, [{ name: 'papers.csv', bytes: pdf }]);
  assert.is(res.status, 303);
  const page = await staff.follow(res);
  assert.is(page.status, 200);
  assert.ok(page.doc.querySelector('#attachments h2'));
  assert.ok(page.visibleText.includes('Uploaded: papers.csv.'));
  assert.ok(page.visibleText.includes('added by you'));
  const row = await f.db.selectFrom('task_files').selectAll().executeTakeFirstOrThrow();
  assert.equal([row.uploaded_by_type, row.uploaded_by_id, row.uploaded_by_name, row.client_id], ['staff', f.member.id, 'Mart Member', f.client.id]);
  const download = await rawGet(ctx, staff, `/staff/tasks/${internal.id}/files/${row.id}`);
  assert.is(download.status, 200);
  assert.is(sha256(new Uint8Array(await download.arrayBuffer())), sha256(pdf));
  // No mail to staff about their own upload.
  assert.is(await ctx.lastMailTo('owner@acme.test'), undefined);
});

test("a client's upload: staff see who sent it, download it, and may delete it long after", async ({ ctx, f }) => {
  const alice = await ctx.signInClient('acme', 'alice@example.test');
  const png = await sampleImage('png');
  await postFiles(alice, `/tasks/${f.task.id}/files`, [{ name: 'receipt.png', bytes: png }]);
  const row = await f.db.selectFrom('task_files').selectAll().executeTakeFirstOrThrow();
  ctx.clock.advance(3 * 24 * 60 * 60_000);
  const staff = await ctx.signInStaff('acme', 'owner@acme.test');
  const page = await staff.get(`/staff/tasks/${f.task.id}`);
  assert.ok(page.visibleText.includes('added by Alice Alpha (client)'), page.visibleText);
  const preview = await rawGet(ctx, staff, `/staff/tasks/${f.task.id}/files/${row.id}?inline=1`);
  assert.is(preview.status, 200);
  assert.match(preview.headers.get('Content-Disposition')!, /^inline;/);
  assert.match(preview.headers.get('Content-Security-Policy')!, /^sandbox/);
  assert.is(sha256(new Uint8Array(await preview.arrayBuffer())), sha256(png));
  const del = await staff.post(`/staff/tasks/${f.task.id}/files/${row.id}/delete`);
  assert.is(del.status, 303);
  assert.is(await ctx.blobs.get(row.blob_key), undefined);
  const after = await alice.get(`/tasks/${f.task.id}`);
  assert.not.ok(after.visibleText.includes('receipt.png'));
  const audit = await f.db.selectFrom('audit_events').select(['action', 'actor_type']).where('action', 'like', 'file.%').orderBy('at').orderBy('action').execute();
  assert.equal(audit.map((a) => `${a.action}:${a.actor_type}`).sort(), ['file.deleted:staff', 'file.downloaded:staff', 'file.uploaded:portal']);
});

test('staff see a quarantined file with what was found; it cannot be downloaded; nor can one being checked', async ({ ctx, f }) => {
  const staff = await ctx.signInStaff('acme', 'owner@acme.test');
  await postFiles(staff, `/staff/tasks/${f.task.id}/files`, [{ name: 'a.txt', bytes: text('a') }, { name: 'b.txt', bytes: text('b') }]);
  const [a, b] = await f.db.selectFrom('task_files').select(['id']).orderBy('original_name').execute();
  await f.db.updateTable('task_files').set({ scan_status: 'infected', scan_signature: 'Win.Test.EICAR_HDB-1' }).where('id', '=', a.id).execute();
  await f.db.updateTable('task_files').set({ scan_status: 'pending' }).where('id', '=', b.id).execute();
  const page = await staff.get(`/staff/tasks/${f.task.id}`);
  assert.ok(page.visibleText.includes('Quarantined'));
  assert.ok(page.visibleText.includes('Win.Test.EICAR_HDB-1'));
  assert.ok(page.visibleText.includes('Being checked'));
  assert.is((await rawGet(ctx, staff, `/staff/tasks/${f.task.id}/files/${a.id}`)).status, 410);
  assert.is((await rawGet(ctx, staff, `/staff/tasks/${f.task.id}/files/${b.id}`)).status, 409);
});

test("another firm's staff get 404 for this firm's tasks and files, and this firm's staff for a file under the wrong task", async ({ ctx, f }) => {
  const alice = await ctx.signInClient('acme', 'alice@example.test');
  await postFiles(alice, `/tasks/${f.task.id}/files`, [{ name: 'secret-ledger.txt', bytes: text('ledger secret') }]);
  const row = await f.db.selectFrom('task_files').select('id').executeTakeFirstOrThrow();
  const otherStaff = await ctx.signInStaff('other', 'owner@other.test');
  for (const path of [`/staff/tasks/${f.task.id}/files/${row.id}`, `/staff/tasks/${f.gammaTask.id}/files/${row.id}`]) {
    const res = await rawGet(ctx, otherStaff, path);
    assert.is(res.status, 404);
    assert.not.match(await res.text(), /ledger secret|secret-ledger/);
  }
  assert.is((await otherStaff.post(`/staff/tasks/${f.task.id}/files/${row.id}/delete`)).status, 404);
  assert.is((await postFiles(otherStaff, `/staff/tasks/${f.task.id}/files`, [{ name: 'x.txt', bytes: text('x') }])).status, 404);
  const staff = await ctx.signInStaff('acme', 'owner@acme.test');
  assert.is((await rawGet(ctx, staff, `/staff/tasks/${f.otherTask.id}/files/${row.id}`)).status, 404);
  assert.is((await f.db.selectFrom('task_files').select('id').where('deleted_at', 'is', null).execute()).length, 1);
});

test('staff uploads are checked like any other: an EXE is refused with 422', async ({ ctx, f }) => {
  const staff = await ctx.signInStaff('acme', 'owner@acme.test');
  const res = await postFiles(staff, `/staff/tasks/${f.task.id}/files`, [{ name: 'tool.pdf', bytes: Uint8Array.from([0x4d, 0x5a, ...new Uint8Array(200)]) }]);
  assert.is(res.status, 422);
  assert.ok(res.visibleText.includes('tool.pdf cannot be uploaded'));
  assert.is(res.doc.querySelectorAll('h1').length, 1);
  assert.is((await f.db.selectFrom('task_files').select('id').execute()).length, 0);
});

test.run();
