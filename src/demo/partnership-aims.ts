/**
 * The aims London's health and care partnership holds itself to, as published (facts from
 * `../shared/reference/london-health-partnership.md`): the five aims of the Mayor's Health Inequalities
 * Strategy (December 2018) and the ten shared aspirations of Better Health for London: Next Steps (March 2015).
 * Indicators map onto them (see demo-indicators.ts); the /mission page reads them from here.
 */

/** An aim of the Mayor's Health Inequalities Strategy. */
export interface HealthInequalitiesAim {
  readonly id:
    | 'healthy-children'
    | 'healthy-minds'
    | 'healthy-places'
    | 'healthy-communities'
    | 'healthy-living';
  readonly name: string;
}

export const healthInequalitiesAims: readonly HealthInequalitiesAim[] = [
  { id: 'healthy-children', name: 'Healthy Children' },
  { id: 'healthy-minds', name: 'Healthy Minds' },
  { id: 'healthy-places', name: 'Healthy Places' },
  { id: 'healthy-communities', name: 'Healthy Communities' },
  { id: 'healthy-living', name: 'Healthy Living' },
];

export type HealthInequalitiesAimId = HealthInequalitiesAim['id'];

/** One of the ten shared aspirations of Better Health for London: Next Steps, numbered as published. */
export interface BetterHealthAspiration {
  readonly number: number;
  readonly text: string;
}

export const betterHealthAspirations: readonly BetterHealthAspiration[] = [
  { number: 1, text: "Give all London's children a healthy, happy start to life." },
  { number: 2, text: 'Get London fitter with better food, more exercise and healthier living.' },
  { number: 3, text: 'Make work a healthy place to be in London.' },
  { number: 4, text: 'Help Londoners to kick unhealthy habits.' },
  { number: 5, text: 'Care for the most mentally ill in London so they live longer, healthier lives.' },
  { number: 6, text: 'Enable Londoners to do more to look after themselves.' },
  {
    number: 7,
    text: 'Ensure that every Londoner is able to see a GP when they need to and at a time that suits them.',
  },
  {
    number: 8,
    text: 'Create the best health and care services of any world city, throughout London and on every day.',
  },
  { number: 9, text: 'Fully engage and involve Londoners in the future health of their city.' },
  { number: 10, text: 'Put London at the centre of the global revolution in digital health.' },
];
