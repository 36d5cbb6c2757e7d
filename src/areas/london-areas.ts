/**
 * London's built-in geography: England, London, its five Integrated Care Boards (from 1 July 2022) and its
 * 33 local authorities (32 boroughs and the City of London), by ONS GSS code, with ICB membership as ONS
 * publishes it for April 2024, and each authority's tile in the London Squared layout (After the Flood for
 * Future Cities Catapult; column x west to east, row y north to south).
 */
export interface BuiltInArea {
  readonly code: string;
  readonly name: string;
  readonly areaType: 'country' | 'region' | 'icb' | 'local-authority';
  readonly nhsCode?: string;
}

/** A dated membership: the child is in the parent from validFrom (ISO date) until further notice. */
export interface BuiltInParent {
  readonly childCode: string;
  readonly parentCode: string;
  readonly validFrom: string;
}

/** A London Squared tile. */
export interface BuiltInTile {
  readonly areaCode: string;
  readonly abbreviation: string;
  readonly x: number;
  readonly y: number;
  readonly irregular: boolean;
}

export const ENGLAND = 'E92000001';
export const LONDON = 'E12000007';

/** ICBs replaced clinical commissioning groups on 1 July 2022. */
const icbsFrom = '2022-07-01';
/** Greater London and its boroughs date from 1 April 1965; the regions of England from 1994. */
const greaterLondonFrom = '1965-04-01';
const regionsFrom = '1994-04-01';

export const londonAreas: readonly BuiltInArea[] = [
  { code: ENGLAND, name: 'England', areaType: 'country' },
  { code: LONDON, name: 'London', areaType: 'region' },
  { code: 'E54000027', name: 'NHS North West London Integrated Care Board', areaType: 'icb', nhsCode: 'QRV' },
  {
    code: 'E54000028',
    name: 'NHS North Central London Integrated Care Board',
    areaType: 'icb',
    nhsCode: 'QMJ',
  },
  { code: 'E54000029', name: 'NHS North East London Integrated Care Board', areaType: 'icb', nhsCode: 'QMF' },
  { code: 'E54000030', name: 'NHS South East London Integrated Care Board', areaType: 'icb', nhsCode: 'QKK' },
  { code: 'E54000031', name: 'NHS South West London Integrated Care Board', areaType: 'icb', nhsCode: 'QWE' },
  { code: 'E09000001', name: 'City of London', areaType: 'local-authority' },
  { code: 'E09000002', name: 'Barking and Dagenham', areaType: 'local-authority' },
  { code: 'E09000003', name: 'Barnet', areaType: 'local-authority' },
  { code: 'E09000004', name: 'Bexley', areaType: 'local-authority' },
  { code: 'E09000005', name: 'Brent', areaType: 'local-authority' },
  { code: 'E09000006', name: 'Bromley', areaType: 'local-authority' },
  { code: 'E09000007', name: 'Camden', areaType: 'local-authority' },
  { code: 'E09000008', name: 'Croydon', areaType: 'local-authority' },
  { code: 'E09000009', name: 'Ealing', areaType: 'local-authority' },
  { code: 'E09000010', name: 'Enfield', areaType: 'local-authority' },
  { code: 'E09000011', name: 'Greenwich', areaType: 'local-authority' },
  { code: 'E09000012', name: 'Hackney', areaType: 'local-authority' },
  { code: 'E09000013', name: 'Hammersmith and Fulham', areaType: 'local-authority' },
  { code: 'E09000014', name: 'Haringey', areaType: 'local-authority' },
  { code: 'E09000015', name: 'Harrow', areaType: 'local-authority' },
  { code: 'E09000016', name: 'Havering', areaType: 'local-authority' },
  { code: 'E09000017', name: 'Hillingdon', areaType: 'local-authority' },
  { code: 'E09000018', name: 'Hounslow', areaType: 'local-authority' },
  { code: 'E09000019', name: 'Islington', areaType: 'local-authority' },
  { code: 'E09000020', name: 'Kensington and Chelsea', areaType: 'local-authority' },
  { code: 'E09000021', name: 'Kingston upon Thames', areaType: 'local-authority' },
  { code: 'E09000022', name: 'Lambeth', areaType: 'local-authority' },
  { code: 'E09000023', name: 'Lewisham', areaType: 'local-authority' },
  { code: 'E09000024', name: 'Merton', areaType: 'local-authority' },
  { code: 'E09000025', name: 'Newham', areaType: 'local-authority' },
  { code: 'E09000026', name: 'Redbridge', areaType: 'local-authority' },
  { code: 'E09000027', name: 'Richmond upon Thames', areaType: 'local-authority' },
  { code: 'E09000028', name: 'Southwark', areaType: 'local-authority' },
  { code: 'E09000029', name: 'Sutton', areaType: 'local-authority' },
  { code: 'E09000030', name: 'Tower Hamlets', areaType: 'local-authority' },
  { code: 'E09000031', name: 'Waltham Forest', areaType: 'local-authority' },
  { code: 'E09000032', name: 'Wandsworth', areaType: 'local-authority' },
  { code: 'E09000033', name: 'Westminster', areaType: 'local-authority' },
];

/** Borough to ICB (as of April 2024), ICB to London, borough to London, London to England. */
export const londonParents: readonly BuiltInParent[] = [
  { childCode: LONDON, parentCode: ENGLAND, validFrom: regionsFrom },
  { childCode: 'E54000027', parentCode: LONDON, validFrom: icbsFrom },
  { childCode: 'E54000028', parentCode: LONDON, validFrom: icbsFrom },
  { childCode: 'E54000029', parentCode: LONDON, validFrom: icbsFrom },
  { childCode: 'E54000030', parentCode: LONDON, validFrom: icbsFrom },
  { childCode: 'E54000031', parentCode: LONDON, validFrom: icbsFrom },
  { childCode: 'E09000001', parentCode: 'E54000029', validFrom: icbsFrom },
  { childCode: 'E09000002', parentCode: 'E54000029', validFrom: icbsFrom },
  { childCode: 'E09000003', parentCode: 'E54000028', validFrom: icbsFrom },
  { childCode: 'E09000004', parentCode: 'E54000030', validFrom: icbsFrom },
  { childCode: 'E09000005', parentCode: 'E54000027', validFrom: icbsFrom },
  { childCode: 'E09000006', parentCode: 'E54000030', validFrom: icbsFrom },
  { childCode: 'E09000007', parentCode: 'E54000028', validFrom: icbsFrom },
  { childCode: 'E09000008', parentCode: 'E54000031', validFrom: icbsFrom },
  { childCode: 'E09000009', parentCode: 'E54000027', validFrom: icbsFrom },
  { childCode: 'E09000010', parentCode: 'E54000028', validFrom: icbsFrom },
  { childCode: 'E09000011', parentCode: 'E54000030', validFrom: icbsFrom },
  { childCode: 'E09000012', parentCode: 'E54000029', validFrom: icbsFrom },
  { childCode: 'E09000013', parentCode: 'E54000027', validFrom: icbsFrom },
  { childCode: 'E09000014', parentCode: 'E54000028', validFrom: icbsFrom },
  { childCode: 'E09000015', parentCode: 'E54000027', validFrom: icbsFrom },
  { childCode: 'E09000016', parentCode: 'E54000029', validFrom: icbsFrom },
  { childCode: 'E09000017', parentCode: 'E54000027', validFrom: icbsFrom },
  { childCode: 'E09000018', parentCode: 'E54000027', validFrom: icbsFrom },
  { childCode: 'E09000019', parentCode: 'E54000028', validFrom: icbsFrom },
  { childCode: 'E09000020', parentCode: 'E54000027', validFrom: icbsFrom },
  { childCode: 'E09000021', parentCode: 'E54000031', validFrom: icbsFrom },
  { childCode: 'E09000022', parentCode: 'E54000030', validFrom: icbsFrom },
  { childCode: 'E09000023', parentCode: 'E54000030', validFrom: icbsFrom },
  { childCode: 'E09000024', parentCode: 'E54000031', validFrom: icbsFrom },
  { childCode: 'E09000025', parentCode: 'E54000029', validFrom: icbsFrom },
  { childCode: 'E09000026', parentCode: 'E54000029', validFrom: icbsFrom },
  { childCode: 'E09000027', parentCode: 'E54000031', validFrom: icbsFrom },
  { childCode: 'E09000028', parentCode: 'E54000030', validFrom: icbsFrom },
  { childCode: 'E09000029', parentCode: 'E54000031', validFrom: icbsFrom },
  { childCode: 'E09000030', parentCode: 'E54000029', validFrom: icbsFrom },
  { childCode: 'E09000031', parentCode: 'E54000029', validFrom: icbsFrom },
  { childCode: 'E09000032', parentCode: 'E54000031', validFrom: icbsFrom },
  { childCode: 'E09000033', parentCode: 'E54000027', validFrom: icbsFrom },
  { childCode: 'E09000001', parentCode: LONDON, validFrom: greaterLondonFrom },
  { childCode: 'E09000002', parentCode: LONDON, validFrom: greaterLondonFrom },
  { childCode: 'E09000003', parentCode: LONDON, validFrom: greaterLondonFrom },
  { childCode: 'E09000004', parentCode: LONDON, validFrom: greaterLondonFrom },
  { childCode: 'E09000005', parentCode: LONDON, validFrom: greaterLondonFrom },
  { childCode: 'E09000006', parentCode: LONDON, validFrom: greaterLondonFrom },
  { childCode: 'E09000007', parentCode: LONDON, validFrom: greaterLondonFrom },
  { childCode: 'E09000008', parentCode: LONDON, validFrom: greaterLondonFrom },
  { childCode: 'E09000009', parentCode: LONDON, validFrom: greaterLondonFrom },
  { childCode: 'E09000010', parentCode: LONDON, validFrom: greaterLondonFrom },
  { childCode: 'E09000011', parentCode: LONDON, validFrom: greaterLondonFrom },
  { childCode: 'E09000012', parentCode: LONDON, validFrom: greaterLondonFrom },
  { childCode: 'E09000013', parentCode: LONDON, validFrom: greaterLondonFrom },
  { childCode: 'E09000014', parentCode: LONDON, validFrom: greaterLondonFrom },
  { childCode: 'E09000015', parentCode: LONDON, validFrom: greaterLondonFrom },
  { childCode: 'E09000016', parentCode: LONDON, validFrom: greaterLondonFrom },
  { childCode: 'E09000017', parentCode: LONDON, validFrom: greaterLondonFrom },
  { childCode: 'E09000018', parentCode: LONDON, validFrom: greaterLondonFrom },
  { childCode: 'E09000019', parentCode: LONDON, validFrom: greaterLondonFrom },
  { childCode: 'E09000020', parentCode: LONDON, validFrom: greaterLondonFrom },
  { childCode: 'E09000021', parentCode: LONDON, validFrom: greaterLondonFrom },
  { childCode: 'E09000022', parentCode: LONDON, validFrom: greaterLondonFrom },
  { childCode: 'E09000023', parentCode: LONDON, validFrom: greaterLondonFrom },
  { childCode: 'E09000024', parentCode: LONDON, validFrom: greaterLondonFrom },
  { childCode: 'E09000025', parentCode: LONDON, validFrom: greaterLondonFrom },
  { childCode: 'E09000026', parentCode: LONDON, validFrom: greaterLondonFrom },
  { childCode: 'E09000027', parentCode: LONDON, validFrom: greaterLondonFrom },
  { childCode: 'E09000028', parentCode: LONDON, validFrom: greaterLondonFrom },
  { childCode: 'E09000029', parentCode: LONDON, validFrom: greaterLondonFrom },
  { childCode: 'E09000030', parentCode: LONDON, validFrom: greaterLondonFrom },
  { childCode: 'E09000031', parentCode: LONDON, validFrom: greaterLondonFrom },
  { childCode: 'E09000032', parentCode: LONDON, validFrom: greaterLondonFrom },
  { childCode: 'E09000033', parentCode: LONDON, validFrom: greaterLondonFrom },
];

/** The 33 London Squared tiles. */
export const londonSquaredTiles: readonly BuiltInTile[] = [
  { areaCode: 'E09000001', abbreviation: 'cty', x: 4, y: 3, irregular: true },
  { areaCode: 'E09000002', abbreviation: 'bar', x: 7, y: 3, irregular: true },
  { areaCode: 'E09000003', abbreviation: 'brn', x: 3, y: 1, irregular: false },
  { areaCode: 'E09000004', abbreviation: 'bxl', x: 7, y: 4, irregular: true },
  { areaCode: 'E09000005', abbreviation: 'brt', x: 2, y: 2, irregular: false },
  { areaCode: 'E09000006', abbreviation: 'brm', x: 5, y: 5, irregular: false },
  { areaCode: 'E09000007', abbreviation: 'cmd', x: 3, y: 2, irregular: false },
  { areaCode: 'E09000008', abbreviation: 'crd', x: 4, y: 5, irregular: false },
  { areaCode: 'E09000009', abbreviation: 'elg', x: 1, y: 2, irregular: false },
  { areaCode: 'E09000010', abbreviation: 'enf', x: 4, y: 0, irregular: false },
  { areaCode: 'E09000011', abbreviation: 'grn', x: 6, y: 4, irregular: true },
  { areaCode: 'E09000012', abbreviation: 'hck', x: 5, y: 2, irregular: false },
  { areaCode: 'E09000013', abbreviation: 'hms', x: 1, y: 3, irregular: false },
  { areaCode: 'E09000014', abbreviation: 'hgy', x: 4, y: 1, irregular: false },
  { areaCode: 'E09000015', abbreviation: 'hrw', x: 2, y: 1, irregular: false },
  { areaCode: 'E09000016', abbreviation: 'hvg', x: 7, y: 2, irregular: false },
  { areaCode: 'E09000017', abbreviation: 'hdn', x: 0, y: 2, irregular: false },
  { areaCode: 'E09000018', abbreviation: 'hns', x: 0, y: 3, irregular: false },
  { areaCode: 'E09000019', abbreviation: 'isl', x: 4, y: 2, irregular: false },
  { areaCode: 'E09000020', abbreviation: 'kns', x: 2, y: 3, irregular: false },
  { areaCode: 'E09000021', abbreviation: 'kng', x: 2, y: 5, irregular: false },
  { areaCode: 'E09000022', abbreviation: 'lam', x: 3, y: 4, irregular: true },
  { areaCode: 'E09000023', abbreviation: 'lsh', x: 5, y: 4, irregular: true },
  { areaCode: 'E09000024', abbreviation: 'mrt', x: 3, y: 5, irregular: false },
  { areaCode: 'E09000025', abbreviation: 'nwm', x: 6, y: 3, irregular: true },
  { areaCode: 'E09000026', abbreviation: 'rdb', x: 6, y: 2, irregular: false },
  { areaCode: 'E09000027', abbreviation: 'rch', x: 1, y: 4, irregular: false },
  { areaCode: 'E09000028', abbreviation: 'swr', x: 4, y: 4, irregular: true },
  { areaCode: 'E09000029', abbreviation: 'stn', x: 3, y: 6, irregular: false },
  { areaCode: 'E09000030', abbreviation: 'tow', x: 5, y: 3, irregular: true },
  { areaCode: 'E09000031', abbreviation: 'wth', x: 5, y: 1, irregular: false },
  { areaCode: 'E09000032', abbreviation: 'wns', x: 2, y: 4, irregular: false },
  { areaCode: 'E09000033', abbreviation: 'wst', x: 3, y: 3, irregular: true },
];
