// Tells apart the files that share the OLE compound file container (D0 CF 11 E0): Word, Excel and PowerPoint 97-2003,
// Outlook .msg, password-protected Office files, and Windows Installer packages (refused), by their stream names.

export interface RandomAccess {
  size: number;
  /** Up to `length` bytes from `offset`. */
  read(offset: number, length: number): Promise<Uint8Array>;
}

export type CompoundKind = 'doc' | 'xls' | 'ppt' | 'msg' | 'encrypted-office' | 'msi' | 'unknown';

const SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const END_OF_CHAIN = 0xfffffffe;
const MAX_DIRECTORY_SECTORS = 512;
// The root storage's class id of Windows Installer databases and patches: {000C1084-...}, {000C1086-...}.
const MSI_CLASS_PREFIXES = ['84100c00', '86100c00', '82100c00'];

export function isCompoundFile(head: Uint8Array): boolean {
  return SIGNATURE.every((byte, i) => head[i] === byte);
}

function u32(bytes: Uint8Array, at: number): number {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(at, true);
}

function u16(bytes: Uint8Array, at: number): number {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint16(at, true);
}

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

interface Directory {
  names: string[];
  rootClass: string;
}

async function readDirectory(file: RandomAccess): Promise<Directory | undefined> {
  const header = await file.read(0, 512);
  if (header.byteLength < 512 || !isCompoundFile(header)) return undefined;
  const shift = u16(header, 0x1e);
  if (shift !== 9 && shift !== 12) return undefined;
  const sectorSize = 1 << shift;
  const perSector = sectorSize / 4;
  const sectorOffset = (sector: number) => (sector + 1) * sectorSize;

  // Where each FAT sector lives: 109 entries in the header, the rest in a chain of DIFAT sectors.
  const fatSectors: number[] = [];
  for (let i = 0; i < 109; i++) fatSectors.push(u32(header, 0x4c + i * 4));
  let difat = u32(header, 0x44);
  for (let hops = 0; difat < END_OF_CHAIN && hops < 64 && sectorOffset(difat) < file.size; hops++) {
    const sector = await file.read(sectorOffset(difat), sectorSize);
    for (let i = 0; i < perSector - 1; i++) fatSectors.push(u32(sector, i * 4));
    difat = u32(sector, sectorSize - 4);
  }

  const fatCache = new Map<number, Uint8Array>();
  async function next(sector: number): Promise<number> {
    const index = Math.floor(sector / perSector);
    const fatSector = fatSectors[index];
    if (fatSector === undefined || fatSector >= END_OF_CHAIN) return END_OF_CHAIN;
    let bytes = fatCache.get(fatSector);
    if (!bytes) {
      bytes = await file.read(sectorOffset(fatSector), sectorSize);
      fatCache.set(fatSector, bytes);
    }
    const at = (sector % perSector) * 4;
    return at + 4 <= bytes.byteLength ? u32(bytes, at) : END_OF_CHAIN;
  }

  const names: string[] = [];
  let rootClass = '';
  const seen = new Set<number>();
  let sector = u32(header, 0x30);
  while (sector < END_OF_CHAIN && !seen.has(sector) && seen.size < MAX_DIRECTORY_SECTORS && sectorOffset(sector) < file.size) {
    seen.add(sector);
    const bytes = await file.read(sectorOffset(sector), sectorSize);
    for (let at = 0; at + 128 <= bytes.byteLength; at += 128) {
      const type = bytes[at + 0x42];
      if (type === 0) continue;
      const length = Math.min(64, u16(bytes, at + 0x40));
      const name = new TextDecoder('utf-16le').decode(bytes.subarray(at, at + Math.max(0, length - 2)));
      if (type === 5) rootClass = hex(bytes.subarray(at + 0x50, at + 0x60));
      names.push(name);
    }
    sector = await next(sector);
  }
  return { names, rootClass };
}

export async function compoundFileKind(file: RandomAccess): Promise<CompoundKind> {
  const directory = await readDirectory(file);
  if (!directory) return 'unknown';
  const { names, rootClass } = directory;
  const has = (name: string) => names.includes(name);
  // Installer databases name their streams in a private encoding (code points 0x3800-0x4840).
  if (MSI_CLASS_PREFIXES.some((p) => rootClass.startsWith(p)) || names.some((n) => [...n].some((ch) => ch.charCodeAt(0) >= 0x3800 && ch.charCodeAt(0) <= 0x4840))) {
    return 'msi';
  }
  if (has('EncryptedPackage') && has('EncryptionInfo')) return 'encrypted-office';
  if (has('WordDocument')) return 'doc';
  if (has('Workbook') || has('Book')) return 'xls';
  if (has('PowerPoint Document')) return 'ppt';
  if (has('__properties_version1.0') || names.some((n) => n.startsWith('__substg1.0_'))) return 'msg';
  return 'unknown';
}
