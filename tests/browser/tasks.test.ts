import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { Page } from 'playwright-core';
import { makeContact } from '../../src/seed/builders.ts';
import { makeTask } from '../../src/seed/builders-tasks.ts';
import { expectAccessible, openBrowser, signInClient, signInStaff, testServer, type TestServer } from './harness.ts';

const test = suite('browser: tasks');

const variants = [
  { name: 'JS on, 1280 px', javaScript: true, width: 1280 },
  { name: 'JS on, 360 px', javaScript: true, width: 360 },
  { name: 'JS off, 360 px', javaScript: false, width: 360 },
  { name: 'JS off, 1280 px', javaScript: false, width: 1280 },
] as const;

/** A contact of Baltic Bakery AS of its own (sign-in links are rate limited per address) with one task to finish. */
async function personWithTask(srv: TestServer, n: number) {
  const db = srv.deps.db;
  const firm = await db.selectFrom('firms').select('id').where('slug', '=', 'demo').executeTakeFirstOrThrow();
  const client = await db.selectFrom('clients').select(['id', 'firm_id']).where('firm_id', '=', firm.id).where('name', '=', 'Baltic Bakery AS').executeTakeFirstOrThrow();
  const email = `browser-tasks-${n}-${Date.now()}@example.test`;
  const contact = await makeContact(db, client, { first_name: 'Tess', last_name: `Tester ${n}`, email });
  const title = `Send the documents for check ${n}`;
  const task = await makeTask(db, client, {
    title,
    dueDate: '2026-01-05',
    note: 'Tick each item when it is done.\nThen mark the task as done.',
    sections: [
      { owner: 'firm', title: '', items: ['We prepare the return'] },
      { owner: 'client', title: '', items: ['Upload the bank statement', 'Upload the sales invoices', 'Confirm the cash count'] },
    ],
    share: { contactIds: [contact.id] },
  });
  return { email, title, task };
}

async function noHorizontalScroll(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
}

variants.forEach((variant, index) => {
  test(`a client opens a task, ticks every item, marks it done and finds it under Completed (${variant.name})`, async () => {
    const srv = await testServer();
    const { email, title, task } = await personWithTask(srv, index);
    const session = await openBrowser(variant);
    const { page } = session;
    try {
      await signInClient(page, srv, 'demo', email);
      await expectAccessible(page, 'portal home');
      const row = page.locator('.task-list .task-row', { hasText: title });
      assert.match(await row.innerText(), /New/);
      assert.match(await row.innerText(), /Overdue/);
      await page.getByRole('link', { name: title }).click();
      await page.waitForURL(`${srv.origin('demo')}/tasks/${task.id}`);
      await expectAccessible(page, 'task page');
      assert.ok(await noHorizontalScroll(page), 'no horizontal scrolling on the task page');
      assert.match(await page.locator(`#item-${task.items[0].id}`).innerText(), /Not done yet/);
      const boxes = page.getByRole('checkbox');
      assert.is(await boxes.count(), 3);
      for (const item of task.items.filter((i) => i.owner === 'client')) {
        const box = page.getByRole('checkbox', { name: item.text });
        assert.is(await box.getAttribute('aria-checked'), 'false');
        await box.click();
        if (!variant.javaScript) await page.waitForURL(new RegExp(`/tasks/${task.id}#item-${item.id}$`));
        await page.waitForSelector(`#tick-${item.id}[aria-checked="true"]`);
        if (variant.javaScript) {
          // htmx swapped the item in place: the page did not reload and the focus stayed on the checkbox.
          assert.is(page.url(), `${srv.origin('demo')}/tasks/${task.id}`);
          assert.is(await page.evaluate(() => document.activeElement?.id), `tick-${item.id}`);
        }
      }
      const done = page.getByRole('button', { name: 'Mark as done' });
      await done.waitFor();
      await expectAccessible(page, 'task page, every item ticked');
      await done.click();
      await page.waitForURL(new RegExp(`/tasks/${task.id}#completion$`));
      assert.match(await page.locator('#completion').innerText(), /Marked as done by Tess Tester/);
      assert.is(await page.getByRole('checkbox').count(), 0, 'the checklist is locked once done');
      await expectAccessible(page, 'task page, done');
      await page.getByRole('link', { name: 'All tasks' }).click();
      await page.waitForURL(`${srv.origin('demo')}/`);
      assert.is(await page.locator('section[aria-labelledby=todo-heading] .task-row', { hasText: title }).count(), 0, 'no longer to do');
      await page.locator('#completed > summary').click();
      const completed = page.locator('#completed-list .task-row', { hasText: title });
      await completed.waitFor();
      assert.ok(await completed.isVisible());
      await expectAccessible(page, 'home with Completed open');
      assert.ok(await noHorizontalScroll(page), 'no horizontal scrolling on the home page');
      assert.equal(session.problems, []);
    } finally {
      await session.close();
    }
  });
});

test('Show more loads the next completed tasks in place with htmx, and as a plain link without JavaScript', async () => {
  const srv = await testServer();
  for (const javaScript of [true, false]) {
    const session = await openBrowser({ javaScript, width: 360 });
    const { page } = session;
    try {
      await signInClient(page, srv, 'demo', 'alex@example.test');
      await page.locator('#completed > summary').click();
      const rows = page.locator('#completed-list .task-row');
      assert.is(await rows.count(), 10);
      await page.getByRole('link', { name: 'Show more' }).click();
      if (javaScript) {
        await page.waitForFunction(() => document.querySelectorAll('#completed-list .task-row').length > 10);
        assert.is(page.url(), `${srv.origin('demo')}/?completed=20`, 'the address follows, without a new history entry');
        const focused = await page.evaluate(() => document.activeElement?.closest('.task-row') !== null);
        assert.ok(focused, 'focus moves to the first task that was added');
      } else {
        await page.waitForURL(/\?completed=20#completed$/);
      }
      assert.ok((await rows.count()) > 10);
      assert.is(await page.locator('#completed-list .more-row').count(), 0, 'all shown: no more Show more');
      await expectAccessible(page, `home after Show more (JS ${javaScript ? 'on' : 'off'})`);
      await page.reload();
      assert.ok((await rows.count()) > 10, 'a reload keeps what was shown');
      assert.equal(session.problems, []);
    } finally {
      await session.close();
    }
  }
});

test('staff create a task, build its checklist and share it on the portal, keyboard and screen-reader clean', async () => {
  const srv = await testServer();
  for (const variant of [{ javaScript: false, width: 360 }, { javaScript: true, width: 1280 }]) {
    const session = await openBrowser(variant);
    const { page } = session;
    const title = `Browser staff task ${variant.width}`;
    try {
      await signInStaff(page, srv, 'demo', 'member@demo.test');
      await page.goto(`${srv.origin('demo')}/staff/tasks`);
      await expectAccessible(page, 'staff task list');
      await page.getByRole('link', { name: 'New task' }).click();
      await expectAccessible(page, 'new task form');
      await page.getByRole('button', { name: 'Create task' }).click();
      await page.getByText('Enter a title').first().waitFor();
      await expectAccessible(page, 'new task form with errors');
      await page.getByLabel('Client', { exact: true }).selectOption({ label: 'Baltic Bakery AS' });
      await page.getByLabel('Title').fill(title);
      await page.getByLabel('Due date').fill('2026-12-31');
      await page.getByRole('button', { name: 'Create task' }).click();
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      await page.locator('#new-section-title').fill('Documents from you');
      await page.getByRole('button', { name: 'Add section' }).click();
      await page.getByLabel('New item in Documents from you').fill('Upload the Z reports');
      await page.getByRole('button', { name: 'Add item' }).click();
      await page.getByRole('checkbox', { name: 'Upload the Z reports' }).waitFor();
      await page.getByLabel(/Mari Maasikas/).check();
      await page.getByRole('button', { name: 'Share on the portal' }).click();
      await page.getByText('Shared on the portal.').first().waitFor();
      await expectAccessible(page, 'staff task page, shared');
      assert.ok(await noHorizontalScroll(page), 'no horizontal scrolling on the staff task page');
      assert.equal(session.problems, []);
    } finally {
      await session.close();
    }
  }
});

test.run();
