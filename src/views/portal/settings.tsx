// The portal user's settings: profile, regional preferences, notification timing.
import type { FieldErrors } from '../components/form.tsx';
import { ErrorSummary, Notice, SelectField, TextField } from '../components/form.tsx';
import { PortalLayout, type PortalShell } from './layout.tsx';

export interface SettingsValues {
  firstName: string;
  lastName: string;
  phone: string;
  email: string;
  language: string;
  timezone: string;
  regionalFormat: string;
  notifyTiming: string;
}

export interface SettingsOptions {
  languages: { value: string; label: string }[];
  timezones: { value: string; label: string }[];
  formats: { value: string; label: string }[];
  timings: { value: string; label: string }[];
}

export function SettingsPage({ shell, values, options, errors = {}, saved }: { shell: PortalShell; values: SettingsValues; options: SettingsOptions; errors?: FieldErrors; saved?: boolean }) {
  const { t } = shell;
  return (
    <PortalLayout shell={shell} title={t('settings.title')}>
      <h1>{t('settings.title')}</h1>
      {saved && <Notice kind="success">{t('settings.saved')}</Notice>}
      <form method="post" action="/settings" novalidate>
        <ErrorSummary errors={errors} title={t('common.error')} />
        <fieldset class="card">
          <legend>{t('settings.profile')}</legend>
          <TextField name="firstName" label={t('settings.firstName')} value={values.firstName} error={errors.firstName} autocomplete="given-name" maxlength={80} required />
          <TextField name="lastName" label={t('settings.lastName')} value={values.lastName} error={errors.lastName} autocomplete="family-name" maxlength={80} />
          <TextField name="phone" type="tel" label={t('settings.phone')} value={values.phone} error={errors.phone} autocomplete="tel" maxlength={40} />
          <TextField name="email" type="email" label={t('settings.email')} hint={t('settings.emailHint')} value={values.email} readonly />
        </fieldset>
        <fieldset class="card">
          <legend>{t('settings.regional')}</legend>
          <SelectField name="language" label={t('settings.language')} value={values.language} options={options.languages} error={errors.language} />
          <SelectField name="timezone" label={t('settings.timezone')} value={values.timezone} options={options.timezones} error={errors.timezone} />
          <SelectField name="regionalFormat" label={t('settings.format')} hint={t('settings.formatHint')} value={values.regionalFormat} options={options.formats} error={errors.regionalFormat} />
        </fieldset>
        <fieldset class="card">
          <legend>{t('settings.notifications')}</legend>
          <SelectField name="notifyTiming" label={t('settings.timing')} hint={t('settings.timingHint')} value={values.notifyTiming} options={options.timings} error={errors.notifyTiming} />
        </fieldset>
        <button type="submit">{t('common.save')}</button>
      </form>
    </PortalLayout>
  );
}
