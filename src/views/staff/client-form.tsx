// Create and edit a client: name, registration and VAT numbers, mark, colour tag, responsible staff member.
import { Checkbox, ErrorSummary, SelectField, TextField } from '../components/form.tsx';
import { colourTags } from './components.tsx';
import { StaffLayout, type StaffShell } from './layout.tsx';

export interface ClientFormValues {
  name?: string;
  registration_number?: string;
  vat_number?: string;
  mark?: string;
  colour?: string;
  responsible_member_id?: string;
  portal_enabled?: boolean;
}

export interface MemberOption {
  id: string;
  first_name: string;
  last_name: string;
  email: string;
}

export const clientFieldLabels: Record<string, string> = {
  name: 'Name',
  registration_number: 'Registration number',
  vat_number: 'VAT number',
  mark: 'Mark',
  colour: 'Colour tag',
  responsible_member_id: 'Responsible staff member',
};

export function memberLabel(m: MemberOption): string {
  return [m.first_name, m.last_name].filter(Boolean).join(' ') || m.email;
}

export function ClientFormPage(props: { shell: StaffShell; mode: 'create' | 'edit'; action: string; cancelHref: string; values: ClientFormValues; errors?: Record<string, string>; members: MemberOption[] }) {
  const { values: v } = props;
  const e = props.errors ?? {};
  const title = props.mode === 'create' ? 'New client' : `Edit ${v.name || 'client'}`;
  return (
    <StaffLayout shell={props.shell} title={title}>
      <div class="narrow">
        <h1>{title}</h1>
        <form method="post" action={props.action} novalidate>
          <ErrorSummary errors={e} title="There is a problem" labels={clientFieldLabels} />
          <TextField name="name" label="Name" value={v.name} error={e.name} required maxlength={200} autocomplete="organization" />
          <TextField name="registration_number" label="Registration number" value={v.registration_number} error={e.registration_number} maxlength={50} />
          <TextField name="vat_number" label="VAT number" value={v.vat_number} error={e.vat_number} maxlength={50} />
          <TextField name="mark" label="Mark" hint="4 characters, uppercase letters or digits, e.g. ACME. Optional." value={v.mark} error={e.mark} maxlength={4} />
          <SelectField name="colour" label="Colour tag" value={v.colour ?? ''} error={e.colour} options={colourTags} />
          <SelectField
            name="responsible_member_id"
            label="Responsible staff member"
            value={v.responsible_member_id ?? ''}
            error={e.responsible_member_id}
            options={[{ value: '', label: 'Nobody' }, ...props.members.map((m) => ({ value: m.id, label: memberLabel(m) }))]}
          />
          {props.mode === 'create' && <Checkbox name="portal_enabled" label="Client portal on" hint="Contacts of this client can then be given access to the portal." checked={v.portal_enabled} />}
          <div class="actions">
            <button type="submit">{props.mode === 'create' ? 'Create client' : 'Save changes'}</button>
            <a href={props.cancelHref}>Cancel</a>
          </div>
        </form>
      </div>
    </StaffLayout>
  );
}
