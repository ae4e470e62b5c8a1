// Small helpers shared by the staff route modules: id checks, 404 page, paging and notice parameters.
import type { Context } from 'hono';
import type { AppEnv } from '../../app-env.ts';
import { renderPage } from '../../render.tsx';
import { NotFoundPage } from '../../views/pages/simple.tsx';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids that are not UUIDs can never match (and would make PostgreSQL raise): treat them as unknown. */
export function isUuid(value: string | undefined): value is string {
  return typeof value === 'string' && UUID.test(value);
}

export function notFound(c: Context<AppEnv>): Promise<Response> {
  return renderPage(c, <NotFoundPage />, 404);
}

export function pageParam(c: Context<AppEnv>, name = 'page'): number {
  const n = Number.parseInt(c.req.query(name) ?? '1', 10);
  return Number.isFinite(n) && n > 0 ? Math.min(n, 100_000) : 1;
}

export function formString(form: Record<string, string | string[]>, name: string): string {
  const value = form[name];
  return typeof value === 'string' ? value : Array.isArray(value) ? (value[value.length - 1] ?? '') : '';
}

export function isChecked(form: Record<string, string | string[]>, name: string): boolean {
  const value = formString(form, name);
  return value === 'on' || value === 'true' || value === '1' || value === 'yes';
}
