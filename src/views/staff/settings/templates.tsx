// Settings > Templates: the intro tasks each contact gets on first login, per language; create, edit, delete.
import type { IntroTemplate } from '../../../db/database.ts';
import { ErrorSummary, Notice, SelectField, TextArea, TextField } from '../../components/form.tsx';
import { SettingsTabs } from '../components.tsx';
import { StaffLayout, type StaffShell } from '../layout.tsx';
import { languageOptions } from './portal-sections.tsx';

export function TemplatesPage({ shell, role, templates, notice }: { shell: StaffShell; role: string; templates: IntroTemplate[]; notice?: string }) {
  return (
    <StaffLayout shell={shell} title="Intro task templates">
      <h1>Settings</h1>
      <SettingsTabs current="templates" role={role} />
      <div class="page-head">
        <h2>Intro task templates</h2>
        <a class="button" href="/staff/settings/portal/templates/new">
          New template
        </a>
      </div>
      <p class="hint">Each contact gets these tasks, in their language, the first time they log in.</p>
      {notice && <Notice kind="success">{notice}</Notice>}
      {languageOptions.map((lang) => {
        const list = templates.filter((t) => t.language === lang.value);
        return (
          <section aria-labelledby={`lang-${lang.value}`}>
            <h3 id={`lang-${lang.value}`}>{lang.label}</h3>
            {list.length === 0 ? (
              <p class="empty">
                No templates in {lang.label}. <a href={`/staff/settings/portal/templates/new?language=${lang.value}`}>Add one</a>.
              </p>
            ) : (
              <ul class="list">
                {list.map((t) => (
                  <li>
                    <h4 class="list-title">{t.title}</h4>
                    {t.note && <p>{t.note}</p>}
                    {t.checklist.length > 0 && (
                      <ul class="checklist-preview">
                        {t.checklist.map((item) => (
                          <li>{item}</li>
                        ))}
                      </ul>
                    )}
                    <p class="actions compact">
                      <a href={`/staff/settings/portal/templates/${t.id}/edit`}>
                        Edit<span class="visually-hidden"> {t.title}</span>
                      </a>
                      <a href={`/staff/settings/portal/templates/${t.id}/delete`}>
                        Delete<span class="visually-hidden"> {t.title}</span>
                      </a>
                    </p>
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </StaffLayout>
  );
}

export interface TemplateFormValues {
  language?: string;
  title?: string;
  note?: string;
  checklist?: string;
}

export function TemplateFormPage(props: { shell: StaffShell; mode: 'create' | 'edit'; action: string; values: TemplateFormValues; errors?: Record<string, string> }) {
  const v = props.values;
  const e = props.errors ?? {};
  const title = props.mode === 'create' ? 'New intro task template' : 'Edit intro task template';
  return (
    <StaffLayout shell={props.shell} title={title}>
      <div class="narrow">
        <h1>{title}</h1>
        <form method="post" action={props.action} novalidate>
          <ErrorSummary errors={e} title="There is a problem" labels={{ language: 'Language', title: 'Title', note: 'Note', checklist: 'Checklist' }} />
          <SelectField name="language" label="Language" value={v.language ?? 'en'} error={e.language} options={languageOptions} />
          <TextField name="title" label="Title" value={v.title} error={e.title} required maxlength={200} />
          <TextArea name="note" label="Note" hint="Optional. Shown on the task." value={v.note} error={e.note} maxlength={2000} rows={3} />
          <TextArea name="checklist" label="Checklist" hint="One item per line, at most 30 items. The client ticks them off." value={v.checklist} error={e.checklist} rows={6} />
          <div class="actions">
            <button type="submit">{props.mode === 'create' ? 'Create template' : 'Save template'}</button>
            <a href="/staff/settings/portal/templates">Cancel</a>
          </div>
        </form>
      </div>
    </StaffLayout>
  );
}
