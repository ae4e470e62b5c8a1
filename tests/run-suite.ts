// Runs the uvu suites of every test file in this process against one database (TEST_DB), then prints RESULT.
import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { closeTestDatabase } from './helpers/db.ts';
import { runUvuFiles } from './helpers/uvu-queue.ts';

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

const { passed, failed } = await runUvuFiles(files.map((path) => ({ path, label: relative(root, path) })));
process.stdout.write('\n');
await closeTestDatabase();
console.log(`RESULT ${passed} ${failed}`);
process.exit(0);
