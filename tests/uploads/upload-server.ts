// A child process for the streaming-memory test: the real app served by @hono/node-server on a free port, a firm
// with a 10 MB limit and a signed-in client, and a sampler of this process's resident memory, driven over IPC.
import { serve } from '@hono/node-server';
import { readdir } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { makeClient, makeContact, makeFirm } from '../../src/seed/builders.ts';
import { makeTask } from '../../src/seed/builders-tasks.ts';
import type { LocalBlobStore } from '../../src/storage/local-blob-store.ts';
import { createTestContext } from '../helpers/context.ts';
import { closeTestDatabase } from '../helpers/db.ts';

const LIMIT = 10 * 1024 * 1024;
const ctx = await createTestContext({ now: new Date() });
const firm = await makeFirm(ctx.db, { slug: 'acme', upload_limit_bytes: LIMIT });
const client = await makeClient(ctx.db, firm, { name: 'Alpha' });
const contact = await makeContact(ctx.db, client, { email: 'alice@example.test', first_name: 'Alice' });
const task = await makeTask(ctx.db, client, { title: 'Documents', share: { contactIds: [contact.id] } });
const browser = await ctx.signInClient('acme', 'alice@example.test');

let baseline = process.memoryUsage().rss;
let peak = baseline;
let samples = 0;
const sampler = setInterval(() => {
  const rss = process.memoryUsage().rss;
  samples++;
  if (rss > peak) peak = rss;
}, 5);

const server = serve({ fetch: ctx.app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
  process.send!({ type: 'ready', port: info.port, cookie: browser.cookieHeader('acme.localhost'), taskId: task.id, limit: LIMIT });
});

async function storedFiles(): Promise<number> {
  try {
    return (await readdir((ctx.blobs as LocalBlobStore).root, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).length;
  } catch {
    return 0;
  }
}

process.on('message', async (message: { type: string }) => {
  if (message.type === 'baseline') {
    await new Promise((r) => setTimeout(r, 200));
    baseline = process.memoryUsage().rss;
    peak = baseline;
    samples = 0;
    process.send!({ type: 'baseline', rss: baseline });
  } else if (message.type === 'report') {
    const rows = await ctx.db.selectFrom('task_files').select('id').execute();
    process.send!({ type: 'report', baseline, peak, samples, rows: rows.length, files: await storedFiles() });
  } else if (message.type === 'stop') {
    clearInterval(sampler);
    server.close();
    await closeTestDatabase();
    process.exit(0);
  }
});
