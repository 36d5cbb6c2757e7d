/**
 * The year a period starts in ('2015', '2015/16' and '2015 - 17' are all 2015), as Fingertips sorts periods;
 * null when the period does not start with a year. Trajectories to targets are drawn over these years.
 */
export function periodYear(period: string): number | null {
  const match = /^(\d{4})/.exec(period);
  return match ? Number(match[1]) : null;
}
