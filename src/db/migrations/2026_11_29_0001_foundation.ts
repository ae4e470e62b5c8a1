// Foundation schema: firms, staff, clients, contacts, portal users, sign-in, audit and outbox. Frozen.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('firms')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('trademark', 'text', (c) => c.notNull())
    .addColumn('plan', 'text', (c) => c.notNull().defaultTo('standard').check(sql`plan in ('standard','team','elite')`))
    .addColumn('portal_active', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('brand_background', 'text', (c) => c.notNull().defaultTo('#FFFFFF'))
    .addColumn('brand_text', 'text', (c) => c.notNull().defaultTo('#000000'))
    .addColumn('logo_key', 'text')
    .addColumn('favicon_key', 'text')
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('default_language', 'text', (c) => c.notNull().defaultTo('en'))
    .addColumn('uploads_enabled', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('upload_limit_bytes', 'integer', (c) => c.notNull().defaultTo(10 * 1024 * 1024))
    .addColumn('billing_enabled', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('esign_enabled', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();

  // Global routing table, like firms: looked up by slug before any firm is known.
  await db.schema
    .createTable('firm_slug_aliases')
    .addColumn('slug', 'text', (c) => c.primaryKey())
    .addColumn('firm_id', 'uuid', (c) => c.notNull().references('firms.id').onDelete('cascade'))
    .addColumn('until', 'timestamptz', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('staff_members')
    .addColumn('firm_id', 'uuid', (c) => c.notNull().references('firms.id').onDelete('cascade'))
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('first_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('last_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('owner','admin','member')`))
    .addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('staff_members_pk', ['firm_id', 'id'])
    .addUniqueConstraint('staff_members_email_uq', ['firm_id', 'email'])
    .execute();

  await db.schema
    .createTable('clients')
    .addColumn('firm_id', 'uuid', (c) => c.notNull().references('firms.id').onDelete('cascade'))
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('registration_number', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('vat_number', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('mark', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('colour', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('responsible_member_id', 'uuid')
    .addColumn('portal_enabled', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('archived_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('clients_pk', ['firm_id', 'id'])
    .addForeignKeyConstraint('clients_responsible_fk', ['firm_id', 'responsible_member_id'], 'staff_members', ['firm_id', 'id'])
    .execute();
  await db.schema.createIndex('clients_firm_name_idx').on('clients').columns(['firm_id', 'name']).execute();

  await db.schema
    .createTable('portal_users')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('first_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('last_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('phone', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('language', 'text')
    .addColumn('timezone', 'text', (c) => c.notNull().defaultTo('Europe/Tallinn'))
    .addColumn('regional_format', 'text', (c) => c.notNull().defaultTo('en-GB'))
    .addColumn('notify_timing', 'text', (c) => c.notNull().defaultTo('instant'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('contacts')
    .addColumn('firm_id', 'uuid', (c) => c.notNull().references('firms.id').onDelete('cascade'))
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('client_id', 'uuid', (c) => c.notNull())
    .addColumn('first_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('last_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('email', 'text')
    .addColumn('phone', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('roles', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('access_enabled', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('invite_sent_at', 'timestamptz')
    .addColumn('first_login_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('contacts_pk', ['firm_id', 'id'])
    .addForeignKeyConstraint('contacts_client_fk', ['firm_id', 'client_id'], 'clients', ['firm_id', 'id'], (fk) => fk.onDelete('cascade'))
    .execute();
  await db.schema.createIndex('contacts_firm_client_idx').on('contacts').columns(['firm_id', 'client_id']).execute();
  await db.schema.createIndex('contacts_firm_email_idx').on('contacts').columns(['firm_id', 'email']).execute();
  // Cross-firm person lookup (switching companies) is the one query that is not per firm.
  await db.schema.createIndex('contacts_email_idx').on('contacts').column('email').execute();

  await db.schema
    .createTable('sessions')
    .addColumn('firm_id', 'uuid', (c) => c.notNull().references('firms.id').onDelete('cascade'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('secret_hash', 'bytea', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('portal','staff')`))
    .addColumn('portal_user_id', 'uuid', (c) => c.references('portal_users.id').onDelete('cascade'))
    .addColumn('contact_id', 'uuid')
    .addColumn('staff_member_id', 'uuid')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('sessions_pk', ['firm_id', 'id'])
    .addForeignKeyConstraint('sessions_contact_fk', ['firm_id', 'contact_id'], 'contacts', ['firm_id', 'id'], (fk) => fk.onDelete('cascade'))
    .addForeignKeyConstraint('sessions_staff_fk', ['firm_id', 'staff_member_id'], 'staff_members', ['firm_id', 'id'], (fk) => fk.onDelete('cascade'))
    .execute();
  await db.schema.createIndex('sessions_person_idx').on('sessions').column('portal_user_id').execute();
  await db.schema.createIndex('sessions_firm_contact_idx').on('sessions').columns(['firm_id', 'contact_id']).execute();
  await db.schema.createIndex('sessions_firm_staff_idx').on('sessions').columns(['firm_id', 'staff_member_id']).execute();

  await db.schema
    .createTable('magic_links')
    .addColumn('firm_id', 'uuid', (c) => c.notNull().references('firms.id').onDelete('cascade'))
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('token_hash', 'bytea', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('portal','staff')`))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('active').check(sql`state in ('active','superseded','revoked')`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('used_at', 'timestamptz')
    .addPrimaryKeyConstraint('magic_links_pk', ['firm_id', 'id'])
    .execute();
  await db.schema.createIndex('magic_links_token_idx').on('magic_links').columns(['firm_id', 'token_hash']).unique().execute();
  await db.schema.createIndex('magic_links_email_idx').on('magic_links').columns(['firm_id', 'kind', 'email']).execute();

  await db.schema
    .createTable('handoff_tokens')
    .addColumn('firm_id', 'uuid', (c) => c.notNull().references('firms.id').onDelete('cascade'))
    .addColumn('token_hash', 'bytea', (c) => c.notNull())
    .addColumn('portal_user_id', 'uuid', (c) => c.notNull().references('portal_users.id').onDelete('cascade'))
    .addColumn('contact_id', 'uuid', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('used_at', 'timestamptz')
    .addPrimaryKeyConstraint('handoff_tokens_pk', ['firm_id', 'token_hash'])
    .addForeignKeyConstraint('handoff_contact_fk', ['firm_id', 'contact_id'], 'contacts', ['firm_id', 'id'], (fk) => fk.onDelete('cascade'))
    .execute();

  await db.schema
    .createTable('portal_last_contacts')
    .addColumn('firm_id', 'uuid', (c) => c.notNull().references('firms.id').onDelete('cascade'))
    .addColumn('portal_user_id', 'uuid', (c) => c.notNull().references('portal_users.id').onDelete('cascade'))
    .addColumn('contact_id', 'uuid', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('portal_last_contacts_pk', ['firm_id', 'portal_user_id'])
    .addForeignKeyConstraint('portal_last_contact_fk', ['firm_id', 'contact_id'], 'contacts', ['firm_id', 'id'], (fk) => fk.onDelete('cascade'))
    .execute();

  // Rate-limit hits live in the database so that several app processes share them.
  await db.schema
    .createTable('rate_limit_hits')
    .addColumn('bucket', 'text', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('rate_limit_hits_idx').on('rate_limit_hits').columns(['bucket', 'at']).execute();

  await db.schema
    .createTable('audit_events')
    .addColumn('firm_id', 'uuid', (c) => c.notNull().references('firms.id').onDelete('cascade'))
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('actor_type', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'uuid')
    .addColumn('actor_email', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('subject_type', 'text')
    .addColumn('subject_id', 'uuid')
    .addColumn('detail', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .addPrimaryKeyConstraint('audit_events_pk', ['firm_id', 'id'])
    .execute();
  await db.schema.createIndex('audit_events_firm_at_idx').on('audit_events').columns(['firm_id', 'at']).execute();

  await db.schema
    .createTable('outbox')
    .addColumn('firm_id', 'uuid', (c) => c.notNull().references('firms.id').onDelete('cascade'))
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('template', 'text', (c) => c.notNull())
    .addColumn('to_email', 'text', (c) => c.notNull())
    .addColumn('payload', 'jsonb', (c) => c.notNull())
    .addColumn('dedupe_key', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending').check(sql`status in ('pending','sent','failed','cancelled')`))
    .addColumn('due_at', 'timestamptz', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('provider_message_id', 'text')
    .addColumn('rendered_subject', 'text')
    .addColumn('sent_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('outbox_pk', ['firm_id', 'id'])
    .execute();
  // The worker's queue scan crosses firms by design.
  await db.schema.createIndex('outbox_due_idx').on('outbox').columns(['status', 'due_at']).execute();
  await db.schema.createIndex('outbox_dedupe_idx').on('outbox').columns(['firm_id', 'dedupe_key']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'outbox',
    'audit_events',
    'rate_limit_hits',
    'portal_last_contacts',
    'handoff_tokens',
    'magic_links',
    'sessions',
    'contacts',
    'portal_users',
    'clients',
    'staff_members',
    'firm_slug_aliases',
    'firms',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
