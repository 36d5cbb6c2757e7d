/** The words of each point of the 1-5 likelihood scale, beside its number. */
export const likelihoodLabels: Record<number, string> = {
  1: 'Rare',
  2: 'Unlikely',
  3: 'Possible',
  4: 'Likely',
  5: 'Almost certain',
};

/** The words of each point of the 1-5 impact scale, beside its number. */
export const impactLabels: Record<number, string> = {
  1: 'Negligible',
  2: 'Minor',
  3: 'Moderate',
  4: 'Major',
  5: 'Severe',
};

/** How a RAG reads (a tag's words: never colour alone) and its tag colour. */
export const ragLabels: Record<string, { readonly text: string; readonly tag: string }> = {
  red: { text: 'Red', tag: 'govuk-tag--red' },
  amber: { text: 'Amber', tag: 'govuk-tag--yellow' },
  green: { text: 'Green', tag: 'govuk-tag--green' },
};
