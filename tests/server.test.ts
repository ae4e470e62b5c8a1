import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { serve } from '@hono/node-server';
import { shutdown } from '../src/shutdown.ts';

const test = suite('server process');
const entry = resolve(import.meta.dirname, '../src/server.ts');

function freePort(): Promise<number> {
  return new Promise((done) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => done(port));
    });
  });
}

// fetch() may not set Host, so use node:http to reach a firm's host on 127.0.0.1.
function get(port: number, path: string, host: string): Promise<{ status: number; body: string }> {
  return new Promise((done, fail) => {
    request({ host: '127.0.0.1', port, path, headers: { Host: host } }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => done({ status: res.statusCode ?? 0, body }));
    })
      .on('error', fail)
      .end();
  });
}

function start(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', entry], { env: { ...process.env, DATABASE_URL: '', LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  const ready = new Promise<void>((done, fail) => {
    const timer = setInterval(() => {
      if (output.includes('Portico is running')) {
        clearInterval(timer);
        done();
      }
    }, 100);
    exited.then(() => {
      clearInterval(timer);
      fail(new Error(`server exited early:\n${output}`));
    });
  });
  ready.catch(() => {}); // awaited by the tests that need it
  return { child, ready, exited, output: () => output };
}

test('a bad setting stops the process with one line naming the variable', async () => {
  const server = start({ PORT: 'abc' });
  const code = await server.exited;
  assert.is(code, 1);
  assert.is(server.output().trim(), 'Configuration error: PORT: must be a whole number from 1 to 65535, got "abc"');
});

test('npm start on a new embedded database seeds the demo firm, prints how to sign in, serves it, and stops cleanly on SIGTERM', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'portico-start-'));
  const port = await freePort();
  const server = start({ PORT: String(port), DATA_DIR: dataDir });
  try {
    await server.ready;
    const out = server.output();
    assert.ok(out.includes(`http://demo.localhost:${port}/`));
    assert.ok(out.includes('alex@example.test'));
    const login = await get(port, '/login', `demo.localhost:${port}`);
    assert.is(login.status, 200);
    assert.ok(login.body.includes('Demo Accounting'));
    const missing = await get(port, '/', `nosuch.localhost:${port}`);
    assert.is(missing.status, 404);
    assert.not.ok(missing.body.includes('Demo Accounting'));
    server.child.kill('SIGTERM');
    assert.is(await server.exited, 0);
  } finally {
    server.child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('shutdown lets a request in flight finish, then stops the other parts', async () => {
  let release: () => void = () => {};
  const gate = new Promise<void>((done) => (release = done));
  let entered: () => void = () => {};
  const inside = new Promise<void>((done) => (entered = done));
  const port = await freePort();
  const server = serve({ port, hostname: '127.0.0.1', fetch: async () => (entered(), await gate, new Response('finished')) });
  await new Promise((done) => server.once('listening', done));
  const answer = get(port, '/', 'x');
  await inside;
  const stopped: string[] = [];
  const stopping = shutdown(server, [{ stop: async () => void stopped.push('worker') }, { stop: async () => void stopped.push('db') }]);
  await new Promise((done) => setTimeout(done, 100));
  assert.equal(stopped, [], 'nothing stops while the request runs');
  release();
  assert.equal(await answer, { status: 200, body: 'finished' });
  assert.is(await stopping, 'drained');
  assert.equal(stopped, ['worker', 'db']);
});

test.run();
