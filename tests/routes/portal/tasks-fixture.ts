// A firm with two clients and a second firm, for the task tests: who may see what.
import type { Kysely } from 'kysely';
import type { Database } from '../../../src/db/database.ts';
import { makeClient, makeContact, makeFirm, makeStaff } from '../../../src/seed/builders.ts';
import { makeTask } from '../../../src/seed/builders-tasks.ts';
import type { TestContext } from '../../helpers/context.ts';

export async function taskFixture(ctx: TestContext) {
  const db = ctx.db as Kysely<Database>;
  const now = ctx.clock.now();
  const firm = await makeFirm(db, { slug: 'acme', name: 'Acme Accounting', trademark: 'Acme' }, now);
  const owner = await makeStaff(db, firm, { email: 'owner@acme.test', first_name: 'Olga', last_name: 'Owner', role: 'owner' }, now);
  const member = await makeStaff(db, firm, { email: 'member@acme.test', first_name: 'Mart', last_name: 'Member', role: 'member' }, now);
  const client = await makeClient(db, firm, { name: 'Alpha OÜ', responsible_member_id: member.id }, now);
  const alice = await makeContact(db, client, { first_name: 'Alice', last_name: 'Alpha', email: 'alice@example.test' }, now);
  const bob = await makeContact(db, client, { first_name: 'Bob', last_name: 'Alpha', email: 'bob@example.test' }, now);
  const otherClient = await makeClient(db, firm, { name: 'Beta AS' }, now);
  const carol = await makeContact(db, otherClient, { first_name: 'Carol', last_name: 'Beta', email: 'carol@example.test' }, now);
  const otherFirm = await makeFirm(db, { slug: 'other', name: 'Other Books' }, now);
  const otherFirmClient = await makeClient(db, otherFirm, { name: 'Gamma Ltd' }, now);
  const dave = await makeContact(db, otherFirmClient, { first_name: 'Dave', email: 'dave@example.test' }, now);

  // Tasks no one at Alpha should reach: another client's and another firm's, each with a client item.
  const foreign = [
    await makeTask(db, otherClient, { title: 'Beta secret payroll', sections: [{ owner: 'client', title: '', items: ['Beta item'] }], share: { contactIds: [carol.id] } }, now),
    await makeTask(db, otherFirmClient, { title: 'Gamma secret audit', sections: [{ owner: 'client', title: '', items: ['Gamma item'] }], share: { contactIds: [dave.id] } }, now),
  ];
  return { db, firm, owner, member, client, alice, bob, otherClient, carol, otherFirm, otherFirmClient, dave, foreign };
}

export type TaskFixture = Awaited<ReturnType<typeof taskFixture>>;
