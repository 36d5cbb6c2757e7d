const londonDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * Today's date in London as YYYY-MM-DD: what "overdue" is measured against, whatever the server's time zone.
 * `now` is for tests.
 */
export function londonToday(now: Date = new Date()): string {
  return londonDate.format(now);
}
