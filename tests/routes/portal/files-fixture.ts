// Firms, clients, contacts and shared tasks for the file tests: one firm with two clients, and a second firm.
import { makeClient, makeContact, makeFirm, makeStaff } from '../../../src/seed/builders.ts';
import { makeTask } from '../../../src/seed/builders-tasks.ts';
import type { TestContext } from '../../helpers/context.ts';
import type { TestBrowser } from '../../helpers/browser-client.ts';

export async function filesFixture(ctx: TestContext, firmInput: { upload_limit_bytes?: number; uploads_enabled?: boolean } = {}) {
  const db = ctx.db;
  const now = ctx.clock.now();
  const firm = await makeFirm(db, { slug: 'acme', name: 'Acme Accounting', ...firmInput }, now);
  const owner = await makeStaff(db, firm, { email: 'owner@acme.test', first_name: 'Olga', last_name: 'Owner', role: 'owner' }, now);
  const member = await makeStaff(db, firm, { email: 'member@acme.test', first_name: 'Mart', last_name: 'Member', role: 'member' }, now);
  const client = await makeClient(db, firm, { name: 'Alpha OÜ', responsible_member_id: member.id }, now);
  const alice = await makeContact(db, client, { first_name: 'Alice', last_name: 'Alpha', email: 'alice@example.test' }, now);
  const bob = await makeContact(db, client, { first_name: 'Bob', last_name: 'Alpha', email: 'bob@example.test' }, now);
  const task = await makeTask(db, client, { title: 'Year-end documents', createdBy: owner.id, share: { contactIds: [alice.id, bob.id] } }, now);
  const otherTask = await makeTask(db, client, { title: 'Payroll questions', share: { contactIds: [alice.id] } }, now);
  const referenceTask = await makeTask(db, client, { title: 'For your information', share: { contactIds: [alice.id], assignAsTask: false } }, now);

  const beta = await makeClient(db, firm, { name: 'Beta AS' }, now);
  const betaContact = await makeContact(db, beta, { first_name: 'Bea', email: 'bea@example.test' }, now);
  const betaTask = await makeTask(db, beta, { title: 'Beta secret payroll', share: { contactIds: [betaContact.id] } }, now);

  const other = await makeFirm(db, { slug: 'other', name: 'Other Firm' }, now);
  await makeStaff(db, other, { email: 'owner@other.test', role: 'owner' }, now);
  const gamma = await makeClient(db, other, { name: 'Gamma Ltd' }, now);
  // The same person is a contact at the other firm too.
  const aliceAtOther = await makeContact(db, gamma, { first_name: 'Alice', email: 'alice@example.test' }, now);
  const gammaTask = await makeTask(db, gamma, { title: 'Gamma secret audit', share: { contactIds: [aliceAtOther.id] } }, now);
  return { db, firm, owner, member, client, alice, bob, task, otherTask, referenceTask, beta, betaContact, betaTask, other, gamma, aliceAtOther, gammaTask };
}

export type FilesFixture = Awaited<ReturnType<typeof filesFixture>>;

export function form(files: { name: string; bytes: Uint8Array; type?: string }[], field = 'files'): FormData {
  const data = new FormData();
  for (const f of files) data.append(field, new Blob([f.bytes as Uint8Array<ArrayBuffer>], { type: f.type ?? 'application/octet-stream' }), f.name);
  return data;
}

export function postFiles(browser: TestBrowser, path: string, files: { name: string; bytes: Uint8Array; type?: string }[], headers: Record<string, string> = {}) {
  return browser.request('POST', path, { body: form(files), headers });
}

/** A raw GET with the browser's session, for binary bodies and headers. */
export function rawGet(ctx: TestContext, browser: TestBrowser, path: string, headers: Record<string, string> = {}) {
  return ctx.app.request(`http://${browser.hostHeader()}${path}`, { headers: { Host: browser.hostHeader(), Cookie: browser.cookieHeader(), 'User-Agent': 'TestBrowser/1.0', ...headers } });
}
