// Demo attachments, after the tasks seed: a service agreement PDF (pdf-lib) from the firm, and a receipt photo (PNG
// from sharp) and a bank statement CSV uploaded by Alex, so both sides show files, previews and downloads.
import type { Kysely } from 'kysely';
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import sharp from 'sharp';
import type { Database } from '../db/database.ts';
import { insertTaskFiles, type NewTaskFile } from '../db/queries/files.ts';
import type { BlobStore } from '../storage/blob-store.ts';
import type { DemoFirms } from './foundation.ts';

const HOUR = 60 * 60 * 1000;

export async function demoAgreementPdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle('Service agreement');
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const page = pdf.addPage([595, 842]);
  page.drawText('Service agreement', { x: 56, y: 760, size: 22, font: bold });
  const lines = [
    'Between Demo Accounting OÜ and Alex Design OÜ.',
    'Demo Accounting keeps the books, prepares VAT returns and the annual report.',
    'Alex Design sends its documents by the 5th of each month through the client portal.',
    '',
    'Signed: ______________________        Date: ____________',
  ];
  lines.forEach((line, i) => page.drawText(line, { x: 56, y: 720 - i * 22, size: 12, font, color: rgb(0.1, 0.1, 0.1) }));
  return pdf.save();
}

export async function demoReceiptPng(): Promise<Uint8Array> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="360" height="240">
    <rect width="360" height="240" fill="#fffdf5"/>
    <text x="24" y="48" font-family="sans-serif" font-size="24" font-weight="bold">Café Tallinn</text>
    <text x="24" y="96" font-family="sans-serif" font-size="18">Lunch with a client</text>
    <text x="24" y="136" font-family="sans-serif" font-size="18">Total 42.50 EUR (VAT 7.08)</text>
    <text x="24" y="200" font-family="sans-serif" font-size="14" fill="#555">Receipt 2026-11-14 12:31</text>
  </svg>`;
  return new Uint8Array(await sharp(Buffer.from(svg)).png().toBuffer());
}

const bankCsv = 'date;description;amount\n2026-11-03;Office rent;-850.00\n2026-11-10;Invoice 2026-118 paid;1240.00\n2026-11-14;Café Tallinn;-42.50\n';

async function store(blobs: BlobStore, bytes: Uint8Array) {
  return blobs.put(
    (async function* () {
      yield bytes;
    })(),
    { maxBytes: 10 * 1024 * 1024 },
  );
}

async function findTask(db: Kysely<Database>, firmId: string, clientName: string, titlePattern: string) {
  return db
    .selectFrom('tasks as t')
    .innerJoin('clients as c', (j) => j.onRef('c.firm_id', '=', 't.firm_id').onRef('c.id', '=', 't.client_id'))
    .select(['t.id', 't.client_id'])
    .where('t.firm_id', '=', firmId)
    .where('c.name', '=', clientName)
    .where('t.title', 'like', titlePattern)
    .orderBy('t.created_at')
    .executeTakeFirst();
}

export async function seedFiles(db: Kysely<Database>, firms: DemoFirms, now: Date, blobs: BlobStore): Promise<void> {
  const demo = firms.demo.id;
  const owner = await db.selectFrom('staff_members').select(['id']).where('firm_id', '=', demo).where('email', '=', 'owner@demo.test').executeTakeFirstOrThrow();
  const alex = await db
    .selectFrom('contacts as ct')
    .innerJoin('clients as c', (j) => j.onRef('c.firm_id', '=', 'ct.firm_id').onRef('c.id', '=', 'ct.client_id'))
    .select(['ct.id'])
    .where('ct.firm_id', '=', demo)
    .where('c.name', '=', 'Alex Design OÜ')
    .where('ct.email', '=', 'alex@example.test')
    .executeTakeFirstOrThrow();
  const agreementTask = await findTask(db, demo, 'Alex Design OÜ', 'Send the signed service agreement');
  const vatTask = await findTask(db, demo, 'Alex Design OÜ', 'VAT return for %');
  if (!agreementTask || !vatTask) return;

  const agreement = await store(blobs, await demoAgreementPdf());
  const receipt = await store(blobs, await demoReceiptPng());
  const statement = await store(blobs, new TextEncoder().encode(bankCsv));
  const common = { scanStatus: 'clean' as const };
  const staffFile: NewTaskFile = {
    ...common,
    id: crypto.randomUUID(),
    taskId: agreementTask.id,
    clientId: agreementTask.client_id,
    blobKey: agreement.key,
    name: 'Service agreement.pdf',
    size: agreement.size,
    sha256: agreement.sha256,
    contentType: 'application/pdf',
    uploadedByType: 'staff',
    uploadedById: owner.id,
    uploadedByName: 'Olivia Owner',
  };
  const clientFiles: NewTaskFile[] = [
    { ...common, id: crypto.randomUUID(), taskId: vatTask.id, clientId: vatTask.client_id, blobKey: receipt.key, name: 'Receipt Café Tallinn.png', size: receipt.size, sha256: receipt.sha256, contentType: 'image/png', uploadedByType: 'portal', uploadedById: alex.id, uploadedByName: 'Alex Example' },
    { ...common, id: crypto.randomUUID(), taskId: vatTask.id, clientId: vatTask.client_id, blobKey: statement.key, name: 'Bank statement November.csv', size: statement.size, sha256: statement.sha256, contentType: 'text/csv; charset=utf-8', uploadedByType: 'portal', uploadedById: alex.id, uploadedByName: 'Alex Example' },
  ];
  await insertTaskFiles(db, demo, [staffFile], new Date(now.getTime() - 3 * 24 * HOUR));
  await insertTaskFiles(db, demo, clientFiles, new Date(now.getTime() - 5 * HOUR));
}
