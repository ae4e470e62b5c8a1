// Staff-facing names for task states and settings.
import type { BillingSetting, Recurrence, TaskStatus } from '../../../db/database.ts';

export const statusLabels: Record<TaskStatus, string> = { open: 'Open', in_progress: 'In progress', done: 'Done' };

export const recurrenceLabels: Record<Recurrence, string> = {
  none: 'Does not repeat',
  weekly: 'Every week',
  monthly: 'Every month',
  quarterly: 'Every quarter',
  yearly: 'Every year',
};

export const billingLabels: Record<BillingSetting, string> = {
  none: 'Never',
  start: 'On the start date',
  due: 'On the due date',
  finish: 'When the task is finished',
  custom: 'On a custom date',
};

export function offsetLabel(days: number): string {
  if (days === 0) return 'Same as the due date';
  return days === 1 ? '1 day earlier' : `${days} days earlier`;
}
