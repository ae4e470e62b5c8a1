// npm run test:browser: every tests/browser/*.test.ts against one real server, in Chromium; ends with "N passed, N failed".
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { stopTestServer } from './harness.ts';

const root = resolve(import.meta.dirname);
const filter = process.argv.slice(2);
const files = readdirSync(root)
  .filter((f) => f.endsWith('.test.ts') && (filter.length === 0 || filter.some((part) => f.includes(part))))
  .sort();

(globalThis as any).UVU_DEFER = 1;
const queue: any[] = ((globalThis as any).UVU_QUEUE ??= []);
for (const [index, file] of files.entries()) {
  (globalThis as any).UVU_INDEX = index;
  queue.push([`browser/${file}`]);
  await import(pathToFileURL(join(root, file)).href);
}

let passed = 0;
let failed = 0;
for (const group of queue) {
  const name = group.shift();
  if (name) process.stdout.write(`${name}\n`);
  for (const runSuite of group) {
    const [errors, ran, skipped, total] = await runSuite();
    passed += ran;
    failed += total - ran + skipped;
    if (skipped) process.stdout.write(`  ${skipped} skipped test(s): skipping is not allowed\n`);
    if (errors !== true && errors) process.stdout.write(`\n${errors}\n`);
  }
}
await stopTestServer();
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
