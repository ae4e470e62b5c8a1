// Settings > Preview: the portal home as a client sees it, in the firm's branding, with a sample task that exists
// only in this page (nothing is stored).
import { PortalLayout, type PortalShell } from '../../portal/layout.tsx';

export interface PreviewProps {
  shell: PortalShell;
  firstName: string;
  today: string;
  sampleTitle: string;
  sampleNote: string;
  sampleDue: string;
  languages: { value: string; label: string; current: boolean }[];
}

export function PreviewPage(p: PreviewProps) {
  const { t } = p.shell;
  return (
    <PortalLayout shell={p.shell} title={`Preview: ${t('nav.home')}`}>
      <aside class="preview-banner" aria-label="Preview" lang="en">
        <p>
          <strong>Preview.</strong> This is the portal home as a client sees it. The task below is a sample: no client can see it. <a href="/staff/settings/portal">Back to settings</a>
        </p>
        <p>
          Language:{' '}
          {p.languages.map((l) => (
            <>
              <a href={`/staff/settings/portal/preview?lang=${l.value}`} aria-current={l.current ? 'page' : undefined}>
                {l.label}
              </a>{' '}
            </>
          ))}
        </p>
      </aside>
      <h1>{t('home.greeting', { name: p.firstName })}</h1>
      <p class="muted">{t('home.today', { date: p.today })}</p>
      <section aria-labelledby="todo-heading">
        <h2 id="todo-heading">{t('home.tasksToDo')}</h2>
        <ul class="list task-list">
          <li>
            <span class="task-title unseen">{p.sampleTitle}</span>
            <p class="muted">{p.sampleNote}</p>
            <p class="task-due">{p.sampleDue}</p>
          </li>
        </ul>
      </section>
      <section aria-labelledby="completed-heading">
        <h2 id="completed-heading">{t('home.completed')}</h2>
        <p class="empty">{t('home.noCompleted')}</p>
      </section>
    </PortalLayout>
  );
}
