// Staff settings: portal branding extras, email signature, menu links, eSignature settings, intro templates. Frozen.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('firms')
    .addColumn('email_signature_mode', 'text', (c) => c.notNull().defaultTo('company').check(sql`email_signature_mode in ('company','fixed','dynamic')`))
    .addColumn('email_signature_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('logo_type', 'text')
    .addColumn('favicon_type', 'text')
    .addColumn('welcome_video_key', 'text')
    .addColumn('welcome_video_type', 'text')
    .addColumn('menu_links', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('esign_position', 'text', (c) => c.notNull().defaultTo('bottom-right').check(sql`esign_position in ('bottom-right','bottom-left','top-right','top-left')`))
    .addColumn('esign_placement', 'text', (c) => c.notNull().defaultTo('last').check(sql`esign_placement in ('last','first','all')`))
    .addColumn('esign_include_timestamp', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('esign_include_ip', 'boolean', (c) => c.notNull().defaultTo(false))
    .execute();

  await db.schema
    .createTable('intro_templates')
    .addColumn('firm_id', 'uuid', (c) => c.notNull().references('firms.id').onDelete('cascade'))
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('checklist', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('intro_templates_pk', ['firm_id', 'id'])
    .execute();
  await db.schema.createIndex('intro_templates_firm_language_idx').on('intro_templates').columns(['firm_id', 'language']).execute();

  // The audit log page filters by actor and by action; the team page and dashboard read sign-ins.
  await db.schema.createIndex('audit_events_firm_actor_idx').on('audit_events').columns(['firm_id', 'actor_id', 'at']).execute();
  await db.schema.createIndex('audit_events_firm_action_idx').on('audit_events').columns(['firm_id', 'action', 'at']).execute();

  // The welcome video is the firm's, so "seen" is per contact (one person can be a client of several firms).
  await db.schema.alterTable('contacts').addColumn('welcome_seen_at', 'timestamptz').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('contacts').dropColumn('welcome_seen_at').execute();
  await db.schema.dropIndex('audit_events_firm_action_idx').ifExists().execute();
  await db.schema.dropIndex('audit_events_firm_actor_idx').ifExists().execute();
  await db.schema.dropTable('intro_templates').ifExists().execute();
  await db.schema
    .alterTable('firms')
    .dropColumn('email_signature_mode')
    .dropColumn('email_signature_text')
    .dropColumn('logo_type')
    .dropColumn('favicon_type')
    .dropColumn('welcome_video_key')
    .dropColumn('welcome_video_type')
    .dropColumn('menu_links')
    .dropColumn('esign_position')
    .dropColumn('esign_placement')
    .dropColumn('esign_include_timestamp')
    .dropColumn('esign_include_ip')
    .execute();
}
