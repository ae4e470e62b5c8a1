// Kysely table types: the shape of every table, as the queries see it.
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T = Record<string, unknown>> = ColumnType<T, string, string>;

export type Plan = 'standard' | 'team' | 'elite';
export type StaffRole = 'owner' | 'admin' | 'member';
export type SessionKind = 'portal' | 'staff';

export interface FirmsTable {
  id: string;
  slug: string;
  name: string;
  trademark: string;
  plan: Generated<Plan>;
  portal_active: Generated<boolean>;
  brand_background: Generated<string>;
  brand_text: Generated<string>;
  logo_key: string | null;
  favicon_key: string | null;
  description: Generated<string>;
  default_language: Generated<string>;
  uploads_enabled: Generated<boolean>;
  upload_limit_bytes: Generated<number>;
  billing_enabled: Generated<boolean>;
  esign_enabled: Generated<boolean>;
  created_at: Timestamp;
  // staff settings
  email_signature_mode: Generated<'company' | 'fixed' | 'dynamic'>;
  email_signature_text: Generated<string>;
  logo_type: string | null;
  favicon_type: string | null;
  welcome_video_key: string | null;
  welcome_video_type: string | null;
  menu_links: ColumnType<MenuLink[], string | undefined, string>;
  esign_position: Generated<'bottom-right' | 'bottom-left' | 'top-right' | 'top-left'>;
  esign_placement: Generated<'last' | 'first' | 'all'>;
  esign_include_timestamp: Generated<boolean>;
  esign_include_ip: Generated<boolean>;
  // tasks: the company rule "the checklist must be completed to finish the task"
  checklist_required: Generated<boolean>;
  /** Raised by a trigger on every update: a cached firm row is current while its version matches. */
  version: Generated<number>;
}

export interface MenuLink {
  label: string;
  url: string;
  newTab: boolean;
}

export interface IntroTemplatesTable {
  firm_id: string;
  id: string;
  language: string;
  title: string;
  note: Generated<string>;
  checklist: ColumnType<string[], string | undefined, string>;
  position: Generated<number>;
  created_at: Timestamp;
}

export interface FirmSlugAliasesTable {
  slug: string;
  firm_id: string;
  until: Timestamp;
}

export interface StaffMembersTable {
  firm_id: string;
  id: string;
  email: string;
  first_name: Generated<string>;
  last_name: Generated<string>;
  role: StaffRole;
  active: Generated<boolean>;
  created_at: Timestamp;
}

export interface ClientsTable {
  firm_id: string;
  id: string;
  name: string;
  registration_number: Generated<string>;
  vat_number: Generated<string>;
  mark: Generated<string>;
  colour: Generated<string>;
  responsible_member_id: string | null;
  portal_enabled: Generated<boolean>;
  archived_at: Timestamp | null;
  created_at: Timestamp;
}

export interface PortalUsersTable {
  id: string;
  email: string;
  first_name: Generated<string>;
  last_name: Generated<string>;
  phone: Generated<string>;
  language: string | null;
  timezone: Generated<string>;
  regional_format: Generated<string>;
  notify_timing: Generated<string>;
  created_at: Timestamp;
}

export interface ContactsTable {
  firm_id: string;
  id: string;
  client_id: string;
  first_name: Generated<string>;
  last_name: Generated<string>;
  email: string | null;
  phone: Generated<string>;
  roles: Generated<string>;
  access_enabled: Generated<boolean>;
  invite_sent_at: Timestamp | null;
  first_login_at: Timestamp | null;
  created_at: Timestamp;
  welcome_seen_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface SessionsTable {
  firm_id: string;
  id: string;
  secret_hash: Uint8Array;
  kind: SessionKind;
  portal_user_id: string | null;
  contact_id: string | null;
  staff_member_id: string | null;
  created_at: Timestamp;
  expires_at: Timestamp;
}

export interface MagicLinksTable {
  firm_id: string;
  id: string;
  token_hash: Uint8Array;
  kind: SessionKind;
  email: string;
  state: Generated<'active' | 'superseded' | 'revoked'>;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

export interface HandoffTokensTable {
  firm_id: string;
  token_hash: Uint8Array;
  portal_user_id: string;
  contact_id: string;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

export interface PortalLastContactsTable {
  firm_id: string;
  portal_user_id: string;
  contact_id: string;
  updated_at: Timestamp;
}

export interface RateLimitHitsTable {
  bucket: string;
  at: Timestamp;
}

export interface AuditEventsTable {
  firm_id: string;
  id: string;
  at: Timestamp;
  actor_type: 'staff' | 'portal' | 'system' | 'anonymous';
  actor_id: string | null;
  actor_email: string | null;
  action: string;
  subject_type: string | null;
  subject_id: string | null;
  detail: Json;
  ip: string | null;
  user_agent: string | null;
}

export type OutboxStatus = 'pending' | 'sent' | 'failed' | 'cancelled';

export interface OutboxTable {
  firm_id: string;
  id: string;
  template: string;
  to_email: string;
  payload: Json;
  dedupe_key: string | null;
  status: Generated<OutboxStatus>;
  due_at: Timestamp;
  attempts: Generated<number>;
  last_error: string | null;
  provider_message_id: string | null;
  rendered_subject: string | null;
  sent_at: Timestamp | null;
  created_at: Timestamp;
}

// --- tasks and checklists ---
/** A `date` column: always select it as text ('YYYY-MM-DD', see queries/tasks.ts) so pg and PGlite agree. */
type CalendarDate = ColumnType<string, string | null, string | null>;
export type TaskStatus = 'open' | 'in_progress' | 'done';
export type Recurrence = 'none' | 'weekly' | 'monthly' | 'quarterly' | 'yearly';
export type BillingSetting = 'none' | 'start' | 'due' | 'finish' | 'custom';
export type ChecklistOwner = 'firm' | 'client';

export interface TasksTable {
  firm_id: string;
  id: string;
  client_id: string;
  title: string;
  note: Generated<string>;
  start_date: CalendarDate | null;
  due_date: CalendarDate | null;
  status: Generated<TaskStatus>;
  created_by: string | null;
  recurrence: Generated<Recurrence>;
  series_id: string | null;
  recurrence_parent_id: string | null;
  occurrence: Generated<number>;
  series_start: CalendarDate | null;
  series_due: CalendarDate | null;
  billing: Generated<BillingSetting>;
  billing_date: CalendarDate | null;
  completed_at: Timestamp | null;
  completed_by_type: 'staff' | 'portal' | null;
  completed_by_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface TaskAssigneesTable {
  firm_id: string;
  task_id: string;
  member_id: string;
}

export interface ChecklistSectionsTable {
  firm_id: string;
  id: string;
  task_id: string;
  owner: ChecklistOwner;
  title: Generated<string>;
  position: number;
  /** Kept by a trigger on checklist_items; never written by the app. */
  items_total: Generated<number>;
  items_done: Generated<number>;
}

export interface ChecklistItemsTable {
  firm_id: string;
  id: string;
  task_id: string;
  section_id: string;
  text: string;
  position: number;
  done: Generated<boolean>;
  done_by_type: 'staff' | 'portal' | null;
  done_by_id: string | null;
  done_at: Timestamp | null;
}

export interface TaskPortalTable {
  firm_id: string;
  task_id: string;
  assign_as_task: Generated<boolean>;
  auto_finish: Generated<boolean>;
  due_offset_days: Generated<number>;
  shared_at: Timestamp;
  updated_at: Timestamp;
  client_completed_at: Timestamp | null;
  client_completed_by: string | null;
}

export interface TaskPortalAssigneesTable {
  firm_id: string;
  task_id: string;
  contact_id: string;
  added_at: Timestamp;
  seen_at: Timestamp | null;
}

// --- files attached to tasks ---
export type ScanStatus = 'clean' | 'pending' | 'infected';

export interface TaskFilesTable {
  firm_id: string;
  id: string;
  task_id: string;
  client_id: string;
  blob_key: string;
  original_name: string;
  size: number;
  sha256: string;
  content_type: string;
  uploaded_by_type: 'staff' | 'portal';
  uploaded_by_id: string | null;
  uploaded_by_name: string;
  source: Generated<'task' | 'message'>;
  message_id: string | null;
  scan_status: ScanStatus;
  scan_signature: string | null;
  scanned_at: Timestamp | null;
  created_at: Timestamp;
  deleted_at: Timestamp | null;
}

export interface Database {
  firms: FirmsTable;
  firm_slug_aliases: FirmSlugAliasesTable;
  staff_members: StaffMembersTable;
  clients: ClientsTable;
  portal_users: PortalUsersTable;
  contacts: ContactsTable;
  sessions: SessionsTable;
  magic_links: MagicLinksTable;
  handoff_tokens: HandoffTokensTable;
  portal_last_contacts: PortalLastContactsTable;
  rate_limit_hits: RateLimitHitsTable;
  audit_events: AuditEventsTable;
  outbox: OutboxTable;
  intro_templates: IntroTemplatesTable;
  tasks: TasksTable;
  task_assignees: TaskAssigneesTable;
  checklist_sections: ChecklistSectionsTable;
  checklist_items: ChecklistItemsTable;
  task_portal: TaskPortalTable;
  task_portal_assignees: TaskPortalAssigneesTable;
  task_files: TaskFilesTable;
}

export type Firm = Selectable<FirmsTable>;
export type NewFirm = Insertable<FirmsTable>;
export type FirmUpdate = Updateable<FirmsTable>;
export type StaffMember = Selectable<StaffMembersTable>;
export type Client = Selectable<ClientsTable>;
export type Contact = Selectable<ContactsTable>;
export type PortalUser = Selectable<PortalUsersTable>;
export type OutboxRow = Selectable<OutboxTable>;
export type IntroTemplate = Selectable<IntroTemplatesTable>;
