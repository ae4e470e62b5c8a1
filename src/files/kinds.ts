// The kinds of file clients and staff may upload (PRODUCT.md section 7), and the ones refused by name.

export interface FileKind {
  id: string;
  /** Shown to people: "PDF", "Word document". */
  label: string;
  /** The Content-Type we serve it with (decided by us, never the browser's claim). */
  mime: string;
  /** Lower-case extensions a file of this kind may carry; the first is the usual one. */
  extensions: string[];
  /** Safe to show in the browser (PDF and raster images browsers render). */
  preview: boolean;
}

const kinds: FileKind[] = [
  { id: 'pdf', label: 'PDF', mime: 'application/pdf', extensions: ['pdf'], preview: true },
  { id: 'jpeg', label: 'JPEG image', mime: 'image/jpeg', extensions: ['jpg', 'jpeg', 'jpe', 'jfif'], preview: true },
  { id: 'png', label: 'PNG image', mime: 'image/png', extensions: ['png'], preview: true },
  { id: 'heic', label: 'HEIC image', mime: 'image/heic', extensions: ['heic', 'heif'], preview: false },
  { id: 'webp', label: 'WebP image', mime: 'image/webp', extensions: ['webp'], preview: true },
  { id: 'gif', label: 'GIF image', mime: 'image/gif', extensions: ['gif'], preview: true },
  { id: 'tiff', label: 'TIFF image', mime: 'image/tiff', extensions: ['tif', 'tiff'], preview: false },
  { id: 'doc', label: 'Word document', mime: 'application/msword', extensions: ['doc'], preview: false },
  { id: 'docx', label: 'Word document', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extensions: ['docx'], preview: false },
  { id: 'xls', label: 'Excel workbook', mime: 'application/vnd.ms-excel', extensions: ['xls'], preview: false },
  { id: 'xlsx', label: 'Excel workbook', mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['xlsx'], preview: false },
  { id: 'xlsm', label: 'Excel workbook with macros', mime: 'application/vnd.ms-excel.sheet.macroEnabled.12', extensions: ['xlsm'], preview: false },
  { id: 'ppt', label: 'PowerPoint presentation', mime: 'application/vnd.ms-powerpoint', extensions: ['ppt'], preview: false },
  { id: 'pptx', label: 'PowerPoint presentation', mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', extensions: ['pptx'], preview: false },
  { id: 'odt', label: 'OpenDocument text', mime: 'application/vnd.oasis.opendocument.text', extensions: ['odt'], preview: false },
  { id: 'ods', label: 'OpenDocument spreadsheet', mime: 'application/vnd.oasis.opendocument.spreadsheet', extensions: ['ods'], preview: false },
  { id: 'csv', label: 'CSV file', mime: 'text/csv; charset=utf-8', extensions: ['csv'], preview: false },
  { id: 'txt', label: 'Text file', mime: 'text/plain; charset=utf-8', extensions: ['txt'], preview: false },
  { id: 'rtf', label: 'RTF document', mime: 'application/rtf', extensions: ['rtf'], preview: false },
  { id: 'xml', label: 'XML file', mime: 'application/xml', extensions: ['xml'], preview: false },
  { id: 'zip', label: 'ZIP archive', mime: 'application/zip', extensions: ['zip'], preview: false },
  { id: 'eml', label: 'E-mail message', mime: 'message/rfc822', extensions: ['eml'], preview: false },
  { id: 'msg', label: 'Outlook message', mime: 'application/vnd.ms-outlook', extensions: ['msg'], preview: false },
];

export const fileKinds: ReadonlyMap<string, FileKind> = new Map(kinds.map((k) => [k.id, k]));

export function kindById(id: string): FileKind | undefined {
  return fileKinds.get(id);
}

/** The kind whose usual Content-Type this is (for rows written before a kind id was kept). */
export function kindByMime(mime: string): FileKind | undefined {
  return kinds.find((k) => k.mime === mime);
}

/** Kinds that carry this extension. */
export function kindsWithExtension(extension: string): FileKind[] {
  return kinds.filter((k) => k.extensions.includes(extension));
}

/** Programs, scripts, web pages and SVG: refused by extension whatever their content. */
export const blockedExtensions = new Set([
  'exe', 'dll', 'com', 'scr', 'pif', 'cpl', 'msi', 'msp', 'mst', 'sys', 'drv', 'ocx',
  'bat', 'cmd', 'ps1', 'psm1', 'psd1', 'vbs', 'vbe', 'js', 'jse', 'mjs', 'cjs', 'wsf', 'wsh', 'hta', 'reg', 'lnk', 'inf',
  'sh', 'bash', 'zsh', 'csh', 'ksh', 'fish', 'command', 'py', 'pyc', 'pl', 'rb', 'php', 'phtml', 'jsp', 'asp', 'aspx', 'cgi',
  'jar', 'class', 'apk', 'aab', 'ipa', 'app', 'dmg', 'pkg', 'deb', 'rpm', 'appimage', 'elf', 'so', 'dylib', 'bin', 'run', 'wasm',
  'html', 'htm', 'xhtml', 'shtml', 'mht', 'mhtml', 'svg', 'svgz', 'xsl', 'xslt',
]);

/** Content types file-type reports for programs and packages: refused whatever the name says. */
export const blockedDetected = new Set(['exe', 'elf', 'macho', 'mach-o', 'dex', 'apk', 'jar', 'xpi', 'crx', 'class', 'wasm', 'deb', 'rpm', 'msi', 'lnk', 'swf', 'dmg']);

/** The `accept` list for the file input: extensions plus image types, so phones offer the camera and photos. */
export const acceptAttribute = [
  ...kinds.flatMap((k) => k.extensions.map((e) => `.${e}`)),
  'image/jpeg',
  'image/png',
  'image/heic',
  'image/heif',
  'image/webp',
  'image/gif',
  'image/tiff',
  'application/pdf',
].join(',');

/** For messages: "PDF, JPEG, PNG, ...". */
export const allowedSummary = 'PDF, JPEG, PNG, HEIC, WebP, GIF, TIFF, Word (DOC, DOCX), Excel (XLS, XLSX, XLSM), PowerPoint (PPT, PPTX), ODT, ODS, CSV, TXT, RTF, XML, ZIP, EML, MSG';

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 && dot < name.length - 1 ? name.slice(dot + 1).toLowerCase() : '';
}
