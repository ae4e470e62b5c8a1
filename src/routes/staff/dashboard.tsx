// GET /staff : what needs attention, as cards collected from small functions (see dashboard-cards.ts).
import { Hono } from 'hono';
import type { AppEnv } from '../../app-env.ts';
import { renderPage } from '../../render.tsx';
import { DashboardPage, type DashboardCardData } from '../../views/staff/dashboard.tsx';
import { dashboardCards } from './dashboard-cards.ts';
import { staffShell } from './shell.ts';

export const dashboardRoutes = new Hono<AppEnv>();

dashboardRoutes.get('/', async (c) => {
  // One card at a time: the embedded database has a single connection anyway, and order stays stable.
  const cards: DashboardCardData[] = [];
  for (const source of dashboardCards) {
    const card = await source(c);
    if (card) cards.push(card);
  }
  return renderPage(c, <DashboardPage shell={staffShell(c, 'dashboard')} cards={cards} />);
});
