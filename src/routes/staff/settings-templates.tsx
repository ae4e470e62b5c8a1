// /staff/settings/portal/templates: intro task templates per language (create, edit, delete), with audit events.
import { Hono, type Context } from 'hono';
import * as v from 'valibot';
import type { AppEnv } from '../../app-env.ts';
import { currentActor } from '../../auth/request-info.ts';
import { recordAudit } from '../../db/queries/audit.ts';
import { createIntroTemplate, deleteIntroTemplate, findIntroTemplate, listIntroTemplates, updateIntroTemplate, type IntroTemplateInput } from '../../db/queries/intro-templates.ts';
import { languages } from '../../i18n/index.ts';
import { renderPage, redirectAfterPost } from '../../render.tsx';
import { parseWith, readForm } from '../../validation.ts';
import { ConfirmPage } from '../../views/staff/components.tsx';
import { TemplateFormPage, TemplatesPage, type TemplateFormValues } from '../../views/staff/settings/templates.tsx';
import { isUuid, notFound } from './helpers.tsx';
import { staffShell } from './shell.ts';

export const templateRoutes = new Hono<AppEnv>();
const base = '/staff/settings/portal/templates';

const notices: Record<string, string> = { created: 'Template created.', saved: 'Template saved.', deleted: 'Template deleted.' };

const schema = v.object({
  language: v.picklist([...languages], 'Choose a language from the list.'),
  title: v.pipe(v.optional(v.string(), ''), v.trim(), v.nonEmpty('Enter a title.'), v.maxLength(200, 'Use at most 200 characters.')),
  note: v.pipe(v.optional(v.string(), ''), v.trim(), v.maxLength(2000, 'Use at most 2000 characters.')),
  checklist: v.pipe(
    v.optional(v.string(), ''),
    v.transform((text) => text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean)),
    v.maxLength(30, 'Use at most 30 checklist items.'),
    v.check((items) => items.every((item) => item.length <= 200), 'Keep each checklist item under 200 characters.'),
  ),
});

function parse(form: Record<string, string | string[]>): { ok: true; value: IntroTemplateInput } | { ok: false; errors: Record<string, string>; values: TemplateFormValues } {
  const parsed = parseWith(schema, form);
  if (parsed.ok) return parsed;
  return { ok: false, errors: parsed.errors, values: parsed.input };
}

async function loadTemplate(c: Context<AppEnv>) {
  const id = c.req.param('id');
  return isUuid(id) ? findIntroTemplate(c.get('deps').db, c.get('firm').id, id) : undefined;
}

async function save(c: Context<AppEnv>, action: string, run: (trx: any, now: Date) => Promise<string>) {
  const { db, clock } = c.get('deps');
  const firm = c.get('firm');
  const now = clock.now();
  await db.transaction().execute(async (trx) => {
    const id = await run(trx, now);
    await recordAudit(trx, firm.id, currentActor(c), { action, subjectType: 'intro_template', subjectId: id }, now);
  });
}

templateRoutes.get('/settings/portal/templates', async (c) => {
  const templates = await listIntroTemplates(c.get('deps').db, c.get('firm').id);
  return renderPage(c, <TemplatesPage shell={staffShell(c, 'settings')} role={c.get('staff').scope.role} templates={templates} notice={notices[c.req.query('m') ?? '']} />);
});

templateRoutes.get('/settings/portal/templates/new', (c) => {
  const language = c.req.query('language');
  return renderPage(c, <TemplateFormPage shell={staffShell(c, 'settings')} mode="create" action={`${base}/new`} values={{ language: language ?? c.get('firm').default_language }} />);
});

templateRoutes.post('/settings/portal/templates/new', async (c) => {
  const parsed = parse(await readForm(c));
  if (!parsed.ok) return renderPage(c, <TemplateFormPage shell={staffShell(c, 'settings')} mode="create" action={`${base}/new`} values={parsed.values} errors={parsed.errors} />, 422);
  await save(c, 'intro_template.created', async (trx, now) => (await createIntroTemplate(trx, c.get('firm').id, parsed.value, now)).id);
  return redirectAfterPost(c, `${base}?m=created`);
});

templateRoutes.get('/settings/portal/templates/:id/edit', async (c) => {
  const t = await loadTemplate(c);
  if (!t) return notFound(c);
  return renderPage(c, <TemplateFormPage shell={staffShell(c, 'settings')} mode="edit" action={`${base}/${t.id}/edit`} values={{ ...t, checklist: t.checklist.join('\n') }} />);
});

templateRoutes.post('/settings/portal/templates/:id/edit', async (c) => {
  const t = await loadTemplate(c);
  if (!t) return notFound(c);
  const parsed = parse(await readForm(c));
  if (!parsed.ok) return renderPage(c, <TemplateFormPage shell={staffShell(c, 'settings')} mode="edit" action={`${base}/${t.id}/edit`} values={parsed.values} errors={parsed.errors} />, 422);
  await save(c, 'intro_template.updated', async (trx) => {
    await updateIntroTemplate(trx, c.get('firm').id, t.id, parsed.value);
    return t.id;
  });
  return redirectAfterPost(c, `${base}?m=saved`);
});

templateRoutes.get('/settings/portal/templates/:id/delete', async (c) => {
  const t = await loadTemplate(c);
  if (!t) return notFound(c);
  return renderPage(
    c,
    <ConfirmPage shell={staffShell(c, 'settings')} title={`Delete "${t.title}"?`} action={`${base}/${t.id}/delete`} button="Delete template" cancelHref={base} danger>
      <p>New contacts will no longer get this intro task. Tasks already created from it stay.</p>
    </ConfirmPage>,
  );
});

templateRoutes.post('/settings/portal/templates/:id/delete', async (c) => {
  const t = await loadTemplate(c);
  if (!t) return notFound(c);
  await save(c, 'intro_template.deleted', async (trx) => {
    await deleteIntroTemplate(trx, c.get('firm').id, t.id);
    return t.id;
  });
  return redirectAfterPost(c, `${base}?m=deleted`);
});
