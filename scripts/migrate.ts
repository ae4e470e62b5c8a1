// npm run db:migrate: brings the configured database to the latest schema (npm run db:migrate -- down: undo all).
import { loadConfig } from '../src/config.ts';
import { migrateDownAll, migrateToLatest, openDatabase } from '../src/db/connect.ts';

const config = loadConfig();
const opened = await openDatabase(config);
try {
  if (process.argv[2] === 'down') {
    await migrateDownAll(opened.db);
    console.log('All migrations undone.');
  } else {
    await migrateToLatest(opened.db);
    console.log(`Database (${opened.kind}) is at the latest schema.`);
  }
} finally {
  await opened.close();
}
