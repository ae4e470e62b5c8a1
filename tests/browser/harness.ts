// Browser-test harness: the real server on a free port (seeded demo data), Debian Chromium through playwright-core,
// axe-core checks, CSP-violation capture, and sign-in through the real magic-link flow.
import { serve, type ServerType } from '@hono/node-server';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { createApp } from '../../src/app.tsx';
import type { Deps } from '../../src/app-env.ts';
import { systemClock } from '../../src/clock.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';
import { LogTransport } from '../../src/mail/log-transport.ts';
import { OutboxWorker } from '../../src/mail/worker.ts';
import { seedDemo } from '../../src/seed/index.ts';
import { LocalBlobStore } from '../../src/storage/local-blob-store.ts';
import { closeTestDatabase, resetDatabase, testDatabase } from '../helpers/db.ts';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface TestServer {
  port: number;
  deps: Deps;
  mail: LogTransport;
  worker: OutboxWorker;
  origin(slug: string): string;
  /** Sends due mail and returns the newest message to this address. */
  lastMailTo(address: string): Promise<ReturnType<LogTransport['to']>[number] | undefined>;
  stop(): Promise<void>;
}

let server: Promise<TestServer> | undefined;

async function startServer(): Promise<TestServer> {
  const { db } = await testDatabase();
  await resetDatabase(db);
  const dataDir = mkdtempSync(join(tmpdir(), 'portico-browser-'));
  const blobs = new LocalBlobStore(join(dataDir, 'files'));
  await seedDemo(db, new Date(), blobs);
  let http: ServerType | undefined;
  const port = await new Promise<number>((resolve) => {
    // Port 0 first to learn a free port; the config needs it for absolute links.
    const probe = serve({ fetch: () => new Response(''), port: 0, hostname: '127.0.0.1' }, (info) => {
      probe.close(() => resolve(info.port));
    });
  });
  const config = loadConfig({ PORT: String(port), PORTAL_DOMAIN: 'localhost', LOG_LEVEL: 'error', DATA_DIR: dataDir });
  const mail = new LogTransport(null);
  const deps: Deps = { db, config, clock: systemClock, logger: createLogger('error'), mail, blobs };
  const worker = new OutboxWorker(deps, { from: config.mailFrom });
  const app = createApp(deps);
  await new Promise<void>((resolve) => {
    http = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, () => resolve());
  });
  return {
    port,
    deps,
    mail,
    worker,
    origin: (slug) => `http://${slug}.localhost:${port}`,
    async lastMailTo(address) {
      await worker.runOnce();
      const all = mail.to(address);
      return all[all.length - 1];
    },
    async stop() {
      await new Promise<void>((resolve) => http!.close(() => resolve()));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The run's server (one per run, demo data seeded). */
export function testServer(): Promise<TestServer> {
  server ??= startServer();
  return server;
}

export async function stopTestServer(): Promise<void> {
  await closeChecker();
  if (server) await (await server).stop();
  server = undefined;
  await closeTestDatabase();
}

export interface BrowserOptions {
  javaScript?: boolean;
  width?: number;
  height?: number;
}

export interface TestBrowserSession {
  context: BrowserContext;
  page: Page;
  /** CSP violations and page errors seen so far. */
  problems: string[];
  close(): Promise<void>;
}

const noScriptPages = new WeakSet<Page>();

export async function openBrowser(options: BrowserOptions = {}): Promise<TestBrowserSession> {
  const profile = mkdtempSync(join(tmpdir(), 'portico-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    javaScriptEnabled: options.javaScript ?? true,
    viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
  });
  context.setDefaultTimeout(15_000);
  context.setDefaultNavigationTimeout(15_000);
  const page = context.pages()[0] ?? (await context.newPage());
  const problems: string[] = [];
  if (options.javaScript === false) {
    noScriptPages.add(page);
    context.on('page', (p) => noScriptPages.add(p));
  }
  const watch = (p: Page) => {
    p.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(message.text())) problems.push(`CSP: ${message.text()}`);
    });
    p.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  };
  watch(page);
  context.on('page', watch);
  return {
    context,
    page,
    problems,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

let checker: Promise<TestBrowserSession> | undefined;

/**
 * axe needs JavaScript; for a page opened with JavaScript off, the same HTML is served to a JS-enabled page at the
 * same URL and width (its stylesheets load from the server as usual) and checked there.
 */
async function pageToCheck(page: Page): Promise<Page> {
  if (!noScriptPages.has(page)) return page;
  checker ??= openBrowser({ javaScript: true });
  const session = await checker;
  const html = await page.content();
  const url = page.url();
  await session.page.setViewportSize(page.viewportSize() ?? { width: 1280, height: 900 });
  await session.page.unrouteAll();
  await session.page.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
  await session.page.goto(url);
  return session.page;
}

export async function closeChecker(): Promise<void> {
  if (checker) await (await checker).close();
  checker = undefined;
}

/** Runs axe-core (WCAG 2.0-2.2 A and AA rules) on the current page and returns its violations. */
export async function axeViolations(original: Page): Promise<AxeViolation[]> {
  const page = await pageToCheck(original);
  // page.evaluate runs over CDP, so the page's own CSP (no inline script) does not block it.
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const result = await (window as any).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    return result.violations.map((v: any) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n: any) => n.target.join(' ')) }));
  });
}

/** Throws with a readable list when axe finds anything. */
export async function expectAccessible(page: Page, label = page.url()): Promise<void> {
  const violations = await axeViolations(page);
  if (violations.length) {
    throw new Error(`axe found ${violations.length} violation(s) on ${label}:\n${violations.map((v) => `  ${v.id} (${v.impact}): ${v.help} at ${v.nodes.join(', ')}`).join('\n')}`);
  }
}

/** Signs a client in through the login form and the link from the captured mail; ends on the portal home. */
export async function signInClient(page: Page, srv: TestServer, slug: string, email: string, check = expectAccessible): Promise<void> {
  await page.goto(`${srv.origin(slug)}/login`);
  await check(page, 'login page');
  await page.getByLabel(/e-mail/i).fill(email);
  await page.getByRole('button', { name: /log in/i }).click();
  await page.waitForURL(/\/login$/);
  const mail = await srv.lastMailTo(email);
  if (!mail) throw new Error(`no login mail for ${email}`);
  const link = mail.links.find((l) => l.includes('/login/link'))!;
  await page.goto(link);
  await check(page, 'link confirm page');
  await page.getByRole('button', { name: /continue/i }).click();
  await page.waitForURL(`${srv.origin(slug)}/`);
}

/** Signs a staff member in at /staff/login; ends on the staff dashboard. */
export async function signInStaff(page: Page, srv: TestServer, slug: string, email: string, check = expectAccessible): Promise<void> {
  await page.goto(`${srv.origin(slug)}/staff/login`);
  await check(page, 'staff login page');
  await page.getByLabel(/e-mail/i).fill(email);
  await page.getByRole('button', { name: /sign-in link|send/i }).click();
  await page.waitForLoadState();
  const mail = await srv.lastMailTo(email);
  if (!mail) throw new Error(`no staff login mail for ${email}`);
  await page.goto(mail.links.find((l) => l.includes('/staff/login/link'))!);
  await check(page, 'staff link confirm page');
  await page.getByRole('button', { name: /continue/i }).click();
  await page.waitForURL(`${srv.origin(slug)}/staff`);
}

/** Each combination the browser tests cover: JavaScript on and off, phone and desktop widths. */
export const VARIANTS = [
  { name: 'JS on, 1280 px', javaScript: true, width: 1280 },
  { name: 'JS off, 360 px', javaScript: false, width: 360 },
] as const;
