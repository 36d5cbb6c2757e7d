import { formatLongDate } from '../app/format-long-date.js';
import { formatPounds } from '../money/format-pounds.js';
import { financialYearLabel } from './financial-year-label.js';
import { transactionKindLabels } from './posting-kinds.js';

/** What the fund templates format with: money, years, dates and kinds of transaction in words. */
export const fundViewHelpers = {
  pounds: formatPounds,
  yearLabel: financialYearLabel,
  longDate: formatLongDate,
  kindLabel: (kind: keyof typeof transactionKindLabels) => transactionKindLabels[kind],
  agreementStatus: (status: string) =>
    status === 'executed'
      ? { text: 'Executed', classes: 'govuk-tag--green' }
      : status === 'terminated'
        ? { text: 'Terminated', classes: 'govuk-tag--grey' }
        : { text: 'Draft', classes: 'govuk-tag--blue' },
};
