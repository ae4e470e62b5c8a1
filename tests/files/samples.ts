// Real sample files for the type checks, made in memory: PDF (pdf-lib), images (sharp), ZIP-based Office and
// OpenDocument files, OLE compound files (Word 97, Excel 97, Outlook .msg, Windows Installer), programs and scripts.
import { PDFDocument, StandardFonts } from 'pdf-lib';
import sharp from 'sharp';
import { crc32 } from 'node:zlib';

export async function samplePdf(text = 'Hello from Portico'): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage([300, 200]);
  page.drawText(text, { x: 20, y: 100, size: 14, font: await pdf.embedFont(StandardFonts.Helvetica) });
  return pdf.save();
}

export async function sampleImage(format: 'png' | 'jpeg' | 'webp' | 'gif' | 'tiff'): Promise<Uint8Array> {
  const image = sharp({ create: { width: 8, height: 8, channels: 3, background: { r: 200, g: 30, b: 30 } } });
  return new Uint8Array(await image.toFormat(format).toBuffer());
}

/** An ISO-BMFF header with the HEIC brand, as an iPhone photo starts. */
export function sampleHeic(): Uint8Array {
  const box = Buffer.alloc(24);
  box.writeUInt32BE(24, 0);
  box.write('ftypheic', 4, 'latin1');
  box.write('mif1heic', 16, 'latin1');
  return new Uint8Array(Buffer.concat([box, Buffer.alloc(200, 1)]));
}

/** A ZIP archive with stored (uncompressed) entries. */
export function zip(entries: { name: string; data: string | Uint8Array }[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const data = typeof entry.data === 'string' ? Buffer.from(entry.data, 'utf8') : Buffer.from(entry.data);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

const ooxmlMain: Record<string, [string, string]> = {
  docx: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml', 'word/document.xml'],
  xlsx: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml', 'xl/workbook.xml'],
  xlsm: ['application/vnd.ms-excel.sheet.macroEnabled.main+xml', 'xl/workbook.xml'],
  pptx: ['application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml', 'ppt/presentation.xml'],
};

export function sampleOoxml(kind: 'docx' | 'xlsx' | 'xlsm' | 'pptx'): Uint8Array {
  const [mime, part] = ooxmlMain[kind];
  const types = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/${part}" ContentType="${mime}"/></Types>`;
  return zip([
    { name: '[Content_Types].xml', data: types },
    { name: '_rels/.rels', data: '<?xml version="1.0"?><Relationships/>' },
    { name: part, data: '<?xml version="1.0"?><root/>' },
  ]);
}

export function sampleOpenDocument(kind: 'odt' | 'ods'): Uint8Array {
  const mime = kind === 'odt' ? 'application/vnd.oasis.opendocument.text' : 'application/vnd.oasis.opendocument.spreadsheet';
  return zip([
    { name: 'mimetype', data: mime },
    { name: 'content.xml', data: '<?xml version="1.0"?><office:document-content/>' },
  ]);
}

/** A minimal OLE compound file (512-byte sectors: FAT in sector 0, directory in sector 1) with these stream names. */
export function compoundFile(streams: string[], rootClass = new Uint8Array(16)): Uint8Array {
  const sector = 512;
  const header = Buffer.alloc(sector, 0);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x3e, 0x18);
  header.writeUInt16LE(3, 0x1a);
  header.writeUInt16LE(0xfffe, 0x1c);
  header.writeUInt16LE(9, 0x1e);
  header.writeUInt16LE(6, 0x20);
  header.writeUInt32LE(1, 0x2c); // FAT sectors
  header.writeUInt32LE(1, 0x30); // first directory sector
  header.writeUInt32LE(4096, 0x38);
  header.writeUInt32LE(0xfffffffe, 0x3c);
  header.writeUInt32LE(0xfffffffe, 0x44);
  for (let i = 0; i < 109; i++) header.writeUInt32LE(i === 0 ? 0 : 0xffffffff, 0x4c + i * 4);
  const entries = ['Root Entry', ...streams];
  const directorySectors = Math.ceil(entries.length / 4);
  const fat = Buffer.alloc(sector, 0xff);
  fat.writeUInt32LE(0xfffffffd, 0);
  for (let i = 0; i < directorySectors; i++) fat.writeUInt32LE(i === directorySectors - 1 ? 0xfffffffe : i + 2, (i + 1) * 4);
  const directory = Buffer.alloc(directorySectors * sector, 0);
  entries.forEach((name, i) => {
    const at = i * 128;
    const encoded = Buffer.from(name + '\0', 'utf16le');
    encoded.copy(directory, at, 0, Math.min(64, encoded.length));
    directory.writeUInt16LE(Math.min(64, encoded.length), at + 0x40);
    directory[at + 0x42] = i === 0 ? 5 : 2;
    directory.writeUInt32LE(0xffffffff, at + 0x44);
    directory.writeUInt32LE(0xffffffff, at + 0x48);
    directory.writeUInt32LE(i === 0 && entries.length > 1 ? 1 : 0xffffffff, at + 0x4c);
    if (i === 0) Buffer.from(rootClass).copy(directory, at + 0x50);
    directory.writeUInt32LE(0xfffffffe, at + 0x74);
  });
  return new Uint8Array(Buffer.concat([header, fat, directory]));
}

export const compoundSamples = {
  doc: () => compoundFile(['WordDocument', '1Table', '\u0005SummaryInformation']),
  xls: () => compoundFile(['Workbook', '\u0005SummaryInformation']),
  ppt: () => compoundFile(['PowerPoint Document', 'Current User']),
  msg: () => compoundFile(['__properties_version1.0', '__substg1.0_0037001F', '__nameid_version1.0']),
  encryptedXlsx: () => compoundFile(['EncryptionInfo', 'EncryptedPackage', '\u0006DataSpaces']),
  msi: () => compoundFile(['\u4840\u3f7f\u4164\u422f', '\u4840\u3b3f\u43f2'], Uint8Array.from([0x84, 0x10, 0x0c, 0x00, 0, 0, 0, 0, 0xc0, 0, 0, 0, 0, 0, 0, 0x46])),
};

/** The start of a Windows program: "MZ", a DOS stub and a PE header. */
export function sampleExe(): Uint8Array {
  const bytes = Buffer.alloc(1024, 0);
  bytes.write('MZ', 0, 'latin1');
  bytes.writeUInt32LE(0x80, 0x3c);
  bytes.write('PE\0\0', 0x80, 'latin1');
  bytes.write('This program cannot be run in DOS mode.', 0x4e, 'latin1');
  return new Uint8Array(bytes);
}

export function sampleElf(): Uint8Array {
  const bytes = Buffer.alloc(512, 0);
  Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]).copy(bytes);
  return new Uint8Array(bytes);
}

export const text = (s: string) => new TextEncoder().encode(s);
