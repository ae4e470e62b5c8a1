// A firm with an owner, an admin and a member, plus another firm with its own client and contact (isolation).
import { makeClient, makeContact, makeFirm, makeStaff } from '../../../src/seed/builders.ts';
import type { TestContext } from '../../helpers/context.ts';

export async function staffFixture(ctx: TestContext) {
  const now = ctx.clock.now();
  const firm = await makeFirm(ctx.db, { slug: 'acme', name: 'Acme Accounting Ltd', trademark: 'Acme Books', portal_active: true }, now);
  const owner = await makeStaff(ctx.db, firm, { email: 'owner@acme.test', first_name: 'Olga', last_name: 'Owner', role: 'owner' }, now);
  const admin = await makeStaff(ctx.db, firm, { email: 'admin@acme.test', first_name: 'Ada', last_name: 'Admin', role: 'admin' }, now);
  const member = await makeStaff(ctx.db, firm, { email: 'member@acme.test', first_name: 'Max', last_name: 'Member', role: 'member' }, now);
  const client = await makeClient(ctx.db, firm, { name: 'Birch Bakery', mark: 'BIRC', responsible_member_id: member.id }, now);
  const contact = await makeContact(ctx.db, client, { first_name: 'Bea', last_name: 'Birch', email: 'bea@example.test' }, now);

  const other = await makeFirm(ctx.db, { slug: 'other', name: 'Other Firm', portal_active: true }, now);
  const otherOwner = await makeStaff(ctx.db, other, { email: 'owner@other.test', role: 'owner' }, now);
  const otherClient = await makeClient(ctx.db, other, { name: 'Secret Holdings', registration_number: 'SECRET-REG-1' }, now);
  const otherContact = await makeContact(ctx.db, otherClient, { first_name: 'Zed', last_name: 'Secret', email: 'zed@secret.test' }, now);
  return { firm, owner, admin, member, client, contact, other, otherOwner, otherClient, otherContact };
}
