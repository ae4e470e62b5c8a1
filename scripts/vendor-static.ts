// Copies htmx from node_modules into static/ under a name that carries its content hash.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const source = readFileSync(join(root, 'node_modules/htmx.org/dist/htmx.min.js'));
const hash = createHash('sha256').update(source).digest('hex').slice(0, 10);
for (const old of readdirSync(join(root, 'static')).filter((n) => /^htmx\.[0-9a-f]{10}\.min\.js$/.test(n))) {
  rmSync(join(root, 'static', old));
}
writeFileSync(join(root, 'static', `htmx.${hash}.min.js`), source);
console.log(`static/htmx.${hash}.min.js`);
