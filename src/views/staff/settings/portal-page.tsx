// Staff > Settings > Client portal: status, address, branding, media, options and e-mail signature, one form each.
import type { Firm } from '../../../db/database.ts';
import { ErrorSummary, Notice, TextArea, TextField } from '../../components/form.tsx';
import { SettingsTabs, staffDate } from '../components.tsx';
import { StaffLayout, type StaffShell } from '../layout.tsx';
import { MediaSection, OptionsSection, SignatureSection } from './portal-sections.tsx';

export type SettingsValues = Partial<Record<string, string>>;

export interface PortalSettingsProps {
  shell: StaffShell;
  role: string;
  firm: Firm;
  portalDomain: string;
  /** The portal address per language, for Copy URL. */
  urls: { language: string; label: string; url: string }[];
  aliases: { slug: string; until: Date }[];
  suggestedTrademark: string;
  errors?: Record<string, string>;
  values?: SettingsValues;
  notice?: string;
}

export const settingsFieldLabels: Record<string, string> = {
  subdomain: 'Subdomain',
  trademark: 'Trademark',
  brand_background: 'Brand background colour',
  brand_text: 'Trademark text colour',
  description: 'Description',
  logo: 'Logo',
  favicon: 'Icon',
  video: 'Welcome video',
  default_language: 'Default portal language',
  upload_limit_mb: 'Upload size limit',
  email_signature_mode: 'E-mail signature',
  email_signature_text: 'Signature text',
};

function ColourField({ name, label, value, error }: { name: string; label: string; value: string; error?: string }) {
  const picker = /^#[0-9A-Fa-f]{6}$/.test(value) ? value : '#000000';
  return (
    <div class="colour-field" data-colour-pair={name}>
      <TextField name={name} label={`${label} (hex)`} hint="Six hex digits, like #0B3D2E." value={value} error={error} maxlength={7} pattern="#[0-9A-Fa-f]{6}" />
      <TextField name={`${name}_picker`} type="color" label={`${label} (picker)`} value={picker.toLowerCase()} />
      <input type="hidden" name={`${name}_was`} value={value} />
    </div>
  );
}

export function PortalSettingsPage(p: PortalSettingsProps) {
  const { firm } = p;
  const e = p.errors ?? {};
  const val = (name: string, fallback: string) => p.values?.[name] ?? fallback;
  const trademark = firm.trademark && firm.trademark !== firm.name ? firm.trademark : p.suggestedTrademark;
  return (
    <StaffLayout shell={p.shell} title="Client portal settings" scripts={['staff-settings.js']}>
      <h1>Settings</h1>
      <SettingsTabs current="portal" role={p.role} />
      {p.notice && <Notice kind="success">{p.notice}</Notice>}
      <ErrorSummary errors={e} title="There is a problem" labels={settingsFieldLabels} />

      <section aria-labelledby="status-heading" class="card">
        <h2 id="status-heading">Client portal</h2>
        {firm.portal_active ? (
          <>
            <p>
              <span class="badge badge-on">Active</span> Clients with access can log in at <a href={p.urls[0]?.url}>{p.urls[0]?.url}</a>.
            </p>
            <p>
              <a href="/staff/settings/portal/deactivate">Deactivate the portal</a>
            </p>
          </>
        ) : (
          <>
            <p>
              <span class="badge badge-off">Not active</span> Until it is activated, the portal address shows a neutral "portal not available" page.
            </p>
            <form method="post" action="/staff/settings/portal/activate">
              <button type="submit">Activate the client portal</button>
            </form>
          </>
        )}
      </section>

      <section aria-labelledby="address-heading" class="card">
        <h2 id="address-heading">Portal address</h2>
        <form method="post" action="/staff/settings/portal/address" novalidate>
          <TextField
            name="subdomain"
            label="Subdomain"
            hint={`3 to 40 lowercase letters, digits or hyphens. The portal lives at https://<subdomain>.${p.portalDomain}. After a rename the old address redirects for 90 days, and you sign in again at the new address.`}
            value={val('subdomain', firm.slug)}
            error={e.subdomain}
            required
            maxlength={40}
            autocomplete="off"
          />
          <button type="submit">Save address</button>
        </form>
        {p.aliases.length > 0 && (
          <ul class="alias-list">
            {p.aliases.map((a) => (
              <li>
                {a.slug}.{p.portalDomain} redirects here until {staffDate(a.until)}
              </li>
            ))}
          </ul>
        )}
        <h3>Copy URL</h3>
        <p class="hint">The portal address in each language, to send to clients or put on your website.</p>
        {p.urls.map((u) => (
          <div class="copy-url">
            <label for={`url-${u.language}`}>{u.label}</label>
            <div class="copy-row">
              <input id={`url-${u.language}`} type="text" readonly value={u.url} class="copy-source" />
              <button type="button" class="secondary small copy-button" data-copy={`url-${u.language}`} hidden>
                Copy<span class="visually-hidden"> the {u.label} address</span>
              </button>
            </div>
          </div>
        ))}
        <p class="visually-hidden copy-status" role="status" aria-live="polite"></p>
      </section>

      <section aria-labelledby="branding-heading" class="card">
        <h2 id="branding-heading">Branding</h2>
        <form method="post" action="/staff/settings/portal/branding" novalidate>
          <TextField name="trademark" label="Trademark" hint="Shown in the portal header and on the login page." value={val('trademark', trademark)} error={e.trademark} required maxlength={60} />
          <ColourField name="brand_background" label="Brand background colour" value={val('brand_background', firm.brand_background)} error={e.brand_background} />
          <ColourField name="brand_text" label="Trademark text colour" value={val('brand_text', firm.brand_text)} error={e.brand_text} />
          <p class="hint">The two colours must have a contrast of at least 4.5:1, so everyone can read the trademark.</p>
          <TextArea name="description" label="Description" hint="Shown on the login page, under the trademark. Up to 500 characters." value={val('description', firm.description)} error={e.description} maxlength={500} rows={3} />
          <button type="submit">Save branding</button>
        </form>
      </section>

      <MediaSection firm={firm} errors={e} />
      <OptionsSection firm={firm} errors={e} values={p.values} />
      <SignatureSection firm={firm} errors={e} values={p.values} />
    </StaffLayout>
  );
}
