// The staff screens' page: firm name, navigation, signed-in member, sign out. Compact and keyboard friendly.
import type { Child } from 'hono/jsx';
import { Document, MAIN_ID } from '../document.tsx';

export type StaffSection = 'dashboard' | 'clients' | 'tasks' | 'requests' | 'invoices' | 'settings' | 'team' | 'audit' | undefined;

export interface StaffShell {
  firmName: string;
  member?: { name: string; email: string; role: 'owner' | 'admin' | 'member' };
  current?: StaffSection;
}

const sections: { key: Exclude<StaffSection, undefined>; href: string; label: string; adminOnly?: boolean }[] = [
  { key: 'dashboard', href: '/staff', label: 'Dashboard' },
  { key: 'clients', href: '/staff/clients', label: 'Clients' },
  { key: 'tasks', href: '/staff/tasks', label: 'Tasks' },
  { key: 'settings', href: '/staff/settings', label: 'Settings', adminOnly: true },
];

/** Team and the audit log live under Settings in the navigation. */
function navKey(current: StaffSection): StaffSection {
  return current === 'team' || current === 'audit' ? 'settings' : current;
}

export function isAdminRole(role: string | undefined): boolean {
  return role === 'owner' || role === 'admin';
}

export function StaffLayout({ shell, title, children, scripts }: { shell: StaffShell; title: string; children: Child; scripts?: string[] }) {
  const isAdmin = isAdminRole(shell.member?.role);
  const active = navKey(shell.current);
  return (
    <Document lang="en" title={`${title} - ${shell.firmName} staff`} bodyClass="staff" scripts={scripts}>
      <header class="site-header staff-header">
        <div class="header-inner">
          <a class="brand" href="/staff">
            <span class="brand-name">{shell.firmName}</span>
            <span class="visually-hidden"> staff</span>
          </a>
          {shell.member && (
            <nav class="main-nav staff-nav" aria-label="Staff">
              <ul>
                {sections
                  .filter((s) => !s.adminOnly || isAdmin)
                  .map((s) => (
                    <li>
                      <a href={s.href} aria-current={active === s.key ? 'page' : undefined}>
                        {s.label}
                      </a>
                    </li>
                  ))}
              </ul>
            </nav>
          )}
          {shell.member && (
            <div class="staff-account">
              <span class="staff-member">
                <span class="staff-member-name">{shell.member.name}</span> <span class="muted">({shell.member.role})</span>
              </span>
              <form method="post" action="/staff/logout">
                <button type="submit" class="secondary small">
                  Sign out
                </button>
              </form>
            </div>
          )}
        </div>
      </header>
      <main id={MAIN_ID} tabindex={-1}>
        {children}
      </main>
    </Document>
  );
}
