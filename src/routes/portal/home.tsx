// GET / : the portal home.
import { Hono } from 'hono';
import type { AppEnv } from '../../app-env.ts';
import { requirePortal } from '../../auth/guards.tsx';
import { formatDate } from '../../format.ts';
import { renderPage } from '../../render.tsx';
import { HomePage } from '../../views/portal/home.tsx';
import { portalShell } from './shell.ts';

export const homeRoutes = new Hono<AppEnv>();

homeRoutes.get('/', requirePortal, (c) => {
  const portal = c.get('portal');
  const { clock } = c.get('deps');
  const today = formatDate(clock.now(), portal.user.regional_format, portal.user.timezone, 'full');
  const firstName = portal.user.first_name || portal.contact.first_name || portal.user.email;
  return renderPage(c, <HomePage shell={portalShell(c, 'home')} firstName={firstName} today={today} />);
});
