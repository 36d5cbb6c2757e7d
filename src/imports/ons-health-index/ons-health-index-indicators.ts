import type { polarities } from '../../indicators/indicators-table.js';

type Polarity = (typeof polarities)[number];

/** One indicator of the ONS Health Index for England, as healthhub defines it. */
export interface OnsHealthIndexIndicator {
  readonly id: number;
  readonly name: string;
  readonly polarity: Polarity;
}

/**
 * healthhub's ids for ONS Health Index indicators: 980001 to 980999, a range Fingertips (whose ids healthhub
 * uses for its indicators) does not use. The 56 indicators of the Health Index underlying data (England,
 * 2015-2021) have fixed ids, 980001 to 980056 in the order of their names (sorted by code point), written out
 * here so that a later edition, even with indicators added or dropped, maps each name to the same id. A name
 * not in this list gets the id of the indicator of that name already in the range, or else the next free id
 * from 980101 (see mergeOnsHealthIndexStage).
 */
export const ONS_HEALTH_INDEX_IDS = { first: 980001, firstUnlisted: 980101, last: 980999 } as const;

const high: Polarity = 'high-is-good';
const low: Polarity = 'low-is-good';
const none: Polarity = 'no-judgement';

/**
 * The underlying values are the indicators' own measures (years of life expectancy, percentages, rates,
 * kilometres, well-being scores out of 10), not index scores, so the polarity is each measure's: high is
 * good for life expectancy, well-being, attainment, screening and vaccination, physical activity and healthy
 * eating, training, education and employment of young people, private outdoor space; low is good for
 * mortality, disease, risk factors, crime, deprivation, pollution and distances to services. Two are left
 * without judgement because the file's values do not say which way the measure runs: "Internet access"
 * (0 to 12, so not a share of people with access) and "Patients offered acceptable GP practice appointments"
 * (1 to 45, median 7, so not a share offered one).
 */
const rows: readonly (readonly [id: number, name: string, polarity: Polarity])[] = [
  [980001, 'Activities in life are worthwhile', high],
  [980002, 'Air pollution', low],
  [980003, 'Alcohol misuse', low],
  [980004, 'Avoidable mortality', low],
  [980005, 'Cancer', low],
  [980006, 'Cancer screening attendance', high],
  [980007, 'Cardiovascular conditions', low],
  [980008, 'Child poverty', low],
  [980009, 'Child vaccination coverage', high],
  [980010, "Children's social, emotional and mental health", low],
  [980011, 'Dementia', low],
  [980012, 'Diabetes', low],
  [980013, 'Disability', low],
  [980014, 'Distance to GP services', low],
  [980015, 'Distance to pharmacies', low],
  [980016, 'Distance to sports or leisure facilities', low],
  [980017, 'Drug misuse', low],
  [980018, 'Early years development', high],
  [980019, 'Feelings of anxiety', low],
  [980020, 'Frailty', low],
  [980021, 'Happiness', high],
  [980022, 'Healthy eating', high],
  [980023, 'High blood pressure', low],
  [980024, 'Household overcrowding', low],
  [980025, 'Infant mortality', low],
  [980026, 'Internet access', none],
  [980027, 'Job-related training', high],
  [980028, 'Kidney and liver disease', low],
  [980029, 'Life expectancy', high],
  [980030, 'Life satisfaction', high],
  [980031, 'Low birth weight', low],
  [980032, 'Low-level crime', low],
  [980033, 'Mental health conditions', low],
  [980034, 'Mortality from all causes', low],
  [980035, 'Musculoskeletal conditions', low],
  [980036, 'Noise complaints', low],
  [980037, 'Overweight and obesity in adults', low],
  [980038, 'Overweight and obesity in children', low],
  [980039, 'Patients offered acceptable GP practice appointments', none],
  [980040, 'Personal crime', low],
  [980041, 'Physical activity', high],
  [980042, 'Private outdoor space', high],
  [980043, 'Pupil absences', low],
  [980044, 'Pupil attainment', high],
  [980045, 'Respiratory conditions', low],
  [980046, 'Road safety', low],
  [980047, 'Rough sleeping', low],
  [980048, 'Sedentary behaviour', low],
  [980049, 'Self-harm', low],
  [980050, 'Sexually transmitted infections', low],
  [980051, 'Smoking', low],
  [980052, 'Suicides', low],
  [980053, 'Teenage pregnancy', low],
  [980054, 'Unemployment', low],
  [980055, 'Workplace safety', low],
  [980056, 'Young people in education, employment and apprenticeships', high],
];

export const onsHealthIndexIndicators: readonly OnsHealthIndexIndicator[] = rows.map(
  ([id, name, polarity]) => ({
    id,
    name,
    polarity,
  }),
);

const byName = new Map(onsHealthIndexIndicators.map((i) => [i.name.toLowerCase(), i]));

/** The listed indicator of a name (case ignored), if it is one of the 56. */
export function onsHealthIndexIndicator(name: string): OnsHealthIndexIndicator | undefined {
  return byName.get(name.toLowerCase());
}

export const ONS_HEALTH_INDEX_SOURCE = 'ONS Health Index for England: underlying data';
export const ONS_HEALTH_INDEX_LICENCE = 'Open Government Licence v3.0';

/** The definition healthhub gives an indicator of the Health Index's underlying data. */
export function onsHealthIndexDefinition(name: string): string {
  return (
    `The value of the ONS Health Index indicator "${name}" for the area and year, in the indicator's own ` +
    `measure (the Health Index's underlying data, not its index score). ONS "Health Index indicators and ` +
    `definitions" gives what it measures and its unit.`
  );
}
