// Loads test files into uvu's deferred queue and runs it, counting passes and failures (a skip counts as a failure).
import { pathToFileURL } from 'node:url';

export async function runUvuFiles(files: { path: string; label: string }[]): Promise<{ passed: number; failed: number }> {
  (globalThis as any).UVU_DEFER = 1;
  const queue: any[] = ((globalThis as any).UVU_QUEUE ??= []);
  for (const [index, file] of files.entries()) {
    (globalThis as any).UVU_INDEX = index;
    queue.push([file.label]);
    await import(pathToFileURL(file.path).href);
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
      if (skipped) process.stdout.write(`  ${skipped} skipped test(s) in ${name ?? 'a suite'}: skipping is not allowed\n`);
      if (errors !== true && errors) process.stdout.write(`\n${errors}\n`);
    }
  }
  return { passed, failed };
}
