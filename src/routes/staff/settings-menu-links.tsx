// /staff/settings/portal/menu-links: the elite plan's custom portal navigation links, stored on the firm row.
import { Hono } from 'hono';
import type { AppEnv } from '../../app-env.ts';
import { currentActor } from '../../auth/request-info.ts';
import { recordAudit } from '../../db/queries/audit.ts';
import { saveMenuLinks } from '../../db/queries/firm-settings.ts';
import type { MenuLink } from '../../db/database.ts';
import { renderPage, redirectAfterPost } from '../../render.tsx';
import { readForm } from '../../validation.ts';
import { MAX_MENU_LINKS, MenuLinksPage, rowsFromLinks, type MenuLinkRow } from '../../views/staff/settings/menu-links.tsx';
import { formString, isChecked } from './helpers.tsx';
import { staffShell } from './shell.ts';

export const menuLinkRoutes = new Hono<AppEnv>();

/** https: (with a host) or mailto: (with an address); anything else, javascript: above all, is refused. */
export function menuLinkUrlProblem(raw: string): string | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'Enter a full address starting with https:// or mailto:.';
  }
  if (url.protocol === 'https:') return url.hostname ? undefined : 'Enter a full address, like https://example.com.';
  if (url.protocol === 'mailto:') return /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(decodeURIComponent(url.pathname)) ? undefined : 'Enter an e-mail address after mailto:, like mailto:office@example.com.';
  return 'Only https: and mailto: addresses are allowed.';
}

menuLinkRoutes.get('/settings/portal/menu-links', (c) => {
  const firm = c.get('firm');
  return renderPage(
    c,
    <MenuLinksPage shell={staffShell(c, 'settings')} role={c.get('staff').scope.role} elite={firm.plan === 'elite'} rows={rowsFromLinks(firm.menu_links ?? [])} notice={c.req.query('m') === 'saved' ? 'Menu links saved.' : undefined} />,
  );
});

menuLinkRoutes.post('/settings/portal/menu-links', async (c) => {
  const firm = c.get('firm');
  const form = await readForm(c);
  const elite = firm.plan === 'elite';
  const rows: (MenuLinkRow & { n: number })[] = [];
  for (let n = 1; n <= MAX_MENU_LINKS; n++) {
    rows.push({ n, label: formString(form, `label_${n}`).trim(), url: formString(form, `url_${n}`).trim(), newTab: isChecked(form, `newtab_${n}`), order: formString(form, `order_${n}`).trim() });
  }
  const errors: Record<string, string> = {};
  const used = rows.filter((r) => r.label || r.url);
  for (const r of used) {
    if (!r.label) errors[`label_${r.n}`] = `Link ${r.n}: enter a label.`;
    else if (r.label.length > 40) errors[`label_${r.n}`] = `Link ${r.n}: use at most 40 characters.`;
    if (!r.url) errors[`url_${r.n}`] = `Link ${r.n}: enter an address.`;
    else if (r.url.length > 500) errors[`url_${r.n}`] = `Link ${r.n}: the address is too long.`;
    else {
      const problem = menuLinkUrlProblem(r.url);
      if (problem) errors[`url_${r.n}`] = `Link ${r.n}: ${problem}`;
    }
    if (r.order && !/^\d{1,2}$/.test(r.order)) errors[`order_${r.n}`] = `Link ${r.n}: the order is a number from 1 to 99.`;
  }
  if (!elite) errors.label_1 ??= 'Menu links need the Elite plan.';
  if (Object.keys(errors).length > 0) {
    return renderPage(c, <MenuLinksPage shell={staffShell(c, 'settings')} role={c.get('staff').scope.role} elite={elite} rows={rows} errors={errors} />, elite ? 422 : 403);
  }
  const links: MenuLink[] = used
    .map((r) => ({ r, order: r.order ? Number(r.order) : r.n }))
    .sort((a, b) => a.order - b.order || a.r.n - b.r.n)
    .map(({ r }) => ({ label: r.label, url: r.url, newTab: r.newTab }));
  const { db, clock } = c.get('deps');
  const now = clock.now();
  await db.transaction().execute(async (trx) => {
    await saveMenuLinks(trx, firm.id, links);
    await recordAudit(trx, firm.id, currentActor(c), { action: 'firm.menu_links_changed', subjectType: 'firm', subjectId: firm.id, detail: { count: links.length } }, now);
  });
  return redirectAfterPost(c, '/staff/settings/portal/menu-links?m=saved');
});
