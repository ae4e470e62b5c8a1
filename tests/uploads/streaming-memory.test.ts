// A 20 MB upload to a 10 MB limit over a real socket to the app in a child process: answered 413 before the
// client has finished sending, with the process's peak memory growing far less than the body.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { fork, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import { resolve } from 'node:path';

const MB = 1024 * 1024;

interface Ready {
  port: number;
  cookie: string;
  taskId: string;
  limit: number;
}

interface Report {
  baseline: number;
  peak: number;
  samples: number;
  rows: number;
  files: number;
}

function ask<T>(child: ChildProcess, type: string): Promise<T> {
  return new Promise((done) => {
    const listener = (message: { type: string } & T) => {
      if (message.type !== type) return;
      child.off('message', listener);
      done(message);
    };
    child.on('message', listener);
    child.send({ type });
  });
}

interface Sent {
  status: number;
  /** Body bytes written when the first byte of the response arrived. */
  sentAtResponse: number;
  total: number;
  responseText: string;
}

/** Streams a multipart body of `size` bytes in one file part; stops sending as soon as the server answers. */
function streamUpload(ready: Ready, size: number, name: string): Promise<Sent> {
  const boundary = '----portico' + Math.random().toString(16).slice(2);
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${name}"\r\nContent-Type: text/csv\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const total = head.length + size + tail.length;
  const host = `acme.localhost:${ready.port}`;
  const request = [
    `POST /tasks/${ready.taskId}/files HTTP/1.1`,
    `Host: ${host}`,
    `Origin: http://${host}`,
    `Cookie: ${ready.cookie}`,
    `Content-Type: multipart/form-data; boundary=${boundary}`,
    `Content-Length: ${total}`,
    'Connection: close',
    '',
    '',
  ].join('\r\n');
  const chunk = Buffer.alloc(64 * 1024, 0x61); // "aaaa...": valid text, so only the size can refuse it

  return new Promise((done, fail) => {
    const socket = connect(ready.port, '127.0.0.1');
    let sent = 0;
    let sentAtResponse = -1;
    let response = '';
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(response)?.[1] ?? 0);
      done({ status, sentAtResponse, total, responseText: response });
    };
    socket.on('data', (data) => {
      if (sentAtResponse < 0) sentAtResponse = sent;
      response += data.toString('utf8');
    });
    socket.on('end', finish);
    socket.on('close', finish);
    socket.on('error', (error: NodeJS.ErrnoException) => {
      // The server may close while we are still writing: that is the point. Anything else is a failure.
      if (error.code !== 'EPIPE' && error.code !== 'ECONNRESET') fail(error);
    });
    socket.on('connect', async () => {
      socket.write(request);
      const write = (bytes: Buffer) => new Promise<void>((next) => (socket.write(bytes) ? next() : socket.once('drain', () => next())));
      await write(head);
      sent += head.length;
      for (let left = size; left > 0 && sentAtResponse < 0 && !socket.destroyed; left -= chunk.length) {
        const piece = left >= chunk.length ? chunk : chunk.subarray(0, left);
        await write(piece);
        sent += piece.length;
      }
      if (sentAtResponse < 0 && !socket.destroyed) {
        await write(tail);
        sent += tail.length;
      }
    });
  });
}

const test = suite<{ child: ChildProcess; ready: Ready }>('upload streaming memory');

test.before(async (state) => {
  state.child = fork(resolve(import.meta.dirname, 'upload-server.ts'), [], {
    // A small young generation, so RSS follows what is kept rather than how lazily the collector returns garbage.
    execArgv: ['--import', 'tsx', '--max-semi-space-size=1'],
    env: { ...process.env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  state.ready = await new Promise<Ready>((done, fail) => {
    state.child.once('exit', (code) => fail(new Error(`the upload server exited with ${code}`)));
    state.child.on('message', (message: { type: string } & Ready) => {
      if (message.type === 'ready') done(message);
    });
  });
});

test.after(async ({ child }) => {
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.send({ type: 'stop' });
  await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
  if (child.exitCode === null) child.kill('SIGKILL');
});

test('20 MB to a 10 MB limit: 413 before the body is sent, memory growth far below the body, nothing kept', async ({ child, ready }) => {
  // Warm up the same path twice (over-limit uploads) so code loading and first-use allocations are in the baseline.
  for (const size of [11 * MB, 20 * MB]) {
    const warm = await streamUpload(ready, size, 'warm-up.csv');
    assert.is(warm.status, 413, warm.responseText.slice(0, 200));
  }
  await ask<{ rss: number }>(child, 'baseline');

  const result = await streamUpload(ready, 20 * MB, 'big.csv');
  const report = await ask<Report>(child, 'report');
  const growth = report.peak - report.baseline;
  console.log(`    peak RSS growth ${(growth / MB).toFixed(1)} MB for a ${(result.total / MB).toFixed(1)} MB body; answered after ${(result.sentAtResponse / MB).toFixed(1)} MB`);
  assert.is(result.status, 413);
  assert.ok(result.responseText.includes('big.csv is larger than the limit of 10 MB per file.'), 'the page names the file and the limit');
  assert.ok(report.samples >= 10, `memory was sampled during the upload (${report.samples} samples)`);
  assert.ok(growth < 10 * MB, `peak RSS grew by ${(growth / MB).toFixed(1)} MB`);
  assert.ok(result.sentAtResponse > 10 * MB, `the server read up to the limit (${result.sentAtResponse} bytes sent)`);
  assert.ok(result.sentAtResponse < result.total, `answered after ${result.sentAtResponse} of ${result.total} bytes`);
  assert.is(report.rows, 0, 'no row');
  assert.is(report.files, 0, 'no blob and no temp file');
});

test.run();
