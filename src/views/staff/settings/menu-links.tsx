// Settings > Menu links (elite plan): up to 10 links in the portal navigation, each label, URL, new-tab flag, order.
import type { MenuLink } from '../../../db/database.ts';
import { ErrorSummary, Notice } from '../../components/form.tsx';
import { SettingsTabs } from '../components.tsx';
import { StaffLayout, type StaffShell } from '../layout.tsx';

export const MAX_MENU_LINKS = 10;

export interface MenuLinkRow {
  label: string;
  url: string;
  newTab: boolean;
  order: string;
}

function Cell({ name, label, value, error, type = 'text', row }: { name: string; label: string; value: string; error?: string; type?: string; row: number }) {
  const id = `field-${name}`;
  return (
    <td class={error ? 'has-error' : undefined}>
      <label for={id} class="visually-hidden">
        {label} of link {row}
      </label>
      <input id={id} name={name} type={type} value={value} aria-invalid={error ? 'true' : undefined} aria-describedby={error ? `${id}-error` : undefined} inputmode={type === 'number' ? 'numeric' : undefined} />
      {error && (
        <p class="field-error" id={`${id}-error`}>
          <span class="visually-hidden">Error: </span>
          {error}
        </p>
      )}
    </td>
  );
}

export function MenuLinksPage(props: { shell: StaffShell; role: string; elite: boolean; rows: MenuLinkRow[]; errors?: Record<string, string>; notice?: string }) {
  const e = props.errors ?? {};
  const rows = [...props.rows];
  while (rows.length < MAX_MENU_LINKS) rows.push({ label: '', url: '', newTab: false, order: '' });
  return (
    <StaffLayout shell={props.shell} title="Menu links">
      <h1>Settings</h1>
      <SettingsTabs current="menu-links" role={props.role} />
      <h2>Menu links</h2>
      {props.notice && <Notice kind="success">{props.notice}</Notice>}
      {!props.elite && (
        <Notice kind="warning">
          Menu links need the Elite plan. {props.rows.length > 0 ? 'Your saved links are kept but hidden from clients until the plan includes them again.' : ''}{' '}
          {props.role === 'owner' ? <a href="/staff/settings/plan">Change the plan</a> : 'The owner can change the plan.'}
        </Notice>
      )}
      <p class="hint">Up to 10 links shown in the portal navigation, after the firm's own pages. Each needs a label and an https: or mailto: address. Leave a row empty to remove it.</p>
      <ErrorSummary errors={e} title="There is a problem" />
      <form method="post" action="/staff/settings/portal/menu-links" novalidate>
        <div class="table-wrap">
          <table class="menu-links">
            <caption class="visually-hidden">Menu links</caption>
            <thead>
              <tr>
                <th scope="col">Order</th>
                <th scope="col">Label</th>
                <th scope="col">Address (https: or mailto:)</th>
                <th scope="col">Open in a new tab</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, i) => {
                const n = i + 1;
                return (
                  <tr>
                    <Cell name={`order_${n}`} label="Order" value={row.order || (row.label || row.url ? String(n) : '')} error={e[`order_${n}`]} type="number" row={n} />
                    <Cell name={`label_${n}`} label="Label" value={row.label} error={e[`label_${n}`]} row={n} />
                    <Cell name={`url_${n}`} label="Address" value={row.url} error={e[`url_${n}`]} type="url" row={n} />
                    <td>
                      <input id={`field-newtab_${n}`} type="checkbox" name={`newtab_${n}`} value="on" checked={row.newTab} />
                      <label for={`field-newtab_${n}`}>
                        <span class="visually-hidden">Link {n}: </span>New tab
                      </label>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <button type="submit" disabled={!props.elite}>
          Save menu links
        </button>
      </form>
    </StaffLayout>
  );
}

export function rowsFromLinks(links: MenuLink[]): MenuLinkRow[] {
  return links.map((l, i) => ({ label: l.label, url: l.url, newTab: l.newTab, order: String(i + 1) }));
}
