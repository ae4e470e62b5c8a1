// Every staff route, under /staff on the firm's host; all but sign-in need a staff session.
import { Hono } from 'hono';
import type { AppEnv } from '../../app-env.ts';
import { requireStaff } from '../../auth/guards.tsx';
import { auditRoutes } from './audit.tsx';
import { clientBulkRoutes } from './clients-bulk.tsx';
import { clientRoutes } from './clients.tsx';
import { contactRoutes } from './contacts.tsx';
import { dashboardRoutes } from './dashboard.tsx';
import { staffLoginRoutes } from './login.tsx';
import { settingsRoutes } from './settings.ts';
import { staffTaskFileRoutes } from './task-files.tsx';
import { staffTaskRoutes } from './tasks.tsx';
import { teamRoutes } from './team.tsx';

export const staffRoutes = new Hono<AppEnv>();
staffRoutes.route('/', staffLoginRoutes);
staffRoutes.use('*', requireStaff);
staffRoutes.route('/', dashboardRoutes);
staffRoutes.route('/', clientBulkRoutes);
staffRoutes.route('/', clientRoutes);
staffRoutes.route('/', contactRoutes);
staffRoutes.route('/', teamRoutes);
staffRoutes.route('/', settingsRoutes);
staffRoutes.route('/', auditRoutes);
staffRoutes.route('/tasks', staffTaskFileRoutes);
staffRoutes.route('/tasks', staffTaskRoutes);
