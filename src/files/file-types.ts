// Decides a stored file's kind from its content (magic bytes via file-type, our own checks for text and compound
// files), refuses programs, scripts, web pages and SVG, and requires the name's extension to agree.
import { fileTypeFromStream } from 'file-type';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeWebStream } from 'node:stream/web';
import type { FileSource } from './blob-source.ts';
import { compoundFileKind, isCompoundFile } from './cfb.ts';
import { blockedDetected, blockedExtensions, extensionOf, kindById, type FileKind } from './kinds.ts';

export type TypeRefusal =
  /** Nothing in it. */
  | { reason: 'empty' }
  /** A program, script, web page or SVG image. */
  | { reason: 'blocked' }
  /** A kind we do not take (video, 7z, unknown binary...). */
  | { reason: 'not-allowed'; detected?: string }
  /** Content and extension disagree: "invoice.pdf" that is a JPEG. */
  | { reason: 'mismatch'; kind: FileKind; extension: string };

export type TypeVerdict = { ok: true; kind: FileKind } | ({ ok: false } & TypeRefusal);

const SNIFF_BYTES = 1024;
const textKinds = ['csv', 'txt', 'xml', 'eml'];

/** file-type's answer mapped to our kinds. */
const detectedKinds: Record<string, string> = {
  pdf: 'pdf',
  jpg: 'jpeg',
  png: 'png',
  heic: 'heic',
  webp: 'webp',
  gif: 'gif',
  tif: 'tiff',
  docx: 'docx',
  xlsx: 'xlsx',
  xlsm: 'xlsm',
  pptx: 'pptx',
  odt: 'odt',
  ods: 'ods',
  rtf: 'rtf',
  xml: 'xml',
  zip: 'zip',
};

async function detect(source: FileSource): Promise<string | undefined> {
  const web = await source.stream();
  // file-type destroys a Node stream when it has seen enough, which also releases the file or socket behind it.
  const node = Readable.fromWeb(web as NodeWebStream<Uint8Array>);
  try {
    return (await fileTypeFromStream(node))?.ext;
  } finally {
    node.destroy();
  }
}

/** true when the whole content is UTF-8 without NUL bytes. */
async function isUtf8Text(source: FileSource): Promise<boolean> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const reader = (await source.stream()).getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (value.includes(0)) return false;
      decoder.decode(value, { stream: true });
    }
    decoder.decode();
    return true;
  } catch {
    return false;
  } finally {
    await reader.cancel().catch(() => {});
  }
}

/** The start of a text file, lower-cased, without a byte order mark or leading white space. */
async function textStart(source: FileSource): Promise<string> {
  const head = await source.read(0, SNIFF_BYTES);
  return new TextDecoder('utf-8').decode(head).replace(/^\uFEFF/, '').trimStart().toLowerCase();
}

/** Web pages, SVG images and scripts written as text. */
function looksActive(start: string): boolean {
  if (start.startsWith('#!')) return true;
  if (/^<!doctype\s+(html|svg)/.test(start) || /^<(html|svg|script|body|head|iframe)[\s>/]/.test(start)) return true;
  // An XML prolog, comments and doctype may come before an svg or xhtml root.
  const root = start.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!doctype[^>]*>/g, '').trimStart();
  return /^<(svg|html)[\s>:/]/.test(root) || /^<[a-z0-9_-]+:(svg|html)[\s>/]/.test(root) || /xmlns(:\w+)?=["']http:\/\/www\.w3\.org\/(2000\/svg|1999\/xhtml)["']/.test(start);
}

function withExtension(kind: FileKind, extension: string): TypeVerdict {
  return kind.extensions.includes(extension) ? { ok: true, kind } : { ok: false, reason: 'mismatch', kind, extension };
}

export async function decideFileType(name: string, source: FileSource): Promise<TypeVerdict> {
  const extension = extensionOf(name);
  if (blockedExtensions.has(extension)) return { ok: false, reason: 'blocked' };
  if (source.size === 0) return { ok: false, reason: 'empty' };

  const head = await source.read(0, 8);
  if (isCompoundFile(head)) {
    const compound = await compoundFileKind(source);
    if (compound === 'msi') return { ok: false, reason: 'blocked' };
    if (compound === 'encrypted-office') {
      // A password-protected .docx/.xlsx/.pptx is a compound file; we cannot see inside, so the name decides which.
      const kind = ['docx', 'xlsx', 'xlsm', 'pptx'].includes(extension) ? kindById(extension) : undefined;
      return kind ? { ok: true, kind } : { ok: false, reason: 'mismatch', kind: kindById('docx')!, extension };
    }
    if (compound === 'unknown') return { ok: false, reason: 'not-allowed', detected: 'OLE compound file' };
    return withExtension(kindById(compound)!, extension);
  }

  const detected = await detect(source);
  if (detected) {
    if (blockedDetected.has(detected)) return { ok: false, reason: 'blocked' };
    const id = detectedKinds[detected];
    if (!id) return { ok: false, reason: 'not-allowed', detected: detected.toUpperCase() };
    if (id === 'xml' && looksActive(await textStart(source))) return { ok: false, reason: 'blocked' };
    if (id === 'xml' && !(await isUtf8Text(source))) return { ok: false, reason: 'not-allowed', detected: 'XML' };
    return withExtension(kindById(id)!, extension);
  }

  // No magic bytes: only text is left. It must be UTF-8 without NULs, and not a page, image or script in disguise.
  if (!(await isUtf8Text(source))) return { ok: false, reason: 'not-allowed' };
  const start = await textStart(source);
  if (looksActive(start)) return { ok: false, reason: 'blocked' };
  if (textKinds.includes(extension)) {
    if (extension === 'xml' && !start.startsWith('<')) return { ok: false, reason: 'mismatch', kind: kindById('txt')!, extension };
    return { ok: true, kind: kindById(extension)! };
  }
  return { ok: false, reason: 'mismatch', kind: kindById('txt')!, extension };
}
