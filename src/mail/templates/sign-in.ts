// Sign-in mails: the client's magic link, a portal invitation, the staff sign-in link.
import { frame, type MailContext, type RenderedMail } from './layout.ts';

export interface LinkPayload {
  url: string;
}

export function portalLogin(ctx: MailContext, p: LinkPayload): Promise<RenderedMail> {
  const trademark = ctx.firm.trademark;
  return frame(ctx, {
    subject: ctx.t('mail.login.subject', { trademark }),
    paragraphs: [ctx.t('mail.login.intro', { trademark })],
    action: { label: ctx.t('mail.login.action', { trademark }), url: p.url },
    footer: ctx.t('mail.login.ignore'),
  });
}

export function portalInvite(ctx: MailContext, p: LinkPayload): Promise<RenderedMail> {
  const trademark = ctx.firm.trademark;
  return frame(ctx, {
    subject: ctx.t('mail.invite.subject', { trademark }),
    paragraphs: [ctx.t('mail.invite.intro', { trademark }), ctx.t('mail.login.intro', { trademark })],
    action: { label: ctx.t('mail.login.action', { trademark }), url: p.url },
    footer: ctx.t('mail.login.ignore'),
  });
}

export function staffLogin(ctx: MailContext, p: LinkPayload): Promise<RenderedMail> {
  const trademark = ctx.firm.trademark;
  return frame(ctx, {
    subject: ctx.t('mail.staffLogin.subject', { trademark }),
    paragraphs: [ctx.t('mail.staffLogin.intro', { trademark })],
    action: { label: ctx.t('mail.login.action', { trademark }), url: p.url },
    footer: ctx.t('mail.login.ignore'),
  });
}
