// Every /staff/settings screen, behind one guard: owners and admins only (the plan page narrows it to the owner).
import { Hono } from 'hono';
import type { AppEnv } from '../../app-env.ts';
import { requireRole } from '../../auth/guards.tsx';
import { mediaSettingsRoutes } from './settings-media.tsx';
import { menuLinkRoutes } from './settings-menu-links.tsx';
import { planRoutes } from './settings-plan.tsx';
import { portalSettingsRoutes } from './settings-portal.tsx';
import { previewRoutes } from './settings-preview.tsx';
import { templateRoutes } from './settings-templates.tsx';

export const settingsRoutes = new Hono<AppEnv>();
settingsRoutes.use('/settings', requireRole('owner', 'admin'));
settingsRoutes.use('/settings/*', requireRole('owner', 'admin'));
settingsRoutes.route('/', portalSettingsRoutes);
settingsRoutes.route('/', mediaSettingsRoutes);
settingsRoutes.route('/', templateRoutes);
settingsRoutes.route('/', menuLinkRoutes);
settingsRoutes.route('/', previewRoutes);
settingsRoutes.route('/', planRoutes);
