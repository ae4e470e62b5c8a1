// The portal home: greeting, date, tasks to do and completed.
import type { Child } from 'hono/jsx';
import { PortalLayout, type PortalShell } from './layout.tsx';

export interface HomeProps {
  shell: PortalShell;
  firstName: string;
  today: string;
  /** Sections filled by feature areas (signing requests, tasks, requests). */
  sections?: Child;
}

export function HomePage({ shell, firstName, today, sections }: HomeProps) {
  const { t } = shell;
  return (
    <PortalLayout shell={shell} title={t('nav.home')}>
      <h1>{t('home.greeting', { name: firstName })}</h1>
      <p class="muted">{t('home.today', { date: today })}</p>
      {sections ?? (
        <>
          <section aria-labelledby="todo-heading">
            <h2 id="todo-heading">{t('home.tasksToDo')}</h2>
            <p class="empty">{t('home.nothingToDo')}</p>
          </section>
          <section aria-labelledby="completed-heading">
            <h2 id="completed-heading">{t('home.completed')}</h2>
            <p class="empty">{t('home.noCompleted')}</p>
          </section>
        </>
      )}
    </PortalLayout>
  );
}
