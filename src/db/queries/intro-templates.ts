// Intro task templates: created for each contact on their first sign-in, per language (read by the Tasks area).
import type { Kysely } from 'kysely';
import type { Database, IntroTemplate } from '../database.ts';

export interface IntroTemplateInput {
  language: string;
  title: string;
  note: string;
  checklist: string[];
}

export function listIntroTemplates(db: Kysely<Database>, firmId: string): Promise<IntroTemplate[]> {
  return db.selectFrom('intro_templates').selectAll().where('firm_id', '=', firmId).orderBy('language').orderBy('position').orderBy('created_at').execute();
}

export function findIntroTemplate(db: Kysely<Database>, firmId: string, id: string): Promise<IntroTemplate | undefined> {
  return db.selectFrom('intro_templates').selectAll().where('firm_id', '=', firmId).where('id', '=', id).executeTakeFirst();
}

export async function createIntroTemplate(db: Kysely<Database>, firmId: string, input: IntroTemplateInput, now: Date): Promise<IntroTemplate> {
  const last = await db
    .selectFrom('intro_templates')
    .select((eb) => eb.fn.max('position').as('max'))
    .where('firm_id', '=', firmId)
    .where('language', '=', input.language)
    .executeTakeFirst();
  return db
    .insertInto('intro_templates')
    .values({
      firm_id: firmId,
      id: crypto.randomUUID(),
      language: input.language,
      title: input.title,
      note: input.note,
      checklist: JSON.stringify(input.checklist),
      position: last?.max == null ? 0 : Number(last.max) + 1,
      created_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function updateIntroTemplate(db: Kysely<Database>, firmId: string, id: string, input: IntroTemplateInput): Promise<void> {
  await db
    .updateTable('intro_templates')
    .set({ language: input.language, title: input.title, note: input.note, checklist: JSON.stringify(input.checklist) })
    .where('firm_id', '=', firmId)
    .where('id', '=', id)
    .execute();
}

export async function deleteIntroTemplate(db: Kysely<Database>, firmId: string, id: string): Promise<void> {
  await db.deleteFrom('intro_templates').where('firm_id', '=', firmId).where('id', '=', id).execute();
}

/** The default intro task, one per portal language; created when the portal is first activated. */
export const defaultIntroTemplates: IntroTemplateInput[] = [
  {
    language: 'en',
    title: 'Welcome to our client portal',
    note: 'This is where we share tasks, documents and messages with you. Take a minute to check your details.',
    checklist: ['Check your name and phone number in Settings', 'Choose when you want e-mail notifications', 'Upload any documents we are waiting for'],
  },
  {
    language: 'et',
    title: 'Tere tulemast meie kliendiportaali',
    note: 'Siin jagame sinuga ülesandeid, dokumente ja sõnumeid. Palun vaata oma andmed üle.',
    checklist: ['Kontrolli seadetes oma nime ja telefoninumbrit', 'Vali, millal soovid e-posti teavitusi', 'Laadi üles dokumendid, mida ootame'],
  },
  {
    language: 'de',
    title: 'Willkommen in unserem Kundenportal',
    note: 'Hier teilen wir Aufgaben, Dokumente und Nachrichten mit Ihnen. Bitte prüfen Sie kurz Ihre Angaben.',
    checklist: ['Name und Telefonnummer in den Einstellungen prüfen', 'Zeitpunkt der E-Mail-Benachrichtigungen wählen', 'Dokumente hochladen, auf die wir warten'],
  },
];

/** Creates the default templates unless the firm already has any (reactivation keeps the firm's own). */
export async function ensureDefaultIntroTemplates(db: Kysely<Database>, firmId: string, now: Date): Promise<number> {
  const existing = await db.selectFrom('intro_templates').select('id').where('firm_id', '=', firmId).limit(1).executeTakeFirst();
  if (existing) return 0;
  for (const template of defaultIntroTemplates) await createIntroTemplate(db, firmId, template, now);
  return defaultIntroTemplates.length;
}
