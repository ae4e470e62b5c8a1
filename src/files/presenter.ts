// Turns file rows and upload problems into what the attachments view shows: labels in the viewer's language
// (portal) or English (staff), sizes and times in the viewer's format, and the links each side may use.
import type { TaskFile } from '../db/queries/files.ts';
import { formatDateTime } from '../format.ts';
import type { Translate } from '../i18n/index.ts';
import type { FileLabels, FileRow } from '../views/files/attachments.tsx';
import { kindByMime } from './kinds.ts';
import type { UploadProblem } from './upload.ts';

export function formatFileSize(bytes: number, locale: string): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  let number: string;
  try {
    number = new Intl.NumberFormat(locale, { maximumFractionDigits: unit === 0 || value >= 10 ? 0 : 1 }).format(value);
  } catch {
    number = value.toFixed(unit === 0 || value >= 10 ? 0 : 1);
  }
  return `${number} ${units[unit]}`;
}

export function portalFileLabels(t: Translate): FileLabels {
  return {
    empty: t('files.empty'),
    listLabel: t('files.listLabel'),
    addedBy: (name) => t('files.addedBy', { name }),
    fromMessages: t('files.fromMessages'),
    download: t('files.download'),
    preview: t('files.preview'),
    delete: t('files.delete'),
    deleteHint: t('files.deleteHint'),
    pending: t('files.pending'),
    pendingHint: t('files.pendingHint'),
    infected: t('files.infected'),
    infectedHint: t('files.infectedHint'),
    uploadLabel: t('files.uploadLabel'),
    uploadHint: '',
    uploadButton: t('files.uploadButton'),
    dropHint: t('files.dropHint'),
    dropHere: t('files.dropHere'),
    uploading: t('files.uploading'),
    uploadProgress: t('files.uploadProgress'),
    uploadFailed: t('files.uploadFailed'),
    errorTitle: t('files.errorTitle'),
  };
}

export const staffFileLabels: FileLabels = {
  empty: 'No files yet.',
  listLabel: 'Files on this task',
  addedBy: (name) => `added by ${name}`,
  fromMessages: 'from Messages',
  download: 'Download',
  preview: 'Preview',
  delete: 'Delete',
  deleteHint: 'Deleting removes the file for the client too.',
  pending: 'Being checked',
  pendingHint: 'The virus scan is not finished; it can be downloaded when it is.',
  infected: 'Quarantined',
  infectedHint: 'The virus scanner found malware; the file was removed and the uploader was told.',
  uploadLabel: 'Add files',
  uploadHint: '',
  uploadButton: 'Upload',
  dropHint: 'You can also drag files onto this task.',
  dropHere: 'Drop the files here to upload them',
  uploading: 'Upload progress',
  uploadProgress: 'Uploading: {percent}%',
  uploadFailed: 'The upload did not finish. Check your connection and try again.',
  errorTitle: 'The files were not uploaded',
};

/** One sentence per problem, each naming the file. */
export function problemMessages(problem: UploadProblem, t: Translate, locale: string): string[] {
  switch (problem.kind) {
    case 'too-large':
      return [t('files.errorTooLarge', { name: problem.name, limit: formatFileSize(problem.limit, locale) }), t('files.errorNothingKept')];
    case 'too-many':
      return [t('files.errorTooMany', { max: problem.max })];
    case 'none':
      return [t('files.errorNone')];
    case 'broken':
      return [t('files.errorBroken')];
    case 'refused': {
      const lines = problem.files.map((f) => {
        switch (f.reason) {
          case 'empty':
            return t('files.errorEmpty', { name: f.name });
          case 'blocked':
            return t('files.errorBlocked', { name: f.name });
          case 'not-allowed':
            return t('files.errorNotAllowed', { name: f.name });
          case 'mismatch': {
            const params = { name: f.name, kind: f.kind.extensions[0].toUpperCase(), extension: f.extension, expected: f.kind.extensions[0] };
            return f.extension ? t('files.errorMismatch', params) : t('files.errorNoExtension', params);
          }
        }
      });
      return [...lines, t('files.errorNothingKept')];
    }
  }
}

export interface RowOptions {
  locale: string;
  timezone: string;
  /** e.g. /tasks/{id}/files or /staff/tasks/{id}/files */
  base: string;
  /** The name shown for an uploader (e.g. "you" for the viewer's own uploads). */
  uploaderName: (file: TaskFile) => string;
  canDelete: (file: TaskFile) => boolean;
  showSignature: boolean;
}

export function fileRows(files: TaskFile[], options: RowOptions): FileRow[] {
  return files.map((file) => {
    const kind = kindByMime(file.contentType);
    const url = `${options.base}/${file.id}`;
    return {
      id: file.id,
      name: file.name,
      size: formatFileSize(file.size, options.locale),
      by: options.uploaderName(file),
      when: formatDateTime(file.createdAt, options.locale, options.timezone),
      whenIso: file.createdAt.toISOString(),
      status: file.scanStatus,
      signature: options.showSignature ? file.scanSignature : undefined,
      fromMessage: file.source === 'message',
      downloadUrl: url,
      previewUrl: kind?.preview ? `${url}?inline=1` : undefined,
      deleteUrl: options.canDelete(file) ? `${url}/delete` : undefined,
    };
  });
}

