// A task's attachments for both sides: the file list (with "being checked" and "quarantined" states) and the
// upload form, which works as a plain multipart post and is enhanced by static/uploads.js (drag and drop, progress).
import type { Child } from 'hono/jsx';
import { assetUrl } from '../../assets.ts';
import { Notice } from '../components/form.tsx';
import { UploadForm } from './upload-form.tsx';

export const FILES_ID = 'task-files';
export const FILES_LIST_ID = 'task-files-list';
export const UPLOAD_LIVE_ID = 'upload-live';
export const UPLOAD_INPUT_ID = 'field-files';

export interface FileLabels {
  empty: string;
  listLabel: string;
  addedBy: (name: string) => string;
  fromMessages: string;
  download: string;
  preview: string;
  delete: string;
  deleteHint: string;
  pending: string;
  pendingHint: string;
  infected: string;
  infectedHint: string;
  uploadLabel: string;
  uploadHint: string;
  uploadButton: string;
  dropHint: string;
  dropHere: string;
  uploading: string;
  /** With {percent}. */
  uploadProgress: string;
  uploadFailed: string;
  errorTitle: string;
}

export interface FileRow {
  id: string;
  name: string;
  size: string;
  by: string;
  when: string;
  whenIso: string;
  status: 'clean' | 'pending' | 'infected';
  /** What the scanner found (staff only). */
  signature?: string | null;
  fromMessage: boolean;
  downloadUrl: string;
  previewUrl?: string;
  deleteUrl?: string;
}

export interface UploadFormState {
  action: string;
  accept: string;
  hint: string;
  errors: string[];
  /** The per-file limit, checked by the script before sending (the server enforces it anyway). */
  maxBytes: number;
  /** With {name} and {limit}. */
  tooLargeText: string;
}

export interface TaskFilesProps {
  labels: FileLabels;
  files: FileRow[];
  /** The list fragment's URL, polled while a file is being checked. */
  listUrl: string;
  /** The fragment's URL (the target of uploads and deletes). */
  fragmentUrl: string;
  /** No form when uploads are off for this viewer. */
  upload?: UploadFormState;
  /** Shown instead of the form (e.g. the task is closed). */
  uploadUnavailable?: string;
  notice?: string;
  /** A problem outside the form (a refused delete). */
  alert?: string;
}

function FileItem({ file, labels }: { file: FileRow; labels: FileLabels }) {
  const hidden = <span class="visually-hidden"> {file.name}</span>;
  return (
    <li class={`file-item file-${file.status}`} id={`file-${file.id}`}>
      <div class="file-main">
        {file.status === 'clean' ? (
          <a class="file-name" href={file.downloadUrl}>
            {file.name}
          </a>
        ) : (
          <span class="file-name">{file.name}</span>
        )}
        <span class="file-meta">
          {file.size} · {labels.addedBy(file.by)} · <time datetime={file.whenIso}>{file.when}</time>
          {file.fromMessage && <> · {labels.fromMessages}</>}
        </span>
        {file.status === 'pending' && (
          <span class="file-state">
            <span class="badge badge-pending">{labels.pending}</span> {labels.pendingHint}
          </span>
        )}
        {file.status === 'infected' && (
          <span class="file-state">
            <span class="badge badge-infected">{labels.infected}</span> {labels.infectedHint}
            {file.signature && <> ({file.signature})</>}
          </span>
        )}
      </div>
      <div class="file-actions">
        {file.status === 'clean' && (
          <a class="button small secondary" href={file.downloadUrl}>
            {labels.download}
            {hidden}
          </a>
        )}
        {file.status === 'clean' && file.previewUrl && (
          <a class="button small secondary" href={file.previewUrl}>
            {labels.preview}
            {hidden}
          </a>
        )}
        {file.deleteUrl && (
          <form method="post" action={file.deleteUrl} hx-post={file.deleteUrl} hx-target={`#${FILES_ID}`} hx-swap="outerHTML">
            <button type="submit" class="small secondary">
              {labels.delete}
              {hidden}
            </button>
          </form>
        )}
      </div>
    </li>
  );
}

export function FileList({ labels, files, listUrl }: Pick<TaskFilesProps, 'labels' | 'files' | 'listUrl'>) {
  const checking = files.some((f) => f.status === 'pending');
  const poll = checking ? { 'hx-get': listUrl, 'hx-trigger': 'every 5s', 'hx-swap': 'outerHTML' } : {};
  if (files.length === 0) {
    return (
      <div id={FILES_LIST_ID}>
        <p class="empty">{labels.empty}</p>
      </div>
    );
  }
  return (
    <div id={FILES_LIST_ID} {...poll}>
      <ul class="file-list" aria-label={labels.listLabel}>
        {files.map((file) => (
          <FileItem file={file} labels={labels} />
        ))}
      </ul>
      {files.some((f) => f.deleteUrl) && <p class="hint">{labels.deleteHint}</p>}
    </div>
  );
}

/** The part htmx and uploads.js swap: notice, list and form. */
export function TaskFiles(props: TaskFilesProps) {
  return (
    <div id={FILES_ID} class="task-files">
      {props.notice && <Notice kind="success">{props.notice}</Notice>}
      {props.alert && <Notice kind="warning">{props.alert}</Notice>}
      <FileList labels={props.labels} files={props.files} listUrl={props.listUrl} />
      {props.upload ? <UploadForm labels={props.labels} upload={props.upload} fragmentUrl={props.fragmentUrl} /> : props.uploadUnavailable ? <p class="hint">{props.uploadUnavailable}</p> : null}
    </div>
  );
}

/** What a task page puts in its attachments slot: the swappable part plus a live region that outlives swaps. */
export function TaskFilesPanel(props: TaskFilesProps & { children?: Child }) {
  return (
    <>
      <TaskFiles {...props} />
      <p id={UPLOAD_LIVE_ID} class="visually-hidden" role="status" aria-live="polite"></p>
      {props.upload && <script src={assetUrl('uploads.js')} defer></script>}
    </>
  );
}
