// Dates and numbers in the user's timezone and regional format.

// Building an Intl.DateTimeFormat costs about 30 times more than using one (measured by the benchmark:
// a home page formats 30 dates), so formatters are kept per locale, zone and style.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, options: Intl.DateTimeFormatOptions & { timeZone: string }): Intl.DateTimeFormat {
  const key = `${locale}|${options.timeZone}|${options.dateStyle ?? ''}|${options.timeStyle ?? ''}|${options.year ?? ''}`;
  let cached = formatters.get(key);
  if (!cached) {
    cached = new Intl.DateTimeFormat(locale, options);
    if (formatters.size > 500) formatters.clear();
    formatters.set(key, cached);
  }
  return cached;
}

export function formatDate(date: Date, locale: string, timeZone: string, style: 'full' | 'long' | 'medium' | 'short' = 'medium'): string {
  try {
    return formatter(locale, { dateStyle: style, timeZone }).format(date);
  } catch {
    return formatter('en-GB', { dateStyle: style, timeZone: 'UTC' }).format(date);
  }
}

export function formatDateTime(date: Date, locale: string, timeZone: string): string {
  try {
    return formatter(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(date);
  } catch {
    return formatter('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(date);
  }
}

// Calendar dates repeat across rows and requests (due dates), so their text is kept too.
const calendarDates = new Map<string, string>();

/** A calendar date (YYYY-MM-DD, no time zone) shown in the user's format. */
export function formatCalendarDate(isoDate: string, locale: string): string {
  const key = `${locale}|${isoDate}`;
  let text = calendarDates.get(key);
  if (text === undefined) {
    const [y, m, d] = isoDate.split('-').map(Number);
    text = formatDate(new Date(Date.UTC(y, m - 1, d)), locale, 'UTC');
    if (calendarDates.size > 5000) calendarDates.clear();
    calendarDates.set(key, text);
  }
  return text;
}

/** Today's calendar date (YYYY-MM-DD) in a time zone. */
export function todayIn(now: Date, timeZone: string): string {
  try {
    return formatter('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  } catch {
    return now.toISOString().slice(0, 10);
  }
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;
}
