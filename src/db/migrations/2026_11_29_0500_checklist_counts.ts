// Each checklist section counts its items and its ticked items, kept by a trigger on the items, so the portal
// home can show "1 of 3 done" for twenty tasks without reading every item (measured by `npm run bench`: counting
// items was most of the home's database time). The trigger adds and subtracts (never recounts), so two ticks at
// once on one section both count: the second waits for the first's row lock and adds to its result. Frozen.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('checklist_sections')
    .addColumn('items_total', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('items_done', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`update checklist_sections s set items_total = c.total, items_done = c.done
    from (select firm_id, section_id, count(*)::int as total, (count(*) filter (where done))::int as done from checklist_items group by firm_id, section_id) c
    where s.firm_id = c.firm_id and s.id = c.section_id`.execute(db);
  await sql`create function checklist_items_count() returns trigger language plpgsql as $$
    begin
      if tg_op = 'UPDATE' and old.section_id = new.section_id then
        if old.done <> new.done then
          update checklist_sections set items_done = items_done + (case when new.done then 1 else -1 end)
            where firm_id = new.firm_id and id = new.section_id;
        end if;
        return null;
      end if;
      if tg_op in ('UPDATE', 'DELETE') then
        update checklist_sections set items_total = items_total - 1, items_done = items_done - (case when old.done then 1 else 0 end)
          where firm_id = old.firm_id and id = old.section_id;
      end if;
      if tg_op in ('UPDATE', 'INSERT') then
        update checklist_sections set items_total = items_total + 1, items_done = items_done + (case when new.done then 1 else 0 end)
          where firm_id = new.firm_id and id = new.section_id;
      end if;
      return null;
    end $$`.execute(db);
  await sql`create trigger checklist_items_count after insert or delete or update of done, section_id on checklist_items
    for each row execute function checklist_items_count()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger if exists checklist_items_count on checklist_items`.execute(db);
  await sql`drop function if exists checklist_items_count()`.execute(db);
  await db.schema.alterTable('checklist_sections').dropColumn('items_total').dropColumn('items_done').execute();
}
