// /staff/settings/portal/preview: the portal home in the firm's branding and chosen language, with a sample task.
import { Hono } from 'hono';
import type { AppEnv } from '../../app-env.ts';
import { formatCalendarDate, formatDate } from '../../format.ts';
import { listIntroTemplates } from '../../db/queries/intro-templates.ts';
import { renderPage } from '../../render.tsx';
import { PreviewPage } from '../../views/staff/settings/preview.tsx';
import { languageOptions } from '../../views/staff/settings/portal-sections.tsx';
import { firmBrand, portalNav } from '../portal/shell.ts';

export const previewRoutes = new Hono<AppEnv>();

const locales: Record<string, string> = { en: 'en-GB', et: 'et-EE', de: 'de-DE' };

previewRoutes.get('/settings/portal/preview', async (c) => {
  const { db, clock } = c.get('deps');
  const firm = c.get('firm');
  const language = c.get('language');
  const t = c.get('t');
  const now = clock.now();
  const locale = locales[language] ?? 'en-GB';
  const intro = (await listIntroTemplates(db, firm.id)).find((x) => x.language === language);
  const due = new Date(now.getTime() + 7 * 86_400_000).toISOString().slice(0, 10);
  const shell = { lang: language, t, brand: firmBrand(firm), nav: portalNav(c, 'home') };
  return renderPage(
    c,
    <PreviewPage
      shell={shell}
      firstName={c.get('staff').member.first_name || 'Alex'}
      today={formatDate(now, locale, 'Europe/Tallinn', 'full')}
      sampleTitle={intro?.title ?? t('preview.sampleTask')}
      sampleNote={intro?.note || t('preview.sampleNote')}
      sampleDue={t('preview.due', { date: formatCalendarDate(due, locale) })}
      languages={languageOptions.map((l) => ({ ...l, current: l.value === language }))}
    />,
  );
});
