const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/**
 * An action with whether it is overdue (open, and due before `today`, a YYYY-MM-DD date in London) and by how
 * many days, so that pages can say so in words and not by colour alone.
 */
export function withOverdue<T extends { readonly status: string; readonly dueOn: string }>(
  action: T,
  today: string,
) {
  const overdue = action.status === 'open' && action.dueOn < today;
  return { ...action, overdue, daysOverdue: overdue ? daysBetween(action.dueOn, today) : 0 };
}
