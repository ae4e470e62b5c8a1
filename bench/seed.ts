// Seeds the benchmark database at scale with set-based INSERT ... SELECT generate_series: 10,000 firms,
// 100,000 clients (one contact each), 1,000,000 tasks with checklists, most of them shared on the portal.
// Ids are md5-derived UUIDs, so every row can name its parents without a join.
import { sql } from 'kysely';
import type { Db } from '../src/db/connect.ts';

/** BENCH_FIRMS shrinks the run for a quick try; the budgets are measured at the full 10,000. */
export const SCALE = { firms: Number(process.env.BENCH_FIRMS ?? 10_000), clientsPerFirm: 10, tasksPerClient: 10 };

/** True when a kept database (BENCH_KEEP=1) already holds the full seed. */
export async function isSeeded(db: Db): Promise<boolean> {
  const row = await sql<{ n: number }>`select count(*)::int as n from firms where slug like 'bench-%'`.execute(db).catch(() => null);
  return row?.rows[0]?.n === SCALE.firms;
}

/** The measured person: the first client of the middle firm (5,001), with 20 open tasks and 15 completed ones. */
export const BENCH_CLIENT = (SCALE.firms / 2) * SCALE.clientsPerFirm + 1;
export const BENCH_FIRM = Math.floor((BENCH_CLIENT - 1) / SCALE.clientsPerFirm) + 1;

const BULK_TABLES = ['tasks', 'task_assignees', 'task_portal', 'task_portal_assignees', 'checklist_sections', 'checklist_items', 'clients', 'contacts', 'staff_members'];

const id = (prefix: string, n: string | number) => sql.raw(`md5('${prefix}' || ${n})::uuid`);

async function step(label: string, work: () => Promise<unknown>, log: (line: string) => void): Promise<void> {
  const started = performance.now();
  await work();
  log(`  ${label}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

export async function seedAtScale(db: Db, log: (line: string) => void): Promise<BenchPerson> {
  const clients = SCALE.firms * SCALE.clientsPerFirm;
  const tasks = clients * SCALE.tasksPerClient;
  const firmOf = (clientExpr: string) => `((${clientExpr} - 1) / ${SCALE.clientsPerFirm} + 1)`;
  const clientOf = (taskExpr: string) => `((${taskExpr} - 1) / ${SCALE.tasksPerClient} + 1)`;
  await db.transaction().execute(async (trx) => {
    await sql`set local synchronous_commit = off`.execute(trx);
    await sql`set local maintenance_work_mem = '256MB'`.execute(trx);
    // Bulk load the usual way: foreign-key triggers off (the generated rows are consistent by construction) and
    // secondary indexes built once at the end instead of row by row.
    await sql`set local session_replication_role = replica`.execute(trx);
    const indexes = await sql<{ indexname: string; indexdef: string }>`select indexname, indexdef from pg_indexes
      where schemaname = 'public' and tablename = any(${BULK_TABLES}) and indexname not in (select conname from pg_constraint)`.execute(trx);
    for (const index of indexes.rows) await sql`drop index ${sql.id(index.indexname)}`.execute(trx);
    await step(`${SCALE.firms} firms and their owners`, async () => {
      await sql`insert into firms (id, slug, name, trademark, plan, portal_active, created_at)
        select ${id('firm', 'g')}, 'bench-' || g, 'Bench Firm ' || g || ' OÜ', 'Bench Firm ' || g, 'team', true, now() from generate_series(1, ${SCALE.firms}) g`.execute(trx);
      await sql`insert into staff_members (firm_id, id, email, first_name, last_name, role, created_at)
        select ${id('firm', 'g')}, ${id('staff', 'g')}, 'owner' || g || '@bench.test', 'Owner', g::text, 'owner', now() from generate_series(1, ${SCALE.firms}) g`.execute(trx);
    }, log);
    await step(`${clients} clients, contacts and portal users`, async () => {
      await sql`insert into clients (firm_id, id, name, portal_enabled, responsible_member_id, created_at)
        select ${id('firm', firmOf('c'))}, ${id('client', 'c')}, 'Client ' || c, true, ${id('staff', firmOf('c'))}, now() from generate_series(1, ${clients}) c`.execute(trx);
      await sql`insert into contacts (firm_id, id, client_id, first_name, last_name, email, access_enabled, first_login_at, created_at)
        select ${id('firm', firmOf('c'))}, ${id('contact', 'c')}, ${id('client', 'c')}, 'Contact', c::text, 'contact' || c || '@bench.test', true, now(), now() from generate_series(1, ${clients}) c`.execute(trx);
      await sql`insert into portal_users (id, email, first_name, last_name, created_at)
        select ${id('user', 'c')}, 'contact' || c || '@bench.test', 'Contact', c::text, now() from generate_series(1, ${clients}) c`.execute(trx);
    }, log);
    // Three in ten tasks are done; four in five are shared with the client's contact.
    await step(`${tasks} tasks`, async () => {
      await sql`insert into tasks (firm_id, id, client_id, title, note, due_date, status, created_by, series_id, completed_at, completed_by_type, completed_by_id, created_at, updated_at)
        select ${id('firm', firmOf(clientOf('t')))}, ${id('task', 't')}, ${id('client', clientOf('t'))}, 'Task ' || t, '',
          date '2026-12-01' + (t % 60) - 20, case when t % 10 < 3 then 'done' else 'open' end, ${id('staff', firmOf(clientOf('t')))}, ${id('task', 't')},
          case when t % 10 < 3 then now() - make_interval(days => t % 100) end, case when t % 10 < 3 then 'staff' end, case when t % 10 < 3 then ${id('staff', firmOf(clientOf('t')))} end,
          now(), now()
        from generate_series(1, ${tasks}) t`.execute(trx);
    }, log);
    await step('portal sharing and seen state', async () => {
      await sql`insert into task_portal (firm_id, task_id, assign_as_task, auto_finish, due_offset_days, shared_at, updated_at)
        select ${id('firm', firmOf(clientOf('t')))}, ${id('task', 't')}, t % 7 <> 0, false, t % 3, now(), now() from generate_series(1, ${tasks}) t where t % 5 <> 0`.execute(trx);
      await sql`insert into task_portal_assignees (firm_id, task_id, contact_id, added_at, seen_at)
        select ${id('firm', firmOf(clientOf('t')))}, ${id('task', 't')}, ${id('contact', clientOf('t'))}, now(), case when t % 4 = 0 then null else now() end
        from generate_series(1, ${tasks}) t where t % 5 <> 0`.execute(trx);
    }, log);
    await step('checklists: 2 sections and 4 items per task', async () => {
      // Triggers are off during the bulk load, so the sections' item counters are written here, from the same
      // rules as the items below: the client's items 1-3, all done in done tasks, else item 1 in even tasks.
      await sql`insert into checklist_sections (firm_id, id, task_id, owner, title, position, items_total, items_done)
        select ${id('firm', firmOf(clientOf('t')))}, ${id('sc', 't')}, ${id('task', 't')}, 'client', '', 1, 3,
          case when t % 10 < 3 then 3 when t % 2 = 0 then 1 else 0 end from generate_series(1, ${tasks}) t
        union all
        select ${id('firm', firmOf(clientOf('t')))}, ${id('sf', 't')}, ${id('task', 't')}, 'firm', 'Our part', 2, 1,
          case when t % 10 < 3 then 1 else 0 end from generate_series(1, ${tasks}) t`.execute(trx);
      await sql`insert into checklist_items (firm_id, id, task_id, section_id, text, position, done)
        select ${id('firm', firmOf(clientOf('t')))}, md5('item' || t || '-' || k)::uuid, ${id('task', 't')}, case when k = 4 then ${id('sf', 't')} else ${id('sc', 't')} end,
          'Checklist item ' || k, k, t % 10 < 3 or (k = 1 and t % 2 = 0)
        from generate_series(1, ${tasks}) t, generate_series(1, 4) k`.execute(trx);
    }, log);
    await step(`${indexes.rows.length} secondary indexes`, async () => {
      for (const index of indexes.rows) await sql.raw(index.indexdef).execute(trx);
    }, log);
    // The measured contact: its own ten tasks done and shared, plus 20 open and 5 more done tasks.
    await step('the measured contact', async () => {
      const c = BENCH_CLIENT;
      const f = BENCH_FIRM;
      await sql`update tasks set status = 'done', completed_at = now() - interval '3 days' where firm_id = ${id('firm', f)} and client_id = ${id('client', c)}`.execute(trx);
      await sql`insert into task_portal (firm_id, task_id, assign_as_task, shared_at, updated_at)
        select firm_id, id, true, now(), now() from tasks where firm_id = ${id('firm', f)} and client_id = ${id('client', c)} on conflict do nothing`.execute(trx);
      await sql`insert into task_portal_assignees (firm_id, task_id, contact_id, added_at, seen_at)
        select firm_id, id, ${id('contact', c)}, now(), now() from tasks where firm_id = ${id('firm', f)} and client_id = ${id('client', c)} on conflict do nothing`.execute(trx);
      await sql`insert into tasks (firm_id, id, client_id, title, note, start_date, due_date, status, created_by, series_id, completed_at, created_at, updated_at)
        select ${id('firm', f)}, ${id('benchtask', 'k')}, ${id('client', c)}, 'Monthly documents ' || k, 'Please upload the documents for this month.' || chr(10) || 'Thank you!',
          date '2026-11-20' + k, date '2026-11-25' + k, case when k > 20 then 'done' else 'open' end, ${id('staff', f)}, ${id('benchtask', 'k')},
          case when k > 20 then now() - make_interval(days => k) end, now(), now()
        from generate_series(1, 25) k`.execute(trx);
      await sql`insert into task_portal (firm_id, task_id, assign_as_task, due_offset_days, shared_at, updated_at)
        select ${id('firm', f)}, ${id('benchtask', 'k')}, true, k % 3, now(), now() from generate_series(1, 25) k`.execute(trx);
      await sql`insert into task_portal_assignees (firm_id, task_id, contact_id, added_at, seen_at)
        select ${id('firm', f)}, ${id('benchtask', 'k')}, ${id('contact', c)}, now(), case when k % 4 = 0 then null else now() end from generate_series(1, 25) k`.execute(trx);
      await sql`insert into checklist_sections (firm_id, id, task_id, owner, title, position, items_total, items_done)
        select ${id('firm', f)}, ${id('benchsc', 'k')}, ${id('benchtask', 'k')}, 'client', '', 1, 3, case when k > 20 then 3 else 1 end from generate_series(1, 25) k
        union all select ${id('firm', f)}, ${id('benchsf', 'k')}, ${id('benchtask', 'k')}, 'firm', 'Our part', 2, 1, case when k > 20 then 1 else 0 end from generate_series(1, 25) k`.execute(trx);
      await sql`insert into checklist_items (firm_id, id, task_id, section_id, text, position, done)
        select ${id('firm', f)}, md5('benchitem' || k || '-' || i)::uuid, ${id('benchtask', 'k')}, case when i = 4 then ${id('benchsf', 'k')} else ${id('benchsc', 'k')} end,
          'Upload statement ' || i, i, k > 20 or i = 1
        from generate_series(1, 25) k, generate_series(1, 4) i`.execute(trx);
    }, log);
  });
  // The counters were written by rule, not by the trigger: check them against a recount on a sample of tasks.
  await step('checklist counters checked', async () => {
    const wrong = await sql<{ n: number }>`select count(*)::int as n from (
      select s.items_total, s.items_done, count(i.id)::int as total, (count(i.id) filter (where i.done))::int as done
      from checklist_sections s left join checklist_items i on i.firm_id = s.firm_id and i.section_id = s.id
      where s.firm_id in (${id('firm', BENCH_FIRM)}, ${id('firm', 1)}, ${id('firm', SCALE.firms)})
      group by s.firm_id, s.id, s.items_total, s.items_done) x where x.items_total <> x.total or x.items_done <> x.done`.execute(db);
    if (wrong.rows[0].n !== 0) throw new Error(`${wrong.rows[0].n} checklist sections have wrong counters`);
  }, log);
  // Vacuum now, so autovacuum does not wake up on ten million fresh rows in the middle of a measurement.
  await step('vacuum and analyze', () => sql`vacuum (analyze)`.execute(db), log);
  await step('checkpoint', () => sql`checkpoint`.execute(db), log);
  return benchPerson(db);
}

export interface BenchPerson { firmSlug: string; firmId: string; clientId: string; contactId: string; userId: string; taskId: string }

/** The measured contact's ids (derived, so a kept database can be measured again without seeding). */
export async function benchPerson(db: Db): Promise<BenchPerson> {
  const row = await sql<{ firmId: string; clientId: string; contactId: string; userId: string; taskId: string }>`select
      md5('firm' || ${BENCH_FIRM})::uuid::text as "firmId", md5('client' || ${BENCH_CLIENT})::uuid::text as "clientId",
      md5('contact' || ${BENCH_CLIENT})::uuid::text as "contactId", md5('user' || ${BENCH_CLIENT})::uuid::text as "userId",
      md5('benchtask' || 1)::uuid::text as "taskId"`.execute(db);
  return { firmSlug: `bench-${BENCH_FIRM}`, ...row.rows[0] };
}
