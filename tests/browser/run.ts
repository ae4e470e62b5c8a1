// npm run test:browser: every tests/browser/*.test.ts against one real server, in Chromium; ends with "N passed, N failed".
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runUvuFiles } from '../helpers/uvu-queue.ts';
import { stopTestServer } from './harness.ts';

const root = resolve(import.meta.dirname);
const filter = process.argv.slice(2);
const files = readdirSync(root)
  .filter((f) => f.endsWith('.test.ts') && (filter.length === 0 || filter.some((part) => f.includes(part))))
  .sort();

const { passed, failed } = await runUvuFiles(files.map((file) => ({ path: join(root, file), label: `browser/${file}` })));
await stopTestServer();
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
