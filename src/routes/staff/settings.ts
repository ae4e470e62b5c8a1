// Every /staff/settings screen, behind one guard: owners and admins only (the plan page narrows it to the owner).
import { Hono } from 'hono';
import type { AppEnv } from '../../app-env.ts';
import { requireRole } from '../../auth/guards.tsx';
import { mediaSettingsRoutes } from './settings-media.tsx';
import { portalSettingsRoutes } from './settings-portal.tsx';

export const settingsRoutes = new Hono<AppEnv>();
settingsRoutes.use('/settings', requireRole('owner', 'admin'));
settingsRoutes.use('/settings/*', requireRole('owner', 'admin'));
settingsRoutes.route('/', portalSettingsRoutes);
settingsRoutes.route('/', mediaSettingsRoutes);
