// A small clamd client over TCP: INSTREAM scans (length-prefixed chunks, then a zero length) and PING.
// clamd answers once and closes; past its StreamMaxLength it answers an error and closes while we may still be
// writing, so writes may fail with EPIPE and the reply is read on close.
import { connect, type Socket } from 'node:net';
import { iterate } from '../storage/blob-store.ts';

export interface ClamdAddress {
  host: string;
  port: number;
  /** For the whole exchange; clamd on a large file may take a while. */
  timeoutMs?: number;
}

export type ScanResult = { clean: true } | { clean: false; signature: string };

export class ScanError extends Error {
  override name = 'ScanError';
}

const CHUNK = 64 * 1024;

/** What the writer may ask while it writes: has clamd already answered (then stop sending)? */
interface Exchange {
  answered(): boolean;
}

function exchange(address: ClamdAddress, write: (socket: Socket, state: Exchange) => Promise<void>): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: address.host, port: address.port });
    const chunks: Buffer[] = [];
    let settled = false;
    let writeError: Error | undefined;
    const finish = (error?: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      const reply = Buffer.concat(chunks).toString('utf8').replace(/\0+$/, '').trim();
      if (reply) resolve(reply);
      else if (error) reject(error);
      else if (writeError) {
        // clamd hung up mid-stream and its answer was lost with the reset: almost always StreamMaxLength.
        reject(new ScanError(`clamd closed the connection while the file was being sent (${writeError.message}); the file is probably larger than its StreamMaxLength`));
      } else reject(new ScanError('clamd closed the connection without an answer'));
    };
    const timer = setTimeout(() => finish(new ScanError(`clamd did not answer within ${address.timeoutMs ?? 60_000} ms`)), address.timeoutMs ?? 60_000);
    socket.on('data', (data) => chunks.push(data));
    socket.on('end', () => finish());
    socket.on('close', () => finish());
    socket.on('error', (error: NodeJS.ErrnoException) => {
      // EPIPE/ECONNRESET after clamd gave up on a stream: its answer is what counts.
      if (error.code === 'EPIPE' || error.code === 'ECONNRESET') {
        writeError = error;
        return;
      }
      finish(new ScanError(`clamd at ${address.host}:${address.port}: ${error.message}`));
    });
    socket.once('connect', () => {
      write(socket, { answered: () => chunks.length > 0 }).then(
        () => socket.end(),
        (error: Error) => {
          writeError = error;
        },
      );
    });
  });
}

function writeAsync(socket: Socket, bytes: Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => {
    if (socket.destroyed || !socket.writable) return reject(new ScanError('clamd closed the connection'));
    socket.write(bytes, (error) => (error ? reject(error) : resolve()));
  });
}

function lengthPrefix(length: number): Uint8Array {
  const prefix = new Uint8Array(4);
  new DataView(prefix.buffer).setUint32(0, length, false);
  return prefix;
}

export async function scanStream(address: ClamdAddress, body: AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>): Promise<ScanResult> {
  const reply = await exchange(address, async (socket, state) => {
    await writeAsync(socket, new TextEncoder().encode('zINSTREAM\0'));
    for await (const chunk of iterate(body)) {
      for (let at = 0; at < chunk.byteLength; at += CHUNK) {
        if (state.answered()) return; // an early answer is an error (size limit); stop sending
        const part = chunk.subarray(at, at + CHUNK);
        await writeAsync(socket, lengthPrefix(part.byteLength));
        await writeAsync(socket, part);
      }
    }
    await writeAsync(socket, lengthPrefix(0));
  });
  // "stream: OK", "stream: Eicar-Test-Signature FOUND", "INSTREAM size limit exceeded. ERROR"
  const found = /^stream: (.+) FOUND$/.exec(reply);
  if (found) return { clean: false, signature: found[1] };
  if (/^stream: OK$/.test(reply)) return { clean: true };
  throw new ScanError(`clamd: ${reply}`);
}

export async function ping(address: ClamdAddress): Promise<boolean> {
  try {
    return (await exchange({ ...address, timeoutMs: address.timeoutMs ?? 5000 }, (socket) => writeAsync(socket, new TextEncoder().encode('zPING\0')))) === 'PONG';
  } catch {
    return false;
  }
}
