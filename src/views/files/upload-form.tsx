// The upload form: a plain multipart post (several files, the allowed types in `accept` so phones offer the camera
// and photos), its errors beside the field and in a summary, and the hooks static/uploads.js enhances.
import { FILES_ID, UPLOAD_INPUT_ID, UPLOAD_LIVE_ID, type FileLabels, type UploadFormState } from './attachments.tsx';

export function UploadForm({ labels, upload, fragmentUrl }: { labels: FileLabels; upload: UploadFormState; fragmentUrl: string }) {
  const invalid = upload.errors.length > 0;
  const describedBy = [`${UPLOAD_INPUT_ID}-hint`, invalid ? `${UPLOAD_INPUT_ID}-error` : ''].filter(Boolean).join(' ');
  return (
    <form
      class="upload-form"
      method="post"
      action={upload.action}
      enctype="multipart/form-data"
      data-uploads=""
      data-fragment-url={fragmentUrl}
      data-target={FILES_ID}
      data-live={UPLOAD_LIVE_ID}
      data-text-progress={labels.uploadProgress}
      data-text-failed={labels.uploadFailed}
      data-text-drop={labels.dropHere}
      data-max-bytes={String(upload.maxBytes)}
      data-text-too-large={upload.tooLargeText}
    >
      {invalid && (
        <div class="error-summary" role="alert" tabindex={-1} aria-labelledby="upload-errors-title">
          <h3 id="upload-errors-title">{labels.errorTitle}</h3>
          <ul>
            {upload.errors.map((error) => (
              <li>
                <a href={`#${UPLOAD_INPUT_ID}`}>{error}</a>
              </li>
            ))}
          </ul>
        </div>
      )}
      <div class={invalid ? 'field has-error' : 'field'}>
        <label for={UPLOAD_INPUT_ID}>{labels.uploadLabel}</label>
        <p class="hint" id={`${UPLOAD_INPUT_ID}-hint`}>
          {upload.hint}
        </p>
        {invalid && (
          <p class="field-error" id={`${UPLOAD_INPUT_ID}-error`}>
            {upload.errors.join(' ')}
          </p>
        )}
        <input
          type="file"
          id={UPLOAD_INPUT_ID}
          name="files"
          multiple
          required
          accept={upload.accept}
          aria-describedby={describedBy}
          aria-invalid={invalid ? 'true' : undefined}
        />
      </div>
      <p class="hint upload-drop-hint" data-drop-hint="" hidden>
        {labels.dropHint}
      </p>
      <div class="upload-progress" data-progress="" hidden>
        <label for="upload-progress-bar">{labels.uploading}</label>
        <progress id="upload-progress-bar" max={100} value={0}></progress>
      </div>
      <button type="submit">{labels.uploadButton}</button>
    </form>
  );
}
