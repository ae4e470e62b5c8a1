// The mail that invites a new staff member: who invited them, and a sign-in link (staff screens are in English).
import { frame, type MailContext, type RenderedMail } from './layout.ts';

export interface StaffInvitePayload {
  url: string;
  loginUrl: string;
  inviterName?: string;
  role?: string;
}

export function staffInvite(ctx: MailContext, p: StaffInvitePayload): Promise<RenderedMail> {
  const firm = ctx.firm.trademark;
  const who = typeof p.inviterName === 'string' && p.inviterName ? p.inviterName : firm;
  const role = p.role === 'admin' ? 'an admin' : 'a team member';
  return frame(ctx, {
    subject: `${who} invited you to ${firm} on Portico`,
    paragraphs: [
      `${who} added you as ${role} of ${firm}. Portico is where the firm shares tasks, documents and messages with its clients.`,
      'Use the link below to sign in. It works for 1 hour; after that, ask for a new link on the sign-in page:',
      p.loginUrl,
    ],
    action: { label: `Sign in to ${firm}`, url: p.url },
    footer: 'If you did not expect this, you can ignore this e-mail.',
  });
}
