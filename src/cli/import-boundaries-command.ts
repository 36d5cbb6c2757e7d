import { UsageError } from '../errors/usage-error.js';
import { parseCommandArgs } from './parse-command-args.js';
import { runImportCommand } from './run-file-import.js';

const help = `Usage: healthhub import boundaries FILE [--code-property NAME] [--name-property NAME] [--object NAME]
                                      [--attribution TEXT] [--skip-invalid] [--report FILE]

Imports area outlines for the geographic maps: a GeoJSON FeatureCollection (such as ONS's boundary files,
LAD24CD and LAD24NM) or a TopoJSON Topology, in WGS84 longitude/latitude, read whole: at most 256 MiB.

Each feature needs an ONS area code in a property: named like ONS's (LAD24CD, ICB23CD), or gss_code, code,
areaCode, area_code; or say which with --code-property. Its geometry must be a Polygon or MultiPolygon whose
rings are closed, with at least 4 positions, longitudes in -180..180 and latitudes in -90..90. A feature whose
code is not an area healthhub holds is skipped and counted as not matched (a UK file has more districts than
London's 33). An area's outline is inserted, replaced when a newer file's differs, or left as it is; outlines
of areas not in the file stay. The same file again changes nothing.

Options:
  --code-property NAME  the property holding the area code, when it cannot be told
  --name-property NAME  the property holding the area's name (for reasons; default the code's NM twin, name)
  --object NAME         the TopoJSON object to read, when the topology has several
  --attribution TEXT    the credit the boundaries' licence asks for, shown under every map that uses them,
                        e.g. "Office for National Statistics licensed under the Open Government Licence
                        v.3.0. Contains OS data © Crown copyright and database right 2024"
  --skip-invalid        import the valid features and report the others, instead of refusing the file
  --report FILE         where to write the rejected features (line,reason: line is the feature's number,
                        from 1); default FILE.report.csv beside the input

Exit status: 0 imported or already loaded; 2 refused (bad features, not JSON, truncated, not GeoJSON or
TopoJSON, too large) or bad usage; 1 failed (database unreachable).`;

export async function run(args: string[]): Promise<number> {
  const command = 'import boundaries';
  const { values, positionals } = parseCommandArgs(
    command,
    args,
    {
      'code-property': { type: 'string' },
      'name-property': { type: 'string' },
      object: { type: 'string' },
      attribution: { type: 'string' },
      'skip-invalid': { type: 'boolean' },
      report: { type: 'string' },
    },
    true,
  );
  if (values.help) {
    process.stdout.write(`${help}\n`);
    return 0;
  }
  if (positionals.length !== 1) {
    throw new UsageError(
      `${command}: ${positionals.length === 0 ? 'FILE is required' : 'one file at a time'}. See 'healthhub ${command} --help'`,
    );
  }
  const { importBoundaries } = await import('../areas/boundaries/import-boundaries.js');
  const { loadBuiltInGeography } = await import('../areas/load-built-in-geography.js');
  const { formatNotMatched } = await import('../areas/boundaries/boundary-import-summary.js');
  const optional = (name: string, value: string | boolean | undefined) =>
    typeof value === 'string' ? { [name]: value } : {};
  let notMatched: string | undefined;
  const code = await runImportCommand('boundaries', async (db, onProgress) => {
    // London's boroughs and ICBs are built in (serve adds them at every start): added here too, so that
    // their outlines match on a database the server has not opened yet.
    await loadBuiltInGeography(db);
    const summary = await importBoundaries(db, {
      file: positionals[0]!,
      ...optional('codeProperty', values['code-property']),
      ...optional('nameProperty', values['name-property']),
      ...optional('object', values.object),
      ...optional('attribution', values.attribution),
      ...optional('reportPath', values.report),
      skipInvalid: values['skip-invalid'] === true,
      onProgress,
    });
    notMatched = formatNotMatched(summary);
    return summary;
  });
  if (notMatched !== undefined) process.stdout.write(`${notMatched}\n`);
  return code;
}
