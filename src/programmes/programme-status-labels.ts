import type { ProgrammeStatus } from './programme-repository.js';

/** How a programme's status reads, and the tag colour beside the words. */
export const programmeStatusLabels: Record<ProgrammeStatus, { readonly text: string; readonly tag: string }> =
  {
    proposed: { text: 'Proposed', tag: 'govuk-tag--blue' },
    active: { text: 'Active', tag: 'govuk-tag--green' },
    closed: { text: 'Closed', tag: 'govuk-tag--grey' },
  };
