// Small generated MP4 and WebM files with the headers our duration reader uses (no encoder on this machine).
function u32(n: number): number[] {
  return [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
}
function u64(n: number): number[] {
  return [...u32(Math.floor(n / 2 ** 32)), ...u32(n % 2 ** 32)];
}
function box(type: string, body: number[]): number[] {
  return [...u32(8 + body.length), ...[...type].map((c) => c.charCodeAt(0)), ...body];
}

export interface Mp4Options {
  version?: 0 | 1;
  /** Fragmented: mvhd says 0 and mehd carries the duration. */
  fragmented?: boolean;
  /** moov after a large mdat, as cameras write it. */
  moovAtEnd?: boolean;
  mdatBytes?: number;
  brand?: string;
}

export function makeMp4(seconds: number, options: Mp4Options = {}): Uint8Array {
  const timescale = 1000;
  const duration = Math.round(seconds * timescale);
  const brand = options.brand ?? 'isom';
  const ftyp = box('ftyp', [...[...brand].map((c) => c.charCodeAt(0)), ...u32(512), ...[...'isomiso2avc1mp41'].map((c) => c.charCodeAt(0))]);
  const v = options.version ?? 0;
  const declared = options.fragmented ? 0 : duration;
  const mvhdBody =
    v === 1
      ? [1, 0, 0, 0, ...u64(0), ...u64(0), ...u32(timescale), ...u64(declared), ...new Array(80).fill(0)]
      : [0, 0, 0, 0, ...u32(0), ...u32(0), ...u32(timescale), ...u32(declared), ...new Array(80).fill(0)];
  const children = [...box('mvhd', mvhdBody)];
  if (options.fragmented) children.push(...box('mvex', box('mehd', [0, 0, 0, 0, ...u32(duration)])));
  const moov = box('moov', children);
  const mdat = box('mdat', new Array(options.mdatBytes ?? 256).fill(0x42));
  const parts = options.moovAtEnd ? [...ftyp, ...mdat, ...moov] : [...ftyp, ...moov, ...mdat];
  return Uint8Array.from(parts);
}

function vint(size: number): number[] {
  if (size < 127) return [0x80 | size];
  if (size < 16383) return [0x40 | (size >> 8), size & 255];
  return [0x10, (size >> 16) & 255, (size >> 8) & 255, size & 255];
}
function idBytes(id: number): number[] {
  const out: number[] = [];
  for (let v = id; v > 0; v = Math.floor(v / 256)) out.unshift(v & 255);
  return out;
}
function el(id: number, body: number[]): number[] {
  return [...idBytes(id), ...vint(body.length), ...body];
}
function float64(n: number): number[] {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, n);
  return [...new Uint8Array(view.buffer)];
}
const UNKNOWN_SIZE = [0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff];

export interface WebmOptions {
  /** Leave Duration out, as live recorders (MediaRecorder) do: length comes from the blocks. */
  noDuration?: boolean;
  docType?: string;
}

export function makeWebm(seconds: number, options: WebmOptions = {}): Uint8Array {
  const header = el(0x1a45dfa3, [...el(0x4286, [1]), ...el(0x4282, [...(options.docType ?? 'webm')].map((c) => c.charCodeAt(0)))]);
  const info = el(0x1549a966, [...el(0x2ad7b1, [0x0f, 0x42, 0x40]), ...(options.noDuration ? [] : el(0x4489, float64(seconds * 1000)))]);
  const tracks = el(0x1654ae6b, el(0xae, [...el(0xd7, [1]), ...el(0x83, [1])]));
  const clusters: number[] = [];
  // One cluster per second, unknown size like a recorder writes them, each with a few blocks.
  for (let s = 0; s < Math.ceil(seconds); s++) {
    const blocks: number[] = [];
    for (const offset of [0, 500, Math.min(999, Math.round((seconds - s) * 1000))]) {
      if (s * 1000 + offset > seconds * 1000) continue;
      blocks.push(...el(0xa3, [0x81, (offset >> 8) & 255, offset & 255, 0x80, 1, 2, 3]));
    }
    const timecode = s * 1000;
    clusters.push(0x1f, 0x43, 0xb6, 0x75, ...UNKNOWN_SIZE, ...el(0xe7, [(timecode >> 8) & 255, timecode & 255]), ...blocks);
  }
  const segment = [0x18, 0x53, 0x80, 0x67, ...UNKNOWN_SIZE, ...info, ...tracks, ...clusters];
  return Uint8Array.from([...header, ...segment]);
}
