// Runs the uvu suites of every test file in this process against one database (TEST_DB), then prints RESULT.
import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { closeTestDatabase } from './helpers/db.ts';

const root = resolve(import.meta.dirname);
const filter = process.argv.slice(2);

function findTests(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = join(dir, entry);
    if (statSync(full).isDirectory()) return entry === 'browser' || entry === 'helpers' ? [] : findTests(full);
    return /\.test\.tsx?$/.test(entry) ? [full] : [];
  });
}

const files = findTests(root)
  .filter((f) => filter.length === 0 || filter.some((part) => f.includes(part)))
  .sort();

(globalThis as any).UVU_DEFER = 1;
const queue: any[] = ((globalThis as any).UVU_QUEUE ??= []);
for (const [index, file] of files.entries()) {
  (globalThis as any).UVU_INDEX = index;
  queue.push([relative(root, file)]);
  await import(pathToFileURL(file).href);
}

let passed = 0;
let failed = 0;
for (const group of queue) {
  const name = group.shift();
  if (name) process.stdout.write(`${name}\n`);
  for (const runSuite of group) {
    const [errors, ran, skipped, total] = await runSuite();
    passed += ran;
    failed += total - ran;
    // A skipped check is a defect here: count it as a failure.
    if (skipped) {
      failed += skipped;
      process.stdout.write(`  ${skipped} skipped test(s) in ${name ?? 'a suite'}: skipping is not allowed\n`);
    }
    if (errors !== true && errors) process.stdout.write(`\n${errors}\n`);
  }
}
process.stdout.write('\n');
await closeTestDatabase();
console.log(`RESULT ${passed} ${failed}`);
process.exit(0);
