// When a notification to a portal user is due: instantly, or at the next digest hour in their time zone.
export type NotifyTiming = 'instant' | 'morning' | 'afternoon' | 'evening' | 'off';

export const DIGEST_HOURS: Record<'morning' | 'afternoon' | 'evening', number> = { morning: 8, afternoon: 13, evening: 18 };

export function isDigestTiming(timing: string): timing is 'morning' | 'afternoon' | 'evening' {
  return timing in DIGEST_HOURS;
}

/** The wall-clock parts of an instant in a time zone. */
function wallClock(at: Date, timeZone: string): { y: number; m: number; d: number; h: number; min: number; s: number } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { y: get('year'), m: get('month'), d: get('day'), h: get('hour'), min: get('minute'), s: get('second') };
}

/** Milliseconds the zone is ahead of UTC at this instant. */
function zoneOffset(at: Date, timeZone: string): number {
  const w = wallClock(at, timeZone);
  return Date.UTC(w.y, w.m - 1, w.d, w.h, w.min, w.s) - Math.floor(at.getTime() / 1000) * 1000;
}

/** The instant a wall-clock time in a zone happens (twice corrected, for DST changes). */
function zonedInstant(y: number, m: number, d: number, hour: number, timeZone: string): Date {
  const wall = Date.UTC(y, m - 1, d, hour);
  let guess = wall - zoneOffset(new Date(wall), timeZone);
  guess = wall - zoneOffset(new Date(guess), timeZone);
  return new Date(guess);
}

function validZone(timeZone: string): string {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return timeZone;
  } catch {
    return 'UTC';
  }
}

/** The first digest hour (08:00, 13:00 or 18:00 local) at or after `earliest`. */
export function nextDigestTime(earliest: Date, timing: 'morning' | 'afternoon' | 'evening', timeZone: string): Date {
  const zone = validZone(timeZone);
  const local = wallClock(earliest, zone);
  for (let day = 0; day < 3; day++) {
    const date = new Date(Date.UTC(local.y, local.m - 1, local.d + day));
    const candidate = zonedInstant(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), DIGEST_HOURS[timing], zone);
    if (candidate.getTime() >= earliest.getTime()) return candidate;
  }
  throw new Error('no digest time found');
}
