// Every client-facing route of a firm's portal host.
import { Hono } from 'hono';
import type { AppEnv } from '../../app-env.ts';
import { homeRoutes } from './home.tsx';
import { loginRoutes } from './login.tsx';
import { sessionRoutes } from './session.tsx';
import { settingsRoutes } from './settings.tsx';
import { taskRoutes } from './tasks.tsx';
import { welcomeRoutes } from './welcome.tsx';
import { portalFileRoutes } from './files.tsx';

export const portalRoutes = new Hono<AppEnv>();
portalRoutes.route('/', loginRoutes);
portalRoutes.route('/', sessionRoutes);
portalRoutes.route('/', settingsRoutes);
portalRoutes.route('/', homeRoutes);
portalRoutes.route('/', taskRoutes);
portalRoutes.route('/', welcomeRoutes);
portalRoutes.route('/', portalFileRoutes);
