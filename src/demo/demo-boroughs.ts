/**
 * What shapes each authority's generated data: its size in 2021 and growth per year, a deprivation-like
 * score, and whether it is in Inner London (ONS's statistical definition). Sizes are roughly the 2021 Census
 * counts and the scores roughly the IMD 2019 average scores, rounded: they only steer the generated numbers
 * (which boroughs come out healthier), and are not data healthhub publishes.
 */
export interface DemoBorough {
  readonly code: string;
  readonly population2021: number;
  /** Growth of the population per year, e.g. 0.006 for 0.6%. */
  readonly growth: number;
  readonly deprivation: number;
  readonly inner: boolean;
}

export const demoBoroughs: readonly DemoBorough[] = [
  { code: 'E09000001', population2021: 8600, growth: 0.01, deprivation: 14.7, inner: true },
  { code: 'E09000002', population2021: 219000, growth: 0.013, deprivation: 32.8, inner: false },
  { code: 'E09000003', population2021: 389000, growth: 0.008, deprivation: 16.1, inner: false },
  { code: 'E09000004', population2021: 246500, growth: 0.006, deprivation: 16.9, inner: false },
  { code: 'E09000005', population2021: 339800, growth: 0.005, deprivation: 25.6, inner: false },
  { code: 'E09000006', population2021: 330000, growth: 0.006, deprivation: 14.2, inner: false },
  { code: 'E09000007', population2021: 210100, growth: 0.002, deprivation: 22.0, inner: true },
  { code: 'E09000008', population2021: 390800, growth: 0.006, deprivation: 23.0, inner: false },
  { code: 'E09000009', population2021: 367100, growth: 0.004, deprivation: 22.0, inner: false },
  { code: 'E09000010', population2021: 330000, growth: 0.005, deprivation: 26.0, inner: false },
  { code: 'E09000011', population2021: 289100, growth: 0.01, deprivation: 24.9, inner: false },
  { code: 'E09000012', population2021: 259200, growth: 0.007, deprivation: 32.5, inner: true },
  { code: 'E09000013', population2021: 183200, growth: 0.0, deprivation: 21.9, inner: true },
  { code: 'E09000014', population2021: 264300, growth: 0.004, deprivation: 28.0, inner: true },
  { code: 'E09000015', population2021: 261200, growth: 0.007, deprivation: 16.0, inner: false },
  { code: 'E09000016', population2021: 262000, growth: 0.008, deprivation: 17.4, inner: false },
  { code: 'E09000017', population2021: 305900, growth: 0.009, deprivation: 19.6, inner: false },
  { code: 'E09000018', population2021: 288200, growth: 0.007, deprivation: 21.6, inner: false },
  { code: 'E09000019', population2021: 216600, growth: 0.005, deprivation: 27.5, inner: true },
  { code: 'E09000020', population2021: 143400, growth: -0.006, deprivation: 20.3, inner: true },
  { code: 'E09000021', population2021: 168000, growth: 0.006, deprivation: 11.4, inner: false },
  { code: 'E09000022', population2021: 317600, growth: 0.003, deprivation: 25.6, inner: true },
  { code: 'E09000023', population2021: 300600, growth: 0.006, deprivation: 26.7, inner: true },
  { code: 'E09000024', population2021: 215200, growth: 0.004, deprivation: 14.1, inner: false },
  { code: 'E09000025', population2021: 351100, growth: 0.01, deprivation: 29.6, inner: true },
  { code: 'E09000026', population2021: 310300, growth: 0.009, deprivation: 18.5, inner: false },
  { code: 'E09000027', population2021: 195200, growth: 0.004, deprivation: 10.0, inner: false },
  { code: 'E09000028', population2021: 307700, growth: 0.006, deprivation: 25.8, inner: true },
  { code: 'E09000029', population2021: 209600, growth: 0.007, deprivation: 14.0, inner: false },
  { code: 'E09000030', population2021: 310300, growth: 0.018, deprivation: 30.0, inner: true },
  { code: 'E09000031', population2021: 278400, growth: 0.005, deprivation: 25.4, inner: false },
  { code: 'E09000032', population2021: 327500, growth: 0.006, deprivation: 16.2, inner: true },
  { code: 'E09000033', population2021: 204300, growth: -0.002, deprivation: 20.0, inner: true },
];
