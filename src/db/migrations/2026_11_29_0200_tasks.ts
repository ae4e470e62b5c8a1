// Tasks and checklists: tasks, staff assignees, checklist sections and items, portal sharing and seen state. Frozen.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // The company rule "the checklist must be completed to finish the task".
  await db.schema.alterTable('firms').addColumn('checklist_required', 'boolean', (c) => c.notNull().defaultTo(false)).execute();

  await db.schema
    .createTable('tasks')
    .addColumn('firm_id', 'uuid', (c) => c.notNull().references('firms.id').onDelete('cascade'))
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('client_id', 'uuid', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('start_date', 'date')
    .addColumn('due_date', 'date')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open').check(sql`status in ('open','in_progress','done')`))
    .addColumn('created_by', 'uuid')
    .addColumn('recurrence', 'text', (c) => c.notNull().defaultTo('none').check(sql`recurrence in ('none','weekly','monthly','quarterly','yearly')`))
    // A series keeps the first occurrence's dates so month ends do not drift (Jan 31, Feb 28, Mar 31).
    .addColumn('series_id', 'uuid')
    .addColumn('recurrence_parent_id', 'uuid')
    .addColumn('occurrence', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('series_start', 'date')
    .addColumn('series_due', 'date')
    .addColumn('billing', 'text', (c) => c.notNull().defaultTo('none').check(sql`billing in ('none','start','due','finish','custom')`))
    .addColumn('billing_date', 'date')
    .addColumn('completed_at', 'timestamptz')
    .addColumn('completed_by_type', 'text', (c) => c.check(sql`completed_by_type in ('staff','portal')`))
    .addColumn('completed_by_id', 'uuid')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('tasks_pk', ['firm_id', 'id'])
    .addForeignKeyConstraint('tasks_client_fk', ['firm_id', 'client_id'], 'clients', ['firm_id', 'id'], (fk) => fk.onDelete('cascade'))
    .addForeignKeyConstraint('tasks_created_by_fk', ['firm_id', 'created_by'], 'staff_members', ['firm_id', 'id'])
    .execute();
  await db.schema.createIndex('tasks_firm_client_idx').on('tasks').columns(['firm_id', 'client_id', 'status']).execute();
  await db.schema.createIndex('tasks_firm_status_due_idx').on('tasks').columns(['firm_id', 'status', 'due_date']).execute();
  // At most one next occurrence per task, even when two requests finish it at once.
  await db.schema.createIndex('tasks_firm_parent_uq').on('tasks').columns(['firm_id', 'recurrence_parent_id']).unique().execute();

  await db.schema
    .createTable('task_assignees')
    .addColumn('firm_id', 'uuid', (c) => c.notNull())
    .addColumn('task_id', 'uuid', (c) => c.notNull())
    .addColumn('member_id', 'uuid', (c) => c.notNull())
    .addPrimaryKeyConstraint('task_assignees_pk', ['firm_id', 'task_id', 'member_id'])
    .addForeignKeyConstraint('task_assignees_task_fk', ['firm_id', 'task_id'], 'tasks', ['firm_id', 'id'], (fk) => fk.onDelete('cascade'))
    .addForeignKeyConstraint('task_assignees_member_fk', ['firm_id', 'member_id'], 'staff_members', ['firm_id', 'id'], (fk) => fk.onDelete('cascade'))
    .execute();
  await db.schema.createIndex('task_assignees_member_idx').on('task_assignees').columns(['firm_id', 'member_id', 'task_id']).execute();

  await db.schema
    .createTable('checklist_sections')
    .addColumn('firm_id', 'uuid', (c) => c.notNull())
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('task_id', 'uuid', (c) => c.notNull())
    .addColumn('owner', 'text', (c) => c.notNull().check(sql`owner in ('firm','client')`))
    .addColumn('title', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('checklist_sections_pk', ['firm_id', 'id'])
    .addForeignKeyConstraint('checklist_sections_task_fk', ['firm_id', 'task_id'], 'tasks', ['firm_id', 'id'], (fk) => fk.onDelete('cascade'))
    .execute();
  await db.schema.createIndex('checklist_sections_task_idx').on('checklist_sections').columns(['firm_id', 'task_id', 'position']).execute();

  await db.schema
    .createTable('checklist_items')
    .addColumn('firm_id', 'uuid', (c) => c.notNull())
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('task_id', 'uuid', (c) => c.notNull())
    .addColumn('section_id', 'uuid', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('done', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('done_by_type', 'text', (c) => c.check(sql`done_by_type in ('staff','portal')`))
    // A staff member's id or a contact's id, by done_by_type.
    .addColumn('done_by_id', 'uuid')
    .addColumn('done_at', 'timestamptz')
    .addPrimaryKeyConstraint('checklist_items_pk', ['firm_id', 'id'])
    .addForeignKeyConstraint('checklist_items_task_fk', ['firm_id', 'task_id'], 'tasks', ['firm_id', 'id'], (fk) => fk.onDelete('cascade'))
    .addForeignKeyConstraint('checklist_items_section_fk', ['firm_id', 'section_id'], 'checklist_sections', ['firm_id', 'id'], (fk) => fk.onDelete('cascade'))
    .execute();
  await db.schema.createIndex('checklist_items_task_idx').on('checklist_items').columns(['firm_id', 'task_id']).execute();
  await db.schema.createIndex('checklist_items_section_idx').on('checklist_items').columns(['firm_id', 'section_id', 'position']).execute();

  // A row here means the task is shared on the portal; deleting it (the panel's X) hides the task again.
  await db.schema
    .createTable('task_portal')
    .addColumn('firm_id', 'uuid', (c) => c.notNull())
    .addColumn('task_id', 'uuid', (c) => c.notNull())
    .addColumn('assign_as_task', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('auto_finish', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('due_offset_days', 'integer', (c) => c.notNull().defaultTo(0).check(sql`due_offset_days between 0 and 7`))
    .addColumn('shared_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addColumn('client_completed_at', 'timestamptz')
    .addColumn('client_completed_by', 'uuid')
    .addPrimaryKeyConstraint('task_portal_pk', ['firm_id', 'task_id'])
    .addForeignKeyConstraint('task_portal_task_fk', ['firm_id', 'task_id'], 'tasks', ['firm_id', 'id'], (fk) => fk.onDelete('cascade'))
    .execute();
  // A removed contact leaves the completion in place, without its author (PostgreSQL 15 column list).
  await sql`alter table task_portal add constraint task_portal_completed_by_fk foreign key (firm_id, client_completed_by) references contacts (firm_id, id) on delete set null (client_completed_by)`.execute(db);
  await db.schema.createIndex('task_portal_completed_idx').on('task_portal').columns(['firm_id', 'client_completed_at']).execute();

  await db.schema
    .createTable('task_portal_assignees')
    .addColumn('firm_id', 'uuid', (c) => c.notNull())
    .addColumn('task_id', 'uuid', (c) => c.notNull())
    .addColumn('contact_id', 'uuid', (c) => c.notNull())
    .addColumn('added_at', 'timestamptz', (c) => c.notNull())
    // The per-contact seen state: null until this contact opens the task.
    .addColumn('seen_at', 'timestamptz')
    .addPrimaryKeyConstraint('task_portal_assignees_pk', ['firm_id', 'task_id', 'contact_id'])
    .addForeignKeyConstraint('task_portal_assignees_portal_fk', ['firm_id', 'task_id'], 'task_portal', ['firm_id', 'task_id'], (fk) => fk.onDelete('cascade'))
    .addForeignKeyConstraint('task_portal_assignees_contact_fk', ['firm_id', 'contact_id'], 'contacts', ['firm_id', 'id'], (fk) => fk.onDelete('cascade'))
    .execute();
  // The portal home: every task shared with one contact.
  await db.schema.createIndex('task_portal_assignees_contact_idx').on('task_portal_assignees').columns(['firm_id', 'contact_id', 'task_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['task_portal_assignees', 'task_portal', 'checklist_items', 'checklist_sections', 'task_assignees', 'tasks']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
  await db.schema.alterTable('firms').dropColumn('checklist_required').execute();
}
