// The shared frame of every mail: greeting-free body paragraphs, an optional button, the signature.
import { html, raw } from 'hono/html';
import type { Firm } from '../../db/database.ts';
import { translator, pickLanguage, type Translate, type Language } from '../../i18n/index.ts';

export interface MailContext {
  firm: Pick<Firm, 'trademark' | 'name' | 'brand_background' | 'brand_text'>;
  language: Language;
  t: Translate;
  /** The firm's email signature, already resolved for this mail. */
  signature: string;
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

export function mailContext(firm: MailContext['firm'], language: unknown, signature: string): MailContext {
  const lang = pickLanguage(language);
  return { firm, language: lang, t: translator(lang), signature };
}

export interface MailBody {
  subject: string;
  paragraphs: string[];
  action?: { label: string; url: string };
  footer?: string;
}

export async function frame(ctx: MailContext, body: MailBody): Promise<RenderedMail> {
  const text = [
    ...body.paragraphs,
    ...(body.action ? [`${body.action.label}:\n${body.action.url}`] : []),
    ...(body.footer ? [body.footer] : []),
    ctx.signature ? `-- \n${ctx.signature}` : '',
  ]
    .filter(Boolean)
    .join('\n\n');
  const page = html`<!DOCTYPE html>
<html lang="${ctx.language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${body.subject}</title></head>
<body style="margin:0;padding:0;background:#f4f6f8;font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;color:#1b1f24;line-height:1.5">
<div style="max-width:560px;margin:0 auto;padding:24px">
<div style="background:${ctx.firm.brand_background};color:${ctx.firm.brand_text};padding:16px 20px;font-weight:700;font-size:18px;border-radius:6px 6px 0 0">${ctx.firm.trademark}</div>
<div style="background:#fff;padding:20px;border:1px solid #c9d0d6;border-top:0;border-radius:0 0 6px 6px">
${body.paragraphs.map((p) => html`<p style="margin:0 0 16px">${p}</p>`)}
${body.action ? html`<p style="margin:24px 0"><a href="${body.action.url}" style="display:inline-block;background:#0b57d0;color:#fff;padding:12px 20px;border-radius:6px;font-weight:600;text-decoration:none">${body.action.label}</a></p><p style="font-size:13px;color:#4f5963;word-break:break-all">${body.action.url}</p>` : ''}
${body.footer ? html`<p style="font-size:13px;color:#4f5963">${body.footer}</p>` : ''}
${ctx.signature ? html`<p style="margin-top:24px;white-space:pre-line">${ctx.signature}</p>` : ''}
</div></div></body></html>`;
  return { subject: body.subject, text, html: String(await page) };
}

export { raw };
