// Virus scanning end to end with a real clamd: "being checked" until clean, EICAR quarantined, uploader and staff
// told, the pending rows picked up again at start, and an unreachable clamd leaving files safely pending.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { ScanQueue, scanQueueFor } from '../../src/files/scan-queue.ts';
import { createTestContext, type TestContext } from '../helpers/context.ts';
import { filesFixture, postFiles, rawGet, type FilesFixture } from '../routes/portal/files-fixture.ts';
import { EICAR, freePort, startClamd, type RunningClamd } from './clamd.ts';
import { text } from './samples.ts';

const test = suite<{ clamd: RunningClamd; ctx: TestContext; f: FilesFixture }>('virus scanning with clamd');

test.before(async (state) => {
  state.clamd = await startClamd();
});
test.after(async ({ clamd }) => {
  await clamd?.stop();
});
test.before.each(async (state) => {
  state.ctx = await createTestContext({ env: state.clamd.env });
  state.f = await filesFixture(state.ctx);
});
test.after.each(async ({ ctx }) => {
  await scanQueueFor(ctx.deps)?.stop();
});

test('new files are "being checked" until clamd answers; EICAR is quarantined and everyone concerned is told', async ({ ctx, f }) => {
  const alice = await ctx.signInClient('acme', 'alice@example.test');
  await f.db.updateTable('portal_users').set({ language: 'et' }).where('email', '=', 'alice@example.test').execute();
  const queue = scanQueueFor(ctx.deps)!;
  assert.ok(queue, 'a queue exists when CLAMAV_HOST is set');
  const res = await postFiles(alice, `/tasks/${f.task.id}/files`, [
    { name: 'clean.txt', bytes: text('nothing to see here') },
    { name: 'eicar.txt', bytes: text(EICAR) },
  ]);
  assert.is(res.status, 303);
  const rows = await f.db.selectFrom('task_files').select(['id', 'original_name', 'scan_status', 'blob_key']).orderBy('original_name').execute();
  const [clean, eicar] = rows;
  // The response came back before the scan: whatever the queue has done by now, nothing is downloadable until clean.
  const early = await rawGet(ctx, alice, `/tasks/${f.task.id}/files/${eicar.id}`);
  assert.ok([409, 410].includes(early.status), `early download answered ${early.status}`);
  assert.not.match(await early.text(), /EICAR-STANDARD/);

  await queue.idle();
  const after = await f.db.selectFrom('task_files').select(['original_name', 'scan_status', 'scan_signature']).orderBy('original_name').execute();
  assert.equal(after, [
    { original_name: 'clean.txt', scan_status: 'clean', scan_signature: null },
    { original_name: 'eicar.txt', scan_status: 'infected', scan_signature: 'Portico.Test.EICAR.UNOFFICIAL' },
  ]);
  assert.is(await ctx.blobs.get(eicar.blob_key), undefined, 'the infected blob is gone');
  assert.ok(await ctx.blobs.get(clean.blob_key));

  const ok = await rawGet(ctx, alice, `/tasks/${f.task.id}/files/${clean.id}`);
  assert.is(ok.status, 200);
  assert.is(await ok.text(), 'nothing to see here');
  const refused = await rawGet(ctx, alice, `/tasks/${f.task.id}/files/${eicar.id}`);
  assert.is(refused.status, 410);

  const page = await alice.get(`/tasks/${f.task.id}`);
  assert.ok(page.visibleText.includes('Karantiinis'), 'the uploader sees it on the page, in her language');

  const told = await ctx.lastMailTo('alice@example.test');
  assert.ok(told, 'the uploader is told by mail');
  assert.is(told.subject, 'Sinu üles laaditud fail pandi karantiini');
  assert.ok(told.text.includes('eicar.txt'));
  const alert = await ctx.lastMailTo('member@acme.test');
  assert.ok(alert && alert.subject.startsWith('Quarantined: eicar.txt'), 'staff are alerted');
  assert.ok(alert.text.includes('Portico.Test.EICAR.UNOFFICIAL'));

  const audit = await f.db.selectFrom('audit_events').select(['action', 'actor_type', 'subject_id']).where('action', '=', 'file.quarantined').execute();
  assert.equal(audit, [{ action: 'file.quarantined', actor_type: 'system', subject_id: eicar.id }]);
});

test('at start the queue picks up files left pending (e.g. by a restart)', async ({ ctx, f }) => {
  const alice = await ctx.signInClient('acme', 'alice@example.test');
  // Stop this app's queue first, so the upload is stored but never scanned, as if the process died.
  await scanQueueFor(ctx.deps)!.stop();
  await postFiles(alice, `/tasks/${f.task.id}/files`, [{ name: 'left.txt', bytes: text('left behind') }]);
  assert.equal(await f.db.selectFrom('task_files').select('scan_status').execute(), [{ scan_status: 'pending' }]);
  const fresh = new ScanQueue(ctx.deps, { host: ctx.config.clamav!.host, port: ctx.config.clamav!.port });
  assert.is(await fresh.resume(), 1);
  await fresh.idle();
  assert.equal(await f.db.selectFrom('task_files').select('scan_status').execute(), [{ scan_status: 'clean' }]);
  await fresh.stop();
});

test('when clamd cannot be reached, files stay pending (never downloadable) and the failure is retried later', async ({ ctx, f }) => {
  const alice = await ctx.signInClient('acme', 'alice@example.test');
  await scanQueueFor(ctx.deps)!.stop();
  await postFiles(alice, `/tasks/${f.task.id}/files`, [{ name: 'wait.txt', bytes: text('wait') }]);
  const row = await f.db.selectFrom('task_files').select('id').executeTakeFirstOrThrow();
  const down = new ScanQueue(ctx.deps, { host: '127.0.0.1', port: await freePort(), timeoutMs: 2000 });
  await down.resume();
  await down.idle();
  assert.equal(await f.db.selectFrom('task_files').select('scan_status').execute(), [{ scan_status: 'pending' }]);
  assert.is((await rawGet(ctx, alice, `/tasks/${f.task.id}/files/${row.id}`)).status, 409);
  await down.stop();
});

test.run();
