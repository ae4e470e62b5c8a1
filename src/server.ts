// Process entry: config, database, migrations, demo seed, mail worker, HTTP server, graceful shutdown.
import { serve } from '@hono/node-server';
import { createApp } from './app.tsx';
import { systemClock } from './clock.ts';
import { ConfigError, firmOrigin, loadConfig } from './config.ts';
import { migrateToLatest, openDatabase } from './db/connect.ts';
import { createLogger } from './log.ts';
import { transportFromConfig } from './mail/transport.ts';
import { OutboxWorker } from './mail/worker.ts';
import { seedDemo } from './seed/index.ts';
import { shutdown } from './shutdown.ts';
import { blobStoreFromConfig } from './storage/index.ts';
import { scanQueueFor } from './files/scan-queue.ts';
import { startSweeper } from './storage/sweeper.ts';

let config;
try {
  config = loadConfig();
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(`Configuration error: ${error.message}`);
    process.exit(1);
  }
  throw error;
}

const logger = createLogger(config.logLevel);
const opened = await openDatabase(config);
await migrateToLatest(opened.db);
const seeded = opened.kind === 'pglite' && opened.created ? await seedDemo(opened.db) : false;

const mail = transportFromConfig(config);
const deps = { db: opened.db, config, clock: systemClock, logger, mail, blobs: blobStoreFromConfig(config) };
const worker = new OutboxWorker(deps, { from: config.mailFrom });
worker.start();
// Files: unreferenced blobs and stale temp files swept at start and hourly; files left 'pending' rescanned.
const sweeper = startSweeper(deps);
const scans = scanQueueFor(deps);
scans?.resume().catch((error: Error) => logger.error('scan queue resume failed', { error: error.message }));

const app = createApp(deps);
const server = serve({ fetch: app.fetch, port: config.port, hostname: '0.0.0.0' }, () => {
  const portal = firmOrigin(config, 'demo');
  console.log(
    [
      '',
      `Portico is running (${opened.kind === 'pglite' ? `embedded database in ${config.dataDir}` : 'PostgreSQL'}, mail: ${mail.name}).`,
      seeded ? 'Demo data was added to the new database.' : '',
      `  Client portal: ${portal}/`,
      `  Staff screens: ${portal}/staff/`,
      '',
      'Sign in as a client: open the portal, enter alex@example.test and press "Log in".',
      'Sign in as staff: open the staff screens and enter owner@demo.test.',
      mail.name === 'log' ? 'The sign-in link is printed here, in this console: open it in the browser.' : 'The sign-in link is sent by e-mail.',
      '',
    ]
      .filter((line, i, all) => line !== '' || all[i - 1] !== '')
      .join('\n'),
  );
});

let stopping = false;
async function onSignal(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info('shutting down', { signal });
  // Stop accepting, let in-flight requests finish (at most 10 s), then stop the background work and close the database.
  const outcome = await shutdown(server, [worker, sweeper, ...(scans ? [scans] : []), { stop: () => opened.close() }]);
  logger.info('stopped', { outcome });
  process.exit(0);
}
process.on('SIGTERM', () => void onSignal('SIGTERM'));
process.on('SIGINT', () => void onSignal('SIGINT'));
