// Parsing the staff task form and the Client Portal panel form: typed values, or one message per field.
import type { BillingSetting, Recurrence, TaskStatus } from '../../db/database.ts';
import type { TaskInput } from '../../db/queries/tasks.ts';
import { isIsoDate } from '../../tasks/dates.ts';
import type { TaskFormValues } from '../../views/staff/tasks/form.tsx';
import type { PortalFormValues } from '../../views/staff/tasks/portal-panel.tsx';

type Form = Record<string, string | string[]>;

function str(form: Form, name: string): string {
  const value = form[name];
  return (typeof value === 'string' ? value : Array.isArray(value) ? (value[value.length - 1] ?? '') : '').trim();
}

function list(form: Form, name: string): string[] {
  const value = form[name];
  return Array.isArray(value) ? value : typeof value === 'string' && value ? [value] : [];
}

const statuses: TaskStatus[] = ['open', 'in_progress', 'done'];
const recurrences: Recurrence[] = ['none', 'weekly', 'monthly', 'quarterly', 'yearly'];
const billings: BillingSetting[] = ['none', 'start', 'due', 'finish', 'custom'];

export function taskFormValues(form: Form): TaskFormValues {
  return {
    client: str(form, 'client'),
    title: str(form, 'title'),
    note: typeof form.note === 'string' ? form.note.replace(/\r\n/g, '\n').trimEnd() : '',
    start_date: str(form, 'start_date'),
    due_date: str(form, 'due_date'),
    status: str(form, 'status') || 'open',
    assignees: list(form, 'assignees'),
    recurrence: str(form, 'recurrence') || 'none',
    billing: str(form, 'billing') || 'none',
    billing_date: str(form, 'billing_date'),
  };
}

export type TaskFormResult = { ok: true; clientId: string; input: TaskInput } | { ok: false; errors: Record<string, string>; values: TaskFormValues };

export function parseTaskForm(form: Form, allowed: { clientIds?: Set<string>; memberIds: Set<string>; billingEnabled: boolean }): TaskFormResult {
  const v = taskFormValues(form);
  const errors: Record<string, string> = {};
  if (allowed.clientIds && !allowed.clientIds.has(v.client)) errors.client = 'Choose the client this task is for';
  if (!v.title) errors.title = 'Enter a title';
  else if (v.title.length > 200) errors.title = 'Keep the title to 200 characters or fewer';
  if (v.note.length > 10_000) errors.note = 'Keep the note to 10,000 characters or fewer';
  if (v.start_date && !isIsoDate(v.start_date)) errors.start_date = 'Enter a real date, like 2026-12-31';
  if (v.due_date && !isIsoDate(v.due_date)) errors.due_date = 'Enter a real date, like 2026-12-31';
  if (!errors.start_date && !errors.due_date && v.start_date && v.due_date && v.start_date > v.due_date) errors.due_date = 'The due date cannot be before the start date';
  if (!statuses.includes(v.status as TaskStatus)) errors.status = 'Choose a status';
  if (v.assignees.some((id) => !allowed.memberIds.has(id))) errors.assignees = 'Choose assignees from the list';
  if (!recurrences.includes(v.recurrence as Recurrence)) errors.recurrence = 'Choose how often the task repeats';
  else if (v.recurrence !== 'none' && !v.start_date && !v.due_date) errors.recurrence = 'A repeating task needs a start or due date to repeat from';
  const billing = allowed.billingEnabled ? v.billing : 'none';
  if (!billings.includes(billing as BillingSetting)) errors.billing = 'Choose when the task is billable';
  if (billing === 'custom') {
    if (!v.billing_date) errors.billing_date = 'Enter the billing date';
    else if (!isIsoDate(v.billing_date)) errors.billing_date = 'Enter a real date, like 2026-12-31';
  }
  if (Object.keys(errors).length) return { ok: false, errors, values: v };
  return {
    ok: true,
    clientId: v.client,
    input: {
      title: v.title,
      note: v.note,
      startDate: v.start_date || null,
      dueDate: v.due_date || null,
      status: v.status as TaskStatus,
      assigneeIds: [...new Set(v.assignees)],
      recurrence: v.recurrence as Recurrence,
      billing: billing as BillingSetting,
      billingDate: billing === 'custom' ? v.billing_date : null,
    },
  };
}

export function portalFormValues(form: Form): PortalFormValues {
  return {
    contacts: list(form, 'contacts'),
    assign_as_task: str(form, 'assign_as_task') === 'on',
    auto_finish: str(form, 'auto_finish') === 'on',
    due_offset_days: str(form, 'due_offset_days') || '0',
  };
}

export type PortalFormResult =
  | { ok: true; contactIds: string[]; assignAsTask: boolean; autoFinish: boolean; dueOffsetDays: number }
  | { ok: false; errors: Record<string, string>; values: PortalFormValues };

export function parsePortalForm(form: Form, eligibleContactIds: Set<string>): PortalFormResult {
  const v = portalFormValues(form);
  const errors: Record<string, string> = {};
  if (v.contacts.some((id) => !eligibleContactIds.has(id))) errors.contacts = 'Choose portal assignees among the contacts with portal access';
  if (v.auto_finish && v.contacts.length === 0) errors.auto_finish = 'Auto finish needs at least one portal assignee';
  const offset = /^[0-7]$/.test(v.due_offset_days) ? Number(v.due_offset_days) : NaN;
  if (Number.isNaN(offset)) errors.due_offset_days = 'Choose an offset from 0 to 7 days';
  if (Object.keys(errors).length) return { ok: false, errors, values: v };
  return { ok: true, contactIds: [...new Set(v.contacts)], assignAsTask: v.assign_as_task, autoFinish: v.auto_finish, dueOffsetDays: offset };
}
