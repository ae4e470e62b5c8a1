// Demo tasks: for alex@example.test at both Alex clients of `demo` and at `northwind`, and for mari@example.test,
// across every state the portal home shows (due soon, overdue, new, reference, recurring, completed, more than 10 done).
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { todayIn } from '../format.ts';
import { addDays, addMonths } from '../tasks/dates.ts';
import type { DemoFirms } from './foundation.ts';
import { makeTask, type TaskSpec } from './builders-tasks.ts';

const DAY = 24 * 60 * 60 * 1000;

async function contactOf(db: Kysely<Database>, firmId: string, clientName: string, email: string) {
  return db
    .selectFrom('contacts')
    .innerJoin('clients', (j) => j.onRef('clients.firm_id', '=', 'contacts.firm_id').onRef('clients.id', '=', 'contacts.client_id'))
    .select(['contacts.id', 'contacts.client_id', 'contacts.firm_id'])
    .where('contacts.firm_id', '=', firmId)
    .where('clients.name', '=', clientName)
    .where('contacts.email', '=', email)
    .executeTakeFirstOrThrow();
}

async function staffId(db: Kysely<Database>, firmId: string, email: string): Promise<string> {
  return (await db.selectFrom('staff_members').select('id').where('firm_id', '=', firmId).where('email', '=', email).executeTakeFirstOrThrow()).id;
}

function monthName(iso: string): string {
  return new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
}

export async function seedTasks(db: Kysely<Database>, firms: DemoFirms, now: Date): Promise<void> {
  const today = todayIn(now, 'Europe/Tallinn');
  const demo = firms.demo.id;
  const owner = await staffId(db, demo, 'owner@demo.test');
  const member = await staffId(db, demo, 'member@demo.test');
  const design = await contactOf(db, demo, 'Alex Design OÜ', 'alex@example.test');
  const holdings = await contactOf(db, demo, 'Alex Holdings Ltd', 'alex@example.test');
  const bakery = await contactOf(db, demo, 'Baltic Bakery AS', 'mari@example.test');
  const seen = new Date(now.getTime() - 2 * DAY);
  const task = (contact: { id: string; client_id: string; firm_id: string }, spec: TaskSpec) =>
    makeTask(db, { id: contact.client_id, firm_id: contact.firm_id }, { createdBy: owner, ...spec }, now);

  const vatSections = [
    { owner: 'client' as const, title: 'Documents from you', items: ['Upload purchase invoices', 'Upload sales invoices', 'Confirm the bank statement is complete'] },
    { owner: 'firm' as const, title: 'Our part', items: ['Prepare the VAT return', 'Submit the return to the tax board'] },
  ];

  // Alex Design OÜ: every state of the home page, and more than 10 completed tasks.
  await task(design, {
    title: `VAT return for ${monthName(addMonths(today, -1))}`,
    note: 'Please upload every invoice of last month.\nWe file the return as soon as the documents are in.',
    startDate: addDays(today, -5),
    dueDate: addDays(today, 4),
    recurrence: 'monthly',
    assigneeIds: [owner],
    sections: vatSections,
    share: { contactIds: [design.id], dueOffsetDays: 1 },
  });
  const payroll = await task(design, {
    title: 'Payroll documents for the new employee',
    dueDate: addDays(today, -3),
    assigneeIds: [member],
    sections: [{ owner: 'client', title: '', items: ['Employment contract', 'Tax exemption application', 'Bank account number'] }],
    share: { contactIds: [design.id], seenAt: seen },
  });
  await db.updateTable('checklist_items').set({ done: true, done_by_type: 'portal', done_by_id: design.id, done_at: seen }).where('firm_id', '=', demo).where('id', '=', payroll.items[0].id).execute();
  await task(design, {
    title: 'Prepare the annual report',
    startDate: addDays(today, 7),
    dueDate: addDays(today, 40),
    sections: [
      { owner: 'firm', title: '', items: ['Draft the balance sheet', 'Draft the income statement'] },
      { owner: 'client', title: 'Your part', items: ['Confirm the inventory count', 'Approve the draft report'] },
    ],
    share: { contactIds: [design.id], dueOffsetDays: 3 },
  });
  await task(design, { title: 'New e-invoicing rules from 2027', note: 'From 1 January 2027 invoices to companies must be sent as e-invoices. Nothing to do yet: we will set it up with you.', share: { contactIds: [design.id], assignAsTask: false, seenAt: seen } });
  await task(design, { title: 'Confirm your company details', sections: [{ owner: 'client', title: '', items: ['Registered address', 'Board members'] }], share: { contactIds: [design.id] } });
  await task(design, {
    title: 'Send the signed service agreement',
    dueDate: addDays(today, -1),
    sections: [{ owner: 'client', title: '', items: ['Sign the agreement', 'Upload the signed copy'] }],
    share: { contactIds: [design.id], seenAt: seen, clientCompletedAt: new Date(now.getTime() - 3 * 60 * 60 * 1000) },
  });
  for (let i = 1; i <= 12; i++) {
    const month = addMonths(today, -i);
    const finished = new Date(now.getTime() - i * 30 * DAY);
    await task(design, {
      title: `Monthly close for ${monthName(month)}`,
      dueDate: addDays(month, 10 - Number(month.slice(8))),
      status: 'done',
      completedAt: finished,
      sections: [{ owner: 'client', title: '', items: ['Upload bank statements', 'Upload receipts'] }],
      share: { contactIds: [design.id], seenAt: finished, clientCompletedAt: finished },
    });
  }
  await db.updateTable('checklist_items').set({ done: true, done_by_type: 'portal', done_at: now }).where('firm_id', '=', demo).where((eb) => eb.exists(eb.selectFrom('tasks').select('tasks.id').whereRef('tasks.firm_id', '=', 'checklist_items.firm_id').whereRef('tasks.id', '=', 'checklist_items.task_id').where('tasks.status', '=', 'done'))).execute();

  // Alex Holdings Ltd: a shorter list.
  await task(holdings, { title: 'Dividend decision for 2026', dueDate: addDays(today, 2), sections: [{ owner: 'client', title: '', items: ['Send the shareholders’ decision'] }], share: { contactIds: [holdings.id] } });
  await task(holdings, { title: 'Loan agreement with the parent company', dueDate: addDays(today, -6), sections: [{ owner: 'client', title: '', items: ['Upload the signed loan agreement'] }], share: { contactIds: [holdings.id], seenAt: seen } });
  await task(holdings, { title: 'Quarterly report, Q3', status: 'done', completedAt: new Date(now.getTime() - 20 * DAY), share: { contactIds: [holdings.id], seenAt: seen } });

  // Baltic Bakery AS (mari@example.test): recurring with auto finish, a reference task, more than 10 completed.
  await task(bakery, {
    title: 'Weekly cash register report',
    startDate: today,
    dueDate: addDays(today, 2),
    recurrence: 'weekly',
    assigneeIds: [member],
    sections: [{ owner: 'client', title: '', items: ['Upload the Z reports', 'Upload the card terminal report'] }],
    share: { contactIds: [bakery.id], autoFinish: true },
  });
  await task(bakery, { title: 'Inventory count at year end', dueDate: addDays(today, -2), sections: vatSections, share: { contactIds: [bakery.id], seenAt: seen } });
  await task(bakery, { title: 'Food safety audit results', note: 'For your information: the auditor’s report is attached when it arrives.', share: { contactIds: [bakery.id], assignAsTask: false } });
  for (let i = 1; i <= 11; i++) {
    const finished = new Date(now.getTime() - i * 7 * DAY);
    await task(bakery, { title: `Weekly cash register report, week ${i} ago`, status: 'done', completedAt: finished, share: { contactIds: [bakery.id], seenAt: finished, clientCompletedAt: finished } });
  }
  // Firm-only work, for the staff list.
  await task(bakery, { title: 'Reconcile the bank accounts', status: 'in_progress', dueDate: addDays(today, 5), assigneeIds: [member] });
  await task(design, { title: 'Review fixed asset register', dueDate: addDays(today, -10), assigneeIds: [owner] });

  // Northwind: Alex's third company.
  const northwind = firms.northwind.id;
  const nora = await staffId(db, northwind, 'owner@northwind.test');
  const consulting = await contactOf(db, northwind, 'Alex Consulting', 'alex@example.test');
  await makeTask(db, { id: consulting.client_id, firm_id: northwind }, { title: 'Send the November invoices', createdBy: nora, dueDate: addDays(today, 6), sections: [{ owner: 'client', title: '', items: ['Sales invoices', 'Purchase invoices'] }], share: { contactIds: [consulting.id] } }, now);
  await makeTask(db, { id: consulting.client_id, firm_id: northwind }, { title: 'Open a business bank account', createdBy: nora, status: 'done', completedAt: new Date(now.getTime() - 40 * DAY), share: { contactIds: [consulting.id], seenAt: seen } }, now);
}
