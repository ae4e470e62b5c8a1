import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { seedFoundation } from '../../../src/seed/foundation.ts';
import { seedStaff } from '../../../src/seed/staff.ts';
import { checkImage } from '../../../src/media/image-check.ts';
import { readBlob } from '../../../src/media/byte-source.ts';
import { contrastRatio } from '../../../src/routes/staff/portal-rules.ts';
import { createTestContext, type TestContext } from '../../helpers/context.ts';

const test = suite<{ ctx: TestContext }>('staff demo seed');

test.before.each(async (state) => {
  state.ctx = await createTestContext();
});

test('the demo firm gets a checked logo and icon, readable colours, templates in every language and menu links', async ({ ctx }) => {
  const firms = await seedFoundation(ctx.db, ctx.clock.now());
  await seedStaff(ctx.db, firms, ctx.clock.now(), ctx.deps.blobs);
  const demo = await ctx.db.selectFrom('firms').selectAll().where('slug', '=', 'demo').executeTakeFirstOrThrow();
  assert.ok(contrastRatio(demo.brand_background, demo.brand_text) >= 4.5);
  const logo = await checkImage((await readBlob(ctx.deps.blobs, demo.logo_key!))!);
  assert.ok(logo.ok && logo.format === 'png');
  const icon = await checkImage((await readBlob(ctx.deps.blobs, demo.favicon_key!))!, { square: true });
  assert.ok(icon.ok);
  assert.is(demo.menu_links.length, 2);
  const langs = await ctx.db.selectFrom('intro_templates').select('language').where('firm_id', '=', demo.id).orderBy('language').execute();
  assert.equal(langs.map((l) => l.language), ['de', 'en', 'et']);
  const login = await ctx.browser('demo').get('/login');
  assert.ok(login.doc.querySelector(`img.brand-logo[src="/brand/logo?v=${demo.logo_key}"]`));
  const owner = await ctx.signInStaff('demo', 'owner@demo.test');
  assert.is((await owner.get('/staff/settings/portal')).status, 200);
});

test.run();
