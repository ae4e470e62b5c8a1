// The in-process virus-scan queue: files are scanned after the upload response (a slow scan never blocks a
// request), one at a time per process, with retries while clamd is unreachable; at start it picks up every file
// still 'pending'. An infected file is quarantined: row marked, uploader and staff told, then the blob deleted.
import type { Deps } from '../app-env.ts';
import { firmOrigin } from '../config.ts';
import { recordAudit } from '../db/queries/audit.ts';
import { findPendingScan, listPendingScans, setScanResult, staffToNotify, uploaderAddress, type ScanSubject } from '../db/queries/file-scans.ts';
import { enqueueMail } from '../db/queries/outbox.ts';
import { scanStream, type ClamdAddress } from './clamav.ts';

type ScanDeps = Pick<Deps, 'db' | 'blobs' | 'clock' | 'logger' | 'config'>;

const RETRY_DELAYS_MS = [5_000, 30_000, 2 * 60_000, 10 * 60_000, 60 * 60_000];

export class ScanQueue {
  private readonly waiting: { firmId: string; fileId: string }[] = [];
  private readonly known = new Set<string>();
  private readonly attempts = new Map<string, number>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private running: Promise<void> | undefined;
  private stopped = false;
  private idleWaiters: (() => void)[] = [];

  constructor(
    private readonly deps: ScanDeps,
    private readonly clamd: ClamdAddress,
  ) {}

  enqueue(firmId: string, fileId: string): void {
    const id = `${firmId}/${fileId}`;
    if (this.stopped || this.known.has(id)) return;
    this.known.add(id);
    this.waiting.push({ firmId, fileId });
    this.kick();
  }

  private kick(): void {
    if (this.running) return;
    this.running = this.drain().finally(() => {
      this.running = undefined;
      if (this.waiting.length > 0 && !this.stopped) this.kick();
      else this.wakeIdle();
    });
  }

  /** Queues every file still waiting for a scan (at start, and after clamd was unreachable). */
  async resume(): Promise<number> {
    const pending = await listPendingScans(this.deps.db);
    for (const p of pending) this.enqueue(p.firmId, p.fileId);
    return pending.length;
  }

  /** Resolves when nothing is queued or being scanned (retries waiting on a timer do not count). */
  idle(): Promise<void> {
    if (!this.running && this.waiting.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.waiting.length = 0;
    await this.running;
  }

  private wakeIdle(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  private async drain(): Promise<void> {
    while (!this.stopped) {
      const job = this.waiting.shift();
      if (!job) return;
      const id = `${job.firmId}/${job.fileId}`;
      try {
        await this.scanOne(job.firmId, job.fileId);
        this.known.delete(id);
        this.attempts.delete(id);
      } catch (error) {
        const attempt = (this.attempts.get(id) ?? 0) + 1;
        this.attempts.set(id, attempt);
        const delay = RETRY_DELAYS_MS[Math.min(attempt, RETRY_DELAYS_MS.length) - 1];
        this.deps.logger.warn('virus scan failed; will retry', { fileId: job.fileId, attempt, retryInMs: delay, error: (error as Error).message });
        const timer = setTimeout(() => {
          this.timers.delete(timer);
          this.known.delete(id);
          this.enqueue(job.firmId, job.fileId);
        }, delay);
        timer.unref();
        this.timers.add(timer);
      }
    }
  }

  private async scanOne(firmId: string, fileId: string): Promise<void> {
    const { db, blobs, clock } = this.deps;
    const subject = await findPendingScan(db, firmId, fileId);
    if (!subject) return; // already scanned by another process, or deleted
    const blob = await blobs.get(subject.blobKey);
    if (!blob) throw new Error(`blob ${subject.blobKey} of file ${fileId} is missing`);
    const result = await scanStream(this.clamd, blob.body);
    if (result.clean) {
      await setScanResult(db, firmId, fileId, 'clean', null, clock.now());
      return;
    }
    const quarantined = await this.quarantine(subject, result.signature);
    if (quarantined) await blobs.delete(subject.blobKey).catch(() => {}); // the sweeper retries a failed delete
  }

  private async quarantine(subject: ScanSubject, signature: string): Promise<boolean> {
    const { db, clock, config, logger } = this.deps;
    const now = clock.now();
    const origin = firmOrigin(config, subject.firmSlug);
    const done = await db.transaction().execute(async (trx) => {
      const locked = await findPendingScan(trx, subject.firmId, subject.id, true);
      if (!locked) return false;
      await setScanResult(trx, subject.firmId, subject.id, 'infected', signature, now);
      await recordAudit(
        trx,
        subject.firmId,
        { type: 'system' },
        { action: 'file.quarantined', subjectType: 'task_file', subjectId: subject.id, detail: { taskId: subject.taskId, name: subject.name, signature } },
        now,
      );
      const uploader = await uploaderAddress(trx, subject.firmId, subject.uploadedByType, subject.uploadedById);
      const staff = await staffToNotify(trx, subject.firmId, subject.taskId);
      if (uploader) {
        const url = subject.uploadedByType === 'portal' ? `${origin}/tasks/${subject.taskId}` : `${origin}/staff/tasks/${subject.taskId}`;
        await enqueueMail(
          trx,
          {
            firmId: subject.firmId,
            template: 'file-quarantined',
            to: uploader.email,
            payload: { language: uploader.language, audience: subject.uploadedByType, name: subject.name, taskTitle: subject.taskTitle, url },
            dueAt: now,
          },
          now,
        );
      }
      for (const to of staff) {
        if (to.email === uploader?.email) continue;
        await enqueueMail(
          trx,
          {
            firmId: subject.firmId,
            template: 'file-quarantined-staff',
            to: to.email,
            payload: { name: subject.name, taskTitle: subject.taskTitle, clientName: subject.clientName, uploaderName: subject.uploadedByName, signature, url: `${origin}/staff/tasks/${subject.taskId}` },
            dueAt: now,
          },
          now,
        );
      }
      return true;
    });
    if (done) logger.warn('infected file quarantined', { firmId: subject.firmId, fileId: subject.id, signature });
    return done;
  }
}

const queues = new WeakMap<object, ScanQueue>();

/** The scan queue of this app instance (one per Deps), or undefined when no scanner is configured. */
export function scanQueueFor(deps: ScanDeps): ScanQueue | undefined {
  if (!deps.config.clamav) return undefined;
  let queue = queues.get(deps);
  if (!queue) {
    queue = new ScanQueue(deps, { ...deps.config.clamav, timeoutMs: 5 * 60_000 });
    queues.set(deps, queue);
  }
  return queue;
}
