// Task mail: a task shared with a client (one, or a daily digest of several) and a client's completion, for staff.
import { formatCalendarDate } from '../../format.ts';
import type { Language } from '../../i18n/index.ts';
import { frame, type MailContext, type RenderedMail } from './layout.ts';

const locales: Record<Language, string> = { en: 'en-GB', et: 'et-EE', de: 'de-DE' };

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function dueLine(ctx: MailContext, due: unknown): string[] {
  return typeof due === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(due) ? [ctx.t('mail.taskShared.due', { date: formatCalendarDate(due, locales[ctx.language]) })] : [];
}

export interface TaskSharedPayload {
  title: string;
  url: string;
  due: string | null;
}

export function taskShared(ctx: MailContext, p: TaskSharedPayload): Promise<RenderedMail> {
  const trademark = ctx.firm.trademark;
  const title = text(p.title);
  return frame(ctx, {
    subject: ctx.t('mail.taskShared.subject', { trademark, title }),
    paragraphs: [ctx.t('mail.taskShared.intro', { trademark, title }), ...dueLine(ctx, p.due)],
    action: { label: ctx.t('mail.taskShared.action'), url: text(p.url) },
  });
}

export function taskDigest(ctx: MailContext, p: { tasks?: TaskSharedPayload[] }): Promise<RenderedMail> {
  const trademark = ctx.firm.trademark;
  const tasks = Array.isArray(p.tasks) ? p.tasks : [];
  if (tasks.length === 1) return taskShared(ctx, tasks[0]);
  const lines = tasks.map((task) => {
    const due = dueLine(ctx, task.due);
    return `${text(task.title)}${due.length ? ` (${due[0]})` : ''}\n${text(task.url)}`;
  });
  const home = tasks[0] ? new URL(text(tasks[0].url)).origin + '/' : '';
  return frame(ctx, {
    subject: ctx.t('mail.taskDigest.subject', { trademark }),
    paragraphs: [ctx.t('mail.taskDigest.intro', { trademark }), ...lines],
    action: home ? { label: ctx.t('mail.taskDigest.action'), url: home } : undefined,
  });
}

export function taskClientCompleted(ctx: MailContext, p: { title: string; clientName: string; contactName: string; url: string }): Promise<RenderedMail> {
  const values = { title: text(p.title), client: text(p.clientName), contact: text(p.contactName) || text(p.clientName) };
  return frame(ctx, {
    subject: ctx.t('mail.taskCompleted.subject', values),
    paragraphs: [ctx.t('mail.taskCompleted.intro', values), ctx.t('mail.taskCompleted.next')],
    action: { label: ctx.t('mail.taskCompleted.action'), url: text(p.url) },
  });
}
