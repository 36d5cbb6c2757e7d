/**
 * The confirmations shown after an admin change (the success banner), by the `done` query parameter of the
 * redirect: only these texts can appear, so the parameter cannot put words on the page.
 */
export const adminNotices: Readonly<Record<string, string>> = {
  'organisation-created': 'Organisation added',
  renamed: 'Organisation renamed',
  archived: 'Organisation archived: its members’ roles no longer count',
  restored: 'Organisation restored',
  'person-created': 'Person added',
  'person-created-link': 'Person added and emailed a link to choose their password',
  disabled: 'Account disabled: they have been signed out everywhere',
  enabled: 'Account enabled',
  'lockout-cleared': 'Lockout cleared: they can sign in again now',
  'platform-admin-granted': 'They are now a platform admin',
  'platform-admin-revoked': 'They are no longer a platform admin',
  'role-set': 'Role saved',
  'role-revoked': 'Role removed',
  'member-added': 'Member added',
  'reset-link-sent': 'Password reset link sent',
};

/** The banner text for a `done` parameter, or undefined. */
export function adminNotice(query: unknown): string | undefined {
  const done = (query as { done?: unknown } | undefined)?.done;
  return typeof done === 'string' && Object.hasOwn(adminNotices, done) ? adminNotices[done] : undefined;
}
