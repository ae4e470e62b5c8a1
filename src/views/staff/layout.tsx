// The staff screens' page: firm name, navigation, signed-in member, sign out.
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
  { key: 'requests', href: '/staff/requests', label: 'Requests' },
  { key: 'invoices', href: '/staff/invoices', label: 'Invoices' },
  { key: 'settings', href: '/staff/settings', label: 'Settings', adminOnly: true },
];

export function StaffLayout({ shell, title, children, scripts }: { shell: StaffShell; title: string; children: Child; scripts?: string[] }) {
  const isAdmin = shell.member?.role === 'owner' || shell.member?.role === 'admin';
  return (
    <Document lang="en" title={`${title} - ${shell.firmName} staff`} bodyClass="staff" scripts={scripts}>
      <header class="site-header">
        <div class="header-inner">
          <a class="brand" href="/staff">
            <span class="brand-name">{shell.firmName}</span>
          </a>
          {shell.member && (
            <div class="staff-account">
              <span>
                {shell.member.name} <span class="muted">({shell.member.role})</span>
              </span>
              <form method="post" action="/staff/logout">
                <button type="submit" class="secondary">
                  Sign out
                </button>
              </form>
            </div>
          )}
        </div>
        {shell.member && (
          <nav class="main-nav" aria-label="Staff">
            <ul>
              {sections
                .filter((s) => !s.adminOnly || isAdmin)
                .map((s) => (
                  <li>
                    <a href={s.href} aria-current={shell.current === s.key ? 'page' : undefined}>
                      {s.label}
                    </a>
                  </li>
                ))}
            </ul>
          </nav>
        )}
      </header>
      <main id={MAIN_ID} tabindex={-1}>
        {children}
      </main>
    </Document>
  );
}
