// Small building blocks shared by the staff screens: pager, settings tabs, confirm page, dates.
import type { Child } from 'hono/jsx';
import { formatDate, formatDateTime } from '../../format.ts';
import { StaffLayout, type StaffShell } from './layout.tsx';

// Staff screens show dates in the firm's home zone.
export const STAFF_LOCALE = 'en-GB';
export const STAFF_TIMEZONE = 'Europe/Tallinn';

export function staffDate(date: Date | string | null | undefined): string {
  return date ? formatDate(new Date(date), STAFF_LOCALE, STAFF_TIMEZONE, 'medium') : '';
}

export function staffDateTime(date: Date | string | null | undefined): string {
  return date ? formatDateTime(new Date(date), STAFF_LOCALE, STAFF_TIMEZONE) : '';
}

/** Previous / next links that keep the other query parameters. */
export function Pager({ page, pages, total, href, label = 'Pages' }: { page: number; pages: number; total: number; href: (page: number) => string; label?: string }) {
  if (pages <= 1) return <p class="muted pager-total">{total === 1 ? '1 item' : `${total} items`}</p>;
  return (
    <nav class="pager" aria-label={label}>
      {page > 1 ? (
        <a href={href(page - 1)} rel="prev">
          Previous
        </a>
      ) : (
        <span class="muted">Previous</span>
      )}
      <span>
        Page {page} of {pages} ({total} items)
      </span>
      {page < pages ? (
        <a href={href(page + 1)} rel="next">
          Next
        </a>
      ) : (
        <span class="muted">Next</span>
      )}
    </nav>
  );
}

export type SettingsTab = 'portal' | 'templates' | 'menu-links' | 'preview' | 'team' | 'plan' | 'audit';

export function SettingsTabs({ current, role }: { current: SettingsTab; role: string }) {
  const tabs: { key: SettingsTab; href: string; label: string; ownerOnly?: boolean }[] = [
    { key: 'portal', href: '/staff/settings/portal', label: 'Client portal' },
    { key: 'templates', href: '/staff/settings/portal/templates', label: 'Templates' },
    { key: 'menu-links', href: '/staff/settings/portal/menu-links', label: 'Menu links' },
    { key: 'preview', href: '/staff/settings/portal/preview', label: 'Preview' },
    { key: 'team', href: '/staff/team', label: 'Team' },
    { key: 'plan', href: '/staff/settings/plan', label: 'Plan and apps', ownerOnly: true },
    { key: 'audit', href: '/staff/audit', label: 'Audit log' },
  ];
  return (
    <nav class="tabs" aria-label="Settings">
      <ul>
        {tabs
          .filter((t) => !t.ownerOnly || role === 'owner')
          .map((t) => (
            <li>
              <a href={t.href} aria-current={t.key === current ? 'page' : undefined}>
                {t.label}
              </a>
            </li>
          ))}
      </ul>
    </nav>
  );
}

/** A page that asks before a destructive action; the form posts to `action`. */
export function ConfirmPage(props: { shell: StaffShell; title: string; children: Child; action: string; button: string; cancelHref: string; danger?: boolean }) {
  return (
    <StaffLayout shell={props.shell} title={props.title}>
      <div class="narrow">
        <h1>{props.title}</h1>
        {props.children}
        <form method="post" action={props.action} class="actions">
          <input type="hidden" name="confirm" value="yes" />
          <button type="submit" class={props.danger ? 'danger' : undefined}>
            {props.button}
          </button>
          <a href={props.cancelHref}>Cancel</a>
        </form>
      </div>
    </StaffLayout>
  );
}

export function YesNo({ value, yes = 'On', no = 'Off' }: { value: boolean; yes?: string; no?: string }) {
  return <span class={value ? 'badge badge-on' : 'badge badge-off'}>{value ? yes : no}</span>;
}

export const colourTags = [
  { value: '', label: 'No colour' },
  { value: 'red', label: 'Red' },
  { value: 'orange', label: 'Orange' },
  { value: 'yellow', label: 'Yellow' },
  { value: 'green', label: 'Green' },
  { value: 'teal', label: 'Teal' },
  { value: 'blue', label: 'Blue' },
  { value: 'purple', label: 'Purple' },
  { value: 'pink', label: 'Pink' },
  { value: 'grey', label: 'Grey' },
];

/** A colour tag always carries its name, so colour is never the only cue. */
export function ColourTag({ colour }: { colour: string }) {
  const tag = colourTags.find((t) => t.value === colour && t.value);
  if (!tag) return null;
  return <span class={`colour-tag colour-${tag.value}`}>{tag.label}</span>;
}
