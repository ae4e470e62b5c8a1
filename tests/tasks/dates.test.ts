import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { nextDigestTime } from '../../src/mail/timing.ts';
import { addMonths, clientDueDate, isIsoDate, occurrenceDate, weekOf } from '../../src/tasks/dates.ts';

const test = suite('task dates and mail timing');

test('the client due date moves back by the offset but never before the start date', () => {
  assert.is(clientDueDate('2026-12-10', null, 3), '2026-12-07');
  assert.is(clientDueDate('2026-12-10', '2026-12-09', 7), '2026-12-09');
  assert.is(clientDueDate('2026-03-02', null, 2), '2026-02-28');
  assert.is(clientDueDate(null, '2026-12-01', 2), null);
});

test('months keep the day of the month where they can, without drifting', () => {
  assert.is(addMonths('2027-01-31', 1), '2027-02-28');
  assert.is(occurrenceDate('2027-01-31', 'monthly', 2), '2027-03-31');
  assert.is(occurrenceDate('2028-02-29', 'yearly', 1), '2029-02-28');
  assert.is(occurrenceDate('2026-11-30', 'quarterly', 1), '2027-02-28');
  assert.is(occurrenceDate('2026-12-28', 'weekly', 1), '2027-01-04');
});

test('dates are checked and weeks run Monday to Sunday', () => {
  assert.ok(isIsoDate('2026-02-28'));
  assert.not.ok(isIsoDate('2026-02-30'));
  assert.not.ok(isIsoDate('28.02.2026'));
  assert.equal(weekOf('2026-12-03'), { from: '2026-11-30', to: '2026-12-06' });
  assert.equal(weekOf('2026-11-29'), { from: '2026-11-23', to: '2026-11-29' });
});

test('digest times are 08:00, 13:00 and 18:00 in the person’s zone, across daylight saving changes', () => {
  const tallinnWinter = new Date('2026-11-30T09:05:00Z'); // 11:05 in Tallinn (UTC+2)
  assert.is(nextDigestTime(tallinnWinter, 'morning', 'Europe/Tallinn').toISOString(), '2026-12-01T06:00:00.000Z');
  assert.is(nextDigestTime(tallinnWinter, 'afternoon', 'Europe/Tallinn').toISOString(), '2026-11-30T11:00:00.000Z');
  assert.is(nextDigestTime(tallinnWinter, 'evening', 'Europe/Tallinn').toISOString(), '2026-11-30T16:00:00.000Z');
  // The night summer time starts (29 March 2026): 08:00 is UTC+3.
  assert.is(nextDigestTime(new Date('2026-03-28T20:00:00Z'), 'morning', 'Europe/Tallinn').toISOString(), '2026-03-29T05:00:00.000Z');
  assert.is(nextDigestTime(new Date('2026-06-01T12:00:00Z'), 'evening', 'America/New_York').toISOString(), '2026-06-01T22:00:00.000Z');
  assert.is(nextDigestTime(new Date('2026-06-01T12:00:00Z'), 'morning', 'Not/AZone').toISOString(), '2026-06-02T08:00:00.000Z', 'unknown zones fall back to UTC');
});

test.run();
