// Reading the audit log: one event, and the filtered, paged list (and CSV export) for admins.
import type { Kysely } from 'kysely';
import type { Database } from '../database.ts';

export const AUDIT_PER_PAGE = 50;
export const AUDIT_EXPORT_LIMIT = 50_000;

export function findAuditEvent(db: Kysely<Database>, firmId: string, where: { action: string; subjectId: string }) {
  return db
    .selectFrom('audit_events')
    .selectAll()
    .where('firm_id', '=', firmId)
    .where('action', '=', where.action)
    .where('subject_id', '=', where.subjectId)
    .executeTakeFirst();
}

export interface AuditFilter {
  action?: string;
  actor?: string;
  /** Inclusive instants. */
  from?: Date;
  to?: Date;
}

function filtered(db: Kysely<Database>, firmId: string, filter: AuditFilter) {
  let q = db.selectFrom('audit_events').where('firm_id', '=', firmId);
  if (filter.action) q = q.where('action', 'like', `${filter.action.replace(/[\\%_]/g, (m) => `\\${m}`)}%`);
  if (filter.actor) q = q.where('actor_email', 'ilike', `%${filter.actor.replace(/[\\%_]/g, (m) => `\\${m}`)}%`);
  if (filter.from) q = q.where('at', '>=', filter.from);
  if (filter.to) q = q.where('at', '<', filter.to);
  return q;
}

export async function listAuditEvents(db: Kysely<Database>, firmId: string, filter: AuditFilter, page: number, perPage = AUDIT_PER_PAGE) {
  const base = filtered(db, firmId, filter);
  const { total } = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const pages = Math.max(1, Math.ceil(Number(total) / perPage));
  const current = Math.min(Math.max(1, page), pages);
  const items = await base.selectAll().orderBy('at', 'desc').orderBy('id').limit(perPage).offset((current - 1) * perPage).execute();
  return { items, total: Number(total), page: current, pages };
}

export function exportAuditEvents(db: Kysely<Database>, firmId: string, filter: AuditFilter) {
  return filtered(db, firmId, filter).selectAll().orderBy('at', 'desc').orderBy('id').limit(AUDIT_EXPORT_LIMIT).execute();
}

/** The action names this firm has, for the filter's choices. */
export async function listAuditActions(db: Kysely<Database>, firmId: string): Promise<string[]> {
  const rows = await db.selectFrom('audit_events').select('action').distinct().where('firm_id', '=', firmId).orderBy('action').limit(500).execute();
  return rows.map((r) => r.action);
}
