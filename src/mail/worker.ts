// The outbox worker: claims due mail with FOR UPDATE SKIP LOCKED (so several processes can run it),
// sends it outside the transaction, records the answer, retries with exponential back-off.
import { sql } from 'kysely';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/connect.ts';
import type { OutboxRow } from '../db/database.ts';
import { findFirmById } from '../db/queries/firms.ts';
import type { Logger } from '../log.ts';
import { firmSignature } from './signature.ts';
import { mailContext } from './templates/layout.ts';
import { templates } from './templates/index.ts';
import { PermanentMailError, type MailTransport } from './types.ts';

export interface WorkerOptions {
  from: string;
  batchSize?: number;
  maxAttempts?: number;
  pollMs?: number;
  /** How long a claimed row stays hidden from other workers while it is being sent. */
  leaseMs?: number;
}

export function backoffMs(attempt: number): number {
  return Math.min(30_000 * 2 ** (attempt - 1), 6 * 60 * 60_000);
}

export class OutboxWorker {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  private stopped = true;

  constructor(
    private readonly deps: { db: Db; mail: MailTransport; clock: Clock; logger: Logger },
    private readonly options: WorkerOptions,
  ) {}

  private async claim(): Promise<OutboxRow[]> {
    const now = this.deps.clock.now();
    const lease = new Date(now.getTime() + (this.options.leaseMs ?? 5 * 60_000));
    return this.deps.db.transaction().execute(async (trx) => {
      const rows = await trx
        .selectFrom('outbox')
        .selectAll()
        .where('status', '=', 'pending')
        .where('due_at', '<=', now)
        .orderBy('due_at')
        .limit(this.options.batchSize ?? 20)
        .forUpdate()
        .skipLocked()
        .execute();
      if (rows.length === 0) return rows;
      await trx
        .updateTable('outbox')
        .set({ due_at: lease, attempts: sql`attempts + 1` })
        .where((eb) => eb.or(rows.map((r) => eb.and([eb('firm_id', '=', r.firm_id), eb('id', '=', r.id)]))))
        .execute();
      return rows.map((r) => ({ ...r, attempts: r.attempts + 1 }));
    });
  }

  private async deliver(row: OutboxRow): Promise<void> {
    const { db, mail, clock, logger } = this.deps;
    const where = (q: any) => q.where('firm_id', '=', row.firm_id).where('id', '=', row.id);
    try {
      const template = templates[row.template];
      if (!template) throw new PermanentMailError(`unknown template ${row.template}`);
      const firm = await findFirmById(db, row.firm_id);
      if (!firm) throw new PermanentMailError('firm no longer exists');
      const payload = row.payload as Record<string, unknown>;
      const rendered = await template(mailContext(firm, payload.language, firmSignature(firm, payload)), payload);
      const sent = await mail.send({ from: this.options.from, to: row.to_email, ...rendered, reference: row.id, tag: row.template });
      await where(db.updateTable('outbox'))
        .set({ status: 'sent', sent_at: clock.now(), provider_message_id: sent.messageId, rendered_subject: rendered.subject, last_error: null })
        .execute();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const giveUp = error instanceof PermanentMailError || row.attempts >= (this.options.maxAttempts ?? 8);
      logger.warn('mail not sent', { outboxId: row.id, template: row.template, attempt: row.attempts, giveUp, error: message });
      await where(db.updateTable('outbox'))
        .set(giveUp ? { status: 'failed', last_error: message } : { last_error: message, due_at: new Date(clock.now().getTime() + backoffMs(row.attempts)) })
        .execute();
    }
  }

  /** Sends every mail that is due now; returns how many rows it handled. */
  async runOnce(): Promise<number> {
    let handled = 0;
    for (;;) {
      const rows = await this.claim();
      if (rows.length === 0) return handled;
      for (const row of rows) await this.deliver(row);
      handled += rows.length;
    }
  }

  start(): void {
    this.stopped = false;
    const tick = async () => {
      if (this.stopped) return;
      this.running = this.runOnce().catch((error) => this.deps.logger.error('outbox worker failed', { error: (error as Error).message }));
      await this.running;
      if (!this.stopped) this.timer = setTimeout(tick, this.options.pollMs ?? 1000);
    };
    this.timer = setTimeout(tick, 0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }
}
