import { type Role, roles } from './memberships-table.js';
import { organisationKinds } from './organisations-table.js';

/** What each role may do, as the forms describe it (docs/governance.md has the rules). */
export const roleDescriptions: Readonly<Record<Role, string>> = {
  viewer: 'Sees the organisation’s records, Part 2 included',
  editor: 'Also creates and edits the organisation’s records',
  approver: 'Also approves the organisation’s decisions (never their own)',
  admin: 'Also manages who belongs to the organisation',
};

export const kindLabels: Readonly<Record<(typeof organisationKinds)[number], string>> = {
  partner: 'Partner',
  'local-authority': 'Local authority',
  icb: 'Integrated care board',
  trust: 'NHS trust',
  voluntary: 'Voluntary or community organisation',
  other: 'Other',
};

/** Items for a GOV.UK select of roles, with `selected` chosen. */
export function roleItems(selected?: string) {
  return roles.map((role) => ({ value: role, text: role, selected: role === selected }));
}

/** Items for GOV.UK radios of roles, with their descriptions as hints. */
export function roleRadios(selected?: string) {
  return roles.map((role) => ({
    value: role,
    text: role.charAt(0).toUpperCase() + role.slice(1),
    hint: { text: roleDescriptions[role] },
    checked: role === selected,
  }));
}

export function kindRadios(selected?: string) {
  return organisationKinds.map((kind) => ({
    value: kind,
    text: kindLabels[kind],
    checked: kind === selected,
  }));
}

/** Long dates and times as people read them: 3 March 2025 at 14:05. */
export function formatDateTime(date: Date | null): string {
  if (!date) return '';
  const day = new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/London',
  }).format(date);
  const time = new Intl.DateTimeFormat('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/London',
  }).format(date);
  return `${day} at ${time}`;
}
