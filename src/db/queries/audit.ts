// Audit events: written in the same transaction as the change they record.
import type { Kysely } from 'kysely';
import type { AuditEventsTable, Database } from '../database.ts';

export interface AuditActor {
  type: AuditEventsTable['actor_type'];
  id?: string | null;
  email?: string | null;
  ip?: string | null;
  userAgent?: string | null;
}

export interface AuditEntry {
  action: string;
  subjectType?: string;
  subjectId?: string | null;
  detail?: Record<string, unknown>;
}

export async function recordAudit(db: Kysely<Database>, firmId: string, actor: AuditActor, entry: AuditEntry, at: Date): Promise<void> {
  await db
    .insertInto('audit_events')
    .values({
      firm_id: firmId,
      id: crypto.randomUUID(),
      at,
      actor_type: actor.type,
      actor_id: actor.id ?? null,
      actor_email: actor.email ?? null,
      action: entry.action,
      subject_type: entry.subjectType ?? null,
      subject_id: entry.subjectId ?? null,
      detail: JSON.stringify(entry.detail ?? {}),
      ip: actor.ip ?? null,
      user_agent: actor.userAgent?.slice(0, 500) ?? null,
    })
    .execute();
}
