const london = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'Europe/London',
});

/** A moment as people in London read it: "3 Apr 2025, 14:05". */
export function formatDateTime(when: Date): string {
  return london.format(when);
}
