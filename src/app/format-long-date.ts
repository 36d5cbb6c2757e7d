const longDate = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

const longDateTime = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  hour12: true,
  timeZone: 'Europe/London',
});

/**
 * A date as GOV.UK writes it ("23 November 2026"): a YYYY-MM-DD date as it stands, a timestamp as the date and
 * time in London ("23 November 2026, 4:12 am"). Empty for nothing.
 */
export function formatLongDate(value: string | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  if (value instanceof Date) return longDateTime.format(value).replace(' at ', ', ');
  return longDate.format(new Date(`${value}T00:00:00Z`));
}
