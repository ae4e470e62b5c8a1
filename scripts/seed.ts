// npm run seed: migrates and adds the demo data (once) to the configured database.
import { loadConfig } from '../src/config.ts';
import { migrateToLatest, openDatabase } from '../src/db/connect.ts';
import { seedDemo } from '../src/seed/index.ts';

const config = loadConfig();
const opened = await openDatabase(config);
try {
  await migrateToLatest(opened.db);
  console.log((await seedDemo(opened.db)) ? 'Demo data added.' : 'Demo data already present; nothing changed.');
} finally {
  await opened.close();
}
