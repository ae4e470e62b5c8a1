// Starts a real clamd (Debian's clamav-daemon) for a test: its own config, a signature database holding only
// the EICAR test string (no signature download is possible here), TCP on a free 127.0.0.1 port.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ping } from '../../src/files/clamav.ts';

export const CLAMD_BINARY = '/usr/sbin/clamd';

/** The EICAR anti-virus test file, assembled here so this source file itself is not flagged. */
export const EICAR = ['X5O!P%@AP[4\\PZX54(P^)7CC)7}$', 'EICAR-STANDARD-ANTIVIRUS-TEST-FILE!', '$H+H*'].join('');

export interface RunningClamd {
  host: string;
  port: number;
  env: Record<string, string>;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export async function startClamd(options: { streamMaxLength?: string } = {}): Promise<RunningClamd> {
  if (!existsSync(CLAMD_BINARY)) {
    throw new Error(`${CLAMD_BINARY} is missing: install Debian's clamav-daemon package (apt-get install -y clamav-daemon)`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'portico-clamd-'));
  const database = join(dir, 'db');
  mkdirSync(database);
  mkdirSync(join(dir, 'tmp'));
  const hex = Buffer.from(EICAR, 'latin1').toString('hex');
  writeFileSync(join(database, 'portico-test.ndb'), `Portico.Test.EICAR:0:*:${hex}\n`);
  const port = await freePort();
  const config = join(dir, 'clamd.conf');
  writeFileSync(
    config,
    [
      'Foreground yes',
      `TCPSocket ${port}`,
      'TCPAddr 127.0.0.1',
      `DatabaseDirectory ${database}`,
      `TemporaryDirectory ${join(dir, 'tmp')}`,
      `LogFile ${join(dir, 'clamd.log')}`,
      `PidFile ${join(dir, 'clamd.pid')}`,
      `StreamMaxLength ${options.streamMaxLength ?? '2M'}`,
      'MaxThreads 2',
      'SelfCheck 0',
      'Bytecode no',
      'ReadTimeout 30',
      'CommandReadTimeout 10',
      '',
    ].join('\n'),
  );
  const child: ChildProcess = spawn(CLAMD_BINARY, ['--config-file', config], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d) => (stderr += d));
  let exited = false;
  child.on('exit', () => (exited = true));

  const started = Date.now();
  while (!(await ping({ host: '127.0.0.1', port, timeoutMs: 1000 }))) {
    if (exited || Date.now() - started > 60_000) {
      const log = existsSync(join(dir, 'clamd.log')) ? readFileSync(join(dir, 'clamd.log'), 'utf8') : '';
      child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
      throw new Error(`clamd did not start: ${stderr}\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    host: '127.0.0.1',
    port,
    env: { CLAMAV_HOST: '127.0.0.1', CLAMAV_PORT: String(port) },
    async stop() {
      if (!exited) {
        const gone = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([gone, new Promise((r) => setTimeout(r, 5000))]);
        if (!exited) child.kill('SIGKILL');
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
