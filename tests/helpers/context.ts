// The test app: the real createApp on the run's database, a movable clock, captured mail, and sign-in helpers.
import { createApp } from '../../src/app.tsx';
import type { Deps } from '../../src/app-env.ts';
import { ManualClock } from '../../src/clock.ts';
import { loadConfig, type Config } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';
import { LogTransport } from '../../src/mail/log-transport.ts';
import type { MailTransport } from '../../src/mail/types.ts';
import { OutboxWorker } from '../../src/mail/worker.ts';
import { LocalBlobStore } from '../../src/storage/local-blob-store.ts';
import type { BlobStore } from '../../src/storage/blob-store.ts';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TestBrowser, type Page } from './browser-client.ts';
import { resetDatabase, testDatabase } from './db.ts';

export const TEST_NOW = new Date('2026-11-30T09:00:00Z');

export interface TestContextOptions {
  env?: Record<string, string>;
  mail?: MailTransport;
  blobs?: BlobStore;
  now?: Date;
}

export async function createTestContext(options: TestContextOptions = {}) {
  const database = await testDatabase();
  const db = database.db;
  await resetDatabase(db);
  const clock = new ManualClock(options.now ?? TEST_NOW);
  const captured = new LogTransport(null);
  const mail = options.mail ?? captured;
  const dataDir = mkdtempSync(join(tmpdir(), 'portico-test-'));
  const config: Config = loadConfig({ PORTAL_DOMAIN: 'localhost', PORT: '3000', LOG_LEVEL: 'silent', DATA_DIR: dataDir, ...options.env });
  const blobs = options.blobs ?? new LocalBlobStore(join(dataDir, 'files'));
  const logger = createLogger(config.logLevel);
  const deps: Deps = { db, config, clock, logger, mail, blobs };
  const app = createApp(deps);
  const worker = new OutboxWorker(deps, { from: config.mailFrom });

  const ctx = {
    db,
    clock,
    mail: captured,
    blobs,
    config,
    deps,
    app,
    worker,
    /** A new browser on a firm's host, e.g. ctx.browser('demo'). */
    browser(slug: string) {
      return new TestBrowser(app, `${slug}.localhost`);
    },
    /** Runs the outbox worker and returns the newest mail to this address (captured transport). */
    async lastMailTo(address: string) {
      await worker.runOnce();
      const all = captured.to(address);
      return all[all.length - 1];
    },
    /** Signs a contact in through the real magic-link flow and returns the browser holding the session. */
    async signInClient(slug: string, email: string): Promise<TestBrowser> {
      const browser = ctx.browser(slug);
      const asked = await browser.post('/login', { email });
      if (asked.status !== 200) throw new Error(`POST /login answered ${asked.status}`);
      const message = await ctx.lastMailTo(email);
      if (!message) throw new Error(`no login mail for ${email}`);
      const link = new URL(message.links.find((l) => l.includes('/login/link'))!);
      const confirm = await browser.get(link.pathname + link.search);
      if (confirm.status !== 200) throw new Error(`link page answered ${confirm.status}: ${confirm.visibleText}`);
      const signedIn = await browser.post('/login/link', { token: link.searchParams.get('token')! });
      if (signedIn.status !== 303 || signedIn.location !== '/') throw new Error(`sign-in answered ${signedIn.status} ${signedIn.location}`);
      return browser;
    },
    /** Signs a staff member in through the real staff magic-link flow. */
    async signInStaff(slug: string, email: string): Promise<TestBrowser> {
      const browser = ctx.browser(slug);
      await browser.post('/staff/login', { email });
      const message = await ctx.lastMailTo(email);
      if (!message) throw new Error(`no staff login mail for ${email}`);
      const link = new URL(message.links.find((l) => l.includes('/staff/login/link'))!);
      const signedIn = await browser.post('/staff/login/link', { token: link.searchParams.get('token')! });
      if (signedIn.status !== 303) throw new Error(`staff sign-in answered ${signedIn.status}: ${signedIn.visibleText}`);
      return browser;
    },
  };
  return ctx;
}

export type TestContext = Awaited<ReturnType<typeof createTestContext>>;
export type { Page };
