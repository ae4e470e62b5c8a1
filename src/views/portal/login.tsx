// The branded client login page, the link confirm page and the bad-link pages.
import type { Translate } from '../../i18n/index.ts';
import { ErrorSummary, Notice, TextField } from '../components/form.tsx';
import { PortalLayout, type PortalShell } from './layout.tsx';

export interface LoginBranding {
  trademark: string;
  description: string;
}

export function LoginForm({ t, email, error, action = '/login', submitLabel }: { t: Translate; email?: string; error?: string; action?: string; submitLabel?: string }) {
  return (
    <form method="post" action={action} class="login-box" novalidate>
      <ErrorSummary errors={{ email: error }} title={t('common.error')} />
      <TextField name="email" type="email" label={t('login.email')} hint={t('login.emailHint')} value={email} error={error} autocomplete="email" required />
      <button type="submit">{submitLabel ?? t('login.submit')}</button>
    </form>
  );
}

export type LoginNotice = 'sent' | 'rate-limited' | 'revoked' | 'signed-out';

export function LoginPage(props: { shell: PortalShell; branding: LoginBranding; email?: string; error?: string; notice?: LoginNotice; action?: string }) {
  const { t } = props.shell;
  return (
    <PortalLayout shell={props.shell} title={t('login.title')}>
      <div class="narrow">
        <div class="login-brand">
          <h1>{props.branding.trademark}</h1>
          {props.branding.description && <p class="lead">{props.branding.description}</p>}
        </div>
        {props.notice === 'sent' && <Notice kind="success">{t('login.sent')}</Notice>}
        {props.notice === 'rate-limited' && <Notice kind="warning">{t('login.rateLimited')}</Notice>}
        {props.notice === 'revoked' && <Notice kind="warning">{t('login.revokedSession')}</Notice>}
        {props.notice === 'signed-out' && <Notice>{t('login.signedOut')}</Notice>}
        <h2 class="visually-hidden">{t('login.title')}</h2>
        <LoginForm t={t} email={props.email} error={props.error} action={props.action} />
      </div>
    </PortalLayout>
  );
}

export function ConfirmLinkPage({ shell, token, action, heading, hint, button }: { shell: PortalShell; token: string; action: string; heading: string; hint: string; button: string }) {
  return (
    <PortalLayout shell={shell} title={heading} scripts={action.includes('handoff') ? ['auto-submit.js'] : undefined}>
      <div class="narrow">
        <h1>{heading}</h1>
        <p>{hint}</p>
        <form method="post" action={action} data-auto-submit={action.includes('handoff') ? '' : undefined}>
          <input type="hidden" name="token" value={token} />
          <button type="submit">{button}</button>
        </form>
      </div>
    </PortalLayout>
  );
}

export type BadLinkReason = 'invalid' | 'expired' | 'superseded' | 'revoked';

export function BadLinkPage({ shell, reason, email, action = '/login' }: { shell: PortalShell; reason: BadLinkReason; email?: string; action?: string }) {
  const { t } = shell;
  const title = t(`link.${reason}Title`);
  return (
    <PortalLayout shell={shell} title={title}>
      <div class="narrow">
        <h1>{title}</h1>
        <p>{t(`link.${reason}`)}</p>
        <LoginForm t={t} email={email} action={action} submitLabel={t('link.requestNew')} />
      </div>
    </PortalLayout>
  );
}
