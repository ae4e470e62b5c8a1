// GET/POST /settings: the portal user's profile, language, time zone, regional format and notification timing.
import { Hono, type Context } from 'hono';
import * as v from 'valibot';
import type { AppEnv } from '../../app-env.ts';
import { requirePortal } from '../../auth/guards.tsx';
import { currentActor } from '../../auth/request-info.ts';
import { recordAudit } from '../../db/queries/audit.ts';
import { updatePortalUserSettings } from '../../db/queries/portal-users.ts';
import { formatDate } from '../../format.ts';
import { languages, translator, type Translate } from '../../i18n/index.ts';
import { renderPage } from '../../render.tsx';
import { parseWith, readForm } from '../../validation.ts';
import { SettingsPage, type SettingsOptions, type SettingsValues } from '../../views/portal/settings.tsx';
import { portalShell } from './shell.ts';

export const settingsRoutes = new Hono<AppEnv>();

const timezones = Intl.supportedValuesOf('timeZone');
const regionalFormats = ['en-GB', 'en-US', 'et-EE', 'de-DE', 'de-AT', 'de-CH', 'fi-FI', 'sv-SE', 'lv-LV', 'lt-LT', 'fr-FR', 'nl-NL', 'pl-PL'];
const timings = ['instant', 'morning', 'afternoon', 'evening', 'off'] as const;
const sample = new Date(Date.UTC(2026, 11, 31, 12));

function options(t: Translate): SettingsOptions {
  return {
    languages: languages.map((l) => ({ value: l, label: translator(l)('lang.name') })),
    timezones: timezones.map((z) => ({ value: z, label: z.replace(/_/g, ' ') })),
    formats: regionalFormats.map((f) => ({
      value: f,
      label: `${new Intl.DisplayNames([f], { type: 'language' }).of(f) ?? f}: ${formatDate(sample, f, 'UTC', 'short')}, ${new Intl.NumberFormat(f).format(1234.5)}`,
    })),
    timings: timings.map((x) => ({ value: x, label: t(`settings.timing.${x}`) })),
  };
}

function schema(t: Translate) {
  const choice = (list: readonly string[]) => v.picklist(list, t('settings.choose'));
  return v.object({
    firstName: v.pipe(v.string(), v.trim(), v.nonEmpty(t('settings.firstNameRequired')), v.maxLength(80, t('settings.tooLong'))),
    lastName: v.pipe(v.string(), v.trim(), v.maxLength(80, t('settings.tooLong'))),
    phone: v.pipe(v.string(), v.trim(), v.maxLength(40, t('settings.tooLong')), v.regex(/^[0-9 +()./-]*$/, t('settings.phoneInvalid'))),
    language: choice(languages),
    timezone: choice(timezones),
    regionalFormat: choice(regionalFormats),
    notifyTiming: choice(timings),
  });
}

function currentValues(c: Context<AppEnv>): SettingsValues {
  const { user } = c.get('portal');
  return {
    firstName: user.first_name,
    lastName: user.last_name,
    phone: user.phone,
    email: user.email,
    language: c.get('language'),
    timezone: user.timezone,
    regionalFormat: user.regional_format,
    notifyTiming: user.notify_timing,
  };
}

settingsRoutes.get('/settings', requirePortal, (c) =>
  renderPage(c, <SettingsPage shell={portalShell(c, 'settings')} values={currentValues(c)} options={options(c.get('t'))} saved={c.req.query('saved') === '1'} />),
);

settingsRoutes.post('/settings', requirePortal, async (c) => {
  const { db, clock } = c.get('deps');
  const portal = c.get('portal');
  const t = c.get('t');
  const form = await readForm(c);
  const parsed = parseWith(schema(t), { lastName: '', phone: '', ...form });
  if (!parsed.ok) {
    const values = { ...currentValues(c), ...parsed.input, email: portal.user.email };
    return renderPage(c, <SettingsPage shell={portalShell(c, 'settings')} values={values} options={options(t)} errors={parsed.errors} />, 422);
  }
  await db.transaction().execute(async (trx) => {
    await updatePortalUserSettings(trx, portal.user.id, parsed.value);
    await recordAudit(trx, portal.scope.firmId, currentActor(c), { action: 'portal.settings_changed', subjectType: 'portal_user', subjectId: portal.user.id }, clock.now());
  });
  // The new language applies at once: the next page is rendered in it.
  return c.redirect(`/settings?saved=1`, 303);
});
