// The dashboard card "Tasks completed by clients": client completions waiting for the firm to close the task.
import { listClientCompletedTasks } from '../../db/queries/tasks.ts';
import { staffDateTime } from '../../views/staff/components.tsx';
import type { DashboardCardSource } from './dashboard-cards.ts';

export const tasksCompletedByClients: DashboardCardSource = async (c) => {
  const { count, rows } = await listClientCompletedTasks(c.get('deps').db, c.get('firm').id);
  return {
    id: 'tasks-completed-by-clients',
    title: 'Tasks completed by clients',
    count,
    items: rows.map((r) => ({ href: `/staff/tasks/${r.id}`, text: r.title, meta: `${r.clientName}, ${staffDateTime(r.completedAt)}` })),
    empty: 'No client completions waiting for you.',
  };
};
