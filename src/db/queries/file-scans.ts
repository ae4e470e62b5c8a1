// The scan queue's queries (pending files in every firm, results) and who to tell about uploads and quarantines.
import { type Kysely, sql } from 'kysely';
import type { Database } from '../database.ts';

type Db = Kysely<Database>;

export interface PendingScan {
  firmId: string;
  fileId: string;
}

/** Files still waiting for the virus scanner, in every firm (the scan queue's start-up sweep). */
export async function listPendingScans(db: Db, limit = 1000): Promise<PendingScan[]> {
  return db
    .selectFrom('task_files')
    .select(['firm_id as firmId', 'id as fileId'])
    .where('scan_status', '=', 'pending')
    .where('deleted_at', 'is', null)
    .orderBy('created_at')
    .limit(limit)
    .execute();
}

export interface ScanSubject {
  firmId: string;
  firmSlug: string;
  id: string;
  taskId: string;
  taskTitle: string;
  clientId: string;
  clientName: string;
  blobKey: string;
  name: string;
  uploadedByType: 'staff' | 'portal';
  uploadedById: string | null;
  uploadedByName: string;
}

/** A pending file with what the scan queue needs to report on it; locked when `forUpdate`. */
export async function findPendingScan(db: Db, firmId: string, fileId: string, forUpdate = false): Promise<ScanSubject | undefined> {
  const query = db
    .selectFrom('task_files as f')
    .innerJoin('tasks as t', (j) => j.onRef('t.firm_id', '=', 'f.firm_id').onRef('t.id', '=', 'f.task_id'))
    .innerJoin('clients as cl', (j) => j.onRef('cl.firm_id', '=', 'f.firm_id').onRef('cl.id', '=', 'f.client_id'))
    .innerJoin('firms as fi', 'fi.id', 'f.firm_id')
    .select([
      'f.firm_id as firmId',
      'fi.slug as firmSlug',
      'f.id',
      'f.task_id as taskId',
      't.title as taskTitle',
      'f.client_id as clientId',
      'cl.name as clientName',
      'f.blob_key as blobKey',
      'f.original_name as name',
      'f.uploaded_by_type as uploadedByType',
      'f.uploaded_by_id as uploadedById',
      'f.uploaded_by_name as uploadedByName',
    ])
    .where('f.firm_id', '=', firmId)
    .where('f.id', '=', fileId)
    .where('f.scan_status', '=', 'pending')
    .where('f.deleted_at', 'is', null);
  return (forUpdate ? query.forUpdate('f') : query).executeTakeFirst();
}

export async function setScanResult(db: Db, firmId: string, fileId: string, status: 'clean' | 'infected', signature: string | null, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('task_files')
    .set({ scan_status: status, scan_signature: signature, scanned_at: now })
    .where('firm_id', '=', firmId)
    .where('id', '=', fileId)
    .where('scan_status', '=', 'pending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export interface Recipient {
  email: string;
  name: string;
  language: string | null;
}

/** Staff to tell about a client's upload or a quarantined file: the task's assignees and the client's responsible
 * member; when there are none, the firm's owner and admins. Active members only. */
export async function staffToNotify(db: Db, firmId: string, taskId: string): Promise<Recipient[]> {
  const rows = await db
    .selectFrom('staff_members as m')
    .select(['m.email', sql<string>`coalesce(nullif(trim(m.first_name || ' ' || m.last_name), ''), m.email)`.as('name'), 'm.role'])
    .select((eb) =>
      eb
        .or([
          eb.exists(eb.selectFrom('task_assignees as ta').select('ta.member_id').whereRef('ta.firm_id', '=', 'm.firm_id').whereRef('ta.member_id', '=', 'm.id').where('ta.task_id', '=', taskId)),
          eb.exists(
            eb
              .selectFrom('tasks as t')
              .innerJoin('clients as cl', (j) => j.onRef('cl.firm_id', '=', 't.firm_id').onRef('cl.id', '=', 't.client_id'))
              .select('t.id')
              .whereRef('t.firm_id', '=', 'm.firm_id')
              .where('t.id', '=', taskId)
              .whereRef('cl.responsible_member_id', '=', 'm.id'),
          ),
        ])
        .as('involved'),
    )
    .where('m.firm_id', '=', firmId)
    .where('m.active', '=', true)
    .orderBy('m.email')
    .execute();
  const involved = rows.filter((r) => r.involved);
  const chosen = involved.length > 0 ? involved : rows.filter((r) => r.role === 'owner' || r.role === 'admin');
  return chosen.map((r) => ({ email: r.email, name: r.name, language: 'en' }));
}

/** Where to tell an uploader about their file: a contact's or a staff member's address and language. */
export async function uploaderAddress(db: Db, firmId: string, type: 'staff' | 'portal', id: string | null): Promise<Recipient | undefined> {
  if (!id) return undefined;
  if (type === 'staff') {
    const m = await db.selectFrom('staff_members').select(['email', 'first_name']).where('firm_id', '=', firmId).where('id', '=', id).where('active', '=', true).executeTakeFirst();
    return m ? { email: m.email, name: m.first_name, language: 'en' } : undefined;
  }
  const c = await db
    .selectFrom('contacts as c')
    .leftJoin('portal_users as u', 'u.email', 'c.email')
    .select(['c.email', 'c.first_name', 'u.language'])
    .where('c.firm_id', '=', firmId)
    .where('c.id', '=', id)
    .where('c.access_enabled', '=', true)
    .executeTakeFirst();
  return c?.email ? { email: c.email, name: c.first_name, language: c.language } : undefined;
}
