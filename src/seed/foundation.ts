// Demo firms, staff, clients and contacts (DESIGN.md "Stable URLs and demo data"; keep the names).
import type { Kysely } from 'kysely';
import type { Database, Firm } from '../db/database.ts';
import { makeClient, makeContact, makeFirm, makeStaff } from './builders.ts';

export interface DemoFirms {
  demo: Firm;
  northwind: Firm;
}

export async function seedFoundation(db: Kysely<Database>, now: Date): Promise<DemoFirms> {
  const demo = await makeFirm(
    db,
    { slug: 'demo', name: 'Demo Accounting OÜ', trademark: 'Demo Accounting', plan: 'elite', billing_enabled: true, esign_enabled: true, portal_active: true, description: 'Your documents, tasks and invoices in one place. Sign in with your e-mail: no password needed.' },
    now,
  );
  const owner = await makeStaff(db, demo, { email: 'owner@demo.test', first_name: 'Olivia', last_name: 'Owner', role: 'owner' }, now);
  await makeStaff(db, demo, { email: 'admin@demo.test', first_name: 'Adam', last_name: 'Admin', role: 'admin' }, now);
  const member = await makeStaff(db, demo, { email: 'member@demo.test', first_name: 'Mia', last_name: 'Member', role: 'member' }, now);

  const alexDesign = await makeClient(db, demo, { name: 'Alex Design OÜ', mark: 'ALXD', registration_number: '14567890', responsible_member_id: owner.id }, now);
  const alexHoldings = await makeClient(db, demo, { name: 'Alex Holdings Ltd', mark: 'ALXH', responsible_member_id: member.id }, now);
  const bakery = await makeClient(db, demo, { name: 'Baltic Bakery AS', mark: 'BAKE', vat_number: 'EE101234567', responsible_member_id: member.id }, now);
  await makeContact(db, alexDesign, { first_name: 'Alex', last_name: 'Example', email: 'alex@example.test', roles: 'Director' }, now);
  await makeContact(db, alexHoldings, { first_name: 'Alex', last_name: 'Example', email: 'alex@example.test', roles: 'Board member' }, now);
  await makeContact(db, bakery, { first_name: 'Mari', last_name: 'Maasikas', email: 'mari@example.test', roles: 'CEO' }, now);
  await makeContact(db, bakery, { first_name: 'Jaan', last_name: 'Tamm', email: 'jaan@example.test', roles: 'Accountant', access_enabled: false }, now);

  const northwind = await makeFirm(db, { slug: 'northwind', name: 'Northwind Bookkeeping LLC', trademark: 'Northwind Bookkeeping', plan: 'team', portal_active: true, brand_background: '#12355B', brand_text: '#FFFFFF' }, now);
  await makeStaff(db, northwind, { email: 'owner@northwind.test', first_name: 'Nora', last_name: 'North', role: 'owner' }, now);
  const alexConsulting = await makeClient(db, northwind, { name: 'Alex Consulting', mark: 'ALXC' }, now);
  await makeContact(db, alexConsulting, { first_name: 'Alex', last_name: 'Example', email: 'alex@example.test' }, now);
  return { demo, northwind };
}
