// Staff sign-in pages (same magic-link flow as clients, links valid 1 hour).
import { ErrorSummary, Notice, TextField } from '../components/form.tsx';
import { StaffLayout, type StaffShell } from './layout.tsx';

export function StaffLoginPage({ shell, email, error, notice }: { shell: StaffShell; email?: string; error?: string; notice?: 'sent' | 'rate-limited' | 'signed-out' }) {
  return (
    <StaffLayout shell={shell} title="Staff sign in">
      <div class="narrow">
        <h1>Staff sign in</h1>
        {notice === 'sent' && <Notice kind="success">If this address belongs to a member of {shell.firmName}, a sign-in link is on its way. It works for 1 hour.</Notice>}
        {notice === 'rate-limited' && <Notice kind="warning">Too many requests. Please wait an hour before asking for another link.</Notice>}
        {notice === 'signed-out' && <Notice>You are signed out.</Notice>}
        <form method="post" action="/staff/login" class="login-box" novalidate>
          <ErrorSummary errors={{ email: error }} title="There is a problem" />
          <TextField name="email" type="email" label="Work e-mail" hint="We will send you a sign-in link." value={email} error={error} autocomplete="email" required />
          <button type="submit">Send sign-in link</button>
        </form>
      </div>
    </StaffLayout>
  );
}

export function StaffConfirmPage({ shell, token }: { shell: StaffShell; token: string }) {
  return (
    <StaffLayout shell={shell} title="Continue">
      <div class="narrow">
        <h1>Continue to {shell.firmName}</h1>
        <p>Press the button to sign in on this device.</p>
        <form method="post" action="/staff/login/link">
          <input type="hidden" name="token" value={token} />
          <button type="submit">Continue to {shell.firmName}</button>
        </form>
      </div>
    </StaffLayout>
  );
}

const reasons = {
  invalid: ['This link is not valid', 'The link may be incomplete. Copy the whole link from the e-mail, or ask for a new one.'],
  expired: ['This link has expired', 'Staff sign-in links work for 1 hour. Ask for a new one.'],
  superseded: ['A newer link was sent', 'Only the newest sign-in link works. Use the newest e-mail, or ask for a new link.'],
  revoked: ['This link no longer works', 'This address is no longer an active member of the firm.'],
} as const;

export function StaffBadLinkPage({ shell, reason }: { shell: StaffShell; reason: keyof typeof reasons }) {
  const [title, text] = reasons[reason];
  return (
    <StaffLayout shell={shell} title={title}>
      <div class="narrow">
        <h1>{title}</h1>
        <p>{text}</p>
        <p>
          <a href="/staff/login">Ask for a new sign-in link</a>
        </p>
      </div>
    </StaffLayout>
  );
}
