// The portal home: greeting, date, signing requests, search, tasks to do and completed tasks.
import type { Child } from 'hono/jsx';
import type { Translate } from '../../i18n/index.ts';
import { PortalLayout, type PortalShell } from './layout.tsx';

export const COMPLETED_ID = 'completed';

export interface TodoView {
  id: string;
  title: string;
  due: string | null;
  overdue: boolean;
  seen: boolean;
  reference: boolean;
  progress?: { done: number; total: number };
}

export interface CompletedView {
  id: string;
  title: string;
  completed: string;
}

export interface HomeProps {
  shell: PortalShell;
  firstName: string;
  today: string;
  /** Elite firms with eSignatures on show the section; the eSignatures area fills it. */
  signing?: { items?: Child };
  q: string;
  todo: TodoView[];
  completed: CompletedView[];
  completedTotal: number;
  /** Where "Show more" leads (a plain link; htmx loads the same URL as a fragment). */
  moreHref?: string;
  completedOpen: boolean;
  /** Other areas' sections (a welcome notice, "Send a request"), placed under the greeting. */
  sections?: Child;
}

function TodoItem({ task, t }: { task: TodoView; t: Translate }) {
  const due = task.due ? t('home.due', { date: task.due }) : t('home.noDue');
  return (
    <li class="task-row">
      <a href={`/tasks/${task.id}`} class={task.seen ? 'task-link' : 'task-link unseen'}>
        {task.title}
      </a>
      {!task.seen && <span class="badge badge-new">{t('home.new')}</span>}
      <span class="task-meta">
        {task.overdue ? (
          <span class="overdue">
            {t('home.overdue')}: {due}
          </span>
        ) : (
          <span>{due}</span>
        )}
        {task.reference ? <span>{t('home.reference')}</span> : task.progress && task.progress.total > 0 && <span>{t('home.progress', task.progress)}</span>}
      </span>
    </li>
  );
}

/** Completed tasks and, when there are more, the "Show more" row; htmx swaps the row for the next slice. */
export function CompletedItems({ items, moreHref, focusFirst, t }: { items: CompletedView[]; moreHref?: string; focusFirst?: boolean; t: Translate }) {
  return (
    <>
      {items.map((task, i) => (
        <li class="task-row">
          <a href={`/tasks/${task.id}`} class="task-link" autofocus={focusFirst && i === 0}>
            {task.title}
          </a>
          <span class="task-meta">{t('home.completedOn', { date: task.completed })}</span>
        </li>
      ))}
      {moreHref && (
        <li class="more-row">
          <a href={`${moreHref}#${COMPLETED_ID}`} hx-get={moreHref} hx-target="closest li" hx-swap="outerHTML" hx-replace-url="true" class="button secondary">
            {t('home.showMore')}
          </a>
        </li>
      )}
    </>
  );
}

export function HomePage(props: HomeProps) {
  const { shell, q } = props;
  const { t } = shell;
  return (
    <PortalLayout shell={shell} title={t('nav.home')}>
      <h1>{t('home.greeting', { name: props.firstName })}</h1>
      <p class="muted">{t('home.today', { date: props.today })}</p>
      {props.sections}
      {props.signing && (
        <section aria-labelledby="signing-heading">
          <h2 id="signing-heading">{t('home.signing')}</h2>
          {props.signing.items ?? <p class="empty">{t('home.signingEmpty')}</p>}
        </section>
      )}
      <form method="get" action="/" role="search" class="task-search">
        <label for="task-search">{t('home.searchLabel')}</label>
        <div class="search-row">
          <input type="search" id="task-search" name="q" value={q} maxlength={100} />
          <button type="submit">{t('home.searchButton')}</button>
        </div>
      </form>
      {q && (
        <p>
          {t('home.searchResults', { q })} · <a href="/">{t('home.clearSearch')}</a>
        </p>
      )}
      <section aria-labelledby="todo-heading">
        <h2 id="todo-heading">{t('home.tasksToDo')}</h2>
        {props.todo.length > 0 ? (
          <ul class="task-list">
            {props.todo.map((task) => (
              <TodoItem task={task} t={t} />
            ))}
          </ul>
        ) : (
          <p class="empty">{q ? t('home.noMatches', { q }) : t('home.nothingToDo')}</p>
        )}
      </section>
      <section aria-labelledby="completed-heading">
        <h2 id="completed-heading">{t('home.completed')}</h2>
        {props.completed.length > 0 ? (
          <details id={COMPLETED_ID} open={props.completedOpen}>
            <summary>{t('home.completedCount', { count: props.completedTotal })}</summary>
            <ul class="task-list" id="completed-list">
              <CompletedItems items={props.completed} moreHref={props.moreHref} t={t} />
            </ul>
          </details>
        ) : (
          <p class="empty">{q ? t('home.noCompletedMatches', { q }) : t('home.noCompleted')}</p>
        )}
      </section>
    </PortalLayout>
  );
}
