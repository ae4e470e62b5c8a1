// GET /staff : what needs attention.
import { Hono } from 'hono';
import type { AppEnv } from '../../app-env.ts';
import { renderPage } from '../../render.tsx';
import { StaffLayout } from '../../views/staff/layout.tsx';
import { staffShell } from './shell.ts';

export const dashboardRoutes = new Hono<AppEnv>();

dashboardRoutes.get('/', (c) =>
  renderPage(
    c,
    <StaffLayout shell={staffShell(c, 'dashboard')} title="Dashboard">
      <h1>Dashboard</h1>
    </StaffLayout>,
  ),
);
