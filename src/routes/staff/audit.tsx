// /staff/audit (owners and admins): the firm's audit log, filtered by action, actor and dates, and as CSV.
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../app-env.ts';
import { requireRole } from '../../auth/guards.tsx';
import { currentActor } from '../../auth/request-info.ts';
import { exportAuditEvents, listAuditActions, listAuditEvents, type AuditFilter } from '../../db/queries/audit-log.ts';
import { recordAudit } from '../../db/queries/audit.ts';
import { renderPage } from '../../render.tsx';
import { AuditPage, type AuditFilterValues } from '../../views/staff/audit.tsx';
import { pageParam } from './helpers.tsx';
import { staffShell } from './shell.ts';

export const auditRoutes = new Hono<AppEnv>();
auditRoutes.use('/audit', requireRole('owner', 'admin'));
auditRoutes.use('/audit.csv', requireRole('owner', 'admin'));

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Dates are days in the firm's zone, approximated as UTC days (the log shows exact times). */
function readFilter(c: Context<AppEnv>): { values: AuditFilterValues; filter: AuditFilter; errors: Record<string, string> } {
  const values = { action: (c.req.query('action') ?? '').slice(0, 100), actor: (c.req.query('actor') ?? '').trim().slice(0, 254), from: c.req.query('from') ?? '', to: c.req.query('to') ?? '' };
  const errors: Record<string, string> = {};
  const filter: AuditFilter = { action: values.action || undefined, actor: values.actor || undefined };
  if (values.from) {
    if (DATE.test(values.from) && !Number.isNaN(Date.parse(values.from))) filter.from = new Date(`${values.from}T00:00:00Z`);
    else errors.from = 'Enter a date like 2026-11-30.';
  }
  if (values.to) {
    if (DATE.test(values.to) && !Number.isNaN(Date.parse(values.to))) filter.to = new Date(Date.parse(`${values.to}T00:00:00Z`) + 86_400_000);
    else errors.to = 'Enter a date like 2026-11-30.';
  }
  if (filter.from && filter.to && filter.from >= filter.to) errors.to = 'The end date must be on or after the start date.';
  return { values, filter, errors };
}

auditRoutes.get('/audit', async (c) => {
  const { db } = c.get('deps');
  const firm = c.get('firm');
  const { values, filter, errors } = readFilter(c);
  const failed = Object.keys(errors).length > 0;
  const list = failed ? { items: [], total: 0, page: 1, pages: 1 } : await listAuditEvents(db, firm.id, filter, pageParam(c));
  const actions = await listAuditActions(db, firm.id);
  return renderPage(c, <AuditPage shell={staffShell(c, 'audit')} role={c.get('staff').scope.role} filter={values} actions={actions} {...list} errors={errors} />, failed ? 422 : 200);
});

function csvCell(value: unknown): string {
  let text = value instanceof Date ? value.toISOString() : value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
  // Spreadsheet formula injection: a cell must not start with = + - @ (or tab/CR).
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

auditRoutes.get('/audit.csv', async (c) => {
  const { db, clock } = c.get('deps');
  const firm = c.get('firm');
  const { filter, errors } = readFilter(c);
  if (Object.keys(errors).length > 0) return c.text(Object.values(errors).join('\n'), 422);
  const rows = await exportAuditEvents(db, firm.id, filter);
  const header = ['at', 'actor_type', 'actor_email', 'actor_id', 'action', 'subject_type', 'subject_id', 'detail', 'ip', 'user_agent'];
  const lines = [header.join(','), ...rows.map((r) => header.map((h) => csvCell((r as Record<string, unknown>)[h])).join(','))];
  await recordAudit(db, firm.id, currentActor(c), { action: 'audit.exported', detail: { rows: rows.length } }, clock.now());
  const stamp = clock.now().toISOString().slice(0, 10);
  return c.body(`\uFEFF${lines.join('\r\n')}\r\n`, 200, {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="audit-${firm.slug}-${stamp}.csv"`,
    'Cache-Control': 'no-store',
  });
});
