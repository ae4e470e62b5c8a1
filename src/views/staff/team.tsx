// The team page: members with role and status, invite by e-mail, role changes, deactivation, ownership transfer.
import type { StaffMember } from '../../db/database.ts';
import { ErrorSummary, Notice, SelectField, TextField } from '../components/form.tsx';
import { Pager, SettingsTabs, staffDateTime } from './components.tsx';
import { StaffLayout, type StaffShell } from './layout.tsx';

export type TeamMember = StaffMember & { last_sign_in_at: Date | null };

export interface TeamPageProps {
  shell: StaffShell;
  me: { id: string; role: string };
  members: TeamMember[];
  page: number;
  pages: number;
  total: number;
  /** Active members who could become the owner (owner only). */
  successors: TeamMember[];
  invite?: { email?: string; first_name?: string; last_name?: string; role?: string };
  errors?: Record<string, string>;
  notice?: string;
}

export const teamFieldLabels: Record<string, string> = { email: 'E-mail', first_name: 'First name', last_name: 'Last name', role: 'Role', new_owner: 'New owner', confirm: 'Confirm' };

function memberName(m: Pick<StaffMember, 'first_name' | 'last_name' | 'email'>): string {
  return [m.first_name, m.last_name].filter(Boolean).join(' ') || m.email;
}

function status(m: TeamMember): string {
  if (!m.active) return 'Deactivated';
  return m.last_sign_in_at ? 'Active' : 'Not signed in yet';
}

const roleOptions = [
  { value: 'member', label: 'Member: works on clients and tasks' },
  { value: 'admin', label: 'Admin: also company settings and team' },
];

function MemberActions({ m, me }: { m: TeamMember; me: TeamPageProps['me'] }) {
  if (m.role === 'owner') return <span class="muted">Owner</span>;
  if (m.id === me.id) return <span class="muted">You</span>;
  const name = memberName(m);
  return (
    <div class="row-actions">
      {m.active && (
        <form method="post" action={`/staff/team/${m.id}/role`} class="inline-form">
          <label for={`role-${m.id}`} class="visually-hidden">
            Role of {name}
          </label>
          <select id={`role-${m.id}`} name="role">
            <option value="member" selected={m.role === 'member'}>
              Member
            </option>
            <option value="admin" selected={m.role === 'admin'}>
              Admin
            </option>
          </select>
          <button type="submit" class="secondary small">
            Change role<span class="visually-hidden"> of {name}</span>
          </button>
        </form>
      )}
      {m.active && !m.last_sign_in_at && (
        <form method="post" action={`/staff/team/${m.id}/invite`} class="inline-form">
          <button type="submit" class="secondary small">
            Resend invite<span class="visually-hidden"> to {name}</span>
          </button>
        </form>
      )}
      <form method="post" action={`/staff/team/${m.id}/${m.active ? 'deactivate' : 'reactivate'}`} class="inline-form">
        <button type="submit" class={m.active ? 'danger small' : 'secondary small'}>
          {m.active ? 'Deactivate' : 'Reactivate'}
          <span class="visually-hidden"> {name}</span>
        </button>
      </form>
    </div>
  );
}

export function TeamPage(p: TeamPageProps) {
  const e = p.errors ?? {};
  const inv = p.invite ?? {};
  return (
    <StaffLayout shell={p.shell} title="Team">
      <h1>Settings</h1>
      <SettingsTabs current="team" role={p.me.role} />
      <h2>Team</h2>
      {p.notice && <Notice kind="success">{p.notice}</Notice>}
      <ErrorSummary errors={e} title="There is a problem" labels={teamFieldLabels} />
      {p.members.length === 0 ? (
        <p class="empty">No members yet.</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">Team members</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">E-mail</th>
                <th scope="col">Role</th>
                <th scope="col">Status</th>
                <th scope="col">Last sign-in</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {p.members.map((m) => (
                <tr>
                  <th scope="row">{memberName(m)}</th>
                  <td>{m.email}</td>
                  <td>{m.role}</td>
                  <td>{status(m)}</td>
                  <td>{m.last_sign_in_at ? staffDateTime(m.last_sign_in_at) : <span class="muted">Never</span>}</td>
                  <td>
                    <MemberActions m={m} me={p.me} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager page={p.page} pages={p.pages} total={p.total} href={(n) => `/staff/team?page=${n}`} label="Team pages" />

      <section aria-labelledby="invite-heading" class="card">
        <h3 id="invite-heading">Invite a member</h3>
        <p class="hint">They get an e-mail with a sign-in link. Deactivated members can be reactivated in the list above.</p>
        <form method="post" action="/staff/team/invite" novalidate class="form-grid">
          <TextField name="email" type="email" label="E-mail" value={inv.email} error={e.email} required autocomplete="off" maxlength={254} />
          <TextField name="first_name" label="First name" value={inv.first_name} error={e.first_name} maxlength={100} autocomplete="off" />
          <TextField name="last_name" label="Last name" value={inv.last_name} error={e.last_name} maxlength={100} autocomplete="off" />
          <SelectField name="role" label="Role" value={inv.role ?? 'member'} error={e.role} options={roleOptions} />
          <div class="actions">
            <button type="submit">Send invite</button>
          </div>
        </form>
      </section>

      {p.me.role === 'owner' && (
        <section aria-labelledby="transfer-heading" class="card">
          <h3 id="transfer-heading">Transfer ownership</h3>
          <p>The firm always has exactly one owner. The new owner can delete clients and manage the plan; you become an admin.</p>
          {p.successors.length === 0 ? (
            <p class="empty">Invite or reactivate another member first.</p>
          ) : (
            <form method="post" action="/staff/team/transfer" novalidate>
              <SelectField name="new_owner" label="New owner" error={e.new_owner} options={[{ value: '', label: 'Choose a member' }, ...p.successors.map((m) => ({ value: m.id, label: `${memberName(m)} (${m.email})` }))]} />
              <div class={e.confirm ? 'field checkbox has-error' : 'field checkbox'}>
                <input id="field-confirm" type="checkbox" name="confirm" value="yes" aria-invalid={e.confirm ? 'true' : undefined} aria-describedby={e.confirm ? 'field-confirm-error' : undefined} />
                <label for="field-confirm">I understand that I will no longer be the owner</label>
                {e.confirm && (
                  <p class="field-error" id="field-confirm-error">
                    <span class="visually-hidden">Error: </span>
                    {e.confirm}
                  </p>
                )}
              </div>
              <button type="submit" class="danger">
                Transfer ownership
              </button>
            </form>
          )}
        </section>
      )}
    </StaffLayout>
  );
}
