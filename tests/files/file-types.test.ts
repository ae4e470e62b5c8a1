import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { blobFileSource, bytesFileSource } from '../../src/files/blob-source.ts';
import { decideFileType, type TypeVerdict } from '../../src/files/file-types.ts';
import { LocalBlobStore } from '../../src/storage/local-blob-store.ts';
import { compoundSamples, sampleElf, sampleExe, sampleHeic, sampleImage, sampleOoxml, sampleOpenDocument, samplePdf, text, zip } from './samples.ts';

const test = suite('file type from content');

function decide(name: string, bytes: Uint8Array): Promise<TypeVerdict> {
  return decideFileType(name, bytesFileSource(bytes));
}

async function accepted(name: string, bytes: Uint8Array, kind: string) {
  const verdict = await decide(name, bytes);
  assert.ok(verdict.ok, `${name} should be accepted, got ${JSON.stringify(verdict)}`);
  assert.is(verdict.ok && verdict.kind.id, kind);
}

async function refused(name: string, bytes: Uint8Array, reason: string) {
  const verdict = await decide(name, bytes);
  assert.not.ok(verdict.ok, `${name} should be refused`);
  assert.is(!verdict.ok && verdict.reason, reason, `${name}: ${JSON.stringify(verdict)}`);
}

test('every allowed kind is recognised from its content', async () => {
  await accepted('statement.pdf', await samplePdf(), 'pdf');
  await accepted('receipt.JPG', await sampleImage('jpeg'), 'jpeg');
  await accepted('receipt.jpeg', await sampleImage('jpeg'), 'jpeg');
  await accepted('scan.png', await sampleImage('png'), 'png');
  await accepted('photo.webp', await sampleImage('webp'), 'webp');
  await accepted('anim.gif', await sampleImage('gif'), 'gif');
  await accepted('fax.tiff', await sampleImage('tiff'), 'tiff');
  await accepted('IMG_0001.HEIC', sampleHeic(), 'heic');
  await accepted('letter.docx', sampleOoxml('docx'), 'docx');
  await accepted('ledger.xlsx', sampleOoxml('xlsx'), 'xlsx');
  await accepted('ledger.xlsm', sampleOoxml('xlsm'), 'xlsm');
  await accepted('deck.pptx', sampleOoxml('pptx'), 'pptx');
  await accepted('letter.odt', sampleOpenDocument('odt'), 'odt');
  await accepted('sheet.ods', sampleOpenDocument('ods'), 'ods');
  await accepted('letter.doc', compoundSamples.doc(), 'doc');
  await accepted('old.xls', compoundSamples.xls(), 'xls');
  await accepted('old.ppt', compoundSamples.ppt(), 'ppt');
  await accepted('mail.msg', compoundSamples.msg(), 'msg');
  await accepted('locked.xlsx', compoundSamples.encryptedXlsx(), 'xlsx');
  await accepted('archive.zip', zip([{ name: 'a.txt', data: 'hello' }]), 'zip');
  await accepted('note.rtf', text('{\\rtf1\\ansi Hello}'), 'rtf');
  await accepted('bank.csv', text('date;amount\n2026-11-01;12,50\nÕismäe;1\n'), 'csv');
  await accepted('readme.txt', text('Tere! Ülevaade.\n'), 'txt');
  await accepted('invoice.xml', text('<?xml version="1.0" encoding="UTF-8"?><Invoice><ID>1</ID></Invoice>'), 'xml');
  await accepted('e-invoice.xml', text('\uFEFF<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"/>'), 'xml');
  await accepted('mail.eml', text('From: a@example.test\r\nTo: b@example.test\r\nSubject: Hi\r\n\r\nBody\r\n'), 'eml');
});

test('an EXE renamed .pdf is refused as a program', async () => {
  await refused('invoice.pdf', sampleExe(), 'blocked');
  await refused('photo.jpg', sampleElf(), 'blocked');
});

test('programs, scripts, web pages and SVG are refused by name and by content', async () => {
  for (const name of ['setup.exe', 'run.bat', 'x.sh', 'a.js', 'p.ps1', 'page.html', 'page.htm', 'logo.svg', 'app.msi', 'x.vbs']) {
    await refused(name, text('harmless'), 'blocked');
  }
  await refused('page.txt', text('<!DOCTYPE html><html><body>hi</body></html>'), 'blocked');
  await refused('notes.txt', text('  <html><script>alert(1)</script></html>'), 'blocked');
  await refused('image.xml', text('<?xml version="1.0"?>\n<!-- drawn -->\n<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 'blocked');
  await refused('data.csv', text('#!/bin/sh\nrm -rf /\n'), 'blocked');
  await refused('setup.doc', compoundSamples.msi(), 'blocked');
});

test('the extension must agree with the content', async () => {
  await refused('invoice.pdf', await sampleImage('jpeg'), 'mismatch');
  await refused('scan.png', await samplePdf(), 'mismatch');
  await refused('letter.zip', sampleOoxml('docx'), 'mismatch');
  await refused('sheet.doc', compoundSamples.xls(), 'mismatch');
  await refused('notes.pdf', text('just text'), 'mismatch');
  await refused('invoice.xml', text('not xml at all'), 'mismatch');
  await refused('noextension', await samplePdf(), 'mismatch');
  const verdict = await decide('invoice.pdf', await sampleImage('png'));
  assert.ok(!verdict.ok && verdict.reason === 'mismatch' && verdict.kind.id === 'png' && verdict.extension === 'pdf');
});

test('text must be UTF-8 without NUL bytes; unknown binaries and other kinds are not allowed', async () => {
  await refused('bank.csv', Uint8Array.from([0x64, 0x61, 0x74, 0x65, 0x3b, 0xe4, 0x0a]), 'not-allowed');
  await refused('notes.txt', text('a\u0000b'), 'not-allowed');
  await refused('data.bin.txt', Uint8Array.from([0xff, 0xfe, 0x00, 0x01, 0x02]), 'not-allowed');
  await refused('movie.txt', Uint8Array.from([0, 0, 0, 0x18, ...text('ftypmp42'), 0, 0, 0, 0, ...text('mp42isom'), ...new Uint8Array(100)]), 'not-allowed');
  await refused('weird.doc', (await import('./samples.ts')).compoundFile(['Something']), 'not-allowed');
  await refused('empty.pdf', new Uint8Array(), 'empty');
});

test('decides from a stored blob, reading only what it needs', async () => {
  const root = mkdtempSync(join(tmpdir(), 'portico-types-'));
  try {
    const blobs = new LocalBlobStore(root);
    const pdf = await samplePdf();
    const stored = await blobs.put(new Blob([pdf as Uint8Array<ArrayBuffer>]).stream(), { maxBytes: 1_000_000 });
    const verdict = await decideFileType('a.pdf', blobFileSource(blobs, stored.key, stored.size));
    assert.ok(verdict.ok && verdict.kind.id === 'pdf');
    const doc = compoundSamples.doc();
    const storedDoc = await blobs.put(new Blob([doc as Uint8Array<ArrayBuffer>]).stream(), { maxBytes: 1_000_000 });
    const docVerdict = await decideFileType('a.doc', blobFileSource(blobs, storedDoc.key, storedDoc.size));
    assert.ok(docVerdict.ok && docVerdict.kind.id === 'doc');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test.run();
