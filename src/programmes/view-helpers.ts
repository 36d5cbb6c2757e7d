import { formatLongDate } from '../app/format-long-date.js';

/** Text typed into a textarea as paragraphs: split at blank lines, empty ones dropped. */
function paragraphs(text: string | null | undefined): string[] {
  return (text ?? '')
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

/** What the governance templates call: dates as GOV.UK writes them, and typed text as paragraphs. */
export const viewHelpers = { formatDate: formatLongDate, paragraphs };
