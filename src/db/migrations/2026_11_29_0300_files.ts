// Files attached to tasks: one row per stored blob, with who uploaded it, its checked type and its scan state. Frozen.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('task_files')
    .addColumn('firm_id', 'uuid', (c) => c.notNull().references('firms.id').onDelete('cascade'))
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('task_id', 'uuid', (c) => c.notNull())
    .addColumn('client_id', 'uuid', (c) => c.notNull())
    .addColumn('blob_key', 'text', (c) => c.notNull())
    .addColumn('original_name', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull().check(sql`size >= 0`))
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('uploaded_by_type', 'text', (c) => c.notNull().check(sql`uploaded_by_type in ('staff','portal')`))
    // A staff member's id or a contact's id, by uploaded_by_type; the name is kept for when they are gone.
    .addColumn('uploaded_by_id', 'uuid')
    .addColumn('uploaded_by_name', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull().defaultTo('task').check(sql`source in ('task','message')`))
    // The message a file came with (source 'message'); the messages area owns that table.
    .addColumn('message_id', 'uuid')
    .addColumn('scan_status', 'text', (c) => c.notNull().check(sql`scan_status in ('clean','pending','infected')`))
    .addColumn('scan_signature', 'text')
    .addColumn('scanned_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('deleted_at', 'timestamptz')
    .addPrimaryKeyConstraint('task_files_pk', ['firm_id', 'id'])
    .addForeignKeyConstraint('task_files_task_fk', ['firm_id', 'task_id'], 'tasks', ['firm_id', 'id'], (fk) => fk.onDelete('cascade'))
    .addForeignKeyConstraint('task_files_client_fk', ['firm_id', 'client_id'], 'clients', ['firm_id', 'id'], (fk) => fk.onDelete('cascade'))
    .execute();
  await db.schema.createIndex('task_files_task_idx').on('task_files').columns(['firm_id', 'task_id', 'created_at']).execute();
  // The staff dashboard: uploads since yesterday.
  await db.schema.createIndex('task_files_recent_idx').on('task_files').columns(['firm_id', 'created_at']).execute();
  // The scan queue picks these up at start.
  await db.schema.createIndex('task_files_pending_idx').on('task_files').columns(['firm_id', 'created_at']).where(sql.ref('scan_status'), '=', 'pending').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('task_files').ifExists().execute();
}
