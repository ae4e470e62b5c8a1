// A portal user's own profile and preferences; they apply to the person across all firms.
import type { Kysely } from 'kysely';
import type { Database } from '../database.ts';

export interface PortalUserSettings {
  firstName: string;
  lastName: string;
  phone: string;
  language: string;
  timezone: string;
  regionalFormat: string;
  notifyTiming: string;
}

export async function updatePortalUserSettings(db: Kysely<Database>, portalUserId: string, s: PortalUserSettings): Promise<void> {
  await db
    .updateTable('portal_users')
    .set({ first_name: s.firstName, last_name: s.lastName, phone: s.phone, language: s.language, timezone: s.timezone, regional_format: s.regionalFormat, notify_timing: s.notifyTiming })
    .where('id', '=', portalUserId)
    .execute();
}
