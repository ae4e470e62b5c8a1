// GET / : the portal home (tasks to do, completed tasks 10 at a time, search). One URL, two sizes:
// an htmx "Show more" gets only the next slice of completed tasks.
import { Hono } from 'hono';
import type { AppEnv } from '../../app-env.ts';
import type { Context } from 'hono';
import { portalPageGuard } from '../../auth/guards.tsx';
import { COMPLETED_PAGE_SIZE, homeTasksPage } from '../../db/queries/portal-tasks.ts';
import { formatDate, todayIn } from '../../format.ts';
import { isHtmx, renderFragment, renderPage } from '../../render.tsx';
import { CompletedItems, HomePage } from '../../views/portal/home.tsx';
import { portalShell } from './shell.ts';
import { completedView, todoView } from './tasks-models.ts';
import { welcomeRedirect } from './welcome.tsx';

export const homeRoutes = new Hono<AppEnv>();

const MAX_COMPLETED = 1000;

function completedParam(value: string | undefined): number | undefined {
  if (!value || !/^\d{1,4}$/.test(value)) return undefined;
  const n = Math.ceil(Number(value) / COMPLETED_PAGE_SIZE) * COMPLETED_PAGE_SIZE;
  return Math.min(Math.max(n, COMPLETED_PAGE_SIZE), MAX_COMPLETED);
}

function moreHref(shown: number, q: string): string {
  const params = new URLSearchParams();
  if (q) params.set('q', q);
  params.set('completed', String(shown + COMPLETED_PAGE_SIZE));
  return `/?${params}`;
}

/** What the address asks for: the search, how many completed tasks to show, and whether htmx wants one slice. */
function homeRequest(c: Context<AppEnv>) {
  const q = (c.req.query('q') ?? '').trim().slice(0, 100);
  const requested = completedParam(c.req.query('completed'));
  const shown = requested ?? COMPLETED_PAGE_SIZE;
  const slice = isHtmx(c) && requested !== undefined;
  // One row more than shown tells whether there is more.
  return { q, requested, shown, slice, from: slice ? shown - COMPLETED_PAGE_SIZE : 0, count: (slice ? COMPLETED_PAGE_SIZE : shown) + 1 };
}

const home = portalPageGuard((c) => {
  const r = homeRequest(c);
  return homeTasksPage({ q: r.q, completedFrom: r.from, completedCount: r.count });
});

homeRoutes.get(
  '/',
  home.guard,
  async (c) => {
    const portal = c.get('portal');
    const firm = c.get('firm');
    const { clock } = c.get('deps');
    const t = c.get('t');
    const now = clock.now();
    const { regional_format: locale, timezone } = portal.user;
    const { q, requested, shown, slice } = homeRequest(c);
    const { todo, completed } = home.data(c)!;

    // "Show more" by htmx: only the next slice, and the next "Show more" row.
    if (slice) {
      const more = completed.length > COMPLETED_PAGE_SIZE && shown < MAX_COMPLETED;
      const items = completed.slice(0, COMPLETED_PAGE_SIZE).map((row) => completedView(row, locale, timezone));
      return renderFragment(c, <CompletedItems items={items} moreHref={more ? moreHref(shown, q) : undefined} focusFirst t={t} />);
    }

    // Staff settings area: a contact's first visit shows the firm's welcome video once.
    const welcome = welcomeRedirect(c);
    if (welcome) return welcome;
    const today = todayIn(now, timezone);
    const more = completed.length > shown && shown < MAX_COMPLETED;
    const firstName = portal.user.first_name || portal.contact.first_name || portal.user.email;
    return renderPage(
      c,
      <HomePage
        shell={portalShell(c, 'home')}
        firstName={firstName}
        today={formatDate(now, locale, timezone, 'full')}
        signing={firm.plan === 'elite' && firm.esign_enabled ? {} : undefined}
        q={q}
        todo={todo.map((row) => todoView(row, locale, today))}
        completed={completed.slice(0, shown).map((row) => completedView(row, locale, timezone))}
        completedTotal={completed[0]?.total ?? 0}
        moreHref={more ? moreHref(shown, q) : undefined}
        completedOpen={requested !== undefined}
      />,
    );
  },
);
