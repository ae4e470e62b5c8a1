// The lower sections of the Client portal settings: logo and icon, welcome video, options, e-mail signature.
import type { Firm } from '../../../db/database.ts';
import { Checkbox, describedBy, FieldMessages, SelectField, TextArea, TextField } from '../../components/form.tsx';

type Errors = Record<string, string>;
type Values = Partial<Record<string, string>> | undefined;

function FileField({ name, label, hint, accept, error }: { name: string; label: string; hint: string; accept: string; error?: string }) {
  const id = `field-${name}`;
  return (
    <div class={error ? 'field has-error' : 'field'}>
      <label for={id}>{label}</label>
      <FieldMessages id={id} hint={hint} error={error} />
      <input id={id} type="file" name={name} accept={accept} required aria-invalid={error ? 'true' : undefined} aria-describedby={describedBy(id, hint, error)} />
    </div>
  );
}

function UploadForm(props: { name: string; action: string; label: string; hint: string; accept: string; error?: string; button: string; current?: boolean; removeLabel: string }) {
  return (
    <div class="upload-block">
      <form method="post" action={props.action} enctype="multipart/form-data" novalidate>
        <FileField name={props.name} label={props.label} hint={props.hint} accept={props.accept} error={props.error} />
        <button type="submit">{props.button}</button>
      </form>
      {props.current && (
        <form method="post" action={`${props.action}/remove`}>
          <button type="submit" class="secondary small">
            {props.removeLabel}
          </button>
        </form>
      )}
    </div>
  );
}

export function MediaSection({ firm, errors: e }: { firm: Firm; errors: Errors }) {
  return (
    <section aria-labelledby="media-heading" class="card">
      <h2 id="media-heading">Logo, icon and welcome video</h2>
      <h3>Logo</h3>
      {firm.logo_key ? (
        <p class="brand-preview brand-colours">
          <img src={`/brand/logo?v=${firm.logo_key}`} alt={`Current logo of ${firm.trademark}`} class="brand-logo" width={180} height={60} />
        </p>
      ) : (
        <p class="muted">No logo: the portal shows the trademark as text.</p>
      )}
      <UploadForm name="logo" action="/staff/settings/portal/logo" label="Logo file" hint="PNG, JPEG or WebP, at most 512 KB. Shown at most 180 x 60 pixels." accept="image/png,image/jpeg,image/webp" error={e.logo} button="Upload logo" current={Boolean(firm.logo_key)} removeLabel="Remove logo" />
      <h3>Icon</h3>
      {firm.favicon_key ? (
        <p>
          <img src={`/brand/icon?v=${firm.favicon_key}`} alt="Current icon" width={32} height={32} />
        </p>
      ) : (
        <p class="muted">No icon.</p>
      )}
      <UploadForm name="favicon" action="/staff/settings/portal/icon" label="Icon file" hint="A square PNG, JPEG or WebP, at most 512 KB; shown as the browser tab icon." accept="image/png,image/jpeg,image/webp" error={e.favicon} button="Upload icon" current={Boolean(firm.favicon_key)} removeLabel="Remove icon" />
      <h3>Welcome video</h3>
      {firm.welcome_video_key ? (
        <p>
          A welcome video is set ({firm.welcome_video_type === 'video/webm' ? 'WebM' : 'MP4'}). Clients see it once on their first visit and can replay it from their account menu.{' '}
          <a href={`/brand/video?v=${firm.welcome_video_key}`}>Watch it</a>
        </p>
      ) : (
        <p class="muted">No welcome video.</p>
      )}
      <UploadForm name="video" action="/staff/settings/portal/video" label="Video file" hint="MP4 or WebM, at most 30 seconds and 25 MB." accept="video/mp4,video/webm" error={e.video} button="Upload video" current={Boolean(firm.welcome_video_key)} removeLabel="Remove video" />
    </section>
  );
}

export const languageOptions = [
  { value: 'en', label: 'English' },
  { value: 'et', label: 'Estonian (eesti)' },
  { value: 'de', label: 'German (Deutsch)' },
];

export function OptionsSection({ firm, errors: e, values }: { firm: Firm; errors: Errors; values: Values }) {
  const limitMb = values?.upload_limit_mb ?? String(Math.round(firm.upload_limit_bytes / (1024 * 1024)));
  const uploads = values ? values.uploads_enabled === 'on' : firm.uploads_enabled;
  return (
    <section aria-labelledby="options-heading" class="card">
      <h2 id="options-heading">Portal options</h2>
      <form method="post" action="/staff/settings/portal/options" novalidate>
        <SelectField name="default_language" label="Default portal language" hint="Used until a client chooses their own language." value={values?.default_language ?? firm.default_language} error={e.default_language} options={languageOptions} />
        <Checkbox name="uploads_enabled" label="Clients can upload files" checked={uploads} />
        <TextField name="upload_limit_mb" type="number" inputmode="numeric" label="Upload size limit (MB per file)" hint="From 1 to 100 MB. The default is 10 MB." value={limitMb} error={e.upload_limit_mb} min={1} max={100} />
        <input type="hidden" name="options_form" value="1" />
        <button type="submit">Save options</button>
      </form>
    </section>
  );
}

export const signatureModes = [
  { value: 'company', label: 'Company default (the trademark)' },
  { value: 'fixed', label: 'Fixed text' },
  { value: 'dynamic', label: 'Dynamic, with placeholders' },
];

export function SignatureSection({ firm, errors: e, values }: { firm: Firm; errors: Errors; values: Values }) {
  return (
    <section aria-labelledby="signature-heading" class="card">
      <h2 id="signature-heading">E-mail signature</h2>
      <form method="post" action="/staff/settings/portal/signature" novalidate>
        <SelectField name="email_signature_mode" label="E-mail signature" hint="Added to the end of every e-mail the portal sends to clients." value={values?.email_signature_mode ?? firm.email_signature_mode} error={e.email_signature_mode} options={signatureModes} />
        <TextArea
          name="email_signature_text"
          label="Signature text"
          hint="For fixed and dynamic signatures. Dynamic signatures may use {{sender_name}}, {{sender_email}} and {{company_name}}; a line with {{sender_email}} is left out of mail no staff member sent."
          value={values?.email_signature_text ?? firm.email_signature_text}
          error={e.email_signature_text}
          maxlength={1000}
          rows={4}
        />
        <button type="submit">Save signature</button>
      </form>
    </section>
  );
}
