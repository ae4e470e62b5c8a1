// Reads a video's container and duration from its own headers: MP4 (mvhd, mehd or sidx) and WebM
// (Info/Duration, else the last block's timecode). music-metadata misses video-only, fragmented and recorded files.
import type { ByteSource } from './byte-source.ts';

export type VideoMeta = { container: 'mp4' | 'webm'; contentType: string; durationSeconds: number };
export class VideoFormatError extends Error {
  override name = 'VideoFormatError';
}

const ascii = (bytes: Uint8Array) => String.fromCharCode(...bytes);
const u32 = (b: Uint8Array, at: number) => ((b[at] << 24) >>> 0) + (b[at + 1] << 16) + (b[at + 2] << 8) + b[at + 3];
const u64 = (b: Uint8Array, at: number) => u32(b, at) * 2 ** 32 + u32(b, at + 4);

const mp4Brands = new Set(['isom', 'iso2', 'iso3', 'iso4', 'iso5', 'iso6', 'iso8', 'iso9', 'mp41', 'mp42', 'avc1', 'dash', 'M4V ', 'mmp4', 'msnv', 'XAVC', 'cmfc', 'cmf2']);

interface Box {
  type: string;
  start: number;
  headerSize: number;
  end: number;
}

async function boxesIn(src: ByteSource, start: number, end: number): Promise<Box[]> {
  const boxes: Box[] = [];
  let at = start;
  while (at + 8 <= end && boxes.length < 10_000) {
    const head = await src.read(at, 16);
    if (head.byteLength < 8) break;
    let size = u32(head, 0);
    const type = ascii(head.subarray(4, 8));
    let headerSize = 8;
    if (size === 1) {
      if (head.byteLength < 16) throw new VideoFormatError('truncated MP4 box');
      size = u64(head, 8);
      headerSize = 16;
    } else if (size === 0) {
      size = end - at;
    }
    if (size < headerSize) throw new VideoFormatError('invalid MP4 box size');
    boxes.push({ type, start: at, headerSize, end: Math.min(end, at + size) });
    at += size;
  }
  return boxes;
}

async function mp4Duration(src: ByteSource): Promise<number | undefined> {
  const top = await boxesIn(src, 0, src.size);
  const moov = top.find((b) => b.type === 'moov');
  let timescale = 0;
  if (moov) {
    const children = await boxesIn(src, moov.start + moov.headerSize, moov.end);
    const mvhd = children.find((b) => b.type === 'mvhd');
    if (mvhd) {
      const body = await src.read(mvhd.start + mvhd.headerSize, 32);
      const version = body[0];
      timescale = version === 1 ? u32(body, 20) : u32(body, 12);
      const duration = version === 1 ? u64(body, 24) : u32(body, 16);
      const unknown = version === 1 ? duration >= 2 ** 64 - 1 : duration === 0xffffffff;
      if (timescale > 0 && duration > 0 && !unknown) return duration / timescale;
    }
    // Fragmented MP4: the movie header says 0; the movie extends header may carry the total.
    const mvex = children.find((b) => b.type === 'mvex');
    if (mvex && timescale > 0) {
      const mehd = (await boxesIn(src, mvex.start + mvex.headerSize, mvex.end)).find((b) => b.type === 'mehd');
      if (mehd) {
        const body = await src.read(mehd.start + mehd.headerSize, 12);
        const duration = body[0] === 1 ? u64(body, 4) : u32(body, 4);
        if (duration > 0) return duration / timescale;
      }
    }
  }
  // Segment indexes: the sum of their subsegment durations.
  let total = 0;
  for (const sidx of top.filter((b) => b.type === 'sidx')) {
    const body = await src.read(sidx.start + sidx.headerSize, sidx.end - sidx.start - sidx.headerSize);
    const version = body[0];
    const scale = u32(body, 8);
    let at = version === 0 ? 20 : 28;
    const count = (body[at + 2] << 8) + body[at + 3];
    at += 4;
    let sum = 0;
    for (let i = 0; i < count && at + 12 <= body.byteLength; i++, at += 12) sum += u32(body, at + 4);
    if (scale > 0) total += sum / scale;
  }
  return total > 0 ? total : undefined;
}

// EBML (WebM) element ids and variable-length integers.
const EBML = 0x1a45dfa3;
const DOC_TYPE = 0x4282;
const SEGMENT = 0x18538067;
const INFO = 0x1549a966;
const TIMECODE_SCALE = 0x2ad7b1;
const DURATION = 0x4489;
const CLUSTER = 0x1f43b675;
const CLUSTER_TIMECODE = 0xe7;
const SIMPLE_BLOCK = 0xa3;
const BLOCK_GROUP = 0xa0;
const BLOCK = 0xa1;
const LEVEL1 = new Set([0x114d9b74, INFO, 0x1654ae6b, CLUSTER, 0x1c53bb6b, 0x1941a469, 0x1043a770, 0x1254c367]);

interface Element {
  id: number;
  dataStart: number;
  /** undefined for an element of unknown size (live recordings). */
  dataEnd: number | undefined;
}

async function readElement(src: ByteSource, at: number): Promise<Element | undefined> {
  const head = await src.read(at, 12);
  if (head.byteLength < 2) return undefined;
  const idLength = Math.clz32(head[0]) - 23;
  if (idLength < 1 || idLength > 4) throw new VideoFormatError('invalid EBML id');
  let id = 0;
  for (let i = 0; i < idLength; i++) id = id * 256 + head[i];
  const first = head[idLength];
  const sizeLength = Math.clz32(first) - 23;
  if (sizeLength < 1 || sizeLength > 8 || idLength + sizeLength > head.byteLength) throw new VideoFormatError('invalid EBML size');
  let size = first & (0xff >> sizeLength);
  let allOnes = size === 0xff >> sizeLength;
  for (let i = 1; i < sizeLength; i++) {
    const byte = head[idLength + i];
    size = size * 256 + byte;
    allOnes &&= byte === 0xff;
  }
  const dataStart = at + idLength + sizeLength;
  return { id, dataStart, dataEnd: allOnes ? undefined : dataStart + size };
}

async function readUint(src: ByteSource, e: Element): Promise<number> {
  const bytes = await src.read(e.dataStart, Math.min(8, (e.dataEnd ?? e.dataStart) - e.dataStart));
  let value = 0;
  for (const byte of bytes) value = value * 256 + byte;
  return value;
}

async function readFloat(src: ByteSource, e: Element): Promise<number> {
  const length = (e.dataEnd ?? e.dataStart) - e.dataStart;
  const bytes = await src.read(e.dataStart, length);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (length === 4) return view.getFloat32(0);
  if (length === 8) return view.getFloat64(0);
  return 0;
}

async function webmDuration(src: ByteSource): Promise<number | undefined> {
  const header = await readElement(src, 0);
  if (!header || header.id !== EBML || header.dataEnd === undefined) throw new VideoFormatError('not an EBML file');
  let docType = '';
  for (let at = header.dataStart; at < header.dataEnd; ) {
    const e = await readElement(src, at);
    if (!e || e.dataEnd === undefined) break;
    if (e.id === DOC_TYPE) docType = ascii(await src.read(e.dataStart, e.dataEnd - e.dataStart)).replace(/\0+$/, '');
    at = e.dataEnd;
  }
  if (docType !== 'webm') throw new VideoFormatError(docType ? `a ${docType} file, not WebM` : 'not a WebM file');
  const segment = await readElement(src, header.dataEnd);
  if (!segment || segment.id !== SEGMENT) throw new VideoFormatError('no WebM segment');
  const segmentEnd = Math.min(segment.dataEnd ?? src.size, src.size);

  let scale = 1_000_000;
  let declared = 0;
  let lastTick = 0;
  let steps = 0;
  let at = segment.dataStart;
  let clusterTime = 0;
  let clusterEnd: number | undefined;
  while (at < segmentEnd && steps++ < 2_000_000) {
    const e = await readElement(src, at);
    if (!e) break;
    if (clusterEnd !== undefined && (at >= clusterEnd || LEVEL1.has(e.id))) clusterEnd = undefined;
    if (e.id === INFO && e.dataEnd !== undefined) {
      for (let i = e.dataStart; i < e.dataEnd; ) {
        const child = await readElement(src, i);
        if (!child || child.dataEnd === undefined) break;
        if (child.id === TIMECODE_SCALE) scale = (await readUint(src, child)) || scale;
        if (child.id === DURATION) declared = await readFloat(src, child);
        i = child.dataEnd;
      }
      if (declared > 0) return (declared * scale) / 1e9;
      at = e.dataEnd;
    } else if (e.id === CLUSTER) {
      clusterTime = 0;
      clusterEnd = e.dataEnd ?? segmentEnd;
      at = e.dataStart; // descend into the cluster
    } else if (clusterEnd !== undefined && e.id === CLUSTER_TIMECODE) {
      clusterTime = await readUint(src, e);
      at = e.dataEnd ?? segmentEnd;
    } else if (clusterEnd !== undefined && (e.id === SIMPLE_BLOCK || e.id === BLOCK_GROUP)) {
      let block = e;
      if (e.id === BLOCK_GROUP && e.dataEnd !== undefined) {
        const inner = await readElement(src, e.dataStart);
        if (inner?.id === BLOCK) block = inner;
      }
      const head = await src.read(block.dataStart, 11);
      const trackLength = Math.clz32(head[0]) - 23;
      if (trackLength >= 1 && trackLength <= 8 && head.byteLength >= trackLength + 2) {
        const relative = new DataView(head.buffer, head.byteOffset + trackLength, 2).getInt16(0);
        lastTick = Math.max(lastTick, clusterTime + relative);
      }
      at = e.dataEnd ?? segmentEnd;
    } else {
      if (e.dataEnd === undefined) break;
      at = e.dataEnd;
    }
  }
  return lastTick > 0 ? (lastTick * scale) / 1e9 : undefined;
}

/** The container and duration of an MP4 or WebM file, or a VideoFormatError saying why not. */
export async function readVideoMeta(src: ByteSource): Promise<VideoMeta> {
  const head = await src.read(0, 64);
  if (head.byteLength >= 12 && ascii(head.subarray(4, 8)) === 'ftyp') {
    const major = ascii(head.subarray(8, 12));
    const size = Math.min(u32(head, 0), head.byteLength);
    const compatible = [];
    for (let at = 16; at + 4 <= size; at += 4) compatible.push(ascii(head.subarray(at, at + 4)));
    if (major === 'qt  ') throw new VideoFormatError('a QuickTime (.mov) file, not MP4');
    if (!mp4Brands.has(major) && !compatible.some((b) => mp4Brands.has(b))) throw new VideoFormatError(`an ISO media file of type "${major.trim()}", not an MP4 video`);
    const duration = await mp4Duration(src);
    if (duration === undefined) throw new VideoFormatError('an MP4 file whose length could not be read');
    return { container: 'mp4', contentType: 'video/mp4', durationSeconds: duration };
  }
  if (head.byteLength >= 4 && u32(head, 0) === EBML) {
    const duration = await webmDuration(src);
    if (duration === undefined) throw new VideoFormatError('a WebM file whose length could not be read');
    return { container: 'webm', contentType: 'video/webm', durationSeconds: duration };
  }
  throw new VideoFormatError('not an MP4 or WebM video');
}
