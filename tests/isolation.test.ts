// Tenant isolation, route by route: every staff and portal route that takes an id is tried with another firm's ids
// (and, for clients, another client's ids at the same firm); each must answer 404, leak nothing, and change nothing.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { Kysely } from 'kysely';
import type { Database, Firm } from '../src/db/database.ts';
import { insertTaskFiles } from '../src/db/queries/files.ts';
import { makeClient, makeContact, makeFirm, makeStaff } from '../src/seed/builders.ts';
import { makeTask } from '../src/seed/builders-tasks.ts';
import { createTestContext, type TestContext } from './helpers/context.ts';

type Kind = 'client' | 'contact' | 'member' | 'task' | 'section' | 'item' | 'file' | 'template' | 'event';
type Ids = Record<Kind, string> & { secrets: string[] };

async function world(db: Kysely<Database>, ctx: TestContext, firm: Firm, tag: string, contactEmail: string): Promise<Ids> {
  const member = await makeStaff(db, firm, { email: `${tag}-member@${firm.slug}.test`, first_name: `${tag}Member`, role: 'member' });
  const client = await makeClient(db, firm, { name: `${tag} Client Name` });
  const contact = await makeContact(db, client, { first_name: `${tag}Contact`, email: contactEmail });
  const task = await makeTask(db, client, {
    title: `${tag} Task Title`,
    note: `${tag} task note`,
    sections: [{ owner: 'client', title: `${tag} Section`, items: [`${tag} item text`] }],
    share: { contactIds: [contact.id], assignAsTask: true },
  });
  const section = await db.selectFrom('checklist_sections').select('id').where('task_id', '=', task.id).executeTakeFirstOrThrow();
  const blob = await ctx.blobs.put((async function* () { yield new TextEncoder().encode(`${tag} file content`); })(), { maxBytes: 1000 });
  const fileId = crypto.randomUUID();
  await insertTaskFiles(db, firm.id, [{ id: fileId, taskId: task.id, clientId: client.id, blobKey: blob.key, name: `${tag}-file.txt`, size: blob.size, sha256: blob.sha256, contentType: 'text/plain', uploadedByType: 'portal', uploadedById: contact.id, uploadedByName: `${tag}Contact`, scanStatus: 'clean' }], ctx.clock.now());
  const template = crypto.randomUUID();
  await db.insertInto('intro_templates').values({ firm_id: firm.id, id: template, language: 'en', title: `${tag} Template Title`, checklist: '[]', created_at: ctx.clock.now() }).execute();
  const event = crypto.randomUUID();
  await db.insertInto('audit_events').values({ firm_id: firm.id, id: event, at: ctx.clock.now(), actor_type: 'system', action: 'clients.bulk_portal', detail: '{}' }).execute();
  return {
    client: client.id,
    contact: contact.id,
    member: member.id,
    task: task.id,
    section: section.id,
    item: task.items[0].id,
    file: fileId,
    template,
    event,
    secrets: [`${tag} Client Name`, `${tag}Contact`, `${tag} Task Title`, `${tag} task note`, `${tag} item text`, `${tag}-file.txt`, `${tag} file content`, `${tag} Template Title`, `${tag}Member`],
  };
}

function kindOf(path: string, param: string): Kind {
  const named: Record<string, Kind> = { contactId: 'contact', memberId: 'member', sectionId: 'section', itemId: 'item', fileId: 'file', eventId: 'event' };
  if (named[param]) return named[param];
  const segments = path.split('/');
  const before = segments[segments.indexOf(`:${param}`) - 1];
  const byCollection: Record<string, Kind> = { clients: 'client', tasks: 'task', templates: 'template' };
  if (!byCollection[before]) throw new Error(`isolation test does not know the kind of :${param} in ${path}: teach kindOf`);
  return byCollection[before];
}

function fill(path: string, pick: (kind: Kind, param: string, index: number) => string): string {
  let index = 0;
  return path.replace(/:([A-Za-z]+)/g, (_m, param: string) => pick(kindOf(path, param), param, index++));
}

/** Every way to point a route at someone else's data: all ids foreign, and each id alone foreign under our own parents. */
function variants(path: string, own: Ids, foreign: Ids): string[] {
  const count = (path.match(/:[A-Za-z]+/g) ?? []).length;
  const urls = new Set<string>([fill(path, (kind) => foreign[kind])]);
  for (let i = 0; i < count; i++) urls.add(fill(path, (kind, _p, index) => (index === i ? foreign[kind] : own[kind])));
  return [...urls];
}

async function snapshot(db: Kysely<Database>, firmId: string): Promise<string> {
  const tables = ['clients', 'contacts', 'staff_members', 'tasks', 'checklist_sections', 'checklist_items', 'task_portal', 'task_portal_assignees', 'task_files', 'intro_templates'] as const;
  const parts: unknown[] = [];
  for (const table of tables) {
    const rows = await db.selectFrom(table as any).selectAll().where('firm_id', '=', firmId).execute();
    parts.push(rows.map((row) => JSON.stringify(row)).sort());
  }
  return JSON.stringify(parts);
}

const test = suite<{ ctx: TestContext; acme: Firm; other: Firm; own: Ids; sibling: Ids; foreign: Ids }>('tenant isolation on every route');

test.before.each(async (state) => {
  const ctx = (state.ctx = await createTestContext());
  state.acme = await makeFirm(ctx.db, { slug: 'acme', plan: 'elite', billing_enabled: true, esign_enabled: true });
  state.other = await makeFirm(ctx.db, { slug: 'other', name: 'Other Firm' });
  await makeStaff(ctx.db, state.acme, { email: 'owner@acme.test', role: 'owner' });
  await makeStaff(ctx.db, state.other, { email: 'owner@other.test', role: 'owner' });
  state.own = await world(ctx.db, ctx, state.acme, 'Own', 'own@example.test');
  state.sibling = await world(ctx.db, ctx, state.acme, 'Sibling', 'sibling@example.test');
  state.foreign = await world(ctx.db, ctx, state.other, 'Foreign', 'foreign@example.test');
});

function routesWithIds(ctx: TestContext, staff: boolean) {
  const seen = new Set<string>();
  return ctx.app.routes.filter((r) => {
    const key = `${r.method} ${r.path}`;
    if (r.method === 'ALL' || !r.path.includes('/:') || seen.has(key)) return false;
    seen.add(key);
    return r.path.startsWith('/staff/') === staff;
  });
}

async function tryAll(ctx: TestContext, browser: Awaited<ReturnType<TestContext['signInStaff']>>, staff: boolean, own: Ids, others: Ids[]) {
  const problems: string[] = [];
  let tried = 0;
  for (const route of routesWithIds(ctx, staff)) {
    for (const other of others) {
      for (const url of variants(route.path, own, other)) {
        tried++;
        const page = route.method === 'GET' ? await browser.get(url) : await browser.post(url, {});
        if (page.status !== 404) problems.push(`${route.method} ${url} (${route.path}) answered ${page.status}`);
        const leaked = other.secrets.filter((secret) => page.text.includes(secret));
        if (leaked.length) problems.push(`${route.method} ${url} leaked ${leaked.join(', ')}`);
      }
    }
  }
  return { problems, tried };
}

test('staff of one firm get 404 for every id of another firm, and change nothing there', async ({ ctx, other, own, foreign }) => {
  const before = await snapshot(ctx.db, other.id);
  const browser = await ctx.signInStaff('acme', 'owner@acme.test');
  const { problems, tried } = await tryAll(ctx, browser, true, own, [foreign]);
  assert.ok(tried > 40, `tried ${tried} requests`);
  assert.equal(problems, []);
  assert.is(await snapshot(ctx.db, other.id), before);
});

test('a client gets 404 for every id of another client and of another firm, and changes nothing', async ({ ctx, acme, other, own, sibling, foreign }) => {
  const beforeOther = await snapshot(ctx.db, other.id);
  const beforeAcme = await ctx.db.selectFrom('checklist_items').selectAll().where('task_id', '=', sibling.task).execute();
  const browser = await ctx.signInClient('acme', 'own@example.test');
  const { problems, tried } = await tryAll(ctx, browser, false, own, [sibling, foreign]);
  assert.ok(tried >= 10, `tried ${tried} requests`);
  assert.equal(problems, []);
  assert.is(await snapshot(ctx.db, other.id), beforeOther);
  assert.equal(await ctx.db.selectFrom('checklist_items').selectAll().where('task_id', '=', sibling.task).execute(), beforeAcme);
  // Our own task still works, so the 404s above were about scope, not a broken page.
  assert.is((await browser.get(`/tasks/${own.task}`)).status, 200);
  void acme;
});

test('a signed-in client cannot reach staff routes, and staff cookies do not carry to another firm', async ({ ctx, own }) => {
  const client = await ctx.signInClient('acme', 'own@example.test');
  const staffPage = await client.get(`/staff/tasks/${own.task}`);
  assert.is(staffPage.status, 303);
  assert.is(staffPage.location, '/staff/login');
  const staff = await ctx.signInStaff('acme', 'owner@acme.test');
  const elsewhere = await ctx.app.request(`http://other.localhost:3000/staff/clients`, { headers: { Host: 'other.localhost:3000', Cookie: staff.cookieHeader() } });
  assert.is(elsewhere.status, 303);
});

test.run();
