// Calendar-date arithmetic for tasks: the client-facing due date, overdue, "this week", and recurrence.
import type { Recurrence } from '../db/database.ts';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().slice(0, 10) === value;
}

function toUtc(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

function fromUtc(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  const date = toUtc(iso);
  date.setUTCDate(date.getUTCDate() + days);
  return fromUtc(date);
}

/** Adds months, keeping the day of the month where the target month has it (Jan 31 + 1 = Feb 28). */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, lastDay));
  return fromUtc(first);
}

/** The due date the client sees: `offset` days before the real one, never before the start date. */
export function clientDueDate(due: string | null, start: string | null, offsetDays: number): string | null {
  if (!due) return null;
  const shifted = addDays(due, -offsetDays);
  return start && shifted < start ? start : shifted;
}

export function isOverdue(due: string | null, today: string): boolean {
  return due !== null && due < today;
}

/** Monday to Sunday of the week holding `today`. */
export function weekOf(today: string): { from: string; to: string } {
  const weekday = (toUtc(today).getUTCDay() + 6) % 7;
  const from = addDays(today, -weekday);
  return { from, to: addDays(from, 6) };
}

/** The date of occurrence `n` of a series whose first occurrence fell on `anchor`. */
export function occurrenceDate(anchor: string, recurrence: Recurrence, n: number): string {
  switch (recurrence) {
    case 'weekly':
      return addDays(anchor, 7 * n);
    case 'monthly':
      return addMonths(anchor, n);
    case 'quarterly':
      return addMonths(anchor, 3 * n);
    case 'yearly':
      return addMonths(anchor, 12 * n);
    default:
      return anchor;
  }
}
