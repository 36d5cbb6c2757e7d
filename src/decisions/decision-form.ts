import { z } from 'zod';
import { decisionTypes } from './decisions-table.js';
import { formDate, formDateFields } from './form-date.js';
import { protectedCharacteristics } from './protected-characteristics.js';

const long = 20_000;
const grouped = new Intl.NumberFormat('en-GB');

const text = (label: string, max = long) =>
  z
    .string({ error: `${label} must be text` })
    .max(max, `${label} must be ${grouped.format(max)} characters or fewer`)
    .transform((s) => s.trim())
    .default('');

const list = (v: unknown) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]);

/**
 * The decision form: every field of the record a person writes. Only the reference, the type and the title
 * are required, so a draft can be saved early and completed later; the approver judges completeness.
 * Reads the raw form body (strings, and arrays for repeated checkboxes).
 */
export const decisionForm = z.preprocess(
  (body) => {
    const b = (body ?? {}) as Record<string, unknown>;
    return { ...b, decisionDate: formDateFields(b, 'decisionDate') };
  },
  z.object({
    reference: z
      .string({ error: 'Enter the reference, like MD3326' })
      .trim()
      .min(1, 'Enter the reference, like MD3326')
      .max(40, 'Reference must be 40 characters or fewer')
      .regex(
        /^[A-Za-z0-9][A-Za-z0-9/._-]*$/,
        'Reference must start with a letter or digit and use only letters, digits and / . _ -',
      ),
    type: z.enum(decisionTypes, { error: 'Select the type of decision' }),
    title: z
      .string({ error: 'Enter a title' })
      .trim()
      .min(1, 'Enter a title')
      .max(300, 'Title must be 300 characters or fewer'),
    directorate: text('Directorate', 200),
    decisionMaker: text('Decision-maker', 200),
    decisionDate: formDate('Decision date'),
    executiveSummary: text('Executive summary'),
    decisionText: text('The decision'),
    nonConfidentialFacts: text('Non-confidential facts and advice'),
    objectivesAndOutcomes: text('Objectives and expected outcomes'),
    equalityComments: text('Equality comments'),
    protectedCharacteristics: z.preprocess(
      list,
      z.array(
        z.enum(
          protectedCharacteristics.map((c) => c.value),
          { error: 'Select protected characteristics from the list' },
        ),
      ),
    ),
    strategyLinks: text('Links to strategies'),
    consultations: text('Consultations'),
    conflictsOfInterest: text('Conflicts of interest'),
    financialComments: text('Financial comments'),
    legalComments: text('Legal comments'),
    part2: text('Part 2'),
    novelOrContentious: z.preprocess((v) => list(v).includes('yes'), z.boolean()),
  }),
);

export type DecisionFields = z.output<typeof decisionForm>;

/** Error links go to the first box of a date input. */
export const decisionFormFieldIds = { decisionDate: 'decisionDate-day', type: 'type' } as const;

/** The new-decision form adds the owning organisation. */
export const newDecisionOrganisation = z.object({
  organisationId: z
    .string({ error: 'Select the organisation that owns this decision' })
    .regex(/^[1-9][0-9]{0,9}$/, 'Select the organisation that owns this decision')
    .transform(Number),
});
