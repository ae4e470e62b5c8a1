// File mails: staff told of a client's upload; an uploader told their file was quarantined; staff alerted of it.
// Staff mail is in English like the staff screens; the client's mail goes through the catalogue in their language.
import { formatBytes } from '../../format.ts';
import { frame, type MailContext, type RenderedMail } from './layout.ts';

export interface FilesUploadedPayload {
  clientName: string;
  taskTitle: string;
  uploaderName: string;
  files: { name: string; size: number }[];
  url: string;
}

export function filesUploaded(ctx: MailContext, p: FilesUploadedPayload): Promise<RenderedMail> {
  const files = Array.isArray(p.files) ? p.files : [];
  const count = files.length === 1 ? 'a file' : `${files.length} files`;
  return frame(ctx, {
    subject: `${p.clientName}: ${count} uploaded to "${p.taskTitle}"`,
    paragraphs: [
      `${p.uploaderName} (${p.clientName}) uploaded ${count} to the task "${p.taskTitle}":`,
      files.map((f) => `- ${f.name} (${formatBytes(Number(f.size) || 0)})`).join('\n'),
    ],
    action: { label: 'Open the task', url: p.url },
  });
}

export interface FileQuarantinedPayload {
  audience: 'portal' | 'staff';
  name: string;
  taskTitle: string;
  url: string;
}

export function fileQuarantined(ctx: MailContext, p: FileQuarantinedPayload): Promise<RenderedMail> {
  if (p.audience === 'staff') {
    return frame(ctx, {
      subject: `Your upload ${p.name} was quarantined`,
      paragraphs: [
        `The virus scanner found malware in ${p.name}, which you uploaded to the task "${p.taskTitle}". The file was removed and nobody can download it.`,
        'Check the computer it came from with an up-to-date virus scanner before uploading it again.',
      ],
      action: { label: 'Open the task', url: p.url },
    });
  }
  const params = { name: p.name, task: p.taskTitle, trademark: ctx.firm.trademark };
  return frame(ctx, {
    subject: ctx.t('mail.fileQuarantined.subject', params),
    paragraphs: [ctx.t('mail.fileQuarantined.intro', params), ctx.t('mail.fileQuarantined.advice', params)],
    action: { label: ctx.t('mail.fileQuarantined.action', params), url: p.url },
  });
}

export interface FileQuarantinedStaffPayload {
  name: string;
  taskTitle: string;
  clientName: string;
  uploaderName: string;
  signature: string;
  url: string;
}

export function fileQuarantinedStaff(ctx: MailContext, p: FileQuarantinedStaffPayload): Promise<RenderedMail> {
  return frame(ctx, {
    subject: `Quarantined: ${p.name} from ${p.clientName}`,
    paragraphs: [
      `The virus scanner found ${p.signature} in ${p.name}, uploaded by ${p.uploaderName} (${p.clientName}) to the task "${p.taskTitle}".`,
      'The file was removed and cannot be downloaded; its record stays on the task as quarantined. The uploader has been told.',
    ],
    action: { label: 'Open the task', url: p.url },
  });
}
