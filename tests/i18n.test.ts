import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { formatCalendarDate } from '../src/format.ts';
import { translator } from '../src/i18n/index.ts';

const test = suite('messages and dates');

test('placeholders are filled by name, in every language, however often a message is used', () => {
  const en = translator('en');
  const et = translator('et');
  assert.is(en('home.progress', { done: 1, total: 3 }), en('home.progress', { total: 3, done: 1 }));
  assert.match(en('home.progress', { done: 1, total: 3 }), /1.*3/);
  assert.match(en('home.progress', { done: 2, total: 5 }), /2.*5/);
  assert.match(et('home.due', { date: '3. dets 2026' }), /3\. dets 2026/);
  assert.not.match(en('home.due', { date: 'x' }), /\{date\}/);
  assert.match(en('home.due', {}), /\{date\}/, 'a missing parameter stays visible rather than vanishing');
});

test('calendar dates follow the regional format and stay right when repeated', () => {
  assert.is(formatCalendarDate('2026-12-03', 'en-GB'), '3 Dec 2026');
  assert.is(formatCalendarDate('2026-12-03', 'en-US'), 'Dec 3, 2026');
  assert.is(formatCalendarDate('2026-12-03', 'en-GB'), '3 Dec 2026');
  assert.is(formatCalendarDate('2026-01-31', 'en-GB'), '31 Jan 2026');
});

test.run();
