// Outbox rows: mail to send, written in the same transaction as the change that causes it.
import type { Kysely } from 'kysely';
import type { Database } from '../database.ts';

export interface MailRequest {
  firmId: string;
  template: string;
  to: string;
  payload: Record<string, unknown>;
  dueAt: Date;
  /** Lets a later change cancel or find this mail (e.g. "task-shared:{taskId}:{contactId}"). */
  dedupeKey?: string;
}

export async function enqueueMail(db: Kysely<Database>, mail: MailRequest, now: Date): Promise<string> {
  const id = crypto.randomUUID();
  await db
    .insertInto('outbox')
    .values({
      firm_id: mail.firmId,
      id,
      template: mail.template,
      to_email: mail.to,
      payload: JSON.stringify(mail.payload),
      dedupe_key: mail.dedupeKey ?? null,
      due_at: mail.dueAt,
      created_at: now,
    })
    .execute();
  return id;
}

/** Cancels pending mail with this key; returns how many were cancelled. */
export async function cancelPendingMail(db: Kysely<Database>, firmId: string, dedupeKey: string): Promise<number> {
  const result = await db
    .updateTable('outbox')
    .set({ status: 'cancelled' })
    .where('firm_id', '=', firmId)
    .where('dedupe_key', '=', dedupeKey)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export function hasPendingMail(db: Kysely<Database>, firmId: string, dedupeKey: string) {
  return db
    .selectFrom('outbox')
    .select('id')
    .where('firm_id', '=', firmId)
    .where('dedupe_key', '=', dedupeKey)
    .where('status', '=', 'pending')
    .executeTakeFirst();
}
