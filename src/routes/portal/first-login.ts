// What happens on a contact's first sign-in (the intro task from the firm's template comes with "Tasks").
import type { Kysely } from 'kysely';
import type { PortalScope } from '../../app-env.ts';
import type { Database, PortalUser } from '../../db/database.ts';

export async function onFirstPortalLogin(_db: Kysely<Database>, _scope: PortalScope, _user: PortalUser, _now: Date): Promise<void> {}
