/**
 * London's built-in geography: England, London, its five Integrated Care Boards and its 33 local
 * authorities (32 boroughs and the City of London), by ONS GSS code, with ICB membership as of April 2024.
 */
export interface BuiltInArea {
  readonly code: string;
  readonly name: string;
  readonly areaType: 'country' | 'region' | 'icb' | 'local-authority';
  readonly parentCode: string | null;
}

export const londonAreas: readonly BuiltInArea[] = [
  { code: 'E92000001', name: 'England', areaType: 'country', parentCode: null },
  { code: 'E12000007', name: 'London', areaType: 'region', parentCode: 'E92000001' },
  {
    code: 'E54000027',
    name: 'NHS North West London Integrated Care Board',
    areaType: 'icb',
    parentCode: 'E12000007',
  },
  {
    code: 'E54000028',
    name: 'NHS North Central London Integrated Care Board',
    areaType: 'icb',
    parentCode: 'E12000007',
  },
  {
    code: 'E54000029',
    name: 'NHS North East London Integrated Care Board',
    areaType: 'icb',
    parentCode: 'E12000007',
  },
  {
    code: 'E54000030',
    name: 'NHS South East London Integrated Care Board',
    areaType: 'icb',
    parentCode: 'E12000007',
  },
  {
    code: 'E54000031',
    name: 'NHS South West London Integrated Care Board',
    areaType: 'icb',
    parentCode: 'E12000007',
  },
  { code: 'E09000001', name: 'City of London', areaType: 'local-authority', parentCode: 'E54000029' },
  { code: 'E09000002', name: 'Barking and Dagenham', areaType: 'local-authority', parentCode: 'E54000029' },
  { code: 'E09000003', name: 'Barnet', areaType: 'local-authority', parentCode: 'E54000028' },
  { code: 'E09000004', name: 'Bexley', areaType: 'local-authority', parentCode: 'E54000030' },
  { code: 'E09000005', name: 'Brent', areaType: 'local-authority', parentCode: 'E54000027' },
  { code: 'E09000006', name: 'Bromley', areaType: 'local-authority', parentCode: 'E54000030' },
  { code: 'E09000007', name: 'Camden', areaType: 'local-authority', parentCode: 'E54000028' },
  { code: 'E09000008', name: 'Croydon', areaType: 'local-authority', parentCode: 'E54000031' },
  { code: 'E09000009', name: 'Ealing', areaType: 'local-authority', parentCode: 'E54000027' },
  { code: 'E09000010', name: 'Enfield', areaType: 'local-authority', parentCode: 'E54000028' },
  { code: 'E09000011', name: 'Greenwich', areaType: 'local-authority', parentCode: 'E54000030' },
  { code: 'E09000012', name: 'Hackney', areaType: 'local-authority', parentCode: 'E54000029' },
  { code: 'E09000013', name: 'Hammersmith and Fulham', areaType: 'local-authority', parentCode: 'E54000027' },
  { code: 'E09000014', name: 'Haringey', areaType: 'local-authority', parentCode: 'E54000028' },
  { code: 'E09000015', name: 'Harrow', areaType: 'local-authority', parentCode: 'E54000027' },
  { code: 'E09000016', name: 'Havering', areaType: 'local-authority', parentCode: 'E54000029' },
  { code: 'E09000017', name: 'Hillingdon', areaType: 'local-authority', parentCode: 'E54000027' },
  { code: 'E09000018', name: 'Hounslow', areaType: 'local-authority', parentCode: 'E54000027' },
  { code: 'E09000019', name: 'Islington', areaType: 'local-authority', parentCode: 'E54000028' },
  { code: 'E09000020', name: 'Kensington and Chelsea', areaType: 'local-authority', parentCode: 'E54000027' },
  { code: 'E09000021', name: 'Kingston upon Thames', areaType: 'local-authority', parentCode: 'E54000031' },
  { code: 'E09000022', name: 'Lambeth', areaType: 'local-authority', parentCode: 'E54000030' },
  { code: 'E09000023', name: 'Lewisham', areaType: 'local-authority', parentCode: 'E54000030' },
  { code: 'E09000024', name: 'Merton', areaType: 'local-authority', parentCode: 'E54000031' },
  { code: 'E09000025', name: 'Newham', areaType: 'local-authority', parentCode: 'E54000029' },
  { code: 'E09000026', name: 'Redbridge', areaType: 'local-authority', parentCode: 'E54000029' },
  { code: 'E09000027', name: 'Richmond upon Thames', areaType: 'local-authority', parentCode: 'E54000031' },
  { code: 'E09000028', name: 'Southwark', areaType: 'local-authority', parentCode: 'E54000030' },
  { code: 'E09000029', name: 'Sutton', areaType: 'local-authority', parentCode: 'E54000031' },
  { code: 'E09000030', name: 'Tower Hamlets', areaType: 'local-authority', parentCode: 'E54000029' },
  { code: 'E09000031', name: 'Waltham Forest', areaType: 'local-authority', parentCode: 'E54000029' },
  { code: 'E09000032', name: 'Wandsworth', areaType: 'local-authority', parentCode: 'E54000031' },
  { code: 'E09000033', name: 'Westminster', areaType: 'local-authority', parentCode: 'E54000027' },
];
