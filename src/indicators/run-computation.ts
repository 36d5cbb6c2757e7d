import type { Db } from '../db/db.js';
import { lockImports, recordLoadCounts } from '../imports/data-load-repository.js';
import { dataLoads } from '../imports/data-loads-table.js';
import type { ImportProgressListener } from '../imports/import-progress.js';
import type { ImportContext } from '../imports/importer.js';
import type { PopulationSex } from '../populations/population-sex.js';
import { indicatorSex } from '../populations/population-sex.js';
import { aggregateAgeBands, type BandedAmount } from './aggregate-age-bands.js';
import { ComputeError } from './compute-error.js';
import { type ComputePlan, planComputation } from './compute-plan.js';
import type { ComputeRequest } from './compute-request.js';
import type { ComputeSummary, SkippedValue } from './compute-summary.js';
import type { ComputedFigures } from './computed-figures.js';
import { indicatorAgeLabel } from './indicator-age-label.js';
import { createIndicatorValuesStage, stageIndicatorValues } from './indicator-values-stage.js';
import { mergeIndicatorValues } from './merge-indicator-values.js';
import { type AreaInputs, forEachAreaInputs } from './read-compute-inputs.js';
import type { StagedValue } from './staged-value.js';
import { upsertComputedIndicator } from './upsert-computed-indicator.js';

/** data_loads.name of every computation. */
export const COMPUTE_LOAD_NAME = 'compute';

/** Thrown inside the transaction to undo a computation that changed nothing. */
class NothingChanged extends Error {
  constructor(readonly summary: ComputeSummary) {
    super('nothing changed');
  }
}

/** The bands of one sex summed into the plan's bands; persons from males and females when not stored. */
function sexAmounts(
  plan: ComputePlan,
  bySex: ReadonlyMap<PopulationSex, BandedAmount[]>,
  sex: PopulationSex,
): { ok: true; amounts: number[] } | { ok: false; reason: string } | undefined {
  const sets = bySex.has(sex)
    ? [bySex.get(sex)!]
    : sex === 'persons' && bySex.has('males') && bySex.has('females')
      ? [bySex.get('males')!, bySex.get('females')!]
      : undefined;
  if (!sets) return undefined;
  const totals = plan.bands.map(() => 0);
  for (const rows of sets) {
    const aggregated = aggregateAgeBands(rows, plan.bands);
    if (!aggregated.ok) return aggregated;
    aggregated.amounts.forEach((a, i) => {
      totals[i]! += a;
    });
  }
  return { ok: true, amounts: totals };
}

const describe = (source: ComputePlan['denominator'], year: number) =>
  source.table === 'populations' ? `populations for ${year}` : `counts of '${source.measure}' for ${year}`;

/**
 * Computes indicator values from stored event counts and populations with @healthhub/stats (see
 * planComputation: dsr, rate, proportion) and writes them, in one transaction:
 *
 * 1. a data_loads row (kind 'import', name 'compute', source the computation as a command line);
 * 2. the indicator made to say what the values are (upsertComputedIndicator);
 * 3. for every area with counts (or those asked for) and each sex: the numerator and denominator summed
 *    into the plan's bands, the value and its 95% and 99.8% limits computed; an area and sex that cannot be
 *    (no populations, bands that do not fit, a band with no population) is skipped with its reason;
 * 4. the values merged into indicator_values like an import's (mergeIndicatorValues): new ones inserted,
 *    changed ones updated with their previous row in indicator_value_history, comparisons and trends
 *    computed.
 *
 * The same inputs again change nothing: the transaction is rolled back and the status is 'unchanged'.
 * Throws ComputeError when nothing can be computed, the indicator needs a name, or an area asked for by code
 * cannot be computed (nothing is written).
 */
export async function runComputation(
  db: Db,
  request: ComputeRequest,
  options: { readonly onProgress?: ImportProgressListener } = {},
): Promise<ComputeSummary> {
  const plan = planComputation(request);
  const progress = options.onProgress ?? (() => {});
  const period = String(request.year);
  const age = indicatorAgeLabel(request.ages);
  try {
    return await db.transaction(async (trx) => {
      await lockImports(trx);
      const [load] = await trx
        .insert(dataLoads)
        .values({ kind: 'import', name: COMPUTE_LOAD_NAME, source: plan.description, isDemo: false })
        .returning({ id: dataLoads.id });
      const loadId = load!.id;
      const definitionChanged = await upsertComputedIndicator(trx, request.indicatorId, plan, request);
      await createIndicatorValuesStage(trx);

      const skipped: SkippedValue[] = [];
      const seen = new Set<string>();
      let batch: StagedValue[] = [];
      let values = 0;
      const value = (areaCode: string, sex: PopulationSex, figures: ComputedFigures) => {
        values++;
        batch.push({
          line: values,
          indicatorId: request.indicatorId,
          areaCode,
          period,
          periodSort: request.year * 10000,
          sex: indicatorSex(sex),
          age,
          categoryType: '',
          category: '',
          ...figures,
          sourceTrend: null,
          sourceComparedToEngland: null,
          sourceComparedToRegion: null,
          areaName: null,
          areaType: null,
          indicatorName: null,
        });
      };
      const computeArea = async (inputs: AreaInputs) => {
        seen.add(inputs.areaCode);
        if (inputs.numerator.size === 0 && !request.areas) return;
        progress({ phase: 'computing', done: 0, total: 0 });
        for (const sex of request.sexes) {
          const skip = (reason: string) =>
            skipped.push({ areaCode: inputs.areaCode, sex: indicatorSex(sex), reason });
          const x = sexAmounts(plan, inputs.numerator, sex);
          const n = sexAmounts(plan, inputs.denominator, sex);
          if (!x) skip(`no ${sex} ${describe(plan.numerator, request.year)}`);
          else if (!n) skip(`no ${sex} ${describe(plan.denominator, request.year)}`);
          else if (!x.ok) skip(`${describe(plan.numerator, request.year)}: ${x.reason}`);
          else if (!n.ok) skip(`${describe(plan.denominator, request.year)}: ${n.reason}`);
          else {
            const figures = plan.figures(x.amounts, n.amounts);
            if (figures.ok) value(inputs.areaCode, sex, figures.figures);
            else skip(figures.reason);
          }
        }
        if (batch.length >= 2000) {
          await stageIndicatorValues(trx, batch);
          batch = [];
        }
      };
      await forEachAreaInputs(
        trx,
        {
          numerator: plan.numerator,
          denominator: plan.denominator,
          year: request.year,
          areas: request.areas,
          areaType: request.areaType,
        },
        computeArea,
      );
      await stageIndicatorValues(trx, batch);

      for (const code of request.areas ?? []) {
        if (!seen.has(code)) {
          skipped.push({ areaCode: code, sex: '', reason: `no ${describe(plan.numerator, request.year)}` });
        }
      }
      if (request.areas && skipped.length > 0) {
        throw new ComputeError(
          'COMPUTE_AREAS',
          `${skipped.length} of the values asked for cannot be computed: ${skipped
            .slice(0, 5)
            .map((k) => `${k.areaCode}${k.sex ? ` ${k.sex}` : ''}: ${k.reason}`)
            .join('; ')}${skipped.length > 5 ? '; ...' : ''}`,
        );
      }
      if (values === 0) {
        throw new ComputeError(
          'COMPUTE_NO_DATA',
          `no area has both ${describe(plan.numerator, request.year)} and ${describe(plan.denominator, request.year)}` +
            (skipped.length > 0
              ? ` that can be computed (${skipped[0]!.areaCode}: ${skipped[0]!.reason})`
              : ''),
        );
      }

      const context: ImportContext = {
        db: trx,
        loadId,
        source: plan.description,
        strict: true,
        reject: async () => {},
        progress,
      };
      const outcome = await mergeIndicatorValues(context, {
        valueType: plan.indicator.valueType,
        polarity: plan.indicator.polarity,
        periodType: 'calendar-year',
        source: 'Computed by healthhub',
        licence: '',
      });
      const summary: ComputeSummary = {
        method: request.method,
        indicatorId: request.indicatorId,
        period,
        status: 'computed',
        loadId,
        values,
        ...outcome,
        skipped,
      };
      if (outcome.inserted === 0 && outcome.updated === 0 && !definitionChanged) {
        throw new NothingChanged({ ...summary, status: 'unchanged', loadId: undefined });
      }
      await recordLoadCounts(trx, loadId, {
        rowsRead: values + skipped.length,
        ...outcome,
        rejected: skipped.length,
      });
      return summary;
    });
  } catch (error) {
    if (error instanceof NothingChanged) return error.summary;
    throw error;
  }
}
