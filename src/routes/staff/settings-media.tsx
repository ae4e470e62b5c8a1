// Uploads of the portal logo, icon and welcome video: streamed to the blob store with the limit enforced, then
// checked from their content (sharp for images, our own header reader for video) before the firm points at them.
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../app-env.ts';
import { currentActor } from '../../auth/request-info.ts';
import { recordAudit } from '../../db/queries/audit.ts';
import { updateFirm } from '../../db/queries/firm-settings.ts';
import type { FirmUpdate } from '../../db/database.ts';
import { blobSource, readBlob } from '../../media/byte-source.ts';
import { checkImage, IMAGE_MAX_BYTES } from '../../media/image-check.ts';
import { readVideoMeta, VideoFormatError } from '../../media/video-meta.ts';
import { redirectAfterPost } from '../../render.tsx';
import { discardUploads, receiveMultipart, UploadRejectedError, UploadTooLargeError, type UploadedFile } from '../../uploads/multipart.ts';
import { portalSettingsPage } from './settings-portal.tsx';

export const mediaSettingsRoutes = new Hono<AppEnv>();

export const VIDEO_MAX_BYTES = 25 * 1024 * 1024;
export const VIDEO_MAX_SECONDS = 30;
// Encoders round: a "30 second" clip often measures 30.02 s.
const VIDEO_TOLERANCE_SECONDS = 0.1;

type Kind = 'logo' | 'favicon' | 'video';

const limits: Record<Kind, { bytes: number; tooLarge: string }> = {
  logo: { bytes: IMAGE_MAX_BYTES, tooLarge: 'The logo is larger than 512 KB. Choose a smaller file.' },
  favicon: { bytes: IMAGE_MAX_BYTES, tooLarge: 'The icon is larger than 512 KB. Choose a smaller file.' },
  video: { bytes: VIDEO_MAX_BYTES, tooLarge: 'The video is larger than 25 MB. Choose a shorter or smaller file.' },
};

/** Receives the one file of field `kind`; a Response when the upload itself failed. */
async function receiveOne(c: Context<AppEnv>, kind: Kind): Promise<UploadedFile | Response> {
  const { blobs } = c.get('deps');
  try {
    const { files } = await receiveMultipart(c, { blobs, maxFileBytes: limits[kind].bytes, maxFiles: 1, fileFields: [kind] });
    const file = files.find((f) => f.field === kind);
    if (!file || file.size === 0) {
      await discardUploads(blobs, files);
      return portalSettingsPage(c, { errors: { [kind]: 'Choose a file to upload.' } }, 422);
    }
    return file;
  } catch (error) {
    if (error instanceof UploadTooLargeError) return portalSettingsPage(c, { errors: { [kind]: limits[kind].tooLarge } }, 413);
    if (error instanceof UploadRejectedError) return portalSettingsPage(c, { errors: { [kind]: 'The upload could not be read. Choose the file again and retry.' } }, 422);
    throw error;
  }
}

/** Points the firm at the new blob, records it, and only then deletes the blob it replaced. */
async function adopt(c: Context<AppEnv>, patch: FirmUpdate, oldKey: string | null, action: string, detail: Record<string, unknown>) {
  const { db, clock, blobs } = c.get('deps');
  const firm = c.get('firm');
  const now = clock.now();
  await db.transaction().execute(async (trx) => {
    await updateFirm(trx, firm.id, patch);
    await recordAudit(trx, firm.id, currentActor(c), { action, subjectType: 'firm', subjectId: firm.id, detail }, now);
  });
  if (oldKey) await blobs.delete(oldKey).catch(() => {});
}

for (const kind of ['logo', 'favicon'] as const) {
  const path = kind === 'logo' ? 'logo' : 'icon';
  mediaSettingsRoutes.post(`/settings/portal/${path}`, async (c) => {
    const file = await receiveOne(c, kind);
    if (file instanceof Response) return file;
    const { blobs } = c.get('deps');
    const firm = c.get('firm');
    const bytes = await readBlob(blobs, file.key);
    const check = bytes ? await checkImage(bytes, { square: kind === 'favicon' }) : { ok: false as const, message: 'The upload was lost. Please try again.' };
    if (!check.ok) {
      await discardUploads(blobs, [file]);
      return portalSettingsPage(c, { errors: { [kind]: check.message } }, 422);
    }
    const patch: FirmUpdate = kind === 'logo' ? { logo_key: file.key, logo_type: check.contentType } : { favicon_key: file.key, favicon_type: check.contentType };
    await adopt(c, patch, kind === 'logo' ? firm.logo_key : firm.favicon_key, `firm.${path}_changed`, { format: check.format, width: check.width, height: check.height, bytes: file.size });
    return redirectAfterPost(c, `/staff/settings/portal?m=${path}`);
  });

  mediaSettingsRoutes.post(`/settings/portal/${path}/remove`, async (c) => {
    const firm = c.get('firm');
    const patch: FirmUpdate = kind === 'logo' ? { logo_key: null, logo_type: null } : { favicon_key: null, favicon_type: null };
    const old = kind === 'logo' ? firm.logo_key : firm.favicon_key;
    if (old) await adopt(c, patch, old, `firm.${path}_removed`, {});
    return redirectAfterPost(c, `/staff/settings/portal?m=${path}-removed`);
  });
}

mediaSettingsRoutes.post('/settings/portal/video', async (c) => {
  const file = await receiveOne(c, 'video');
  if (file instanceof Response) return file;
  const { blobs } = c.get('deps');
  const firm = c.get('firm');
  let problem: string | undefined;
  let meta: Awaited<ReturnType<typeof readVideoMeta>> | undefined;
  try {
    meta = await readVideoMeta(blobSource(blobs, file.key, file.size));
    if (meta.durationSeconds > VIDEO_MAX_SECONDS + VIDEO_TOLERANCE_SECONDS) {
      problem = `The video is ${Math.round(meta.durationSeconds * 10) / 10} seconds long; the welcome video can be at most ${VIDEO_MAX_SECONDS} seconds.`;
    }
  } catch (error) {
    if (!(error instanceof VideoFormatError)) throw error;
    problem = `This file is ${error.message}. Upload an MP4 or WebM video of at most 30 seconds.`;
  }
  if (problem || !meta) {
    await discardUploads(blobs, [file]);
    return portalSettingsPage(c, { errors: { video: problem ?? 'The video could not be read.' } }, 422);
  }
  await adopt(c, { welcome_video_key: file.key, welcome_video_type: meta.contentType }, firm.welcome_video_key, 'firm.video_changed', { container: meta.container, seconds: Math.round(meta.durationSeconds * 10) / 10, bytes: file.size });
  return redirectAfterPost(c, '/staff/settings/portal?m=video');
});

mediaSettingsRoutes.post('/settings/portal/video/remove', async (c) => {
  const firm = c.get('firm');
  if (firm.welcome_video_key) await adopt(c, { welcome_video_key: null, welcome_video_type: null }, firm.welcome_video_key, 'firm.video_removed', {});
  return redirectAfterPost(c, '/staff/settings/portal?m=video-removed');
});
