// Dates and numbers in the user's timezone and regional format.
export function formatDate(date: Date, locale: string, timeZone: string, style: 'full' | 'long' | 'medium' | 'short' = 'medium'): string {
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: style, timeZone }).format(date);
  } catch {
    return new Intl.DateTimeFormat('en-GB', { dateStyle: style, timeZone: 'UTC' }).format(date);
  }
}

export function formatDateTime(date: Date, locale: string, timeZone: string): string {
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(date);
  } catch {
    return new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(date);
  }
}

/** A calendar date (YYYY-MM-DD, no time zone) shown in the user's format. */
export function formatCalendarDate(isoDate: string, locale: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return formatDate(new Date(Date.UTC(y, m - 1, d)), locale, 'UTC');
}

/** Today's calendar date (YYYY-MM-DD) in a time zone. */
export function todayIn(now: Date, timeZone: string): string {
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  } catch {
    return now.toISOString().slice(0, 10);
  }
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;
}
