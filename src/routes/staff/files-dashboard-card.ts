// The staff dashboard card "New uploads since yesterday": files clients uploaded since the start of yesterday.
import { listRecentClientUploads } from '../../db/queries/file-reports.ts';
import { formatFileSize } from '../../files/presenter.ts';
import { todayIn } from '../../format.ts';
import { addDays } from '../../tasks/dates.ts';
import { STAFF_LOCALE, STAFF_TIMEZONE, staffDateTime } from '../../views/staff/components.tsx';
import type { DashboardCardSource } from './dashboard-cards.ts';

/** How far a time zone is ahead of UTC at an instant, in ms. */
function zoneOffset(at: Date, timeZone: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
      .formatToParts(at)
      .map((p) => [p.type, Number(p.value)]),
  );
  return Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second) - Math.floor(at.getTime() / 1000) * 1000;
}

/** Midnight at the start of yesterday in a time zone, as an instant. */
export function startOfYesterday(now: Date, timeZone: string): Date {
  const day = addDays(todayIn(now, timeZone), -1);
  const guess = Date.parse(`${day}T00:00:00Z`);
  const first = guess - zoneOffset(new Date(guess), timeZone);
  return new Date(guess - zoneOffset(new Date(first), timeZone));
}

const stateNote: Record<string, string> = { pending: ', being checked', infected: ', quarantined', clean: '' };

export const newUploadsSinceYesterday: DashboardCardSource = async (c) => {
  const since = startOfYesterday(c.get('deps').clock.now(), STAFF_TIMEZONE);
  const { total, files } = await listRecentClientUploads(c.get('deps').db, c.get('firm').id, since);
  return {
    id: 'new-uploads',
    title: 'New uploads since yesterday',
    count: total,
    items: files.map((f) => ({
      href: `/staff/tasks/${f.taskId}#file-${f.id}`,
      text: f.name,
      meta: `${f.clientName}, ${f.taskTitle}: ${formatFileSize(f.size, STAFF_LOCALE)} from ${f.uploadedByName}, ${staffDateTime(f.createdAt)}${stateNote[f.scanStatus] ?? ''}`,
    })),
    empty: 'No client has uploaded a file since yesterday.',
  };
};
