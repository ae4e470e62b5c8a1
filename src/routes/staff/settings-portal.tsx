// /staff/settings/portal (owners and admins): activation, subdomain and rename, branding, options, e-mail signature.
import { Hono, type Context } from 'hono';
import * as v from 'valibot';
import type { AppEnv } from '../../app-env.ts';
import { issueMagicLink } from '../../auth/magic-link.ts';
import { currentActor } from '../../auth/request-info.ts';
import { firmOrigin } from '../../config.ts';
import { endFirmPortalAccess } from '../../db/queries/access-revocation.ts';
import { recordAudit } from '../../db/queries/audit.ts';
import { listLiveAliases, renameSubdomain, subdomainTaken, updateFirm } from '../../db/queries/firm-settings.ts';
import { ensureDefaultIntroTemplates } from '../../db/queries/intro-templates.ts';
import type { FirmUpdate } from '../../db/database.ts';
import { languages } from '../../i18n/index.ts';
import { renderPage, redirectAfterPost } from '../../render.tsx';
import { parseWith, readForm } from '../../validation.ts';
import { ConfirmPage } from '../../views/staff/components.tsx';
import { PortalSettingsPage, type PortalSettingsProps } from '../../views/staff/settings/portal-page.tsx';
import { languageOptions } from '../../views/staff/settings/portal-sections.tsx';
import { formString, isChecked } from './helpers.tsx';
import { contrastRatio, defaultTrademark, formatRatio, HEX_COLOUR, subdomainProblem } from './portal-rules.ts';
import { SIGNATURE_PLACEHOLDERS } from '../../mail/signature.ts';
import { staffShell } from './shell.ts';

export const portalSettingsRoutes = new Hono<AppEnv>();

const notices: Record<string, string> = {
  activated: 'The client portal is active. A default intro task template was added under Templates.',
  reactivated: 'The client portal is active again.',
  deactivated: 'The client portal is deactivated. Every client session and login link has ended; the data is kept.',
  branding: 'Branding saved.',
  options: 'Portal options saved.',
  signature: 'E-mail signature saved.',
  logo: 'Logo saved.',
  icon: 'Icon saved.',
  video: 'Welcome video saved.',
  'logo-removed': 'Logo removed.',
  'icon-removed': 'Icon removed.',
  'video-removed': 'Welcome video removed.',
  unchanged: 'The subdomain is unchanged.',
};

export async function portalSettingsPage(c: Context<AppEnv>, extra: Partial<PortalSettingsProps> = {}, status: 200 | 413 | 422 = 200) {
  const { db, config, clock } = c.get('deps');
  const firm = c.get('firm');
  const origin = firmOrigin(config, firm.slug);
  const aliases = await listLiveAliases(db, firm.id, clock.now());
  const urls = languageOptions.map((l) => ({ language: l.value, label: l.label, url: `${origin}/?lang=${l.value}` }));
  return renderPage(
    c,
    <PortalSettingsPage
      shell={staffShell(c, 'settings')}
      role={c.get('staff').scope.role}
      firm={firm}
      portalDomain={config.portalDomain}
      urls={urls}
      aliases={aliases}
      suggestedTrademark={defaultTrademark(firm.name)}
      notice={notices[c.req.query('m') ?? '']}
      {...extra}
    />,
    status,
  );
}

/** Saves a change to the firm with its audit event, in one transaction. */
async function saveFirm(c: Context<AppEnv>, patch: FirmUpdate, action: string, detail: Record<string, unknown> = {}) {
  const { db, clock } = c.get('deps');
  const firm = c.get('firm');
  const now = clock.now();
  await db.transaction().execute(async (trx) => {
    await updateFirm(trx, firm.id, patch);
    await recordAudit(trx, firm.id, currentActor(c), { action, subjectType: 'firm', subjectId: firm.id, detail }, now);
  });
}

portalSettingsRoutes.get('/settings', (c) => c.redirect('/staff/settings/portal', 303));
portalSettingsRoutes.get('/settings/portal', (c) => portalSettingsPage(c));

portalSettingsRoutes.post('/settings/portal/activate', async (c) => {
  const { db, clock } = c.get('deps');
  const firm = c.get('firm');
  const now = clock.now();
  if (firm.portal_active) return redirectAfterPost(c, '/staff/settings/portal');
  const created = await db.transaction().execute(async (trx) => {
    await updateFirm(trx, firm.id, { portal_active: true });
    const count = await ensureDefaultIntroTemplates(trx, firm.id, now);
    await recordAudit(trx, firm.id, currentActor(c), { action: 'firm.portal_activated', subjectType: 'firm', subjectId: firm.id, detail: { templatesCreated: count } }, now);
    return count;
  });
  return redirectAfterPost(c, `/staff/settings/portal?m=${created > 0 ? 'activated' : 'reactivated'}`);
});

portalSettingsRoutes.get('/settings/portal/deactivate', (c) =>
  renderPage(
    c,
    <ConfirmPage shell={staffShell(c, 'settings')} title="Deactivate the client portal?" action="/staff/settings/portal/deactivate" button="Deactivate the portal" cancelHref="/staff/settings/portal" danger>
      <p>Every client is logged out at once and every login link stops working. The portal address shows a neutral "portal not available" page.</p>
      <p>Nothing is deleted: activating the portal again restores it as it was.</p>
    </ConfirmPage>,
  ),
);

portalSettingsRoutes.post('/settings/portal/deactivate', async (c) => {
  const { db, clock } = c.get('deps');
  const firm = c.get('firm');
  const now = clock.now();
  if (firm.portal_active) {
    await db.transaction().execute(async (trx) => {
      await updateFirm(trx, firm.id, { portal_active: false });
      await endFirmPortalAccess(trx, firm.id);
      await recordAudit(trx, firm.id, currentActor(c), { action: 'firm.portal_deactivated', subjectType: 'firm', subjectId: firm.id }, now);
    });
  }
  return redirectAfterPost(c, '/staff/settings/portal?m=deactivated');
});

portalSettingsRoutes.post('/settings/portal/address', async (c) => {
  const { db, clock, config } = c.get('deps');
  const firm = c.get('firm');
  const staff = c.get('staff');
  const now = clock.now();
  const slug = formString(await readForm(c), 'subdomain').trim().toLowerCase();
  if (slug === firm.slug) return redirectAfterPost(c, '/staff/settings/portal?m=unchanged');
  let problem = subdomainProblem(slug);
  if (!problem) {
    const taken = await subdomainTaken(db, firm.id, slug, now);
    if (taken) problem = taken === 'firm' ? `"${slug}" is already taken. Choose another subdomain.` : `"${slug}" was recently used by another portal and still redirects there. Choose another subdomain.`;
  }
  if (problem) return portalSettingsPage(c, { errors: { subdomain: problem }, values: { subdomain: slug } }, 422);
  let token: string;
  try {
    token = await db.transaction().execute(async (trx) => {
      await renameSubdomain(trx, firm, slug, now);
      await recordAudit(trx, firm.id, currentActor(c), { action: 'firm.subdomain_renamed', subjectType: 'firm', subjectId: firm.id, detail: { from: firm.slug, to: slug } }, now);
      // Staff cookies belong to one host: a one-time sign-in link carries this member over to the new address.
      return issueMagicLink(trx, firm.id, 'staff', staff.member.email, now);
    });
  } catch (error) {
    if (/unique|duplicate/i.test(String((error as Error).message))) return portalSettingsPage(c, { errors: { subdomain: `"${slug}" is already taken. Choose another subdomain.` }, values: { subdomain: slug } }, 422);
    throw error;
  }
  return redirectAfterPost(c, `${firmOrigin(config, slug)}/staff/login/link?token=${token}`);
});

const brandingSchema = v.object({
  trademark: v.pipe(v.optional(v.string(), ''), v.trim(), v.nonEmpty('Enter the trademark shown in the portal.'), v.maxLength(60, 'Use at most 60 characters.')),
  brand_background: v.pipe(v.string(), v.trim(), v.regex(HEX_COLOUR, 'Enter the colour as # and six hex digits, like #0B3D2E.')),
  brand_text: v.pipe(v.string(), v.trim(), v.regex(HEX_COLOUR, 'Enter the colour as # and six hex digits, like #FFFFFF.')),
  description: v.pipe(v.optional(v.string(), ''), v.trim(), v.maxLength(500, 'Use at most 500 characters.')),
});

/** Without JavaScript the picker and the hex field are separate: the one the user changed wins. */
function pickColour(form: Record<string, string | string[]>, name: string): string {
  const text = formString(form, name).trim();
  const picker = formString(form, `${name}_picker`).trim();
  const was = formString(form, `${name}_was`).trim();
  if (text.toLowerCase() === was.toLowerCase() && HEX_COLOUR.test(picker) && picker.toLowerCase() !== was.toLowerCase()) return picker.toUpperCase();
  return HEX_COLOUR.test(text) ? text.toUpperCase() : text;
}

portalSettingsRoutes.post('/settings/portal/branding', async (c) => {
  const form = await readForm(c);
  const input = { ...form, brand_background: pickColour(form, 'brand_background'), brand_text: pickColour(form, 'brand_text') };
  const parsed = parseWith(brandingSchema, input);
  const values = { trademark: formString(form, 'trademark'), brand_background: input.brand_background, brand_text: input.brand_text, description: formString(form, 'description') };
  if (!parsed.ok) return portalSettingsPage(c, { errors: parsed.errors, values }, 422);
  const ratio = contrastRatio(parsed.value.brand_background, parsed.value.brand_text);
  if (ratio < 4.5) {
    const message = `The contrast between the text colour and the background is ${formatRatio(ratio)}; it must be at least 4.5:1 so that everyone can read the trademark. Choose a darker or lighter colour.`;
    return portalSettingsPage(c, { errors: { brand_text: message }, values }, 422);
  }
  await saveFirm(c, parsed.value, 'firm.branding_changed', { background: parsed.value.brand_background, text: parsed.value.brand_text, trademark: parsed.value.trademark });
  return redirectAfterPost(c, '/staff/settings/portal?m=branding');
});

const optionsSchema = v.object({
  default_language: v.picklist([...languages], 'Choose a language from the list.'),
  upload_limit_mb: v.pipe(
    v.string('Enter a number of megabytes from 1 to 100.'),
    v.trim(),
    v.regex(/^\d{1,3}$/, 'Enter a whole number of megabytes from 1 to 100.'),
    v.transform(Number),
    v.minValue(1, 'The limit must be at least 1 MB.'),
    v.maxValue(100, 'The limit can be at most 100 MB.'),
  ),
});

portalSettingsRoutes.post('/settings/portal/options', async (c) => {
  const form = await readForm(c);
  const parsed = parseWith(optionsSchema, form);
  const uploads = isChecked(form, 'uploads_enabled');
  if (!parsed.ok) return portalSettingsPage(c, { errors: parsed.errors, values: { ...parsed.input, uploads_enabled: uploads ? 'on' : '' } }, 422);
  const patch = { default_language: parsed.value.default_language, uploads_enabled: uploads, upload_limit_bytes: parsed.value.upload_limit_mb * 1024 * 1024 };
  await saveFirm(c, patch, 'firm.portal_options_changed', { defaultLanguage: patch.default_language, uploadsEnabled: uploads, uploadLimitMb: parsed.value.upload_limit_mb });
  return redirectAfterPost(c, '/staff/settings/portal?m=options');
});

portalSettingsRoutes.post('/settings/portal/signature', async (c) => {
  const form = await readForm(c);
  const mode = formString(form, 'email_signature_mode');
  const text = formString(form, 'email_signature_text').replace(/\r\n/g, '\n').trim();
  const values = { email_signature_mode: mode, email_signature_text: text };
  const errors: Record<string, string> = {};
  if (mode !== 'company' && mode !== 'fixed' && mode !== 'dynamic') errors.email_signature_mode = 'Choose one of the signature types.';
  if (text.length > 1000) errors.email_signature_text = 'Use at most 1000 characters.';
  else if ((mode === 'fixed' || mode === 'dynamic') && !text) errors.email_signature_text = 'Enter the signature text, or choose the company default.';
  else if (mode === 'dynamic') {
    const unknown = (text.match(/\{\{[^}]*\}\}/g) ?? []).filter((p) => !SIGNATURE_PLACEHOLDERS.includes(p));
    if (unknown.length) errors.email_signature_text = `Unknown placeholder ${unknown[0]}. Use ${SIGNATURE_PLACEHOLDERS.join(', ')}.`;
  } else if (mode === 'fixed' && /\{\{/.test(text)) errors.email_signature_text = 'Placeholders work only in a dynamic signature. Choose "Dynamic" or remove the {{...}} text.';
  if (Object.keys(errors).length) return portalSettingsPage(c, { errors, values }, 422);
  await saveFirm(c, { email_signature_mode: mode as 'company', email_signature_text: text }, 'firm.signature_changed', { mode });
  return redirectAfterPost(c, '/staff/settings/portal?m=signature');
});
