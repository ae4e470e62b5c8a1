// Every mail template by name; an outbox row names one and carries its payload.
import type { MailContext, RenderedMail } from './layout.ts';
import { portalInvite, portalLogin, staffLogin } from './sign-in.ts';
import { staffInvite } from './staff-invite.ts';
import { taskClientCompleted, taskDigest, taskShared } from './tasks.ts';
import { fileQuarantined, fileQuarantinedStaff, filesUploaded } from './files.ts';

// Payloads come from JSON in the outbox, so each template checks what it reads.
export type Template = (ctx: MailContext, payload: any) => Promise<RenderedMail>;

export const templates: Record<string, Template> = {
  'portal-login': portalLogin,
  'portal-invite': portalInvite,
  'staff-login': staffLogin,
  'staff-invite': staffInvite,
  'task-shared': taskShared,
  'task-digest': taskDigest,
  'task-client-completed': taskClientCompleted,
  'files-uploaded': filesUploaded,
  'file-quarantined': fileQuarantined,
  'file-quarantined-staff': fileQuarantinedStaff,
};
