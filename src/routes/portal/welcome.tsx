// GET /welcome: the firm's welcome video, shown once on a contact's first visit and replayable from the account menu.
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../app-env.ts';
import { requirePortal } from '../../auth/guards.tsx';
import { isHtmx, renderPage } from '../../render.tsx';
import { PortalLayout } from '../../views/portal/layout.tsx';
import { portalShell } from './shell.ts';

export const welcomeRoutes = new Hono<AppEnv>();

/** For the home page: the first visit of a contact whose firm has a welcome video goes to /welcome, once. */
export function welcomeRedirect(c: Context<AppEnv>): Response | undefined {
  const firm = c.get('firm');
  const portal = c.get('portal');
  if (!firm.welcome_video_key || !portal || isHtmx(c)) return undefined;
  return portal.contact.welcome_seen_at ? undefined : c.redirect('/welcome', 303);
}

welcomeRoutes.get('/welcome', requirePortal, async (c) => {
  const firm = c.get('firm');
  const portal = c.get('portal');
  const t = c.get('t');
  const { db, clock } = c.get('deps');
  if (firm.welcome_video_key) {
    await db
      .updateTable('contacts')
      .set({ welcome_seen_at: clock.now() })
      .where('firm_id', '=', portal.scope.firmId)
      .where('id', '=', portal.scope.contactId)
      .where('welcome_seen_at', 'is', null)
      .execute();
  }
  const src = firm.welcome_video_key ? `/brand/video?v=${encodeURIComponent(firm.welcome_video_key)}` : undefined;
  return renderPage(
    c,
    <PortalLayout shell={portalShell(c, undefined)} title={t('welcome.title')}>
      <h1>{t('welcome.title')}</h1>
      {src ? (
        <>
          <p>{t('welcome.intro', { trademark: firm.trademark })}</p>
          <video class="welcome-video" controls preload="metadata" src={src} aria-label={t('welcome.menu')}>
            <p>
              {t('welcome.unsupported')} <a href={src}>{t('welcome.download')}</a>
            </p>
          </video>
        </>
      ) : (
        <p class="empty">{t('welcome.none')}</p>
      )}
      <p>
        <a class="button" href="/">
          {t('welcome.continue')}
        </a>
      </p>
    </PortalLayout>,
  );
});
