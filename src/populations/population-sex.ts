/** The sexes populations and event counts are kept by (the populations and event_counts check constraints). */
export const populationSexes = ['persons', 'males', 'females'] as const;
export type PopulationSex = (typeof populationSexes)[number];

const names: Readonly<Record<string, PopulationSex>> = {
  persons: 'persons',
  person: 'persons',
  people: 'persons',
  all: 'persons',
  p: 'persons',
  males: 'males',
  male: 'males',
  m: 'males',
  females: 'females',
  female: 'females',
  f: 'females',
};

/**
 * Reads a sex as ONS tables write it ("Males", "Females", "Persons"), or "Male", "Female", "All", "M", "F",
 * "P", in any case. Undefined for anything else.
 */
export function parsePopulationSex(text: string): PopulationSex | undefined {
  const key = text.trim().toLowerCase();
  return Object.hasOwn(names, key) ? names[key] : undefined;
}

/** The sex as indicator values name it (Fingertips' spelling): Persons, Male, Female. */
export function indicatorSex(sex: PopulationSex): 'Persons' | 'Male' | 'Female' {
  return sex === 'persons' ? 'Persons' : sex === 'males' ? 'Male' : 'Female';
}
