// Create and edit a contact; the "Client portal" section holds the Access enabled checkbox.
import { Checkbox, ErrorSummary, TextField } from '../components/form.tsx';
import { StaffLayout, type StaffShell } from './layout.tsx';

export interface ContactFormValues {
  first_name?: string;
  last_name?: string;
  email?: string;
  phone?: string;
  roles?: string;
  access_enabled?: boolean;
}

export const contactFieldLabels: Record<string, string> = {
  first_name: 'First name',
  last_name: 'Last name',
  email: 'E-mail',
  phone: 'Phone',
  roles: 'Roles',
  access_enabled: 'Access enabled',
};

export function ContactFormPage(props: {
  shell: StaffShell;
  mode: 'create' | 'edit';
  clientName: string;
  clientPortalOn: boolean;
  action: string;
  cancelHref: string;
  values: ContactFormValues;
  errors?: Record<string, string>;
}) {
  const v = props.values;
  const e = props.errors ?? {};
  const title = props.mode === 'create' ? `New contact for ${props.clientName}` : `Edit contact of ${props.clientName}`;
  return (
    <StaffLayout shell={props.shell} title={title}>
      <div class="narrow">
        <h1>{title}</h1>
        <form method="post" action={props.action} novalidate>
          <ErrorSummary errors={e} title="There is a problem" labels={contactFieldLabels} />
          <TextField name="first_name" label="First name" value={v.first_name} error={e.first_name} maxlength={100} autocomplete="off" />
          <TextField name="last_name" label="Last name" value={v.last_name} error={e.last_name} maxlength={100} autocomplete="off" />
          <TextField name="email" type="email" label="E-mail" hint="Needed for portal access. Changing it ends the contact's portal sessions and links." value={v.email} error={e.email} maxlength={254} autocomplete="off" />
          <TextField name="phone" type="tel" label="Phone" value={v.phone} error={e.phone} maxlength={40} autocomplete="off" />
          <TextField name="roles" label="Roles" hint="For example: Director, Accountant." value={v.roles} error={e.roles} maxlength={200} />
          <fieldset class="form-section">
            <legend>Client portal</legend>
            <Checkbox
              name="access_enabled"
              label="Access enabled"
              hint={props.clientPortalOn ? 'This person can log in to the portal with their e-mail.' : 'The client portal is off for this client: turn it on before giving access.'}
              checked={v.access_enabled}
              error={e.access_enabled}
            />
          </fieldset>
          <div class="actions">
            <button type="submit">{props.mode === 'create' ? 'Add contact' : 'Save changes'}</button>
            <a href={props.cancelHref}>Cancel</a>
          </div>
        </form>
      </div>
    </StaffLayout>
  );
}
