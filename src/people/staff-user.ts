import type { Role } from './memberships-table.js';

/** A person's role in one organisation, as the session carries it. */
export interface StaffMembership {
  readonly organisationId: number;
  readonly organisationSlug: string;
  readonly organisationName: string;
  readonly role: Role;
}

/** The signed-in person, loaded afresh for each request from the session (so revoked roles apply at once). */
export interface StaffUser {
  readonly id: number;
  readonly email: string;
  readonly name: string;
  readonly isPlatformAdmin: boolean;
  readonly memberships: readonly StaffMembership[];
}
