/** One kind of `healthhub import <kind>`: its summary for the help, and its module, imported only when run. */
export interface ImportKind {
  readonly summary: string;
  readonly load: () => Promise<{ run(args: string[]): Promise<number> }>;
}

export const importKinds: Record<string, ImportKind> = {
  fingertips: {
    summary: 'a Fingertips CSV (the site download or the API all_data/csv)',
    load: () => import('./import-fingertips-command.js'),
  },
  population: {
    summary: 'a long population table by area, sex and age (ONS mid-year estimates)',
    load: () => import('./import-population-command.js'),
  },
  counts: {
    summary: 'a long table of event counts by area, sex and age band (ONS deaths)',
    load: () => import('./import-counts-command.js'),
  },
  'ons-health-index': {
    summary: 'the ONS Health Index underlying data (ltla21_code, year, indicator, value)',
    load: () => import('./import-ons-health-index-command.js'),
  },
  areas: {
    summary: 'an ONS lookup of LSOAs, wards, districts, sub-ICB locations and ICBs',
    load: () => import('./import-areas-command.js'),
  },
  boundaries: {
    summary: 'area outlines for the maps: GeoJSON or TopoJSON of ONS codes (ONS boundary files)',
    load: () => import('./import-boundaries-command.js'),
  },
  deprivation: {
    summary: 'the Index of Multiple Deprivation of LSOAs, districts or ICBs (IMD2019, IMD2025)',
    load: () => import('./import-deprivation-command.js'),
  },
};
