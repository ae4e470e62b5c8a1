// npm test: runs every tests/**/*.test.ts(x) on PGlite, and on PostgreSQL too when DATABASE_URL is set,
// the two in parallel child processes; ends with the line "N passed, N failed".
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

const databases = process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
const suiteRunner = resolve(import.meta.dirname, 'run-suite.ts');
const filter = process.argv.slice(2);

function runOn(database: string): Promise<{ database: string; passed: number; failed: number; output: string; code: number }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ['--import', 'tsx', suiteRunner, ...filter], {
      env: { ...process.env, TEST_DB: database },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('close', (code) => {
      const match = output.match(/^RESULT (\d+) (\d+)$/m);
      done({ database, passed: match ? Number(match[1]) : 0, failed: match ? Number(match[2]) : 1, output, code: code ?? 1 });
    });
  });
}

const results = await Promise.all(databases.map(runOn));
let passed = 0;
let failed = 0;
for (const r of results) {
  process.stdout.write(`\n===== tests on ${r.database} =====\n${r.output.replace(/^RESULT .*$/m, '')}`);
  process.stdout.write(`${r.database}: ${r.passed} passed, ${r.failed} failed${r.code !== 0 && r.failed === 0 ? ' (runner exited with an error)' : ''}\n`);
  passed += r.passed;
  failed += r.failed + (r.code !== 0 && r.failed === 0 ? 1 : 0);
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
