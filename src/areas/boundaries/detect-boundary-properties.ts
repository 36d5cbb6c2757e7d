import { ImportError } from '../../imports/import-error.js';
import type { BoundaryProperties } from './boundary-feature.js';

// ONS names its code and name properties by geography and year: LAD24CD and LAD24NM, ICB23CD, SICBL23CD.
const onsCode = /^[A-Z]+[0-9]{2}CD$/i;
const otherCodes = ['gss_code', 'code', 'areacode', 'area_code'];
const otherNames = ['name', 'area_name', 'areaname'];

/** The property names the features use, in the order first seen (reading at most the first 1,000 features). */
function propertyNames(features: readonly unknown[]): string[] {
  const names = new Set<string>();
  for (const feature of features.slice(0, 1000)) {
    const properties = (feature as { properties?: unknown } | null)?.properties;
    if (properties && typeof properties === 'object') {
      for (const name of Object.keys(properties)) names.add(name);
    }
  }
  return [...names];
}

const list = (names: readonly string[]) =>
  names.length === 0 ? 'none' : names.length > 12 ? `${names.slice(0, 12).join(', ')}, …` : names.join(', ');

/**
 * Which properties hold each feature's area code and name. Given names are used as they are (the code must
 * be a property of the features); otherwise the code is the one property named like ONS's (`LAD24CD`,
 * `ICB23CD`: letters, two digits, `CD`, any case), or else `gss_code`, `code`, `areaCode` or `area_code`;
 * the name is the ONS code's `NM` twin (`LAD24NM`), or else `name`, `area_name` or `areaName`. A name is
 * optional (reasons and the summary use it); a code that cannot be found, or two ONS-style codes (a file of
 * districts with their region's `RGN24CD`), refuses the file: guessing could attach outlines to the wrong
 * areas.
 */
export function detectBoundaryProperties(
  features: readonly unknown[],
  given: { readonly code?: string; readonly name?: string } = {},
): BoundaryProperties {
  const names = propertyNames(features);
  const find = (wanted: string) => names.find((n) => n.toLowerCase() === wanted.toLowerCase());
  let code = given.code;
  if (code !== undefined) {
    if (!names.includes(code)) {
      throw new ImportError(
        'IMPORT_NOT_BOUNDARIES',
        `no feature has the property '${code}' (--code-property); properties: ${list(names)}`,
      );
    }
  } else {
    const ons = names.filter((n) => onsCode.test(n));
    if (ons.length > 1) {
      throw new ImportError(
        'IMPORT_NOT_BOUNDARIES',
        `the features have several area code properties (${ons.join(', ')}): choose one with --code-property`,
      );
    }
    code = ons[0] ?? otherCodes.map(find).find((n) => n !== undefined);
    if (code === undefined) {
      throw new ImportError(
        'IMPORT_NOT_BOUNDARIES',
        `no area code property found (such as LAD24CD or gss_code): give it with --code-property; properties: ${list(names)}`,
      );
    }
  }
  if (given.name !== undefined && !names.includes(given.name)) {
    throw new ImportError(
      'IMPORT_NOT_BOUNDARIES',
      `no feature has the property '${given.name}' (--name-property); properties: ${list(names)}`,
    );
  }
  const name =
    given.name ??
    (onsCode.test(code) ? find(code.replace(/cd$/i, 'NM')) : undefined) ??
    otherNames.map(find).find((n) => n !== undefined);
  return { code, name };
}
