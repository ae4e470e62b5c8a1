// npm run bench: seeds a fresh PostgreSQL database at scale, starts the app in this process, and measures side by
// side (autocannon in its own process, loopback, 50 connections; the pages in turns over BENCH_ROUNDS rounds, each
// figure the median of its rounds) a bare JSX page of the same size (the ceiling), the portal home of a contact with
// 20 open tasks, and a task page. Prints requests/s, p50/p99, the ratio to the ceiling, compressed bytes and SQL
// queries per page (counted on a repeat visit), against the budgets. Drops the database at the end unless BENCH_KEEP=1.
import { serve, type ServerType } from '@hono/node-server';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createApp } from '../src/app.tsx';
import type { Deps } from '../src/app-env.ts';
import { createSession, sessionCookieName } from '../src/auth/session.ts';
import { systemClock } from '../src/clock.ts';
import { loadConfig } from '../src/config.ts';
import { migrateToLatest, openPostgres } from '../src/db/connect.ts';
import { QueryCounter } from '../src/db/query-counter.ts';
import { createLogger } from '../src/log.ts';
import { LogTransport } from '../src/mail/log-transport.ts';
import { LocalBlobStore } from '../src/storage/local-blob-store.ts';
import { ceilingApp } from './ceiling.tsx';
import { compressedSize, runAutocannon, type LoadResult } from './load.ts';
import { benchPerson, isSeeded, seedAtScale, type BenchPerson } from './seed.ts';

const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const DATABASE = 'portico_bench';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
// The pages are measured in turns, several rounds, and each figure is the median of its rounds: this machine's
// speed drifts by 10-20 % from minute to minute, which one run per page would read as a difference between pages.
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
// BENCH_KEEP=1 keeps the seeded database after the run and reuses it next time (seeding takes minutes).
const KEEP = process.env.BENCH_KEEP === '1';
const BUDGET = { ratio: 0.35, p99: 25, queries: 4 };

const log = (line: string) => process.stdout.write(line + '\n');

async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

async function databaseExists(): Promise<boolean> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const result = await client.query('select 1 from pg_database where datname = $1', [DATABASE]);
    return result.rowCount === 1;
  } finally {
    await client.end();
  }
}

function listen(fetch: (req: Request) => Response | Promise<Response>): Promise<{ server: ServerType; port: number }> {
  return new Promise((resolve) => {
    const server = serve({ fetch, port: 0, hostname: '127.0.0.1' }, (info) => resolve({ server, port: info.port }));
  });
}

function close(server: ServerType): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function medianResult(results: LoadResult[]): LoadResult {
  const pick = (key: keyof LoadResult) => median(results.map((r) => r[key]));
  return { requestsPerSecond: pick('requestsPerSecond'), p50: pick('p50'), p99: pick('p99'), non2xx: results.reduce((n, r) => n + r.non2xx, 0), errors: results.reduce((n, r) => n + r.errors, 0), total: results.reduce((n, r) => n + r.total, 0) };
}

interface Target {
  name: string;
  url: string;
  headers: Record<string, string>;
  queries?: number;
}

async function main(): Promise<void> {
  const url = new URL(adminUrl);
  url.pathname = `/${DATABASE}`;
  const exists = await databaseExists();
  if (!KEEP || !exists) {
    log(`Creating ${DATABASE} on ${url.host}`);
    await admin(`drop database if exists ${DATABASE} with (force)`);
    await admin(`create database ${DATABASE}`);
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'portico-bench-'));
  const opened = await openPostgres(url.toString(), 10);
  const servers: ServerType[] = [];
  let drain = async () => {};
  try {
    await migrateToLatest(opened.db);
    let bench: BenchPerson;
    if (KEEP && (await isSeeded(opened.db))) {
      log(`Reusing the seeded ${DATABASE} (BENCH_KEEP=1).`);
      bench = await benchPerson(opened.db);
    } else {
      log('Seeding (set-based):');
      const started = performance.now();
      bench = await seedAtScale(opened.db, log);
      log(`Seeded in ${((performance.now() - started) / 1000).toFixed(0)} s.`);
    }

    const counter = new QueryCounter();
    const db = opened.db.withPlugin(counter);
    const probe = await listen(() => new Response(''));
    const port = probe.port;
    await close(probe.server);
    const config = loadConfig({ PORT: String(port), PORTAL_DOMAIN: 'localhost', LOG_LEVEL: 'error', DATABASE_URL: url.toString(), DATA_DIR: dataDir });
    const deps: Deps = { db, config, clock: systemClock, logger: createLogger('error'), mail: new LogTransport(null), blobs: new LocalBlobStore(join(dataDir, 'files')) };
    const app = createApp(deps);
    // Requests still running when a load run ends must finish before the pool closes.
    let inFlight = 0;
    const fetch = async (req: Request) => {
      inFlight++;
      try {
        return await app.fetch(req);
      } finally {
        inFlight--;
      }
    };
    const appServer = await new Promise<ServerType>((resolve) => {
      const server = serve({ fetch, port, hostname: '127.0.0.1' }, () => resolve(server));
    });
    drain = async () => {
      for (let i = 0; i < 200 && inFlight > 0; i++) await new Promise((r) => setTimeout(r, 50));
    };
    servers.push(appServer);
    const ceiling = await listen(ceilingApp().fetch);
    servers.push(ceiling.server);

    const session = await createSession(opened.db, { firmId: bench.firmId, kind: 'portal', portalUserId: bench.userId, contactId: bench.contactId }, new Date());
    const portalHeaders = { Host: `${bench.firmSlug}.localhost:${port}`, Cookie: `${sessionCookieName(config.cookieSecure)}=${session.token}`, 'Accept-Encoding': 'gzip' };
    const targets: Target[] = [
      { name: 'ceiling (bare JSX page)', url: `http://127.0.0.1:${ceiling.port}/`, headers: { 'Accept-Encoding': 'gzip' } },
      { name: 'portal home (20 open tasks)', url: `http://127.0.0.1:${port}/`, headers: portalHeaders },
      { name: 'task page', url: `http://127.0.0.1:${port}/tasks/${bench.taskId}`, headers: portalHeaders },
    ];

    log('');
    log(`Load average before measuring: ${loadavg().map((x) => x.toFixed(1)).join(' ')} on ${cpus().length} cores (other work on the machine skews the numbers).`);
    const sizes: Record<string, { status: number; bytes: number; encoding: string }> = {};
    for (const target of targets) {
      // Counted on a repeat visit: the first one also fills the firm cache.
      await compressedSize(target.url, target.headers);
      counter.reset();
      sizes[target.name] = await compressedSize(target.url, target.headers);
      if (target.name !== targets[0].name) target.queries = counter.count;
      if (sizes[target.name].status !== 200) throw new Error(`${target.name} answered ${sizes[target.name].status}`);
    }
    for (const target of targets) {
      log(`Warming up ${target.name}...`);
      await runAutocannon(target.url, target.headers, 2, CONNECTIONS);
    }
    const rounds: Record<string, LoadResult[]> = Object.fromEntries(targets.map((t) => [t.name, []]));
    for (let round = 1; round <= ROUNDS; round++) {
      for (const target of targets) {
        const r = await runAutocannon(target.url, target.headers, SECONDS, CONNECTIONS);
        rounds[target.name].push(r);
        log(`Round ${round}/${ROUNDS}, ${target.name}: ${r.requestsPerSecond.toFixed(0)} req/s, p99 ${r.p99} ms (${SECONDS} s at ${CONNECTIONS} connections)`);
      }
    }
    const results: Record<string, LoadResult> = Object.fromEntries(targets.map((t) => [t.name, medianResult(rounds[t.name])]));

    const top = results[targets[0].name].requestsPerSecond;
    log('');
    log(`Load average after measuring: ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
    log('page                          req/s   p50 ms  p99 ms  of ceiling  bytes (gzip)  SQL/page  non-2xx');
    for (const target of targets) {
      const r = results[target.name];
      const size = sizes[target.name];
      log(
        [
          target.name.padEnd(28),
          r.requestsPerSecond.toFixed(0).padStart(7),
          r.p50.toFixed(0).padStart(8),
          r.p99.toFixed(0).padStart(7),
          `${((r.requestsPerSecond / top) * 100).toFixed(0)} %`.padStart(11),
          `${size.bytes}${size.encoding === 'gzip' ? '' : ` (${size.encoding})`}`.padStart(13),
          (target.queries === undefined ? '-' : String(target.queries)).padStart(9),
          String(r.non2xx + r.errors).padStart(8),
        ].join(' '),
      );
    }
    log('');
    for (const target of targets.slice(1)) {
      const r = results[target.name];
      const ratio = r.requestsPerSecond / top;
      const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');
      log(
        `${target.name}: ratio ${(ratio * 100).toFixed(0)} % (budget >= ${BUDGET.ratio * 100} %: ${verdict(ratio >= BUDGET.ratio)}), ` +
          `p99 ${r.p99} ms (budget < ${BUDGET.p99} ms: ${verdict(r.p99 < BUDGET.p99)}), ` +
          `${target.queries} queries (budget <= ${BUDGET.queries}: ${verdict((target.queries ?? 99) <= BUDGET.queries)})`,
      );
    }
  } finally {
    await drain();
    for (const server of servers) await close(server);
    await opened.close();
    rmSync(dataDir, { recursive: true, force: true });
    if (KEEP) {
      log(`Kept ${DATABASE} (BENCH_KEEP=1).`);
    } else {
      await admin(`drop database if exists ${DATABASE} with (force)`);
      log(`Dropped ${DATABASE}.`);
    }
  }
}

await main();
