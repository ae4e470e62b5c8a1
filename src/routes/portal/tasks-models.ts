// Rows from the portal task queries turned into what the portal views show (dates in the user's format).
import type { CompletedTask, HomeTask, PortalTask } from '../../db/queries/portal-tasks.ts';
import { formatCalendarDate, formatDate } from '../../format.ts';
import type { Translate } from '../../i18n/index.ts';
import { isOverdue } from '../../tasks/dates.ts';
import type { CompletedView, TodoView } from '../../views/portal/home.tsx';
import type { CompletionState, SectionView } from '../../views/portal/tasks/checklist.tsx';
import type { TaskPageProps } from '../../views/portal/tasks/task-page.tsx';

export function todoView(row: HomeTask, locale: string, today: string): TodoView {
  return {
    id: row.id,
    title: row.title,
    due: row.due ? formatCalendarDate(row.due, locale) : null,
    overdue: isOverdue(row.due, today),
    seen: row.seen,
    reference: !row.assignAsTask,
    progress: { done: row.clientDone, total: row.clientTotal },
  };
}

export function completedView(row: CompletedTask, locale: string, timezone: string): CompletedView {
  return { id: row.id, title: row.title, completed: formatDate(new Date(row.completedAt), locale, timezone) };
}

/** Items still open: the client's, and (with the company rule on) everything. */
export function openCounts(sections: SectionView[]): { clientOpen: number; firmOpen: number; total: number } {
  let clientOpen = 0;
  let firmOpen = 0;
  let total = 0;
  for (const s of sections) {
    for (const i of s.items) {
      total++;
      if (!i.done) s.owner === 'client' ? clientOpen++ : firmOpen++;
    }
  }
  return { clientOpen, firmOpen, total };
}

export function completionState(
  task: Pick<PortalTask, 'assignAsTask' | 'status' | 'clientCompletedAt' | 'completedAt' | 'completedByName'>,
  open: { clientOpen: number; firmOpen: number; total: number },
  checklistRequired: boolean,
  locale: string,
  timezone: string,
): CompletionState {
  if (task.status === 'done') return { kind: 'closed', date: formatDate(new Date(task.completedAt ?? task.clientCompletedAt ?? Date.now()), locale, timezone) };
  if (!task.assignAsTask) return { kind: 'reference' };
  if (task.clientCompletedAt) return { kind: 'client-done', by: task.completedByName ?? '', date: formatDate(new Date(task.clientCompletedAt), locale, timezone) };
  const firmOpen = checklistRequired ? open.firmOpen : 0;
  if (open.clientOpen === 0 && firmOpen === 0) return { kind: 'ready', hasItems: open.total > 0 };
  return { kind: 'open', clientOpen: open.clientOpen, firmOpen };
}

export function taskPageView(
  task: PortalTask,
  ctx: { t: Translate; trademark: string; locale: string; timezone: string; today: string; checklistRequired: boolean },
): Omit<TaskPageProps, 'shell' | 'error' | 'attachments' | 'messages'> {
  const { t, locale } = ctx;
  const sections: SectionView[] = task.sections.map((s) => ({
    id: s.id,
    owner: s.owner,
    title: s.title,
    items: s.items.map((i) => ({ id: i.id, text: i.text, done: i.done, doneByName: i.doneByName })),
  }));
  const completion = completionState(task, openCounts(sections), ctx.checklistRequired, locale, ctx.timezone);
  const status = task.status === 'done' ? t('task.statusClosed') : task.clientCompletedAt ? t('task.statusDoneByClient') : t('task.statusToDo');
  return {
    trademark: ctx.trademark,
    task: {
      id: task.id,
      title: task.title,
      note: task.note,
      assignedBy: task.assignedBy ?? ctx.trademark,
      assignedTo: task.assignedTo,
      start: task.startDate ? formatCalendarDate(task.startDate, locale) : null,
      due: task.due ? formatCalendarDate(task.due, locale) : null,
      overdue: task.status !== 'done' && !task.clientCompletedAt && isOverdue(task.due, ctx.today),
      status,
    },
    sections,
    interactive: task.assignAsTask && task.status !== 'done' && !task.clientCompletedAt,
    completion,
  };
}

