// npm run create-firm -- --slug acme --name "Acme Accounting Ltd" --owner owner@acme.example [--first Olga --last Owner]
// Creates a firm and its owner on the configured database and prints the owner's staff sign-in link.
import { parseArgs } from 'node:util';
import { issueMagicLink } from '../src/auth/magic-link.ts';
import { firmOrigin, loadConfig } from '../src/config.ts';
import { migrateToLatest, openDatabase } from '../src/db/connect.ts';
import { subdomainTaken } from '../src/db/queries/firm-settings.ts';
import { createFirmWithOwner } from '../src/db/queries/firm-signup.ts';
import { defaultTrademark, subdomainProblem } from '../src/routes/staff/portal-rules.ts';

const { values } = parseArgs({ options: { slug: { type: 'string' }, name: { type: 'string' }, owner: { type: 'string' }, first: { type: 'string' }, last: { type: 'string' } } });
const slug = (values.slug ?? '').toLowerCase();
const problem = subdomainProblem(slug) ?? (!values.name ? 'Give --name.' : undefined) ?? (!values.owner?.includes('@') ? 'Give --owner with an e-mail address.' : undefined);
if (problem) {
  console.error(`create-firm: ${problem}`);
  process.exit(2);
}
const config = loadConfig();
const opened = await openDatabase(config);
try {
  await migrateToLatest(opened.db);
  const now = new Date();
  if (await subdomainTaken(opened.db, '00000000-0000-0000-0000-000000000000', slug, now)) {
    console.error(`create-firm: the subdomain "${slug}" is taken.`);
    process.exitCode = 2;
  } else {
    const token = await opened.db.transaction().execute(async (trx) => {
      const { firm, owner } = await createFirmWithOwner(trx, { name: values.name!, trademark: defaultTrademark(values.name!) || values.name!, slug, ownerEmail: values.owner!, ownerFirstName: values.first ?? '', ownerLastName: values.last ?? '' }, now);
      return issueMagicLink(trx, firm.id, 'staff', owner.email, now);
    });
    console.log(`Firm "${values.name}" created. Owner sign-in link (valid 1 hour):\n${firmOrigin(config, slug)}/staff/login/link?token=${token}`);
  }
} finally {
  await opened.close();
}
