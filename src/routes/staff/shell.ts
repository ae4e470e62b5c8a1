// Builds the staff page chrome from the request.
import type { Context } from 'hono';
import type { AppEnv } from '../../app-env.ts';
import type { StaffSection, StaffShell } from '../../views/staff/layout.tsx';

export function staffShell(c: Context<AppEnv>, current?: StaffSection): StaffShell {
  const staff = c.get('staff');
  const firm = c.get('firm');
  if (!staff) return { firmName: firm.name };
  const m = staff.member;
  return { firmName: firm.name, current, member: { name: [m.first_name, m.last_name].filter(Boolean).join(' ') || m.email, email: m.email, role: m.role } };
}
