// Every client-facing route of a firm's portal host.
import { Hono } from 'hono';
import type { AppEnv } from '../../app-env.ts';
import { homeRoutes } from './home.tsx';
import { loginRoutes } from './login.tsx';
import { sessionRoutes } from './session.tsx';
import { taskRoutes } from './tasks.tsx';
import { welcomeRoutes } from './welcome.tsx';

export const portalRoutes = new Hono<AppEnv>();
portalRoutes.route('/', loginRoutes);
portalRoutes.route('/', sessionRoutes);
portalRoutes.route('/', homeRoutes);
portalRoutes.route('/', taskRoutes);
portalRoutes.route('/', welcomeRoutes);
