// The firm sign-up form on the bare domain, and the page after it.
import { ErrorSummary, TextField } from '../components/form.tsx';
import { Plain } from '../pages/simple.tsx';

export interface SignupValues {
  name?: string;
  slug?: string;
  firstName?: string;
  lastName?: string;
  email?: string;
}

const labels = { name: 'Firm name', slug: 'Subdomain', firstName: 'First name', lastName: 'Last name', email: 'Work e-mail' };

export function SignupPage({ values = {}, errors = {}, domain }: { values?: SignupValues; errors?: Record<string, string>; domain: string }) {
  return (
    <Plain title="Start a portal for your firm - Portico">
      <h1>Start a portal for your firm</h1>
      <p>You will be the owner. We send you a sign-in link; then you set up your branding, your clients and your team.</p>
      <form method="post" action="/signup" novalidate>
        <ErrorSummary errors={errors} title="There is a problem" labels={labels} />
        <TextField name="name" label={labels.name} value={values.name} error={errors.name} autocomplete="organization" required maxlength={120} />
        <TextField
          name="slug"
          label={labels.slug}
          hint={`Your portal's address: subdomain.${domain}. 3 to 40 lowercase letters, digits or hyphens.`}
          value={values.slug}
          error={errors.slug}
          autocomplete="off"
          required
          maxlength={40}
        />
        <TextField name="firstName" label={labels.firstName} value={values.firstName} error={errors.firstName} autocomplete="given-name" required maxlength={80} />
        <TextField name="lastName" label={labels.lastName} value={values.lastName} error={errors.lastName} autocomplete="family-name" maxlength={80} />
        <TextField name="email" type="email" label={labels.email} value={values.email} error={errors.email} autocomplete="email" required />
        <button type="submit">Create the portal</button>
      </form>
    </Plain>
  );
}

export function SignupDonePage({ email, staffUrl }: { email: string; staffUrl: string }) {
  return (
    <Plain title="Check your inbox - Portico">
      <h1>Check your inbox</h1>
      <p>
        We sent a sign-in link to <strong>{email}</strong>. It works for 1 hour and opens your staff screens at <code>{staffUrl}</code>.
      </p>
      <p>Your client portal stays switched off until you activate it under Settings.</p>
    </Plain>
  );
}
